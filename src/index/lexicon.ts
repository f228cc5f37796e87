/**
 * Synonyms and translations: groups of equivalent phrases (static bilingual
 * lexicon + acronyms and administration names learned at ingestion). A query
 * phrase found in a group brings in the other phrases' terms as alternatives.
 */
import type { Knowledge, Lang } from '../ingest/types.js';
import { stem, words } from './analyzer.js';
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

const sameWord = (a: string, b: string): boolean =>
  a === b || stem(a, 'fr') === stem(b, 'fr') || stem(a, 'en') === stem(b, 'en');

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

export class Lexicon {
  /** Phrases by the stems of their first word, for quick lookup. */
  private readonly byFirst = new Map<string, { phrase: Phrase; group: Group }[]>();
  /** Single-term equivalents, for `expandTerm`. */
  private readonly singles = new Map<string, Set<string>>();

  constructor(groups: Group[]) {
    for (const group of groups) {
      for (const p of group) {
        const first = p.words[0] as string;
        for (const key of new Set([`fr:${stem(first, 'fr')}`, `en:${stem(first, 'en')}`])) {
          const list = this.byFirst.get(key) ?? [];
          list.push({ phrase: p, group });
          this.byFirst.set(key, list);
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

  static build(knowledge?: Knowledge): Lexicon {
    return new Lexicon([...staticGroups(), ...knowledgeGroups(knowledge)]);
  }

  /** The longest phrase starting at `query[at]`, with its equivalents' terms. */
  match(query: string[], at: number): PhraseMatch | undefined {
    const head = query[at];
    if (head === undefined) return undefined;
    const candidates = [
      ...(this.byFirst.get(`fr:${stem(head, 'fr')}`) ?? []),
      ...(this.byFirst.get(`en:${stem(head, 'en')}`) ?? []),
    ];
    let best: { length: number; groups: Set<Group>; own: Set<Phrase> } | undefined;
    for (const { phrase: p, group } of candidates) {
      const n = p.words.length;
      if (at + n > query.length || !p.words.every((w, i) => sameWord(w, query[at + i] as string))) continue;
      if (!best || n > best.length) best = { length: n, groups: new Set(), own: new Set() };
      if (n === best.length) {
        best.groups.add(group);
        best.own.add(p);
      }
    }
    if (!best) return undefined;
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
