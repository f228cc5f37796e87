/**
 * The index vocabulary as one sorted array of terms: exact and prefix lookups
 * are binary searches, and fuzzy lookup walks the sorted array as an implicit
 * trie (consecutive terms share their edit-distance rows for their common
 * prefix; a prefix already too far from the query skips all the terms that
 * start with it). Nothing is built at load beyond splitting one string.
 */

export class Vocabulary {
  /** Levenshtein rows, one per depth of the current term (reused between calls). */
  private rows = new Int32Array(0);

  /** Letters each term shares with the previous one (capped at 255). */
  private readonly lcp: Uint8Array;

  constructor(readonly terms: readonly string[]) {
    this.lcp = new Uint8Array(terms.length + 1);
    for (let i = 1; i < terms.length; i++) {
      const a = terms[i - 1] as string;
      const b = terms[i] as string;
      const n = Math.min(a.length, b.length, 255);
      let k = 0;
      while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++;
      this.lcp[i] = k;
    }
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
   * First position from `from` whose term does not share the first `k` letters of `t`
   * (`from`'s predecessor does). Galloping then binary search: a large vocabulary skips a
   * whole subtree in O(log size) instead of stepping through it term by term.
   */
  private endOfShared(t: string, k: number, from: number): number {
    const lcp = this.lcp;
    const n = this.terms.length;
    // Short runs are the common case: a few linear steps first.
    for (let s = 0; s < 8; s++, from++) if (from >= n || (lcp[from] as number) < k) return from;
    let lo = from - 1;
    let step = 8;
    let hi = from + step;
    while (hi < n && sharesHead(this.terms[hi] as string, t, k)) (lo = hi), (step *= 2), (hi = lo + step);
    if (hi > n) hi = n;
    // Term `lo` shares the head, term `hi` does not (or hi = n): the boundary is in (lo, hi].
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (sharesHead(this.terms[mid] as string, t, k)) lo = mid;
      else hi = mid;
    }
    return hi;
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
    for (let i = 0; i < n; ) {
      const t = this.terms[i] as string;
      const limit = Math.min(t.length, maxDepth);
      const d = Math.min(valid, shared);
      let pruned = -1;
      for (let depth = d + 1; depth <= limit; depth++) {
        const c = t.charCodeAt(depth - 1);
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
        if (t.length > maxDepth) skip = maxDepth + 1;
        else {
          const distance = t.length + maxEdits >= m ? (rows[t.length * width + m] as number) : cap;
          if (distance <= maxEdits) visit(i, distance);
        }
      }
      i++;
      if (skip) i = this.endOfShared(t, skip, i);
      shared = lcp[i] as number;
    }
  }
}

/** Whether `a` starts with the first `k` letters of `t`. */
function sharesHead(a: string, t: string, k: number): boolean {
  if (a.length < k) return false;
  for (let i = 0; i < k; i++) if (a.charCodeAt(i) !== t.charCodeAt(i)) return false;
  return true;
}
