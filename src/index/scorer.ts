/**
 * Scores passages for a planned query with dense, reused accumulators: for
 * each clause, a passage takes its best alternative (a translation never counts
 * twice); its score is the sum over clauses times its coverage of the query,
 * each clause weighted by its rarity. Linear in the postings read; exact
 * dynamic pruning (see `top`) stops reading the postings of the common clauses
 * once they can only reorder the candidates already found.
 */
import { type Alternative, Accumulators, type Hopeless, type Part, singleEntry } from './accumulators.js';
import { coverBound, finalScore, nextEssential, postings, probeIsCheaper, SAFETY, totalBound } from './bounds.js';
import { Daat, MAX_CLAUSES } from './daat.js';
import { TopK } from './top-k.js';
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

/** Postings from which document-at-a-time beats term-at-a-time (measured: see daat.ts). */
const DAAT_POSTINGS = 10_000;

export class Scorer extends Accumulators {
  /** Clauses scored for existing candidates only because of pruning, since creation (for tests and benches). */
  prunedClauses = 0;
  /** Queries whose clauses were read out of the canonical order, then rescored (for tests). */
  reorderedQueries = 0;
  /** Queries reading at least this many postings are scored document-at-a-time (daat.ts). */
  daatFrom = DAAT_POSTINGS;
  daat = new Daat();

