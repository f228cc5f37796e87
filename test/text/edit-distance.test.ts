/** Bounded edit distance for typo tolerance (src/text/edit-distance.ts). */
import { describe, expect, it } from 'vitest';
import { editDistance, oneSlip } from '../../src/text/edit-distance.js';

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

describe('oneSlip', () => {
  it('takes a letter left out inside the word, or two neighbours swapped, for a typo', () => {
    expect(oneSlip('exmpl', 'exempl')).toBe(true);
    expect(oneSlip('inteligent', 'intelligent')).toBe(true);
    expect(oneSlip('doteur', 'docteur')).toBe(true);
    expect(oneSlip('prgoramm', 'programm')).toBe(true);
  });
  it('does not take another word for a typo', () => {
    expect(oneSlip('plant', 'plat')).toBe(false); // a letter more: « plante » is no « plate »
    expect(oneSlip('plan', 'plant')).toBe(false); // a letter left out at the end: another stem
    expect(oneSlip('raquet', 'requet')).toBe(false); // one letter for another
    expect(oneSlip('exempl', 'exempl')).toBe(false);
    expect(oneSlip('tendu', 'etendu')).toBe(false); // not the first letter either
  });
});
