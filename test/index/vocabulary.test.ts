import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { decodeVarints, encodeVarints } from '../../src/index/codec.js';
import { Vocabulary } from '../../src/index/vocabulary.js';
import { random } from '../helpers/random.js';


const rnd = random(7);
const letters = 'abcdeéilmnorstu';
const word = (n: number) => Array.from({ length: n }, () => letters[Math.floor(rnd() * letters.length)]).join('');
const terms = [...new Set(Array.from({ length: 3000 }, () => word(1 + Math.floor(rnd() * 10))))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const vocabulary = new Vocabulary(terms);

describe('vocabulary', () => {
  it('finds exactly the terms within the edit distance that MiniSearch’s radix tree finds', () => {
    const tree = new SearchableMap<number>();
    terms.forEach((t, i) => tree.set(t, i));
    const queries = [...terms.filter((_, i) => i % 37 === 0), ...Array.from({ length: 60 }, () => word(2 + Math.floor(rnd() * 10)))];
    let matched = 0;
    for (const q of queries) {
      for (const edits of [1, 2]) {
        const mine = new Map<string, number>();
        vocabulary.near(q, edits, (i, d) => mine.set(terms[i] as string, d));
        const theirs = new Map([...tree.fuzzyGet(q, edits)].map(([t, [, d]]) => [t, d]));
        expect([...mine].sort()).toEqual([...theirs].sort());
        matched += mine.size;
      }
    }
    expect(matched).toBeGreaterThan(queries.length);
  });

  it('skips large subtrees exactly (block minima of shared prefixes): same terms as a brute-force Levenshtein', () => {
    // Tens of thousands of terms under one long prefix: a skip crosses every block level.
    const big = [...new Set([...Array.from({ length: 30_000 }, () => word(1 + Math.floor(rnd() * 9))), ...Array.from({ length: 45_000 }, () => `zzz${word(2 + Math.floor(rnd() * 7))}`)])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const v = new Vocabulary(big);
    const queries = [...Array.from({ length: 12 }, () => word(3 + Math.floor(rnd() * 8))), 'zzzab', big[40_000] as string, big.at(-1) as string, big[0] as string];
    let found = 0;
    for (const q of queries) {
      const distances = big.map((t) => levenshtein(q, t, 3));
      for (const edits of [1, 2]) {
        const mine: [number, number][] = [];
        v.near(q, edits, (i, d) => mine.push([i, d]));
        const expected = distances.flatMap((d, i) => (d <= edits ? [[i, d] as [number, number]] : []));
        expect(mine, `${q} ${edits}`).toEqual(expected);
        found += mine.length;
      }
    }
    expect(found).toBeGreaterThan(queries.length * 2);
  });

  it('looks terms up exactly and by prefix', () => {
    terms.forEach((t, i) => expect(vocabulary.indexOf(t)).toBe(i));
    expect(vocabulary.indexOf('zzz')).toBe(-1);
    for (const prefix of ['a', 'ré', 'mo', 'x', '']) {
      const [start, end] = vocabulary.prefixRange(prefix);
      expect(terms.slice(start, end)).toEqual(terms.filter((t) => t.startsWith(prefix)));
    }
  });
});

/** Edit distance, capped at `cap` (plain dynamic programming: the reference). */
function levenshtein(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1), (prev[j] as number) + 1, (row[j - 1] as number) + 1);
    }
    prev = row;
  }
  return Math.min(prev[b.length] as number, cap);
}

describe('varint codec', () => {
  it('round-trips ascending runs and plain values, large ones included', () => {
    const runs = [3, 0, 2, 1];
    const values = [0, 5, 300, 7, 2 ** 31 - 1, 42];
    expect([...decodeVarints(encodeVarints(values, runs), values.length, runs)]).toEqual(values);
    expect([...decodeVarints(encodeVarints([1, 0, 128, 16384]), 4)]).toEqual([1, 0, 128, 16384]);
    expect(() => decodeVarints(encodeVarints([1, 2, 3]), 2)).toThrow(/longer/);
    expect(() => encodeVarints([2, 1], [2])).toThrow();
  });
});
