/**
 * A query compiled for document-at-a-time scoring: every distinct index entry
 * the clauses read becomes one cursor (its position in the entry's ascending
 * passages), and the clause → alternative → term → entry tree is flattened into
 * typed arrays. `evaluate` works out one clause's contribution to the passage
 * the cursors stand on with the very operations, in the very order, of the
 * term-at-a-time scorer (so sums are bit-identical); `seek` moves a cursor
 * forward by galloping, so a long list is probed in O(log gap).
 */
import { BLOCK_SHIFT, blockLast, blockMaxes } from './block-max.js';
import type { ResolvedClause } from './scorer.js';
import type { TermEntry } from './term-index.js';

/** Past the last passage: a cursor at the end of its list stands here. */
export const END = 0x7fffffff;

export class DaatPlan {
  readonly docs: Int32Array[] = [];
  readonly scores: Float32Array[] = [];
  /** Per cursor: position in its list, the passage there (END past the end), current block. */
  readonly pos: Int32Array;
  readonly cur: Int32Array;
  readonly block: Int32Array;
  readonly maxes: Float32Array[] = [];
  /** Flattened tree: parts of term t are partK/partW[termFirst[t] .. termFirst[t+1]), and so on up. */
  readonly partK: Int32Array;
  readonly partW: Float64Array;
  readonly termFirst: Int32Array;
  readonly altFirst: Int32Array;
  readonly altW: Float64Array;
  /** Per part: what one posting adds at most to a score sum, per unit of its score (partW × the alternative's weight, at least 0). */
  readonly partMost: Float64Array;
  readonly clauseFirst: Int32Array;
  /** Parent links: each part's term, each term's alternative, each alternative's clause. */
  readonly partTerm: Int32Array;
  readonly termAlt: Int32Array;
  readonly altClause: Int32Array;
  /** Distinct cursors each clause reads. */
  readonly clauseCursors: Int32Array[];
  /** Per clause: its weight. */
  readonly weight: Float64Array;
  /** The last `evaluate`d clause's best alternative score and coverage (clause weight not applied). */
  private best = 0;
  private cover = 0;

  constructor(readonly clauses: ResolvedClause[]) {
    const ids = new Map<TermEntry, number>();
    const partK: number[] = [];
    const partW: number[] = [];
    const partMost: number[] = [];
    const termFirst: number[] = [];
    const altFirst: number[] = [];
    const altW: number[] = [];
    const clauseFirst: number[] = [];
    this.clauseCursors = clauses.map((clause) => {
      clauseFirst.push(altW.length);
      const mine = new Set<number>();
      for (const a of clause.alternatives) {
        altFirst.push(termFirst.length);
        altW.push(a.weight);
        for (const t of a.terms) {
          termFirst.push(partK.length);
          for (const p of t.parts) {
            let k = ids.get(p.entry);
            if (k === undefined) {
              ids.set(p.entry, (k = this.docs.length));
              this.docs.push(p.entry.docs);
              this.scores.push(p.entry.scores);
              this.maxes.push(blockMaxes(p.entry));
            }
            mine.add(k);
            partK.push(k);
            partW.push(p.weight);
            partMost.push(p.weight * Math.max(0, a.weight));
          }
        }
      }
      return Int32Array.from(mine);
    });
    clauseFirst.push(altW.length);
    altFirst.push(termFirst.length);
    termFirst.push(partK.length);
    this.partK = Int32Array.from(partK);
    this.partW = Float64Array.from(partW);
    this.partMost = Float64Array.from(partMost);
    this.weight = Float64Array.from(clauses, (c) => c.weight);
    this.termFirst = Int32Array.from(termFirst);
    this.altFirst = Int32Array.from(altFirst);
    this.altW = Float64Array.from(altW);
    this.clauseFirst = Int32Array.from(clauseFirst);
    this.partTerm = new Int32Array(partK.length);
    this.termAlt = new Int32Array(termFirst.length - 1);
    this.altClause = new Int32Array(altW.length);
    for (let c = 0; c < clauses.length; c++) for (let a = clauseFirst[c] as number; a < (clauseFirst[c + 1] as number); a++) this.altClause[a] = c;
    for (let a = 0; a < altW.length; a++) for (let t = altFirst[a] as number; t < (altFirst[a + 1] as number); t++) this.termAlt[t] = a;
    for (let t = 0; t < this.termAlt.length; t++) for (let p = termFirst[t] as number; p < (termFirst[t + 1] as number); p++) this.partTerm[p] = t;
    const n = this.docs.length;
    this.pos = new Int32Array(n);
    this.block = new Int32Array(n);
    this.cur = new Int32Array(n);
    for (let k = 0; k < n; k++) this.cur[k] = (this.docs[k] as Int32Array).length ? ((this.docs[k] as Int32Array)[0] as number) : END;
  }