  /**
   * The `limit` best passages accepted by `accept`, best first. With `prune` (MaxScore-style,
   * exact): `floor` is a lower bound of the final `limit`-th score — the `limit`-th final score
   * of a few passages worked out early (the best of each clause read so far, scored in full by
   * binary search), and once pruning, the `limit`-th best partial score (all contributions are
   * positive). Once the remaining clauses' upper bounds cannot lift a new passage above it,
   * later clauses only rescore the surviving candidates, and a candidate that cannot reach the
   * floor either is dropped; before that, a passage first met in a clause is not listed at all
   * when its score there plus the later clauses' bounds cannot reach the floor (it is marked
   * dead, so no later clause lists it with a partial sum). Clauses whose bounds together cannot
   * lift a new passage to the floor are put off (`nextEssential`), so pruning starts early; when
   * that changed the order, the final candidates are scored again in the canonical order, so
   * results are identical.
   */
  top(canonical: ResolvedClause[], accept: (doc: number) => boolean, limit: number, prune = true): { doc: number; score: number }[] {
    if (prune && canonical.length <= MAX_CLAUSES && canonical.reduce((n, c) => n + postings(c), 0) >= this.daatFrom) {
      return this.daat.top(canonical, accept, limit);
    }
    const queryStamp = this.next();
    let nAll = 0;
    let pruning = false;
    let floor = 0;
    const ubT = prune ? canonical.map((c) => totalBound(c, (t) => this.termBound(t))) : [];
    const ubC = canonical.map(coverBound);
    // The reading order, chosen as the floor rises (see nextEssential); clauses[ci..] are the clauses left.
    const order = canonical.map((_, i) => i);
    const clauses = canonical.slice();
    const ubTotal = ubT.slice();
    const ubCover = ubC.slice();
    const cost = prune ? canonical.map(postings) : [];
    const pool = prune ? this.pool(limit) : undefined;
    const finals = prune ? new TopK(limit) : undefined;
    const hopeless: Hopeless = { floor: 0, restT: 0, restC: 0 };
    for (let ci = 0; ci < clauses.length; ci++) {
      if (prune && ci > 0 && !pruning) {
        const p = nextEssential(clauses, ubTotal, ubCover, ci, floor, cost);
        for (const a of [order, clauses, ubTotal, ubCover, cost] as unknown[][]) a.splice(ci, 0, a.splice(p, 1)[0]);
      }
      const clause = clauses[ci] as ResolvedClause;
      if (prune && ci > 0) {
        let restT = 0;
        let restC = 0;
        for (let j = ci; j < clauses.length; j++) (restT += ubTotal[j] as number), (restC += ubCover[j] as number);
        if (pruning) floor = Math.max(floor, this.kth(nAll, accept, limit));
        // The margin absorbs rounding differences between the bound and the sums it bounds.
        if (restT * restC * SAFETY < floor) pruning = true;
        if (pruning) nAll = this.dropHopeless(nAll, restT, restC, floor, queryStamp);
      }
      if (pruning && !clause.restrict) this.prunedClauses++;
      const onlyCandidates = pruning || clause.restrict === true;
      // While not pruning, the pool gathers this clause's best passages (by partial score).
      const gather = pool !== undefined && !pruning && ci + 1 < clauses.length;
      pool?.clear();
      if (prune) {
        hopeless.floor = floor;
        hopeless.restT = hopeless.restC = 0;
        for (let j = ci + 1; j < clauses.length; j++) (hopeless.restT += ubTotal[j] as number), (hopeless.restC += ubCover[j] as number);
      }
      const direct = prune ? singleEntry(clause) : undefined;
      if (direct && !(onlyCandidates && probeIsCheaper(clause.alternatives[0] as Alternative, nAll))) {
        nAll = this.scanIntoQuery(direct, clause, onlyCandidates, queryStamp, nAll, gather ? pool : undefined, accept, hopeless);
        if (gather && finals) floor = Math.max(floor, this.finals(pool, finals, clauses, ci + 1, queryStamp));
        continue;
      }
      const clauseStamp = this.next();
      let nClause = 0;
      for (const alternative of clause.alternatives) {
        const probe = onlyCandidates && probeIsCheaper(alternative, nAll);
        const single = alternative.terms.length === 1 ? (alternative.terms[0] as ResolvedTerm).parts : undefined;
        if (prune && !probe && single?.length === 1) {
          nClause = this.scanSingle(single[0] as Part, alternative.weight, onlyCandidates, queryStamp, clauseStamp, nClause);
          continue;
        }
        const altStamp = this.next();
        const nAlt = probe
          ? this.probeAlternative(alternative, nAll, altStamp)
          : this.scanAlternative(alternative, onlyCandidates, queryStamp, altStamp);
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
          if (prune && this.isHopeless(d, clause.weight, hopeless, queryStamp)) continue;
          this.inQuery[d] = queryStamp;
          this.total[d] = 0;
          this.covered[d] = 0;
          this.queryList[nAll++] = d;
        }
        const t = (this.total[d] = (this.total[d] as number) + (this.best[d] as number));
        const c = (this.covered[d] = (this.covered[d] as number) + (this.cover[d] as number) * clause.weight);
        if (gather && pool.admits(d, t * c) && accept(d)) pool.add(d, t * c);
      }
      if (gather && finals) floor = Math.max(floor, this.finals(pool, finals, clauses, ci + 1, queryStamp));
    }
    if (order.every((o, i) => o === i)) return this.select(nAll, accept, limit);
    this.reorderedQueries++;
    return this.rescore(nAll, accept, limit, canonical);
  }

  /**
   * The `limit` best with their scores summed in the canonical clause order (the exhaustive
   * scorer's), when the clauses were read in another: sums in another order may differ in the
   * last bits, so every candidate within a hair of the limit-th is scored again by binary search.
   */
  private rescore(n: number, accept: (doc: number) => boolean, limit: number, canonical: ResolvedClause[]): { doc: number; score: number }[] {
    const approx = this.select(n, accept, limit);
    if (!approx.length) return approx;
    const least = (approx[approx.length - 1] as { score: number }).score * (1 - 1e-9);
    const out: { doc: number; score: number }[] = [];
    for (let j = 0; j < n; j++) {
      const d = this.queryList[j] as number;
      if ((this.total[d] as number) * (this.covered[d] as number) < least || !accept(d)) continue;
      const score = finalScore(canonical, 0, d, 0, 0);
      if (score > 0) out.push({ doc: d, score });
    }
    out.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return out.slice(0, limit);
  }

  private poolCache: TopK | undefined;
  private pool(limit: number): TopK {
    if (this.poolCache?.capacity !== limit) this.poolCache = new TopK(limit);
    return this.poolCache;
  }

  /** Scores the pool's passages in full (each once per query) into `finals`; returns its floor. */
  private finals(pool: TopK, finals: TopK, clauses: ResolvedClause[], from: number, queryStamp: number): number {
    for (let i = 0; i < pool.size; i++) {
      const d = pool.docs[i] as number;
      if (this.inFinal[d] === queryStamp) continue;
      this.inFinal[d] = queryStamp;
      finals.add(d, finalScore(clauses, from, d, this.total[d] as number, this.covered[d] as number));
    }
    return finals.floor;
  }

  /** The `limit` best of the first `n` listed passages accepted by `accept` (ties: lower number first). */
  private select(n: number, accept: (doc: number) => boolean, limit: number): { doc: number; score: number }[] {
    // A small sorted array: limit is small and most passages fail the threshold.
    const top: { doc: number; score: number }[] = [];
    for (let j = 0; j < n; j++) {
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

  /** The `limit`-th best partial score so far among accepted candidates (0 when fewer). */
  private kth(n: number, accept: (doc: number) => boolean, limit: number): number {
    const top = this.select(n, accept, limit);
    return top.length >= limit ? (top[limit - 1] as { score: number }).score : 0;
  }

  /** Whether a passage not listed yet is dead or cannot reach the floor (then marked dead). */
  private isHopeless(d: number, clauseWeight: number, h: Hopeless, queryStamp: number): boolean {
    if (this.inDead[d] === queryStamp) return true;
    if (h.floor <= 0) return false;
    const bound = ((this.best[d] as number) + h.restT) * ((this.cover[d] as number) * clauseWeight + h.restC) * SAFETY;
    if (bound >= h.floor) return false;
    this.inDead[d] = queryStamp;
    this.hopelessPassages++;
    return true;
  }

  /** Unlists the candidates that cannot reach `floor` even with every remaining clause; returns the new count. */
  private dropHopeless(n: number, restT: number, restC: number, floor: number, queryStamp: number): number {
    let kept = 0;
    for (let j = 0; j < n; j++) {
      const d = this.queryList[j] as number;
      if (((this.total[d] as number) + restT) * ((this.covered[d] as number) + restC) * SAFETY < floor) this.inQuery[d] = 0;
      else this.queryList[kept++] = d;
    }
    return kept;
  }
}
