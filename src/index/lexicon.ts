/**
 * Synonyms and translations: groups of equivalent phrases (static bilingual
 * lexicon + acronyms and administration names learned at ingestion). A query
 * phrase found in a group brings in the other phrases' terms as alternatives.
 */
import type { Knowledge, Lang } from '../ingest/types.js';
import { stem, words } from './analyzer.js';
import { frenchCognates } from './cognates.js';
import { LEXICON_LINES } from './lexicon-data.js';
import { compileLexicon, LexiconLayout, type Group, type LexiconJSON, type Phrase } from './lexicon-layout.js';

export type { LexiconJSON, Phrase };

export interface PhraseMatch {
  /** How many query words the matched phrase covers. */
  length: number;
  /** Index-term lists of the equivalent phrases (the matched one excluded). */
  alternatives: string[][];
}

/**
 * A query word is a phrase's word when they stem alike in the phrase's language: French "date" and
 * English "data" share a French stem, but "data" is an English phrase, so "date" is not "data".
 */
export const sameWord = (phraseWord: string, queryWord: string, lang: Lang): boolean =>
  phraseWord === queryWord || stem(phraseWord, lang) === stem(queryWord, lang);

/** The longest phrases found at a query word: how many words they cover, their groups (in the order met), themselves. */
export interface LongestPhrases {
  length: number;
  groups: Iterable<Iterable<Phrase>>;
  own: ReadonlySet<Phrase>;
}

/**
 * A match from its longest phrases: the other phrases of their groups, each list of terms once. With no
 * phrase, an English word may still be a French word spelled the English way ("inventory").
 */
