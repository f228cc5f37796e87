/**
 * A list of strings kept as one newline-joined string and read by position. Loading one is a
 * scan for line ends into a typed array: no string per line is made until a line is read
 * (on this host every fresh string and Map entry made at load costs its first memory touch).
 */
import { isAscii } from 'node:buffer';
import { decodeVarints } from './codec.js';

/**
 * JSON with every non-ASCII character escaped (`\u00e9`): still UTF-8 JSON for any reader, and read
 * back as a one-byte string without UTF-8 decoding into a two-byte one (a third of the load time).
 */
export function asciiJSON(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Where each line starts, then one past the last line's end (as if it ended with a newline). */
function lineStarts(size: number, newlineFrom: (from: number) => number): Int32Array {
  let n = size ? 1 : 0;
  for (let at = newlineFrom(0); at >= 0; at = newlineFrom(at + 1)) n++;
  const starts = new Int32Array(n + 1);
  for (let i = 1, from = 0; i < n; i++) starts[i] = from = newlineFrom(from) + 1;
  starts[n] = size + 1;
  return starts;
}

/** Lines read by position. */
export interface LineList {
  readonly length: number;
  line(i: number): string;
}

export class Lines implements LineList {
  private readonly starts: Int32Array;

  constructor(readonly text: string) {
    this.starts = lineStarts(text.length, (from) => text.indexOf('\n', from));
  }

  /** Joins lines that hold no newline (throws on one that does: it would read as two). */
  static join(lines: readonly string[]): Lines {
    for (const line of lines) if (line.includes('\n')) throw new Error(`a line holds a newline: ${JSON.stringify(line)}`);
    if (lines.length === 1 && lines[0] === '') throw new Error('a single empty line cannot be told from no line');
    return new Lines(lines.join('\n'));
  }

  get length(): number {
    return this.starts.length - 1;
  }

  line(i: number): string {
    return this.text.slice(this.starts[i] as number, (this.starts[i + 1] as number) - 1);
  }

  /** Position of `key` when the lines are sorted by UTF-16 code unit (as `Array.prototype.sort` sorts), or -1. */
  find(key: string): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = this.compare(key, mid);
      if (c === 0) return mid;
      if (c > 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** `key` against line `i`, in place: negative when the key sorts first. */
  private compare(key: string, i: number): number {
    const from = this.starts[i] as number;
    const length = (this.starts[i + 1] as number) - 1 - from;
    const n = Math.min(length, key.length);
    for (let k = 0; k < n; k++) {
      const d = key.charCodeAt(k) - this.text.charCodeAt(from + k);
      if (d) return d;
    }
    return key.length - length;
  }
}

/**
 * Lines of a file's bytes, each decoded when read (as latin1 when ASCII, else UTF-8: a newline byte
 * never occurs inside a UTF-8 character): the bytes of lines nobody reads never become a string.
 */
export class ByteLines implements LineList {
  private readonly starts: Int32Array;

  private constructor(
    private readonly bytes: Buffer,
    starts?: Int32Array,
  ) {
    // Buffer.indexOf costs a native call per line (a millisecond per thousand lines here): lengths stored beside are cheaper.
    this.starts = starts ?? lineStarts(bytes.length, (from) => bytes.indexOf(10, from));
  }

  /** The lines of `bytes`, from the `count` lines' byte lengths (`encodeVarints`) when given and right, else found by scanning. */
  static of(bytes: Buffer, lengths?: string, count = 0): ByteLines {
    return new ByteLines(bytes, lengths === undefined ? undefined : startsFrom(bytes, lengths, count));
  }

  get length(): number {
    return this.starts.length - 1;
  }

  line(i: number): string {
    const line = this.bytes.subarray(this.starts[i] as number, (this.starts[i + 1] as number) - 1);
    return isAscii(line) ? line.toString('latin1') : line.toString('utf8');
  }
}

/** Line starts from stored lengths, if they tile `bytes` exactly with a newline after each line but the last. */
function startsFrom(bytes: Buffer, lengths: string, count: number): Int32Array | undefined {
  let sizes: Int32Array;
  try {
    sizes = decodeVarints(lengths, count);
  } catch {
    return undefined;
  }
  const starts = new Int32Array(sizes.length + 1);
  for (let i = 0; i < sizes.length; i++) {
    const end = (starts[i] as number) + (sizes[i] as number);
    if (end > bytes.length || (end < bytes.length && bytes[end] !== 10)) return undefined;
    starts[i + 1] = end + 1;
  }
  return starts[sizes.length] === bytes.length + 1 ? starts : undefined;
}
