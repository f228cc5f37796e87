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

/** The best documents (by their first hit) the focus looks inside. */
const FOCUS_DOCUMENTS = 2;

/**
 * Passages of the best documents that hold the question's discriminating words (none when nothing to focus on).
 * With `states` (a figure or date question), the passages of those documents that state one and hold the
 * question's words, however common inside the document: "21 défis ont été sélectionnés" has only topic words.
 */
export function focusedHits(
  index: PassageSearch,
  analyze: Analyze,
  groups: TermGroup[],
  hits: SearchHit[],
  states?: (p: Passage) => boolean,
): SearchHit[] {
  if (groups.length < 2) return [];
  // The documents the index returns most passages of (then the earliest): one strong passage may rank a
  // document first while another holds most of the question.
  const count = new Map<string, number>();
  for (const h of hits) count.set(h.passage.docId, (count.get(h.passage.docId) ?? 0) + 1);
  const docs = [...count.keys()].sort((a, b) => (count.get(b) ?? 0) - (count.get(a) ?? 0)).slice(0, FOCUS_DOCUMENTS);
  const out: SearchHit[] = [];
  for (const docId of docs) {
    out.push(...focusInside(index, analyze, groups, docId));
    if (states) out.push(...statingInside(index, analyze, groups, docId, states));
  }
  return out;
}

/** Passages stating a figure or date, ranked by the question words they hold, each weighted by its rarity inside the document. */
function statingInside(index: PassageSearch, analyze: Analyze, groups: TermGroup[], docId: string, states: (p: Passage) => boolean): SearchHit[] {
  const stats = documentTerms(index, docId, analyze);
  const weight = new Map<Passage, number>();
  for (const g of groups) {
    const share = localShare(g, stats);
    if (!share) continue;
    const holders = new Set<Passage>();
    for (const f of formsIn(g, stats)) for (const p of stats.postings.get(f) ?? []) holders.add(p);
    for (const p of holders) weight.set(p, (weight.get(p) ?? 0) + g.weight * Math.log(1 + 1 / share));
  }
  return [...weight.entries()]
    .filter(([p]) => states(p))
    .sort((a, b) => b[1] - a[1])
    .slice(0, FOCUS_MAX)
    .map(([passage, score]) => ({ passage, score, terms: [], queryTerms: [] }));
}

function focusInside(index: PassageSearch, analyze: Analyze, groups: TermGroup[], docId: string): SearchHit[] {
  const stats = documentTerms(index, docId, analyze);
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
