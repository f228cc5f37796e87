/**
 * Scores passages for a planned query with dense, reused accumulators: for
 * each clause, a passage takes its best alternative (a translation never counts
 * twice); its score is the sum over clauses times its coverage of the query,
 * each clause weighted by its rarity. Linear in the postings read.
 */
import type { TermEntry } from './term-index.js';

/** One query term resolved against the index: the entries it reads, each with a weight. */
export interface ResolvedTerm {
  term: string;
  parts: { term: string; entry: TermEntry; weight: number }[];
}

export interface ResolvedClause {
  /** Coverage weight (query words covered × rarity). */
  weight: number;
  /**
   * Only rescore passages already matched by rarer clauses: a word found in a large share of
   * the corpus does not bring new candidates, it only reorders them (keeps latency flat).
   */
  restrict?: boolean;
  alternatives: { weight: number; terms: ResolvedTerm[] }[];
}

export class Scorer {
  private readonly alt: Float64Array;
  private readonly hits: Float64Array;
  private readonly best: Float64Array;
  private readonly cover: Float64Array;
  private readonly total: Float64Array;
  private readonly covered: Float64Array;
  /** Stamps: "already listed for this alternative / clause / query / term". */
  private readonly inAlt: Uint32Array;
  private readonly inClause: Uint32Array;
  private readonly inQuery: Uint32Array;
  private readonly inTerm: Uint32Array;
  private stamp = 0;
  /** Lists of the passages touched by the current alternative / clause / query (reused: no garbage). */
  private readonly altList: Int32Array;
  private readonly clauseList: Int32Array;
  private readonly queryList: Int32Array;

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
  }

  private next(): number {
    if (++this.stamp >= 0xffffffff) {
      for (const a of [this.inAlt, this.inClause, this.inQuery, this.inTerm]) a.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  /** The `limit` best passages accepted by `accept`, best first. */
  top(clauses: ResolvedClause[], accept: (doc: number) => boolean, limit: number): { doc: number; score: number }[] {
    const queryStamp = this.next();
    let nAll = 0;
    for (const clause of clauses) {
      const clauseStamp = this.next();
      let nClause = 0;
      for (const alternative of clause.alternatives) {
        const altStamp = this.next();
        let nAlt = 0;
        for (const t of alternative.terms) {
          const termStamp = this.next();
          for (const part of t.parts) {
            const { docs, scores } = part.entry;
            for (let i = 0; i < docs.length; i++) {
              const d = docs[i] as number;
              if (clause.restrict && this.inQuery[d] !== queryStamp) continue;
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
        const n = alternative.terms.length;
        for (let j = 0; j < nAlt; j++) {
          const d = this.altList[j] as number;
          if (this.inClause[d] !== clauseStamp) {
            this.inClause[d] = clauseStamp;
            this.best[d] = 0;
            this.cover[d] = 0;
            this.clauseList[nClause++] = d;
          }
          const s = (this.alt[d] as number) * alternative.weight;
          if (s > (this.best[d] as number)) this.best[d] = s;
          const c = ((this.hits[d] as number) / n) * alternative.weight;
          if (c > (this.cover[d] as number)) this.cover[d] = c;
        }
      }
      for (let j = 0; j < nClause; j++) {
        const d = this.clauseList[j] as number;
        if (this.inQuery[d] !== queryStamp) {
          this.inQuery[d] = queryStamp;
          this.total[d] = 0;
          this.covered[d] = 0;
          this.queryList[nAll++] = d;
        }
        this.total[d] = (this.total[d] as number) + (this.best[d] as number);
        this.covered[d] = (this.covered[d] as number) + (this.cover[d] as number) * clause.weight;
      }
    }
    // Keep the best `limit` in a small sorted array (limit is small; most passages fail the threshold).
    const top: { doc: number; score: number }[] = [];
    for (let j = 0; j < nAll; j++) {
      const d = this.queryList[j] as number;
      const score = (this.total[d] as number) * (this.covered[d] as number);
      if (score <= 0) continue;
      const last = top[top.length - 1];
      if (top.length >= limit && last && (score < last.score || (score === last.score && d > last.doc))) continue;
      if (!accept(d)) continue;
      let i = top.length;
      while (i > 0 && ((top[i - 1] as { score: number }).score < score || ((top[i - 1] as { score: number }).score === score && (top[i - 1] as { doc: number }).doc > d))) i--;
      top.splice(i, 0, { doc: d, score });
      if (top.length > limit) top.pop();
    }
    return top;
  }
}
