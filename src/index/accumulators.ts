/**
 * The scorer's dense accumulators, one slot per passage, reused from query to
 * query (stamps say which slots belong to the current alternative, clause,
 * query), and the loops that add postings into them: a full scan, a scan of
 * one entry merged straight into the clause or the query, and a probe of
 * listed candidates by binary search. Every path performs the same additions
 * in the same order, so they give identical sums.
 */
import { find, looseTermBound, SAFETY } from './bounds.js';
import type { ResolvedClause, ResolvedTerm } from './scorer.js';
import type { TopK } from './top-k.js';

export class Accumulators {
  protected readonly alt: Float64Array;
  protected readonly hits: Float64Array;
  protected readonly best: Float64Array;
  protected readonly cover: Float64Array;
  protected readonly total: Float64Array;
  protected readonly covered: Float64Array;
  /** Stamps: "already listed for this alternative / clause / query / term". */
  protected readonly inAlt: Uint32Array;
  protected readonly inClause: Uint32Array;
  protected readonly inQuery: Uint32Array;
  protected readonly inTerm: Uint32Array;
  /** Stamp: "final score already worked out for this query". */
  protected readonly inFinal: Uint32Array;
  /** Stamp: "seen by this query, and cannot reach the pruning floor" (never listed). */
  protected readonly inDead: Uint32Array;
  protected stamp = 0;
  /** Passages never listed because they could not reach the pruning floor, since creation (for tests). */
  hopelessPassages = 0;
  /** Lists of the passages touched by the current alternative / clause / query (reused: no garbage). */
  protected readonly altList: Int32Array;
  protected readonly clauseList: Int32Array;
  protected readonly queryList: Int32Array;

  constructor(size: number) {
    this.altList = new Int32Array(size);
    this.clauseList = new Int32Array(size);
    this.queryList = new Int32Array(size);
    this.alt = new Float64Array(size);
    this.hits = new Float64Array(size);
    this.best = new Float64Array(size);
    this.cover = new Float64Array(size);
    this.total = new Float64Array(size);
    this.covered = new Float64Array(size);
    this.inAlt = new Uint32Array(size);
    this.inClause = new Uint32Array(size);
    this.inQuery = new Uint32Array(size);
    this.inTerm = new Uint32Array(size);
    this.inFinal = new Uint32Array(size);
    this.inDead = new Uint32Array(size);
  }

  protected next(): number {
    if (++this.stamp >= 0xffffffff) {
      for (const a of [this.inAlt, this.inClause, this.inQuery, this.inTerm, this.inFinal, this.inDead]) a.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  /**
   * The exact best a term adds to one passage, when its entries are short enough to add up:
   * the sum of its entries' best scores is very loose for a typo or prefix read through
   * dozens of index terms, each at its best in another passage.
   */
  protected termBound(t: ResolvedTerm): number {
    if (t.parts.length < 2) return looseTermBound(t);
    let postings = 0;
    for (const part of t.parts) postings += part.entry.docs.length;
    if (postings > EXACT_BOUND_POSTINGS) return looseTermBound(t);
    const stamp = this.next();
    let best = 0;
    for (const part of t.parts) {
      const { docs, scores } = part.entry;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i] as number;
        if (this.inAlt[d] !== stamp) (this.inAlt[d] = stamp), (this.alt[d] = 0);
        const v = (this.alt[d] = (this.alt[d] as number) + (scores[i] as number) * part.weight);
        if (v > best) best = v;
      }
    }
    return best;
  }

  /** Reads the alternative's postings in full (only listed candidates when `onlyCandidates`). */
  protected scanAlternative(alternative: Alternative, onlyCandidates: boolean, queryStamp: number, altStamp: number): number {
    let nAlt = 0;
    for (const t of alternative.terms) {
      const termStamp = this.next();
      for (const part of t.parts) {
        const { docs, scores } = part.entry;
        for (let i = 0; i < docs.length; i++) {
          const d = docs[i] as number;
          if (onlyCandidates && this.inQuery[d] !== queryStamp) continue;
          if (this.inAlt[d] !== altStamp) {
            this.inAlt[d] = altStamp;
            this.alt[d] = 0;
            this.hits[d] = 0;
            this.altList[nAlt++] = d;
          }
          this.alt[d] = (this.alt[d] as number) + (scores[i] as number) * part.weight;
          if (this.inTerm[d] !== termStamp) {
            this.inTerm[d] = termStamp;
            this.hits[d] = (this.hits[d] as number) + 1;
          }
        }
      }
    }
    return nAlt;
  }

