/**
 * Focus inside the best document. The index ranks passages by the whole
 * question, so a report's topic words (its title's words, its acronym),
 * found in nearly every passage of that report, outweigh the one word that
 * says which passage answers ("coût" in "combien coûte la JDC ?"). Once the
 * best document is known, the question's words that are rare *inside it*
 * decide: the document's passages holding them become candidates too, to be
 * scored sentence by sentence like the index's hits.
 */
import type { Lang, Passage } from '../ingest/types.js';
import type { PassageSearch, SearchHit } from '../index/types.js';
import { documentTerms, formsIn, localShare } from './passage-terms.js';
import type { TermGroup } from './sentences.js';

/** A question word found in more than this share of a document's passages is a topic word of it. */
export const TOPIC_SHARE = 0.25;
/** At most this many extra passages; those holding the most discriminating words first. */
const FOCUS_MAX = 24;

type Analyze = (text: string, lang?: Lang) => string[];

/** Passages of the top hit's document that hold the question's discriminating words (none when nothing to focus on). */
export function focusedHits(index: PassageSearch, analyze: Analyze, groups: TermGroup[], hits: SearchHit[]): SearchHit[] {
  const top = hits[0]?.passage;
  if (!top || groups.length < 2) return [];
  const stats = documentTerms(index, top.docId, analyze);
  const focus = groups.filter((g) => {
    const share = localShare(g, stats);
    return share > 0 && share < TOPIC_SHARE;
  });
  // Every word already discriminating: the index's own ranking is the focused one.
  if (!focus.length || focus.length === groups.length) return [];
  const weight = new Map<Passage, number>();
  for (const g of focus) {
    const holders = new Set<Passage>();
    for (const f of formsIn(g, stats)) for (const p of stats.postings.get(f) ?? []) holders.add(p);
    for (const p of holders) weight.set(p, (weight.get(p) ?? 0) + g.weight);
  }
  return [...weight.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, FOCUS_MAX)
    .map(([passage, score]) => ({ passage, score, terms: [], queryTerms: [] }));
}
