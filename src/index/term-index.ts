/**
 * Precomputed BM25 postings. BM25 depends only on the term, the passage and the
 * corpus, so each (term, passage) score — summed over fields with their boosts,
 * exactly as MiniSearch computes it — is worked out once when the index is
 * built, from MiniSearch's serialisation, and stored in the artifact as typed
 * arrays (codec.ts). Loading is then a few base64 decodes, and a query only adds
 * numbers. The vocabulary is one sorted array (vocabulary.ts).
 */
import type { AsPlainObject } from 'minisearch';
import { BYTE_ORDER, checkByteOrder, decodeVarints, encodeVarints, float32FromBase64, toBase64 } from './codec.js';
import { Vocabulary } from './vocabulary.js';

export interface TermEntry {
  /** Passage numbers, ascending. */
  docs: Int32Array;
  /** BM25 score of the term in each passage, boosts applied. */
  scores: Float32Array;
  /** Highest of `scores`, cached by the scorer on first use (its pruning bound). */
  max?: number;
}

export interface Bm25 {
  k: number;
  b: number;
  d: number;
}

/** MiniSearch's defaults. */
export const BM25: Bm25 = { k: 1.2, b: 0.7, d: 0.5 };

/** The compiled index as the artifact stores it. */
export interface CompiledIndex {
  format: 'rapporteur-postings';
  version: 1;
  byteOrder: typeof BYTE_ORDER;
  /** What the scores were computed with: a program with other settings refuses the artifact. */
  scoring: { model: 'bm25'; k: number; b: number; d: number; boost: Record<string, number> };
  documentCount: number;
  termCount: number;
  postingCount: number;
  /** Sorted terms, joined by newlines. */
  terms: string;
  /** Postings per term (varints, base64). */
  counts: string;
  /** Passage numbers, each term's ascending and gap-coded (varints, base64). */
  docs: string;
  /** Scores (float32, base64). */
  scores: string;
}

const bm25 = (tf: number, df: number, n: number, len: number, avg: number, p: Bm25): number =>
  Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (p.d + (tf * (p.k + 1)) / (tf + p.k * (1 - p.b + (p.b * len) / avg)));

const sameScoring = (a: CompiledIndex['scoring'], boost: Record<string, number>): boolean =>
  a?.model === 'bm25' && a.k === BM25.k && a.b === BM25.b && a.d === BM25.d &&
  JSON.stringify(Object.entries(a.boost ?? {}).sort()) === JSON.stringify(Object.entries(boost).sort());

export class TermIndex {
  readonly vocabulary: Vocabulary;
  /** Entry views, made on first use. */
  private readonly entries: (TermEntry | undefined)[] = [];

  private constructor(
    terms: string[],
    /** Where each term's postings start in `docs`/`scores` (one more than terms). */
    private readonly offsets: Int32Array,
    private readonly docs: Int32Array,
    private readonly scores: Float32Array,
    readonly documentCount: number,
    private readonly boost: Record<string, number>,
  ) {
    this.vocabulary = new Vocabulary(terms);
  }

