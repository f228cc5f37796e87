/**
 * Passages as the artifact stores them, and read back. Each is stored as one JSON line without
 * `text` (the join of its sentences) and without the fields it shares with its base: the passage
 * before it in its document, or every `CHECKPOINT` passages the document's first one (so reading one
 * passage parses at most that many lines before it). A loaded index keeps the lines as they are in the
 * file and parses a passage the first time it is read: a query reads a few dozen passages, and making
 * all 3,000 of them at load (objects, sentence strings, joined texts) was a third of the load time.
 */
import type { Passage } from '../ingest/types.js';
import { decodeVarints, encodeVarints } from './codec.js';
import { asciiJSON, ByteLines, Lines } from './lines.js';

/** The passages a `PassageIndex` reads, by number (their order in the index) or id. */
export interface PassageStore {
  readonly length: number;
  /** Passage `i`: the same object at every call. */
  at(i: number): Passage;
  /** Number of the passage with this id, or -1. */
  indexOf(id: string): number;
}

/** Passages already made (an index just built, or an artifact read whole). */
export function arrayStore(passages: readonly Passage[]): PassageStore {
  const byId = new Map<string, number>();
  passages.forEach((p, i) => byId.set(p.id, i));
  return { length: passages.length, at: (i) => passages[i] as Passage, indexOf: (id) => byId.get(id) ?? -1 };
}

type Stored = Record<string, unknown>;
const SHARED_FIELDS = ['docId', 'path', 'kind', 'title', 'section', 'page', 'lang', 'date', 'tags'] as const;

/** Every this many passages of a document, one is stored against the document's first passage. */
const CHECKPOINT = 16;

/** The passage whose fields passage `pos` of a document run inherits (undefined for the first one). */
const baseOf = (pos: number, checkpoint: number): number | undefined =>
  pos === 0 ? undefined : pos % checkpoint === 0 ? 0 : pos - 1;

/** Stored form of passage `p` against its base (the id first). */
function compact(p: Passage, base: Passage | undefined): Stored {
  const { id, ...rest } = p;
  const out: Stored = { id, ...rest };
  if (p.text === p.sentences.join(' ')) delete out.text;
  if (base && base !== p) {
    for (const key of SHARED_FIELDS) {
      // Absent here but present on the base: say so explicitly, or it would be inherited.
      if (p[key] === undefined) {
        if (base[key] !== undefined) out[key] = null;
      } else if (JSON.stringify(p[key]) === JSON.stringify(base[key])) delete out[key];
    }
  }
  return out;
}

/** The inverse of `compact` against the same base, in place (the stored object was just parsed: nobody else holds it). */
function expand(s: Stored, base: Passage | undefined): Passage {
  for (const key of SHARED_FIELDS) {
    const v = s[key];
    if (v === null) delete s[key];
    else if (v === undefined && base && base[key] !== undefined) s[key] = base[key];
  }
  if (s.text === undefined) s.text = ((s.sentences as string[] | undefined) ?? []).join(' ');
  return s as unknown as Passage;
}

/** Where each run of passages of one document starts, then the passage count. */
function runStarts(runs: ArrayLike<number>): Int32Array {
  const starts = new Int32Array(runs.length + 1);
  for (let r = 0; r < runs.length; r++) starts[r + 1] = (starts[r] as number) + (runs[r] as number);
  return starts;
}

/** What the artifact stores beside the passage lines: document runs and the ids sorted. */
export interface StoredPassagesJSON {
  /** Lengths of the runs of consecutive passages of one document (varints). */
  runs: string;
  runCount: number;
  /** `CHECKPOINT` when written. */
  checkpoint: number;
  /** Byte length of each passage's line in the file, its comma included (varints): no scan for line ends at load. */
  lineBytes?: string;
  /** Passage ids, sorted, one a line… */
  ids: string;
  /** …and the number of the passage each is (varints). */
  order: string;
}

