/**
 * Synonyms and translations: groups of equivalent phrases (static bilingual
 * lexicon + acronyms and administration names learned at ingestion). A query
 * phrase found in a group brings in the other phrases' terms as alternatives.
 */
import type { Knowledge, Lang } from '../ingest/types.js';
import { stem, words } from './analyzer.js';
import { frenchCognates } from './cognates.js';
import { LEXICON_LINES } from './lexicon-data.js';

export interface Phrase {
  /** Content words, folded, unstemmed (what query words are matched against). */
  words: string[];
  /** Index terms of the phrase, stemmed in its own language. */
  terms: string[];
  lang: Lang;
}

export interface PhraseMatch {
  /** How many query words the matched phrase covers. */
  length: number;
  /** Index-term lists of the equivalent phrases (the matched one excluded). */
  alternatives: string[][];
}

type Group = Phrase[];

/**
 * A query word is a phrase's word when they stem alike in the phrase's language: French "date" and
 * English "data" share a French stem, but "data" is an English phrase, so "date" is not "data".
 */
const sameWord = (phraseWord: string, queryWord: string, lang: Lang): boolean =>
  phraseWord === queryWord || stem(phraseWord, lang) === stem(queryWord, lang);

function phrase(text: string, lang: Lang): Phrase | undefined {
  const w = words(text);
  return w.length ? { words: w, terms: w.map((x) => stem(x, lang)), lang } : undefined;
}

/** Parses `english, … | français, …` lines. */
export function staticGroups(lines: readonly string[] = LEXICON_LINES): Group[] {
  return lines.map((line) => {
    const [en = '', fr = ''] = line.split('|');
    const side = (s: string, lang: Lang) =>
      s.split(',').map((p) => phrase(p.trim(), lang)).filter((p): p is Phrase => !!p);
    return [...side(en, 'en'), ...side(fr, 'fr')];
  });
}

/** Acronyms and administration names read by ingestion (names are French unless known otherwise). */
export function knowledgeGroups(knowledge: Knowledge | undefined): Group[] {
  if (!knowledge) return [];
  const groups: Group[] = [];
  const add = (names: (string | undefined)[]) => {
    const phrases = [...new Set(names.filter((n): n is string => !!n && n.length <= 120))]
      .map((n) => phrase(n, 'fr'))
      .filter((p): p is Phrase => !!p);
    if (phrases.length > 1) groups.push(phrases);
  };
  for (const a of knowledge.acronyms) if (/^[\p{Lu}\d&.-]{2,12}$/u.test(a.short)) add([a.short, a.long]);
  for (const a of knowledge.administrations) if (a.acronym) add([a.acronym, a.name]);
  return groups;
}

/** A compiled lexicon as the artifact stores it: each phrase as [words, terms, lang, French and English stems of its first word]. */
export interface LexiconJSON {
  /** Which static lexicon it was compiled with (a changed lexicon-data.ts recompiles). */
  staticLines: string;
  groups: [string, string, Lang, string, string][][];
}

