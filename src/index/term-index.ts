/**
 * The searchable form of MiniSearch's serialised index. BM25 depends only on
 * the term, the passage and the corpus, so each (term, passage) score — summed
 * over fields with their boosts, exactly as MiniSearch computes it — is worked
 * out once when the index is loaded and kept in typed arrays. A query then only
 * adds numbers, which keeps latency flat as the corpus grows. Prefix and fuzzy
 * lookups use MiniSearch's own radix tree (`minisearch/SearchableMap`).
 */
import type { AsPlainObject } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';

export interface TermEntry {
  /** Passage numbers, ascending. */
  docs: Int32Array;
  /** BM25 score of the term in each passage, boosts applied. */
  scores: Float32Array;
}

export interface Bm25 {
  k: number;
  b: number;
  d: number;
}

/** MiniSearch's defaults. */
export const BM25: Bm25 = { k: 1.2, b: 0.7, d: 0.5 };

const bm25 = (tf: number, df: number, n: number, len: number, avg: number, p: Bm25): number =>
  Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (p.d + (tf * (p.k + 1)) / (tf + p.k * (1 - p.b + (p.b * len) / avg)));

export class TermIndex {
  private constructor(
    readonly tree: SearchableMap<TermEntry>,
    readonly documentCount: number,
  ) {}

  /**
   * Compiles MiniSearch's plain-object serialisation. `boost` weights fields by name;
   * MiniSearch's short document ids are mapped to the documents' own (numeric) ids.
   */
  static fromMiniSearch(js: AsPlainObject, boost: Record<string, number>): TermIndex {
    const n = js.documentCount;
    const fieldBoost: number[] = [];
    for (const [name, id] of Object.entries(js.fieldIds)) fieldBoost[id] = boost[name] ?? 1;
    // Short ids are small integers: plain arrays beat maps keyed by strings.
    const docOf: number[] = [];
    for (const [short, id] of Object.entries(js.documentIds)) docOf[Number(short)] = Number(id);
    const lengthOf: (number[] | undefined)[] = [];
    for (const [short, lens] of Object.entries(js.fieldLength as Record<string, number[]>)) lengthOf[Number(short)] = lens;
    const avg = js.averageFieldLength;
    const tree = new SearchableMap<TermEntry>();
    const acc = new Map<number, number>();
    for (const [term, byField] of js.index) {
      const fields = Object.keys(byField);
      if (fields.length === 1) {
        // Most terms occur in one field only: no merging needed.
        const field = Number(fields[0]);
        const postings = byField[fields[0] as string] as Record<string, number>;
        const keys = Object.keys(postings);
        const weight = fieldBoost[field] ?? 1;
        const avgLen = avg[field] ?? 1;
        const docs = new Int32Array(keys.length);
        const scores = new Float32Array(keys.length);
        let sorted = true;
        for (let i = 0; i < keys.length; i++) {
          const short = Number(keys[i]);
          docs[i] = docOf[short] ?? -1;
          if (i && (docs[i] as number) < (docs[i - 1] as number)) sorted = false;
          scores[i] = weight * bm25(postings[keys[i] as string] as number, keys.length, n, lengthOf[short]?.[field] ?? 0, avgLen, BM25);
        }
        tree.set(term, sorted ? { docs, scores } : sortEntry(docs, scores));
        continue;
      }
      acc.clear();
      for (const fieldKey of fields) {
        const field = Number(fieldKey);
        const postings = byField[fieldKey] as Record<string, number>;
        const keys = Object.keys(postings);
        const weight = fieldBoost[field] ?? 1;
        for (const key of keys) {
          const short = Number(key);
          const doc = docOf[short] ?? -1;
          const len = lengthOf[short]?.[field] ?? 0;
          const s = weight * bm25(postings[key] as number, keys.length, n, len, avg[field] ?? 1, BM25);
          acc.set(doc, (acc.get(doc) ?? 0) + s);
        }
      }
      const docs = Int32Array.from(acc.keys()).sort();
      const scores = new Float32Array(docs.length);
      for (let i = 0; i < docs.length; i++) scores[i] = acc.get(docs[i] as number) as number;
      tree.set(term, { docs, scores });
    }
    return new TermIndex(tree, n);
  }

  get(term: string): TermEntry | undefined {
    return this.tree.get(term);
  }

  has(term: string): boolean {
    return this.tree.has(term);
  }

  /** Index terms starting with `prefix` (itself excluded), with their entries. */
  *withPrefix(prefix: string): Iterable<[string, TermEntry]> {
    for (const [term, entry] of this.tree.atPrefix(prefix)) if (term !== prefix) yield [term, entry];
  }

  /** Index terms within `maxEdits` edits of `term` (itself excluded). */
  *near(term: string, maxEdits: number): Iterable<[string, TermEntry, number]> {
    for (const [t, [entry, distance]] of this.tree.fuzzyGet(term, maxEdits)) if (distance > 0) yield [t, entry, distance];
  }
}

function sortEntry(docs: Int32Array, scores: Float32Array): TermEntry {
  const order = Array.from(docs.keys()).sort((a, b) => (docs[a] as number) - (docs[b] as number));
  return { docs: Int32Array.from(order, (i) => docs[i] as number), scores: Float32Array.from(order, (i) => scores[i] as number) };
}

/** Whether passage `doc` holds the term (binary search). */
export function contains(entry: TermEntry, doc: number): boolean {
  let lo = 0;
  let hi = entry.docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = entry.docs[mid] as number;
    if (v === doc) return true;
    if (v < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
