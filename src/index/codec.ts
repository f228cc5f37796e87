/**
 * Binary arrays inside the JSON artifact: base64 strings, decoded at load into
 * typed arrays without walking any JSON object per posting. Ascending integer
 * lists are delta + LEB128 varint coded (passage numbers are small gaps).
 */
import { endianness } from 'node:os';

/** Typed arrays are stored in the machine's byte order; every platform Node runs on in practice is little-endian. */
export const BYTE_ORDER = 'le';

export function checkByteOrder(): void {
  if (endianness() !== 'LE') throw new Error('the index artifact stores little-endian arrays; this machine is big-endian');
}

export function toBase64(a: Float32Array | Uint8Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

/** A fresh, aligned copy of the bytes (a pooled Buffer may start at any offset). */
function bytes(base64: string): Uint8Array {
  const b = Buffer.from(base64, 'base64');
  if (b.byteOffset % 8 === 0 && b.buffer.byteLength === b.byteLength) return new Uint8Array(b.buffer, 0, b.byteLength);
  return new Uint8Array(b);
}

export function float32FromBase64(base64: string, expected: number): Float32Array {
  const b = bytes(base64);
  if (b.byteLength !== expected * 4) throw new Error(`expected ${expected} scores, found ${b.byteLength / 4}`);
  return new Float32Array(b.buffer, b.byteOffset, expected);
}

/**
 * Non-negative integers as varints; with `runs`, each run of `runs[i]` values is
 * ascending and stored as its first value then gaps.
 */
export function encodeVarints(values: ArrayLike<number>, runs?: ArrayLike<number>): string {
  const out = new Uint8Array(values.length * 5);
  let n = 0;
  let run = 0;
  let left = runs ? (runs[0] ?? 0) : Infinity;
  let prev = 0;
  for (let i = 0; i < values.length; i++) {
    while (runs && left === 0) (left = runs[++run] ?? 0), (prev = 0);
    const v = values[i] as number;
    let x = runs ? v - prev : v;
    if (x < 0 || !Number.isInteger(x)) throw new Error(`cannot encode ${v} after ${prev}`);
    prev = v;
    left--;
    while (x >= 0x80) {
      out[n++] = (x & 0x7f) | 0x80;
      x = Math.floor(x / 128);
    }
    out[n++] = x;
  }
  return toBase64(out.subarray(0, n));
}

/** Inverse of `encodeVarints` into an `Int32Array` of `count` values. */
export function decodeVarints(base64: string, count: number, runs?: ArrayLike<number>): Int32Array {
  const b = bytes(base64);
  const out = new Int32Array(count);
  let p = 0;
  let run = 0;
  let left = runs ? (runs[0] ?? 0) : Infinity;
  let prev = 0;
  for (let i = 0; i < count; i++) {
    while (runs && left === 0) (left = runs[++run] ?? 0), (prev = 0);
    let x = 0;
    let shift = 1;
    for (;;) {
      if (p >= b.length) throw new Error('truncated postings');
      const byte = b[p++] as number;
      x += (byte & 0x7f) * shift;
      if (byte < 0x80) break;
      shift *= 128;
    }
    prev = out[i] = runs ? prev + x : x;
    left--;
  }
  if (p !== b.length) throw new Error('postings longer than announced');
  return out;
}
