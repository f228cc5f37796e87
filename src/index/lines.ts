/**
 * A list of strings kept as one newline-joined string and read by position. Loading one is a
 * scan for line ends into a typed array: no string per line is made until a line is read
 * (on this host every fresh string and Map entry made at load costs its first memory touch).
 */
export class Lines {
  /** Where each line starts, then one past the last line's end (as if it ended with a newline). */
  private readonly starts: Int32Array;

  constructor(readonly text: string) {
    let n = text.length ? 1 : 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
    this.starts = new Int32Array(n + 1);
    let from = 0;
    for (let i = 1; i < n; i++) this.starts[i] = from = text.indexOf('\n', from) + 1;
    this.starts[n] = text.length + 1;
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
