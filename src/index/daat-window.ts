/**
 * One window of passages [lo, lo + size): the candidates the essential lists
 * hold there (a bitset, so they come out in passage order), each with an upper
 * bound of its score sum built from the postings it really holds (Σ score ×
 * weights over its postings: at least its best alternative's sum, in every
 * clause) and the set of clauses it appears in (a bit each), which bounds its
 * coverage. The window's arrays stay in cache, so a posting costs a few
 * nanoseconds instead of a cache miss in arrays as long as the corpus: that,
 * more than pruning, is what makes common lists cheap to read.
 */
import type { DaatPlan } from './daat-plan.js';

export const WINDOW_SHIFT = 13;

export class Window {
  readonly size: number;
  /** Candidates: bit i stands for passage lo + i. */
  readonly bits: Uint32Array;
  /** Per candidate: bound of the score sum, and the clauses it appears in (bit per clause). */
  readonly boundT: Float64Array;
  readonly clauses: Uint32Array;
  lo = 0;

  constructor(readonly shift = WINDOW_SHIFT) {
    this.size = 1 << shift;
    this.bits = new Uint32Array(this.size >> 5);
    this.boundT = new Float64Array(this.size);
    this.clauses = new Uint32Array(this.size);
  }

  start(lo: number): void {
    this.lo = lo;
    this.bits.fill(0);
  }

  /** Adds part `p`'s postings in the window: a new passage becomes a candidate when `marking`, and is passed over otherwise. */
  add(plan: DaatPlan, p: number, marking: boolean): void {
    const { bits, boundT, clauses, lo, size } = this;
    const k = plan.partK[p] as number;
    const mask = 1 << (plan.altClause[plan.termAlt[plan.partTerm[p] as number] as number] as number);
    const w = plan.partMost[p] as number;
    plan.seek(k, lo);
    const docs = plan.docs[k] as Int32Array;
    const scores = plan.scores[k] as Float32Array;
    const len = docs.length;
    for (let at = plan.pos[k] as number; at < len; at++) {
      const i = (docs[at] as number) - lo;
      if (i >= size) break;
      const word = i >> 5;
      const bit = 1 << (i & 31);
      if (((bits[word] as number) & bit) === 0) {
        if (!marking) continue;
        bits[word] = (bits[word] as number) | bit;
        boundT[i] = 0;
        clauses[i] = 0;
      }
      boundT[i] = (boundT[i] as number) + (scores[at] as number) * w;
      clauses[i] = (clauses[i] as number) | mask;
    }
  }
}

/** The coverage bound of a set of clauses (bit per clause). */
export function coverOf(set: number, cover: Float64Array): number {
  let c = 0;
  while (set !== 0) {
    const low = set & -set;
    set ^= low;
    c += cover[31 - Math.clz32(low)] as number;
  }
  return c;
}
