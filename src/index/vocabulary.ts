/**
 * The index vocabulary as one sorted array of terms: exact and prefix lookups
 * are binary searches, and fuzzy lookup walks the sorted array as an implicit
 * trie, depth first (terms sharing a prefix are contiguous, sorted by their
 * next letter). Only the children that can stay within reach are visited: all
 * of them while some cell of the row is under the edit budget, else only those
 * whose letter a query cell on budget matches (a Levenshtein automaton's
 * transitions), found by binary search. A child's letter and the end of its
 * subtree come from per-term arrays (shared-prefix length and the letter after
 * it, with block minima to step over large subtrees), so the walk seldom
 * touches scattered term strings (a cache miss each on a large vocabulary).
 * Built at load in one pass over the terms.
 */

/** Block sizes of the shared-prefix minima (levels 1, 2, 3): a skip crosses large subtrees in a few steps. */
const B1 = 5;
const B2 = 10;
const B3 = 15;

export class Vocabulary {
  /** Levenshtein rows, one per depth of the walk (reused between calls). */
  private rows = new Int32Array(0);

  /** Letters each term shares with the previous one (capped at 255); 0 past the end. */
  private readonly lcp: Uint8Array;
  /** Minima of `lcp` over blocks of 2^B1, 2^B2, 2^B3 positions. */
  private readonly min1: Uint8Array;
  private readonly min2: Uint8Array;
  private readonly min3: Uint8Array;
  /** Each term's letter at position `lcp` (where it parts from the term before it). */
  private readonly diff: Uint16Array;
  /** All terms' char codes end to end; term i is chars[starts[i] .. starts[i + 1]). */
  private readonly chars: Uint16Array;
  private readonly starts: Int32Array;

  constructor(readonly terms: readonly string[]) {
    const n = terms.length;
    this.starts = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.starts[i + 1] = (this.starts[i] as number) + (terms[i] as string).length;
    this.chars = new Uint16Array(this.starts[n] as number);
    for (let i = 0, at = 0; i < n; i++) {
      const t = terms[i] as string;
      for (let k = 0; k < t.length; k++) this.chars[at++] = t.charCodeAt(k);
    }
    this.lcp = new Uint8Array(n + 1);
    this.diff = new Uint16Array(n + 1);
    for (let i = 1; i < n; i++) {
      const a = this.starts[i - 1] as number;
      const b = this.starts[i] as number;
      const len = Math.min(b - a, (this.starts[i + 1] as number) - b, 255);
      let k = 0;
      while (k < len && this.chars[a + k] === this.chars[b + k]) k++;
      this.lcp[i] = k;
      this.diff[i] = this.chars[b + k] as number;
    }
    this.min1 = blockMinima(this.lcp, B1);
    this.min2 = blockMinima(this.lcp, B2);
    this.min3 = blockMinima(this.lcp, B3);
  }

  /** Position of `term`, or -1. */
  indexOf(term: string): number {
    const i = this.lowerBound(term, 0);
    return this.terms[i] === term ? i : -1;
  }