  /**
   * An alternative of one term read through one entry, merged straight into the clause's best
   * (one pass instead of two): the same products as `scanAlternative` then the merge
   * (0 + x·w is x·w; one hit of one term covers 1·weight).
   */
  protected scanSingle(part: Part, weight: number, onlyCandidates: boolean, queryStamp: number, clauseStamp: number, nClause: number): number {
    const { docs, scores } = part.entry;
    const w = part.weight;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i] as number;
      if (onlyCandidates && this.inQuery[d] !== queryStamp) continue;
      if (this.inClause[d] !== clauseStamp) {
        this.inClause[d] = clauseStamp;
        this.best[d] = 0;
        this.cover[d] = 0;
        this.clauseList[nClause++] = d;
      }
      const s = (scores[i] as number) * w * weight;
      if (s > (this.best[d] as number)) this.best[d] = s;
      if (weight > (this.cover[d] as number)) this.cover[d] = weight;
    }
    return nClause;
  }

  /**
   * A clause of one alternative of one term read through one entry, added straight into the
   * query's sums (one pass instead of three), with the same operations as the general path.
   */
  protected scanIntoQuery(part: Part, clause: ResolvedClause, onlyCandidates: boolean, queryStamp: number, nAll: number, pool: TopK | undefined, accept: (doc: number) => boolean, hopeless: Hopeless): number {
    const { docs, scores } = part.entry;
    const w = part.weight;
    const weight = (clause.alternatives[0] as Alternative).weight;
    const cover = (weight > 0 ? weight : 0) * clause.weight;
    // Every new passage covers the same here: it is hopeless below one clause score.
    const least = hopeless.floor > 0 ? hopeless.floor / (SAFETY * (cover + hopeless.restC)) - hopeless.restT : -Infinity;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i] as number;
      const s = (scores[i] as number) * w * weight;
      if (this.inQuery[d] !== queryStamp) {
        if (onlyCandidates || this.inDead[d] === queryStamp) continue;
        if ((s > 0 ? s : 0) < least) {
          this.inDead[d] = queryStamp;
          this.hopelessPassages++;
          continue;
        }
        this.inQuery[d] = queryStamp;
        this.total[d] = 0;
        this.covered[d] = 0;
        this.queryList[nAll++] = d;
      }
      const t = (this.total[d] = (this.total[d] as number) + (s > 0 ? s : 0));
      const c = (this.covered[d] = (this.covered[d] as number) + cover);
      if (pool && pool.admits(d, t * c) && accept(d)) pool.add(d, t * c);
    }
    return nAll;
  }

  /** Same sums as `scanAlternative` for listed candidates (same order of additions), by binary search. */
  protected probeAlternative(alternative: Alternative, n: number, altStamp: number): number {
    let nAlt = 0;
    for (let j = 0; j < n; j++) {
      const d = this.queryList[j] as number;
      let sum = 0;
      let hits = 0;
      let found = false;
      for (const t of alternative.terms) {
        let hit = false;
        for (const part of t.parts) {
          const i = find(part.entry.docs, d);
          if (i < 0) continue;
          sum = sum + (part.entry.scores[i] as number) * part.weight;
          hit = found = true;
        }
        if (hit) hits++;
      }
      if (!found) continue;
      this.inAlt[d] = altStamp;
      this.alt[d] = sum;
      this.hits[d] = hits;
      this.altList[nAlt++] = d;
    }
    return nAlt;
  }
}

export type Alternative = ResolvedClause['alternatives'][number];

/**
 * What a passage first met in the current clause needs to stay listed: with the upper bounds
 * of the clauses after it (restT, restC), its final score must be able to reach `floor`
 * (0: no pruning). A passage that cannot is marked dead for the query, so no later clause lists
 * it with a partial sum.
 */
export interface Hopeless {
  floor: number;
  restT: number;
  restC: number;
}
export type Part = ResolvedTerm['parts'][number];

/** The one entry a clause reads, when it has one alternative of one term without expansions. */
export function singleEntry(clause: ResolvedClause): Part | undefined {
  if (clause.alternatives.length !== 1) return undefined;
  const terms = (clause.alternatives[0] as Alternative).terms;
  return terms.length === 1 && (terms[0] as ResolvedTerm).parts.length === 1 ? (terms[0] as ResolvedTerm).parts[0] : undefined;
}

/**
 * Above this many postings, a term's bound is the sum of its entries' best scores (adding up
 * costs a scan). High: a loose bound on a prefix or typo term of 40 entries (10× the exact one
 * on a large corpus) keeps every clause before it from pruning, which costs far more.
 */
const EXACT_BOUND_POSTINGS = 1 << 19;