/** The passages' stored lines (JSON objects, pure ASCII), and the table that finds them. */
export function storePassages(passages: readonly Passage[]): { lines: string[]; json: StoredPassagesJSON } {
  const runs: number[] = [];
  let start = 0;
  const lines = passages.map((p, i) => {
    if (i === 0 || (passages[start] as Passage).docId !== p.docId) (start = i), runs.push(0);
    runs[runs.length - 1] = (runs[runs.length - 1] as number) + 1;
    const base = baseOf(i - start, CHECKPOINT);
    return asciiJSON(JSON.stringify(compact(p, base === undefined ? undefined : passages[start + base])));
  });
  const order = passages.map((_, i) => i).sort((a, b) => {
    const x = (passages[a] as Passage).id;
    const y = (passages[b] as Passage).id;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const ids = order.map((i) => (passages[i] as Passage).id);
  if (ids.some((id, k) => k > 0 && id === ids[k - 1])) throw new Error('two passages share an id');
  const json = {
    runs: encodeVarints(runs),
    runCount: runs.length,
    checkpoint: CHECKPOINT,
    // As `serializeArtifact` joins them: a comma after each line but the last.
    lineBytes: encodeVarints(lines.map((l, i) => l.length + (i + 1 < lines.length ? 1 : 0))),
    ids: Lines.join(ids).text,
    order: encodeVarints(order),
  };
  return { lines, json };
}

/** Stored passages read whole (the artifact's `passages` array parsed with everything else). */
export function expandPassages(stored: unknown[], json: StoredPassagesJSON): Passage[] {
  const starts = runStarts(decodeVarints(json.runs, json.runCount));
  if (starts[json.runCount] !== stored.length) throw new Error('passage runs do not match the passages');
  const checkpoint = checkpointOf(json);
  const out: Passage[] = [];
  for (let r = 0; r < json.runCount; r++) {
    const start = starts[r] as number;
    for (let i = start; i < (starts[r + 1] as number); i++) {
      const base = baseOf(i - start, checkpoint);
      out.push(expand(stored[i] as Stored, base === undefined ? undefined : out[start + base]));
    }
  }
  return out;
}

function checkpointOf(json: StoredPassagesJSON): number {
  if (!Number.isInteger(json.checkpoint) || json.checkpoint < 1) throw new Error('no passage checkpoint interval');
  return json.checkpoint;
}

/** Passages as format version 3 stored them: each field left out inherited from the passage before, within a document. */
export function expandLegacyPassages(stored: unknown[]): Passage[] {
  let prev: Stored | undefined;
  for (const p of stored as Stored[]) {
    const inherit = prev !== undefined && (p.docId === undefined || p.docId === prev.docId);
    expand(p, inherit ? (prev as unknown as Passage) : undefined);
    prev = p;
  }
  return stored as Passage[];
}

/** Passages parsed from their stored lines when first read (with at most `CHECKPOINT` bases before them). */
export class LazyPassages implements PassageStore {
  readonly length: number;
  private readonly made: (Passage | undefined)[];
  /** The passage each passage inherits its fields from (-1: none). */
  private readonly baseOf: Int32Array;
  private readonly ids: Lines;
  private readonly order: Int32Array;
  private readonly lines: ByteLines;

  /** `bytes`: one stored passage a line, each but the last followed by a comma (JSON array elements). */
  constructor(
    bytes: Buffer,
    json: StoredPassagesJSON,
    private readonly source = 'index',
  ) {
    const starts = runStarts(decodeVarints(json.runs, json.runCount));
    this.length = starts[json.runCount] as number;
    this.lines = ByteLines.of(bytes, json.lineBytes, this.length);
    if (this.lines.length !== this.length) throw new Error('passage runs do not match the passages');
    const checkpoint = checkpointOf(json);
    this.baseOf = new Int32Array(this.length);
    for (let r = 0; r < json.runCount; r++) {
      const start = starts[r] as number;
      for (let i = start; i < (starts[r + 1] as number); i++) this.baseOf[i] = start + (baseOf(i - start, checkpoint) ?? -start - 1);
    }
    this.ids = new Lines(json.ids);
    if (this.ids.length !== this.length) throw new Error('passage ids do not match the passages');
    this.order = decodeVarints(json.order, this.length);
    this.made = new Array<Passage | undefined>(this.length);
  }

  /** The id passage `i` must have: the sorted id table's entry that points at `i`. */
  private idOf(i: number): string | undefined {
    if (!this.sortedAt) {
      this.sortedAt = new Int32Array(this.length).fill(-1);
      for (let k = 0; k < this.length; k++) this.sortedAt[this.order[k] as number] = k;
    }
    const k = this.sortedAt[i] as number;
    return k < 0 ? undefined : this.ids.line(k);
  }
  private sortedAt: Int32Array | undefined;

  /**
   * Reads every passage now, so that a damaged line is found before the index is put in service (the
   * server's loader calls it: a broken artifact must be refused, not fail a question later). Throws the
   * first damage found.
   */
  verify(): void {
    for (let i = 0; i < this.length; i++) this.at(i);
  }

  at(i: number): Passage {
    let p = this.made[i];
    if (!p) {
      if (!(i >= 0 && i < this.length)) throw new RangeError(`no passage ${i}`);
      const line = this.lines.line(i);
      let stored: Stored;
      try {
        stored = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as Stored;
      } catch (err) {
        throw new Error(`${this.source} has a damaged passage ${i} (${(err as Error).message}); re-run \`npm run ingest\``);
      }
      // A line edited by hand or by another tool may carry another passage's id: it would be served under the wrong one.
      if (stored.id !== this.idOf(i)) throw new Error(`${this.source} has a damaged passage ${i} (its id is not the one indexed); re-run \`npm run ingest\``);
      const base = this.baseOf[i] as number;
      p = this.made[i] = expand(stored, base < 0 ? undefined : this.at(base));
    }
    return p;
  }

  indexOf(id: string): number {
    const k = this.ids.find(id);
    return k < 0 ? -1 : (this.order[k] as number);
  }
}
