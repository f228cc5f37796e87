/**
 * Upper bounds for the scorer's dynamic pruning: the most a clause can add to a
 * passage's score sum, from each entry's highest posting score (computed once
 * per entry and cached on it, so the artifact format is unchanged); and the
 * cost model that decides when a clause is probed per candidate rather than scanned.
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

/** Upper bound of what a clause adds to a passage's coverage (its weight × its best alternative's weight). */
export function coverBound(clause: ResolvedClause): number {
  return clause.weight * Math.max(0, ...clause.alternatives.map((a) => a.weight));
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

/**
 * Position (from `from` on) of the clause to read next. The clauses left that bound least,
 * together with the clauses that only rescore candidates (`restrict`, always last), form the
 * largest set that cannot lift a new passage to `floor`: they can wait until pruning (MaxScore's
 * non-essential lists). The next clause is the first of the others in the current order (the
 * canonical order reads rarer clauses first: fewer postings), unless the first clause left is
 * much cheaper (`cost`: postings); `from` itself when none is left.
 */
export function nextEssential(clauses: ResolvedClause[], ubTotal: number[], ubCover: number[], from: number, floor: number, cost: number[]): number {
  let t = 0;
  let c = 0;
  const free: number[] = [];
  for (let j = from; j < clauses.length; j++) {
    if ((clauses[j] as ResolvedClause).restrict) (t += ubTotal[j] as number), (c += ubCover[j] as number);
    else free.push(j);
  }
  free.sort((a, b) => (ubTotal[a] as number) * (ubCover[a] as number) - (ubTotal[b] as number) * (ubCover[b] as number) || b - a);
  const waiting = new Set<number>();
  for (const j of free) {
    const nt = t + (ubTotal[j] as number);
    const nc = c + (ubCover[j] as number);
    if (nt * nc * SAFETY >= floor) break;
    (t = nt), (c = nc), waiting.add(j);
  }
  for (let j = from; j < clauses.length; j++) {
    if ((clauses[j] as ResolvedClause).restrict || waiting.has(j)) continue;
    // A much cheaper clause first may raise the floor enough to prune this one.
    return (cost[j] as number) > CHEAPER * (cost[from] as number) ? from : j;
  }
  return from;
}

/** How much longer (in postings) the next essential clause must be for a waiting one to be read first. */
const CHEAPER = 2;

/** Postings a clause reads in full. */
export function postings(clause: ResolvedClause): number {
  let n = 0;
  for (const a of clause.alternatives) for (const t of a.terms) for (const p of t.parts) n += p.entry.docs.length;
  return n;
}

/** Binary searches per candidate beat a full scan when candidates are few and postings long. */
export function probeIsCheaper(alternative: ResolvedClause['alternatives'][number], n: number): boolean {
  let scan = 0;
  let probe = 0;
  for (const t of alternative.terms) {
    for (const part of t.parts) {
      const len = part.entry.docs.length;
      scan += len;
      probe += n * (Math.log2(len + 1) + 1);
    }
  }
  return probe < scan;
}

/** Position of `doc` in ascending `docs`, or -1. */
export function find(docs: Int32Array, doc: number): number {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = docs[mid] as number;
    if (v === doc) return mid;
    if (v < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * A passage's final score, from its partial sums over the clauses before `from` and a
 * binary search per entry for the others: what the scorer would add for it, in the same
 * order. Cheap for a few passages; the scorer uses it to raise its pruning floor early.
 */
export function finalScore(clauses: ResolvedClause[], from: number, doc: number, total: number, covered: number): number {
  for (let j = from; j < clauses.length; j++) {
    const clause = clauses[j] as ResolvedClause;
    let best = 0;
    let cover = 0;
    for (const alternative of clause.alternatives) {
      let sum = 0;
      let hits = 0;
      for (const t of alternative.terms) {
        let hit = false;
        for (const part of t.parts) {
          const i = find(part.entry.docs, doc);
          if (i < 0) continue;
          sum = sum + (part.entry.scores[i] as number) * part.weight;
          hit = true;
        }
        if (hit) hits++;
      }
      if (!hits) continue;
      const s = sum * alternative.weight;
      if (s > best) best = s;
      const c = (hits / alternative.terms.length) * alternative.weight;
      if (c > cover) cover = c;
    }
    total = total + best;
    covered = covered + cover * clause.weight;
  }
  return total * covered;
}
