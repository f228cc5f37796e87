import { describe, expect, it } from 'vitest';
import { decodeVarints, encodeVarints, toBase64 } from '../../src/index/codec.js';
import { random } from '../helpers/random.js';

describe('varint decoding', () => {
  it('round-trips random ascending runs (empty runs, multi-byte gaps) and plain values', () => {
    const rnd = random(7);
    const runs: number[] = [];
    const values: number[] = [];
    for (let r = 0; r < 300; r++) {
      const n = rnd() < 0.1 ? 0 : Math.floor(rnd() * 40);
      runs.push(n);
      let v = 0;
      for (let k = 0; k < n; k++) values.push((v += Math.floor(rnd() ** 4 * 70_000)));
    }
    expect(values.some((v, i) => i > 0 && v - (values[i - 1] as number) > 16_384)).toBe(true);
    expect([...decodeVarints(encodeVarints(values, runs), values.length, runs)]).toEqual(values);
    expect([...decodeVarints(encodeVarints(values), values.length)]).toEqual(values);
  });

  it('refuses bytes that end inside a value, or too few values', () => {
    const full = Buffer.from(encodeVarints([5, 300, 70_000]), 'base64');
    expect(() => decodeVarints(toBase64(full.subarray(0, full.length - 1)), 3)).toThrow(/truncated/);
    expect(() => decodeVarints(encodeVarints([5, 300]), 3)).toThrow(/truncated/);
  });
});
