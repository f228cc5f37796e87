/** Bounded edit distance for typo tolerance (src/text/edit-distance.ts). */
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/text/edit-distance.js';

describe('editDistance', () => {
  it('counts substitutions, insertions, deletions and adjacent transpositions', () => {
    expect(editDistance('programme', 'programme', 2)).toBe(0);
    expect(editDistance('prgoramme', 'programme', 2)).toBe(1);
    expect(editDistance('administatif', 'administratif', 2)).toBe(1);
    expect(editDistance('reumneration', 'remuneration', 2)).toBe(1);
    expect(editDistance('remunration', 'remuneratoin', 2)).toBe(2);
    expect(editDistance('', 'abc', 3)).toBe(3);
  });
  it('stops past its bound', () => {
    expect(editDistance('sante', 'securite', 1)).toBe(2);
    expect(editDistance('abc', 'abcdef', 2)).toBe(3);
  });
});
