/**
 * A list of strings kept as one newline-joined string and read by position. Loading one is a
 * scan for line ends into a typed array: no string per line is made until a line is read
 * (on this host every fresh string and Map entry made at load costs its first memory touch).
 */
import { isAscii } from 'node:buffer';

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

  constructor(private readonly bytes: Buffer) {
    this.starts = lineStarts(bytes.length, (from) => bytes.indexOf(10, from));
  }

  get length(): number {
    return this.starts.length - 1;
  }

  line(i: number): string {
    const line = this.bytes.subarray(this.starts[i] as number, (this.starts[i + 1] as number) - 1);
    return isAscii(line) ? line.toString('latin1') : line.toString('utf8');
  }
}
