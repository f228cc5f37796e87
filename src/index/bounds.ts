/**
 * Upper bounds for the scorer's dynamic pruning: the most a clause can add to a
 * passage's score sum, from each entry's highest posting score (computed once
 * per entry and cached on it, so the artifact format is unchanged).
 */
import type { ResolvedClause, ResolvedTerm } from './scorer.js';
import type { TermEntry } from './term-index.js';

/** Margin on upper bounds against rounding (bounds and sums add the same numbers in other orders). */
export const SAFETY = 1 + 1e-9;

/** Highest score in an entry, computed once per entry. */
export function maxScore(entry: TermEntry): number {
  if (entry.max === undefined) {
    let m = 0;
    for (let i = 0; i < entry.scores.length; i++) if ((entry.scores[i] as number) > m) m = entry.scores[i] as number;
    entry.max = m;
  }
  return entry.max;
}

/** Sum of the best scores of a term's entries: what it can add to one passage, at most. */
export function looseTermBound(t: ResolvedTerm): number {
  let s = 0;
  for (const part of t.parts) s += maxScore(part.entry) * part.weight;
  return s;
}

/** Upper bound of what a clause adds to a passage's score sum (its best alternative at its best). */
export function totalBound(clause: ResolvedClause, termBound: (t: ResolvedTerm) => number = looseTermBound): number {
  let bound = 0;
  for (const a of clause.alternatives) {
    let s = 0;
    for (const t of a.terms) s += termBound(t);
    if (s * a.weight > bound) bound = s * a.weight;
  }
  return bound;
}
