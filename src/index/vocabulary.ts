/**
 * The index vocabulary as one sorted array of terms: exact and prefix lookups
 * are binary searches, and fuzzy lookup walks the sorted array as an implicit
 * trie (consecutive terms share their edit-distance rows for their common
 * prefix; a prefix already too far from the query skips all the terms that
 * start with it). The walk reads letters from one flat array of char codes and
 * finds the end of a skipped subtree from block minima of the shared-prefix
 * lengths, never touching the term strings: on a large vocabulary, reading
 * scattered strings (a cache miss each) was most of the cost. Built at load in
 * one pass over the terms.
 */

/** Block sizes of the shared-prefix minima (levels 1, 2, 3): a skip crosses large subtrees in a few steps. */
const B1 = 5;
const B2 = 10;
const B3 = 15;

export class Vocabulary {
  /** Levenshtein rows, one per depth of the current term (reused between calls). */
  private rows = new Int32Array(0);

  /** Letters each term shares with the previous one (capped at 255); 0 past the end. */
  private readonly lcp: Uint8Array;
  /** Minima of `lcp` over blocks of 2^B1, 2^B2, 2^B3 positions. */
  private readonly min1: Uint8Array;
  private readonly min2: Uint8Array;
  private readonly min3: Uint8Array;
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
    for (let i = 1; i < n; i++) {
      const a = this.starts[i - 1] as number;
      const b = this.starts[i] as number;
      const len = Math.min(b - a, (this.starts[i + 1] as number) - b, 255);
      let k = 0;
      while (k < len && this.chars[a + k] === this.chars[b + k]) k++;
      this.lcp[i] = k;
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

  /**
   * Positions and Levenshtein distances of the terms within `maxEdits` of `query`
   * (itself included, at distance 0), in vocabulary order.
   */
  near(query: string, maxEdits: number, visit: (position: number, distance: number) => void): void {
    const m = query.length;
    const width = m + 1;
    const maxDepth = m + maxEdits;
    if (this.rows.length < (maxDepth + 1) * width) this.rows = new Int32Array((maxDepth + 1) * width);
    const rows = this.rows;
    const cap = maxEdits + 1;
    for (let j = 0; j <= m; j++) rows[j] = j < cap ? j : cap;
    const lcp = this.lcp;
    /** Rows 0..valid hold the prefixes of the last term computed; `shared`: letters it shares with term i. */
    let valid = 0;
    let shared = 0;
    const n = this.terms.length;
    const chars = this.chars;
    const starts = this.starts;
    for (let i = 0; i < n; ) {
      const at = starts[i] as number;
      const length = (starts[i + 1] as number) - at;
      const limit = Math.min(length, maxDepth);
      const d = Math.min(valid, shared);
      let pruned = -1;
      for (let depth = d + 1; depth <= limit; depth++) {
        const c = chars[at + depth - 1] as number;
        const above = (depth - 1) * width;
        const here = depth * width;
        // Only the diagonal band |depth - j| <= maxEdits can stay within reach (Ukkonen); cells
        // are capped at maxEdits + 1, which keeps every value <= maxEdits exact.
        const lo = depth > maxEdits ? depth - maxEdits : 1;
        const hi = depth + maxEdits < m ? depth + maxEdits : m;
        let min = depth < cap ? depth : cap;
        rows[here] = min;
        if (lo > 1) rows[here + lo - 1] = cap;
        for (let j = lo; j <= hi; j++) {
          let v = (rows[above + j - 1] as number) + (query.charCodeAt(j - 1) === c ? 0 : 1);
          const up = (rows[above + j] as number) + 1;
          const left = (rows[here + j - 1] as number) + 1;
          if (up < v) v = up;
          if (left < v) v = left;
          if (v > cap) v = cap;
          rows[here + j] = v;
          if (v < min) min = v;
        }
        if (hi < m) rows[here + hi + 1] = cap;
        if (min > maxEdits) {
          pruned = depth;
          break;
        }
      }
      // Skip the terms sharing the first `skip` letters of this one: none can be within reach.
      let skip = 0;
      if (pruned >= 0) (valid = pruned), (skip = pruned);
      else {
        valid = limit;
        // Too long to be within reach, and so is every term after it sharing its first maxDepth
        // letters (the one term of exactly those letters would sort before it).
        if (length > maxDepth) skip = maxDepth;
        else {
          const distance = length + maxEdits >= m ? (rows[length * width + m] as number) : cap;
          if (distance <= maxEdits) visit(i, distance);
        }
      }
      i++;
      if (skip) i = this.endOfShared(skip, i);
      shared = lcp[i] as number;
    }
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