  /** Moves cursor `k` to the first passage ≥ `d` (galloping, then binary search). */
  seek(k: number, d: number): void {
    if ((this.cur[k] as number) >= d) return;
    const docs = this.docs[k] as Int32Array;
    const len = docs.length;
    let lo = this.pos[k] as number; // docs[lo] < d
    let step = 1;
    let hi = lo + 1;
    while (hi < len && (docs[hi] as number) < d) {
      lo = hi;
      step <<= 1;
      hi = lo + step;
    }
    if (hi > len) hi = len;
    // First position in (lo, hi] holding a passage ≥ d (hi = len: none).
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((docs[mid] as number) < d) lo = mid;
      else hi = mid;
    }
    this.pos[k] = hi;
    this.cur[k] = hi < len ? (docs[hi] as number) : END;
  }

  /** Moves cursors `ks` to their first passage ≥ `d`; returns the least passage they then stand on (END: none). */
  seekAll(ks: Int32Array, d: number): number {
    let least = END;
    for (let i = 0; i < ks.length; i++) {
      const k = ks[i] as number;
      this.seek(k, d);
      if ((this.cur[k] as number) < least) least = this.cur[k] as number;
    }
    return least;
  }

  /** The highest score of cursor `k`'s blocks that may hold a passage in [lo, hi) (-1: none). */
  windowMax(k: number, lo: number, hi: number): number {
    const docs = this.docs[k] as Int32Array;
    const maxes = this.maxes[k] as Float32Array;
    let b = this.block[k] as number;
    while (b < maxes.length && blockLast(docs, b) < lo) b++;
    this.block[k] = b;
    let m = -1;
    for (; b < maxes.length && (docs[b << BLOCK_SHIFT] as number) < hi; b++) if ((maxes[b] as number) > m) m = maxes[b] as number;
    return m;
  }

  /**
   * Clause `c`'s contribution to passage `d`, its cursors standing on or past `d`: the best
   * alternative's score sum and the best coverage, into `best` and `cover`; the same
   * operations in the same order as the term-at-a-time scorer and `finalScore`.
   */
  private evaluate(c: number, d: number): void {
    let best = 0;
    let cover = 0;
    const { partK, partW, termFirst, altFirst, altW, cur, pos, scores } = this;
    for (let a = this.clauseFirst[c] as number, aEnd = this.clauseFirst[c + 1] as number; a < aEnd; a++) {
      let sum = 0;
      let hits = 0;
      const tFrom = altFirst[a] as number;
      const tEnd = altFirst[a + 1] as number;
      for (let t = tFrom; t < tEnd; t++) {
        let hit = false;
        for (let p = termFirst[t] as number, pEnd = termFirst[t + 1] as number; p < pEnd; p++) {
          const k = partK[p] as number;
          if (cur[k] !== d) continue;
          sum = sum + ((scores[k] as Float32Array)[pos[k] as number] as number) * (partW[p] as number);
          hit = true;
        }
        if (hit) hits++;
      }
      if (!hits) continue;
      const w = altW[a] as number;
      const s = sum * w;
      if (s > best) best = s;
      const cv = (hits / (tEnd - tFrom)) * w;
      if (cv > cover) cover = cv;
    }
    this.best = best;
    this.cover = cover;
  }

  /** Passage `d`'s score, every clause's cursors moved to `d`, summed in the canonical order as the exhaustive scorer does. */
  score(d: number): number {
    let total = 0;
    let covered = 0;
    for (let c = 0; c < this.weight.length; c++) {
      this.seekAll(this.clauseCursors[c] as Int32Array, d);
      this.evaluate(c, d);
      total = total + this.best;
      covered = covered + this.cover * (this.weight[c] as number);
    }
    return total * covered;
  }
}