  /**
   * Compiles MiniSearch's plain-object serialisation. `boost` weights fields by name;
   * MiniSearch's short document ids are mapped to the documents' own (numeric) ids.
   */
  static fromMiniSearch(js: AsPlainObject, boost: Record<string, number>): TermIndex {
    const n = js.documentCount;
    const fieldBoost: number[] = [];
    for (const [name, id] of Object.entries(js.fieldIds)) fieldBoost[id] = boost[name] ?? 1;
    const docOf: number[] = [];
    for (const [short, id] of Object.entries(js.documentIds)) docOf[Number(short)] = Number(id);
    const lengthOf: (number[] | undefined)[] = [];
    for (const [short, lens] of Object.entries(js.fieldLength as Record<string, number[]>)) lengthOf[Number(short)] = lens;
    const avg = js.averageFieldLength;
    const byTerm = new Map<string, Map<number, number>>();
    let total = 0;
    for (const [term, byField] of js.index) {
      const acc = new Map<number, number>();
      for (const fieldKey of Object.keys(byField)) {
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
      byTerm.set(term, acc);
      total += acc.size;
    }
    const terms = [...byTerm.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const offsets = new Int32Array(terms.length + 1);
    const docs = new Int32Array(total);
    const scores = new Float32Array(total);
    let at = 0;
    terms.forEach((term, i) => {
      const acc = byTerm.get(term) as Map<number, number>;
      for (const doc of [...acc.keys()].sort((a, b) => a - b)) {
        docs[at] = doc;
        scores[at++] = acc.get(doc) as number;
      }
      offsets[i + 1] = at;
    });
    return new TermIndex(terms, offsets, docs, scores, n, boost);
  }

  toJSON(): CompiledIndex {
    const counts = new Int32Array(this.offsets.length - 1);
    for (let i = 0; i < counts.length; i++) counts[i] = (this.offsets[i + 1] as number) - (this.offsets[i] as number);
    return {
      format: 'rapporteur-postings',
      version: 1,
      byteOrder: BYTE_ORDER,
      scoring: { model: 'bm25', ...BM25, boost: this.boost },
      documentCount: this.documentCount,
      termCount: counts.length,
      postingCount: this.docs.length,
      terms: this.vocabulary.terms.join('\n'),
      counts: encodeVarints(counts),
      docs: encodeVarints(this.docs, counts),
      scores: toBase64(this.scores),
    };
  }

  /** Reads `toJSON()` output; throws a message ending in what to do when it cannot be used. */
  static fromJSON(json: unknown, boost: Record<string, number>): TermIndex {
    const c = json as Partial<CompiledIndex> | null;
    if (!c || c.format !== 'rapporteur-postings' || c.version !== 1) {
      throw new Error('the index is not in the compiled postings format this program reads; re-run `npm run ingest`');
    }
    if (!c.scoring || !sameScoring(c.scoring, boost)) {
      throw new Error('the index was scored with other BM25 settings or field boosts; re-run `npm run ingest`');
    }
    checkByteOrder();
    const termCount = c.termCount ?? 0;
    const postingCount = c.postingCount ?? 0;
    const terms = termCount ? (c.terms ?? '').split('\n') : [];
    if (terms.length !== termCount) throw new Error(`the index announces ${termCount} terms but holds ${terms.length}; re-run \`npm run ingest\``);
    try {
      const counts = decodeVarints(c.counts ?? '', termCount);
      const offsets = new Int32Array(termCount + 1);
      for (let i = 0; i < termCount; i++) offsets[i + 1] = (offsets[i] as number) + (counts[i] as number);
      if (offsets[termCount] !== postingCount) throw new Error(`${offsets[termCount]} postings, ${postingCount} announced`);
      const docs = decodeVarints(c.docs ?? '', postingCount, counts);
      const scores = float32FromBase64(c.scores ?? '', postingCount);
      return new TermIndex(terms, offsets, docs, scores, c.documentCount ?? 0, boost);
    } catch (err) {
      throw new Error(`the index postings are damaged (${(err as Error).message}); re-run \`npm run ingest\``);
    }
  }

  get termCount(): number {
    return this.vocabulary.terms.length;
  }

  /** The entry of the term at `position` in the vocabulary. */
  at(position: number): TermEntry {
    let e = this.entries[position];
    if (!e) {
      const from = this.offsets[position] as number;
      const to = this.offsets[position + 1] as number;
      e = this.entries[position] = { docs: this.docs.subarray(from, to), scores: this.scores.subarray(from, to) };
    }
    return e;
  }

  get(term: string): TermEntry | undefined {
    const i = this.vocabulary.indexOf(term);
    return i < 0 ? undefined : this.at(i);
  }

  has(term: string): boolean {
    return this.vocabulary.indexOf(term) >= 0;
  }

  /** Index terms starting with `prefix` (itself excluded), with their entries, in vocabulary order. */
  withPrefix(prefix: string): [string, TermEntry][] {
    const [start, end] = this.vocabulary.prefixRange(prefix);
    const out: [string, TermEntry][] = [];
    for (let i = start; i < end; i++) {
      const term = this.vocabulary.terms[i] as string;
      if (term !== prefix) out.push([term, this.at(i)]);
    }
    return out;
  }

  /** Index terms within `maxEdits` edits of `term` (itself excluded), in vocabulary order. */
  near(term: string, maxEdits: number): [string, TermEntry, number][] {
    const out: [string, TermEntry, number][] = [];
    this.vocabulary.near(term, maxEdits, (i, distance) => {
      if (distance > 0) out.push([this.vocabulary.terms[i] as string, this.at(i), distance]);
    });
    return out;
  }
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