/** FNV-1a of the static lexicon's lines: cheap, and enough to notice an edit. */
const STATIC_LINES = (() => {
  let h = 0x811c9dc5;
  const text = LEXICON_LINES.join('\n');
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${LEXICON_LINES.length}:${(h >>> 0).toString(16)}`;
})();

/** Lexicons already made for a knowledge object (the index and the bot share one). */
const made = new WeakMap<Knowledge, Lexicon>();

const firstKeys = (p: Phrase): [string, string] => {
  const first = p.words[0] as string;
  return [stem(first, 'fr'), stem(first, 'en')];
};

export class Lexicon {
  /** Phrases by the stems of their first word, for quick lookup. */
  private readonly byFirst = new Map<string, { phrase: Phrase; group: Group }[]>();
  /** Single-term equivalents, for `expandTerm`. */
  private readonly singles = new Map<string, Set<string>>();
  private readonly keys = new Map<Phrase, [string, string]>();

  constructor(
    private readonly groups: Group[],
    keysOf: (p: Phrase) => [string, string] = firstKeys,
  ) {
    for (const group of groups) {
      for (const p of group) {
        const [fr, en] = keysOf(p);
        this.keys.set(p, [fr, en]);
        // Two keys, always distinct (their prefixes differ); no Set per phrase: 6,000 phrases load at every start.
        const entry = { phrase: p, group };
        for (const key of [`fr:${fr}`, `en:${en}`]) {
          const list = this.byFirst.get(key);
          if (list) list.push(entry);
          else this.byFirst.set(key, [entry]);
        }
        if (p.terms.length !== 1) continue;
        const key = `${p.lang}:${p.terms[0]}`;
        const set = this.singles.get(key) ?? new Set<string>();
        for (const other of group) if (other !== p && other.terms.length === 1) set.add(other.terms[0] as string);
        set.delete(p.terms[0] as string);
        this.singles.set(key, set);
      }
    }
  }

  /** The static lexicon plus the knowledge's acronyms and names (made once per knowledge object). */
  static build(knowledge?: Knowledge): Lexicon {
    const known = knowledge && made.get(knowledge);
    if (known) return known;
    const lexicon = new Lexicon([...staticGroups(), ...knowledgeGroups(knowledge)]);
    if (knowledge) made.set(knowledge, lexicon);
    return lexicon;
  }

  /** Everything already stemmed, so that loading an artifact stems nothing. */
  toJSON(): LexiconJSON {
    return {
      staticLines: STATIC_LINES,
      groups: this.groups.map((g) =>
        g.map((p) => [p.words.join(' '), p.terms.join(' '), p.lang, ...(this.keys.get(p) ?? firstKeys(p))]),
      ),
    };
  }

  /**
   * Reads `toJSON()` output for this knowledge; rebuilds from the knowledge when the static
   * lexicon has changed since (or the JSON is missing or malformed).
   */
  static fromJSON(json: unknown, knowledge?: Knowledge): Lexicon {
    const j = json as Partial<LexiconJSON> | undefined;
    if (!j || j.staticLines !== STATIC_LINES || !Array.isArray(j.groups)) return Lexicon.build(knowledge);
    const keys = new Map<Phrase, [string, string]>();
    const groups = j.groups.map((g) =>
      g.map(([w, t, lang, fr, en]) => {
        const p: Phrase = { words: w.split(' '), terms: t.split(' '), lang };
        keys.set(p, [fr, en]);
        return p;
      }),
    );
    const lexicon = new Lexicon(groups, (p) => keys.get(p) ?? firstKeys(p));
    if (knowledge) made.set(knowledge, lexicon);
    return lexicon;
  }

  /** The longest phrase starting at `query[at]`, with its equivalents' terms. */
  match(query: string[], at: number): PhraseMatch | undefined {
    const head = query[at];
    if (head === undefined) return undefined;
    let best: { length: number; groups: Set<Group>; own: Set<Phrase> } | undefined;
    // Both keys' lists read in place (no concatenated copy: this runs for every word of every query).
    for (const list of [this.byFirst.get(`fr:${stem(head, 'fr')}`), this.byFirst.get(`en:${stem(head, 'en')}`)]) {
      for (const { phrase: p, group } of list ?? []) {
        const n = p.words.length;
        if (at + n > query.length || (best && n < best.length)) continue;
        if (!p.words.every((w, i) => sameWord(w, query[at + i] as string, p.lang))) continue;
        if (!best || n > best.length) best = { length: n, groups: new Set(), own: new Set() };
        best.groups.add(group);
        best.own.add(p);
      }
    }
    if (!best) {
      // No phrase: an English word may still be a French word spelled the English way ("inventory").
      const cognates = [...new Set(frenchCognates(head, true).map((c) => stem(c, 'fr')))].filter((t) => t !== stem(head, 'fr'));
      return cognates.length ? { length: 1, alternatives: cognates.map((t) => [t]) } : undefined;
    }
    const seen = new Set<string>();
    const alternatives: string[][] = [];
    for (const group of best.groups) {
      for (const p of group) {
        const key = p.terms.join(' ');
        if (best.own.has(p) || seen.has(key)) continue;
        seen.add(key);
        alternatives.push(p.terms);
      }
    }
    return { length: best.length, alternatives };
  }

  /** Other single index terms equivalent to an analysed term (for sentence scoring in the bot). */
  expandTerm(term: string, lang: Lang): string[] {
    const out = new Set<string>();
    for (const l of [lang, lang === 'fr' ? 'en' : 'fr'] as const) {
      for (const t of this.singles.get(`${l}:${term}`) ?? []) out.add(t);
    }
    out.delete(term);
    return [...out];
  }
}
