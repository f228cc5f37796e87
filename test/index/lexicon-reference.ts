/**
 * The oracle the compiled lexicon is compared with: the phrase groups in a plain Map by the French and
 * the English stem of their first word, equivalents found by scanning the groups (no sorted keys, no
 * offsets, nothing precomputed). Phrases are met in the layout's order, so the same matches come out in
 * the same order. What a match gives once its phrases are found is the lexicon's own `phraseMatch`.
 */
import type { Lang } from '../../src/ingest/types.js';
import { stem } from '../../src/index/analyzer.js';
import { phraseMatch, sameWord, type Phrase, type PhraseMatch } from '../../src/index/lexicon.js';

export class ReferenceLexicon {
  /** Phrases with their group, under the French and the English stem of their first word, in group order. */
  private readonly byHead = new Map<string, { phrase: Phrase; group: Phrase[] }[]>();

  constructor(private readonly groups: Phrase[][]) {
    for (const group of groups) {
      for (const phrase of group) {
        for (const lang of ['fr', 'en'] as const) {
          const key = `${lang}:${stem(phrase.words[0] as string, lang)}`;
          const list = this.byHead.get(key) ?? [];
          list.push({ phrase, group });
          this.byHead.set(key, list);
        }
      }
    }
  }

  /** The longest phrase starting at `query[at]`, with its equivalents' terms. */
  match(query: string[], at: number): PhraseMatch | undefined {
    const head = query[at];
    if (head === undefined) return undefined;
    let best: { length: number; groups: Set<Phrase[]>; own: Set<Phrase> } | undefined;
    for (const lang of ['fr', 'en'] as const) {
      for (const { phrase: p, group } of this.byHead.get(`${lang}:${stem(head, lang)}`) ?? []) {
        const n = p.words.length;
        if (at + n > query.length || (best && n < best.length)) continue;
        if (!p.words.every((w, i) => sameWord(w, query[at + i] as string, p.lang))) continue;
        if (!best || n > best.length) best = { length: n, groups: new Set(), own: new Set() };
        best.groups.add(group);
        best.own.add(p);
      }
    }
    return phraseMatch(head, best);
  }

  /** Single terms equivalent to `term`: other one-term phrases of the groups holding it as a one-term phrase. */
  expandTerm(term: string, lang: Lang): string[] {
    // The asker's language first; the other language only for a term the lexicon does not know in it.
    for (const l of [lang, lang === 'fr' ? 'en' : 'fr'] as const) {
      const out = new Set<string>();
      for (const group of this.groups) {
        for (const p of group) {
          if (p.lang !== l || p.terms.length !== 1 || p.terms[0] !== term) continue;
          for (const other of group) if (other !== p && other.terms.length === 1 && other.terms[0] !== term) out.add(other.terms[0] as string);
        }
      }
      if (out.size) return [...out];
    }
    return [];
  }
}
