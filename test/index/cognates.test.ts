import { describe, expect, it } from 'vitest';
import { stem } from '../../src/index/analyzer.js';
import { frenchCognates } from '../../src/index/cognates.js';
import { Lexicon } from '../../src/index/lexicon.js';

describe('English → French cognates in the lexicon', () => {
  const lexicon = Lexicon.build();
  const alternatives = (word: string) => lexicon.match([word], 0)?.alternatives.flat() ?? [];
  it('offers the French spelling of an English word no phrase of the lexicon covers', () => {
    expect(alternatives('laboratory')).toContain(stem('laboratoire', 'fr'));
    expect(alternatives('contributors')).toContain(stem('contributeurs', 'fr'));
    expect(alternatives('territory')).toContain(stem('territoire', 'fr'));
  });
  it('leaves French words alone: only endings no French word has are read as English', () => {
    for (const french of ['entreprise', 'nationale', 'expertise', 'publier', 'effective', 'gouvernement']) {
      expect(frenchCognates(french, true), french).toEqual([]);
    }
    expect(frenchCognates('national', true)).toEqual([]);
    expect(frenchCognates('national')).toContain('nationel');
  });
});
