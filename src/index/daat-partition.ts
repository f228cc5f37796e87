/**
 * MaxScore's split of a window's posting lists, at the level of the lists
 * themselves (a clause's alternatives and expansions are separate lists): the
 * lists of least bound that together cannot lift a passage to the floor are
 * non-essential — a passage found in them alone cannot make the top k, so only
 * the essential lists bring candidates.
 *
 * A passage found only in a set S of lists scores at most (Σ_S bound) × (Σ
 * over clauses of the best coverage S allows): an alternative of n terms
 * covers h/n of its weight when S holds lists of h of its terms. So a common
 * word of a three-word equivalent (« général » of « entrepreneur d'intérêt
 * général ») turns non-essential long before its clause would. Lists of the
 * clauses that only rescore (`restrict`) never bring candidates: they are in S
 * from the start. A list without postings in the window is left out.
 */
import { SAFETY } from './bounds.js';
import type { DaatPlan } from './daat-plan.js';

export class Partition {
  /** Parts, the non-essential ones first (`nonEssential` of them), by increasing bound. */
  readonly order: Int32Array;
  /** Per part: the most one posting of it adds to a passage's score sum in the window. */
  readonly bound: Float64Array;
  nonEssential = 0;
  private readonly touched: Uint8Array;
  private readonly hits: Int32Array;
  private readonly clauseCover: Float64Array;
  private readonly firstFree: number;

  constructor(private readonly plan: DaatPlan) {
    const parts = plan.partK.length;
    const fixed: number[] = [];
    const free: number[] = [];
    for (let p = 0; p < parts; p++) (plan.clauses[plan.altClause[plan.termAlt[plan.partTerm[p] as number] as number] as number]?.restrict ? fixed : free).push(p);
    this.order = Int32Array.from([...fixed, ...free]);
    this.firstFree = fixed.length;
    this.bound = new Float64Array(parts);
    this.touched = new Uint8Array(plan.termAlt.length);
    this.hits = new Int32Array(plan.altW.length);
    this.clauseCover = new Float64Array(plan.weight.length);
  }

  /** Splits for a window whose lists score at most `most[k]` there (-1: no posting there). */
  split(most: Float64Array, floor: number): void {
    const { plan, bound, order, touched, hits, clauseCover } = this;
    for (let p = 0; p < bound.length; p++) {
      const m = most[plan.partK[p] as number] as number;
      bound[p] = m < 0 ? -1 : m * (plan.partMost[p] as number);
    }
    order.subarray(this.firstFree).sort((a, b) => (bound[a] as number) - (bound[b] as number) || a - b);
    touched.fill(0);
    hits.fill(0);
    clauseCover.fill(0);
    let t = 0;
    let c = 0;
    let i = 0;
    for (; i < order.length; i++) {
      const p = order[i] as number;
      const b = bound[p] as number;
      if (b < 0) continue;
      const term = plan.partTerm[p] as number;
      const a = plan.termAlt[term] as number;
      const clause = plan.altClause[a] as number;
      // A term already in S adds no coverage; a new one adds its share of its alternative, beyond the clause's best so far.
      const terms = (plan.altFirst[a + 1] as number) - (plan.altFirst[a] as number);
      const cv = touched[term] ? 0 : (((hits[a] as number) + 1) / terms) * Math.max(0, plan.altW[a] as number) * (plan.weight[clause] as number);
      const cover = Math.max(0, cv - (clauseCover[clause] as number));
      if (i >= this.firstFree && (t + b) * (c + cover) * SAFETY >= floor) break;
      if (!touched[term]) {
        touched[term] = 1;
        hits[a] = (hits[a] as number) + 1;
        if (cv > (clauseCover[clause] as number)) clauseCover[clause] = cv;
      }
      t += b;
      c += cover;
    }
    this.nonEssential = i;
  }
}
