/**
 * Document-at-a-time top-k for queries that read many postings (all clauses
 * common), exact: same passages, scores, order and ties as the exhaustive scorer.
 *
 * A passage's score is (Σ clause scores) × (Σ clause coverages). Passages are
 * visited in windows of consecutive numbers (daat-window.ts), in order, so the
 * k-th best full score met so far, `floor`, is a lower bound of the final k-th.
 * (Seeding it with a few passages scored before the walk — each list's best
 * postings, from the block maxima — was measured 3% slower at 100×: the walk
 * raises it within its first windows anyway.)
 *
 * Per window, each list's most is the highest block maximum (block-max.ts) of its blocks in
 * the window (-1: no posting there), and MaxScore splits the lists
 * (daat-partition.ts): those of least bound that together cannot lift a
 * passage to the floor are non-essential, so only the essential ones bring
 * candidates; a window without essential lists is skipped unread. The window
 * then reads the essential lists (listing candidates) and the others (for the
 * candidates only), giving each candidate an upper bound from the postings it
 * holds: (Σ score × weights) × (Σ best coverage of the clauses it appears in).
 * Only a candidate whose bound reaches the floor is scored exactly, each clause
 * probed by galloping cursors (daat-plan.ts) and summed in the canonical clause
 * order with the exhaustive scorer's operations.
 *
 * Measured at 100× (313,500 passages): the bounds are loose for a product of
 * sums (a list's block maxima are near its best BM25 score, and the lists left
 * non-essential add up to almost the floor), so few lists turn non-essential
 * and nearly every posting is still read; but only 1 candidate in ~120 is
 * scored in full, and a posting read into a window's cached arrays costs a
 * fraction of one added into corpus-long accumulators (in-process A/B over the
 * bench queries: per-query median p99 20.6 → 9.3 ms, sum 2070 → 1323 ms).
 * Below DAAT_POSTINGS (scorer.ts) the term-at-a-time scorer is kept: no
 * shared-corpus query reaches it.
 */
import { coverBound, SAFETY } from './bounds.js';
import { DaatPlan, END } from './daat-plan.js';
import { Partition } from './daat-partition.js';
import { coverOf, Window } from './daat-window.js';
import type { ResolvedClause } from './scorer.js';
import { TopK } from './top-k.js';

/** Counters for tests and benches, since creation. */
export interface DaatStats {
  queries: number;
  /** Windows read, and windows skipped for having no essential list. */
  windows: number;
  skipped: number;
  /** Passages met in the essential lists, and those whose bound reached the floor (scored exactly). */
  candidates: number;
  scored: number;
}

/** Clauses a query may have on this path (one bit each per candidate). */
export const MAX_CLAUSES = 32;

export class Daat {
  readonly stats: DaatStats = { queries: 0, windows: 0, skipped: 0, candidates: 0, scored: 0 };
  readonly window: Window;

  constructor(windowShift?: number) {
    this.window = new Window(windowShift);
  }

  top(canonical: ResolvedClause[], accept: (doc: number) => boolean, limit: number): { doc: number; score: number }[] {
    const plan = new DaatPlan(canonical);
    const cover = Float64Array.from(canonical, coverBound);
    const coverAll = cover.reduce((a, b) => a + b, 0);
    const split = new Partition(plan);
    const most = new Float64Array(plan.docs.length);
    // Only the clauses that do not just rescore (`restrict`) bring candidates, so windows follow their cursors.
    const free = canonical.flatMap((c, j) => (c.restrict ? [] : [...(plan.clauseCursors[j] as Int32Array)]));
    const freeCursors = Int32Array.from(new Set(free));
    const { stats, window } = this;
    const { bits, boundT, clauses } = window;
    stats.queries++;
    // The floor is top.floor: the k-th best full score met so far.
    const top = new TopK(limit);
    // Each window starts at the first passage of a free clause from the previous window's end on.
    for (let lo = plan.seekAll(freeCursors, 0); lo < END; lo = plan.seekAll(freeCursors, lo + window.size)) {
      for (let k = 0; k < most.length; k++) most[k] = plan.windowMax(k, lo, lo + window.size);
      split.split(most, top.floor);
      const { order, nonEssential } = split;
      if (nonEssential === order.length) {
        stats.skipped++;
        continue;
      }
      stats.windows++;
      window.start(lo);
      for (let i = nonEssential; i < order.length; i++) window.add(plan, order[i] as number, true);
      for (let i = nonEssential - 1; i >= 0; i--) if ((split.bound[order[i] as number] as number) >= 0) window.add(plan, order[i] as number, false);
      for (let word = 0; word < bits.length; word++) {
        let m = bits[word] as number;
        while (m !== 0) {
          const low = m & -m;
          m ^= low;
          const i = (word << 5) | (31 - Math.clz32(low));
          stats.candidates++;
          // First against every clause's coverage (no loop over the passage's clauses).
          const t = (boundT[i] as number) * SAFETY;
          if (t * coverAll < top.floor || t * coverOf(clauses[i] as number, cover) < top.floor || !accept(lo + i)) continue;
          stats.scored++;
          const score = plan.score(lo + i);
          if (score > 0) top.add(lo + i, score);
        }
      }
    }
    const out: { doc: number; score: number }[] = [];
    for (let i = 0; i < top.size; i++) out.push({ doc: top.docs[i] as number, score: top.scores[i] as number });
    return out;
  }
}