  /** First position whose term is ≥ `key`. */
  private lowerBound(key: string, from: number): number {
    let lo = from;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.terms[mid] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First position from `from` whose term is above every term starting with `prefix`. */
  private endOfPrefix(prefix: string, from: number): number {
    let lo = from;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.terms[mid] as string;
      if (t < prefix || t.startsWith(prefix)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * First position from `from` whose term does not share the first `k` letters of the term
   * before `from` (or the end): the first `lcp` below `k`. Whole blocks whose minimum is at
   * least `k` are stepped over, the largest aligned block first.
   */
  private endOfShared(k: number, from: number): number {
    const lcp = this.lcp;
    const n = this.terms.length;
    let j = from;
    while (j < n) {
      if ((j & ((1 << B3) - 1)) === 0 && (this.min3[j >>> B3] as number) >= k) j += 1 << B3;
      else if ((j & ((1 << B2) - 1)) === 0 && (this.min2[j >>> B2] as number) >= k) j += 1 << B2;
      else if ((j & ((1 << B1) - 1)) === 0 && (this.min1[j >>> B1] as number) >= k) j += 1 << B1;
      else if ((lcp[j] as number) < k) return j;
      else j++;
    }
    return n;
  }

  /** Positions [start, end) of the terms starting with `prefix` (itself included). */
  prefixRange(prefix: string): [number, number] {
    const start = this.lowerBound(prefix, 0);
    return [start, this.endOfPrefix(prefix, start)];
  }

  /** Query char codes and walk parameters of the current `near` call. */
  private q = new Int32Array(0);
  private m = 0;
  private k = 0;
  private visit: (position: number, distance: number) => void = () => {};

  /**
   * Positions and Levenshtein distances of the terms within `maxEdits` of `query`
   * (itself included, at distance 0), in vocabulary order: a depth-first walk of the implicit
   * trie. A child's letters are found by binary search (terms sharing a prefix are sorted by
   * their next letter); once every cell of a row has spent the whole edit budget, only the
   * children whose letter is a query letter at a cell still on budget can stay within reach,
   * and only those are visited (a Levenshtein automaton's transitions).
   */
  near(query: string, maxEdits: number, visit: (position: number, distance: number) => void): void {
    const m = query.length;
    const width = m + 1;
    if (this.rows.length < (m + maxEdits + 1) * width) this.rows = new Int32Array((m + maxEdits + 1) * width);
    if (this.q.length < m) this.q = new Int32Array(m);
    for (let j = 0; j < m; j++) this.q[j] = query.charCodeAt(j);
    const cap = maxEdits + 1;
    for (let j = 0; j <= m; j++) this.rows[j] = j < cap ? j : cap;
    this.m = m;
    this.k = maxEdits;
    this.visit = visit;
    if (this.terms.length) this.walk(0, this.terms.length, 0);
  }

  /** Terms [lo, hi) share their first `depth` letters, whose row is computed: visits their subtree. */
  private walk(lo: number, hi: number, depth: number): void {
    const { m, k, rows, chars, starts, q } = this;
    const width = m + 1;
    const cap = k + 1;
    const here = depth * width;
    let i = lo;
    // The one term that is exactly the shared prefix sorts first.
    if ((starts[lo + 1] as number) - (starts[lo] as number) === depth) {
      if (depth + k >= m && (rows[here + m] as number) <= k) this.visit(lo, rows[here + m] as number);
      i++;
    }
    if (depth >= m + k) return;
    // Band of this row's cells that can be within reach; a cell below the budget lets any letter through.
    const bandLo = depth > k ? depth - k : 0;
    const bandHi = depth + k < m ? depth + k : m;
    let free = false;
    for (let j = bandLo; j <= bandHi; j++) if ((rows[here + j] as number) < k) free = true;
    const next = here + width;
    const lo1 = depth + 1 > k ? depth + 1 - k : 1;
    const hi1 = depth + 1 + k < m ? depth + 1 + k : m;
    const diff = this.diff;
    while (i < hi) {
      // A child's letter: where its first term parts from the term before it (the first child: read).
      let c = i > lo && depth < 255 ? (diff[i] as number) : (chars[(starts[i] as number) + depth] as number);
      let end: number;
      if (free) end = this.endOfShared(depth + 1, i + 1);
      else {
        // The smallest letter >= c that a query cell on budget matches; its child by binary search.
        let want = 0x10000;
        for (let j = lo1; j <= hi1; j++) {
          const qc = q[j - 1] as number;
          if (qc >= c && qc < want && (rows[here + j - 1] as number) === k) want = qc;
        }
        if (want === 0x10000) return;
        if (want !== c) {
          i = this.firstAbove(i, hi, depth, want - 1);
          if (i >= hi) return;
          c = chars[(starts[i] as number) + depth] as number;
          if (c !== want) continue;
        }
        end = this.firstAbove(i + 1, hi, depth, c);
      }
      let min = depth + 1 < cap ? depth + 1 : cap;
      rows[next] = min;
      if (lo1 > 1) rows[next + lo1 - 1] = cap;
      for (let j = lo1; j <= hi1; j++) {
        let v = (rows[here + j - 1] as number) + ((q[j - 1] as number) === c ? 0 : 1);
        const up = (rows[here + j] as number) + 1;
        const left = (rows[next + j - 1] as number) + 1;
        if (up < v) v = up;
        if (left < v) v = left;
        if (v > cap) v = cap;
        rows[next + j] = v;
        if (v < min) min = v;
      }
      if (hi1 < m) rows[next + hi1 + 1] = cap;
      if (min <= k) this.walk(i, end, depth + 1);
      i = end;
    }
  }

  /** First position in [from, hi) whose letter at `depth` is above `c` (the terms there share `depth` letters and are longer). */
  private firstAbove(from: number, hi: number, depth: number, c: number): number {
    let a = from;
    let b = hi;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if ((this.chars[(this.starts[mid] as number) + depth] as number) <= c) a = mid + 1;
      else b = mid;
    }
    return a;
  }
}

/**
 * Minimum of each block of 2^`bits` values. The last value (past the last term) is 0, so no
 * skip jumps over the end; a block wholly past it is never reached.
 */
function blockMinima(values: Uint8Array, bits: number): Uint8Array {
  const out = new Uint8Array((values.length >>> bits) + 1);
  out.fill(255);
  for (let i = 0; i < values.length; i++) {
    const b = i >>> bits;
    if ((values[i] as number) < (out[b] as number)) out[b] = values[i] as number;
  }
  return out;
}