export function phraseMatch(head: string, best: LongestPhrases | undefined): PhraseMatch | undefined {
  if (!best) {
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

/** FNV-1a of the static lexicon's lines: cheap, and enough to notice an edit. */
const STATIC_LINES = (() => {
  let h = 0x811c9dc5;
  const text = LEXICON_LINES.join('\n');
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${LEXICON_LINES.length}:${(h >>> 0).toString(16)}`;
})();

/** Lexicons already made for a knowledge object (the index and the bot share one). */
const made = new WeakMap<Knowledge, Lexicon>();

/** Shared by the many head keys with no phrase, so that the memo holds no array for them. */
const NO_PHRASES: readonly { terms: string[]; joined: string }[] = [];

export class Lexicon {
  private readonly layout: LexiconLayout;
  /** `withPhrases`' memo of the phrases under each head key it met. */
  private readonly heads = new Map<string, readonly { terms: string[]; joined: string }[]>();

  /** From phrase groups (compiled now), or from a compiled layout (read in place). */
  constructor(source: Group[] | LexiconLayout) {
    this.layout = Array.isArray(source) ? new LexiconLayout(compileLexicon(source, STATIC_LINES)) : source;
  }

  /** The static lexicon plus the knowledge's acronyms and names (made once per knowledge object). */
  static build(knowledge?: Knowledge): Lexicon {
    const known = knowledge && made.get(knowledge);
    if (known) return known;
    const lexicon = new Lexicon([...staticGroups(), ...knowledgeGroups(knowledge)]);
    if (knowledge) made.set(knowledge, lexicon);
    return lexicon;
  }

  /** Everything already stemmed and laid out, so that loading an artifact stems and builds nothing. */
  toJSON(): LexiconJSON {
    return this.layout.json;
  }

  /**
   * Reads `toJSON()` output for this knowledge; rebuilds from the knowledge when the static
   * lexicon has changed since (or the JSON is missing, of an older layout or malformed).
   */
  static fromJSON(json: unknown, knowledge?: Knowledge): Lexicon {
    const j = json as Partial<LexiconJSON> | undefined;
    if (!j || j.staticLines !== STATIC_LINES || j.layout !== 2) return Lexicon.build(knowledge);
    let layout: LexiconLayout;
    try {
      layout = new LexiconLayout(j as LexiconJSON);
    } catch {
      return Lexicon.build(knowledge);
    }
    const lexicon = new Lexicon(layout);
    if (knowledge) made.set(knowledge, lexicon);
    return lexicon;
  }

  /**
   * The longest phrase starting at `query[at]`, with its equivalents' terms. Given the query's language, a
   * phrase of that language found there wins over the other language's: English "effective" is not
   * French « effectifs » (staff), though the French stemmer makes one of the other.
   */
  match(query: string[], at: number, lang?: Lang): PhraseMatch | undefined {
    const head = query[at];
    if (head === undefined) return undefined;
    const lex = this.layout;
    // Groups by number: insertion order is the order the alternatives are listed in.
    let best: { length: number; groups: Set<number>; own: Set<Phrase> } | undefined;
    const heads: Lang[] = lang === 'en' ? ['en', 'fr'] : ['fr', 'en'];
    for (const [k, l] of heads.entries()) {
      if (lang && k > 0 && best) break;
      const ids = lex.underHead(`${l}:${stem(head, l)}`);
      for (const id of ids ?? []) {
        const p = lex.phrase(id);
        const n = p.words.length;
        if (at + n > query.length || (best && n < best.length)) continue;
        if (!p.words.every((w, i) => sameWord(w, query[at + i] as string, p.lang))) continue;
        if (!best || n > best.length) best = { length: n, groups: new Set(), own: new Set() };
        best.groups.add(lex.groupOf[id] as number);
        best.own.add(p);
      }
    }
    const phrasesOf = (g: number): Phrase[] => {
      const out: Phrase[] = [];
      for (let id = lex.groupStart[g] as number; id < (lex.groupStart[g + 1] as number); id++) out.push(lex.phrase(id));
      return out;
    };
    return phraseMatch(head, best && { length: best.length, groups: [...best.groups].map(phrasesOf), own: best.own });
  }

  /**
   * A text's index terms with each multi-word phrase of the lexicon in its language also as one term,
   * its terms joined by `+` (« base de données » → "bas+donne"), placed before its first word. A question
   * word whose equivalent is a phrase ("database") then meets the phrase itself, not its words apart.
   */
  withPhrases(terms: string[], lang: Lang): string[] {
    const out: string[] = [];
    for (let i = 0; i < terms.length; i++) {
      const head = terms[i] as string;
      for (const p of this.phrasesAt(`${lang}:${head}`, lang)) {
        const n = p.terms.length;
        if (i + n > terms.length) continue;
        let k = 1;
        while (k < n && terms[i + k] === p.terms[k]) k++;
        if (k === n) out.push(p.joined);
      }
      out.push(head);
    }
    return out;
  }

  /** Multi-word phrases of a language under a head key, each once, joined (memoised: passages repeat their words). */
  private phrasesAt(key: string, lang: Lang): readonly { terms: string[]; joined: string }[] {
    let found = this.heads.get(key);
    if (!found) {
      const seen = new Set<string>();
      const list: { terms: string[]; joined: string }[] = [];
      for (const id of this.layout.underHead(key) ?? []) {
        const p = this.layout.phrase(id);
        const joined = p.terms.join('+');
        // The same phrase may be filed in several groups: once is enough.
        if (p.terms.length < 2 || p.lang !== lang || seen.has(joined)) continue;
        seen.add(joined);
        list.push({ terms: p.terms, joined });
      }
      found = list.length ? list : NO_PHRASES;
      this.heads.set(key, found);
    }
    return found;
  }

  /**
   * Other single index terms equivalent to an analysed term (for sentence scoring in the bot). A term the
   * lexicon knows in the asker's language is read as that language's word only: French « effectifs » (staff)
   * and English "effective" share a stem, as do « département » and "department". The other language's
   * entries serve a term the lexicon does not know in the asker's (an English word in a French question).
   */
  expandTerm(term: string, lang: Lang): string[] {
    const own = this.layout.singles(`${lang}:${term}`);
    const out = new Set(own.length ? own : this.layout.singles(`${lang === 'fr' ? 'en' : 'fr'}:${term}`));
    out.delete(term);
    return [...out];
  }
}
