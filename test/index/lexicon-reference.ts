/**
 * The lexicon as it was before its load-ready layout (Maps built from the phrase groups), kept as
 * the oracle the compiled lexicon is compared with: same matches, same expansions, in the same order.
 */
import type { Lang } from '../../src/ingest/types.js';
import { stem } from '../../src/index/analyzer.js';
import { frenchCognates } from '../../src/index/cognates.js';
import type { Phrase, PhraseMatch } from '../../src/index/lexicon.js';

type Group = Phrase[];

const sameWord = (phraseWord: string, queryWord: string, lang: Lang): boolean =>
  phraseWord === queryWord || stem(phraseWord, lang) === stem(queryWord, lang);

const firstKeys = (p: Phrase): [string, string] => {
  const first = p.words[0] as string;
  return [stem(first, 'fr'), stem(first, 'en')];
};

export class ReferenceLexicon {
  /** Phrases by the stems of their first word, for quick lookup. */
  private readonly byFirst = new Map<string, { phrase: Phrase; group: Group }[]>();
  /** Single-term equivalents, for `expandTerm`. */
  private readonly singles = new Map<string, Set<string>>();

  constructor(groups: Group[]) {
    for (const group of groups) {
      for (const p of group) {
        const [fr, en] = firstKeys(p);
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
