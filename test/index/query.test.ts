import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../src/index/lexicon.js';
import { planQuery } from '../../src/index/query.js';

const lexicon = Lexicon.build();
/** The two stems' alternatives (the lexicon's equivalents come after them). */
const edits = (query: string, known: (t: string) => boolean) =>
  planQuery(query, 'en', lexicon, known).map((c) => c.alternatives.slice(0, 2).flatMap((a) => a.terms.map((t) => `${t.term}~${t.maxEdits}`)));

describe('planQuery', () => {
  it('reads a word through typo expansions only when none of its stems is in the index', () => {
    // « processed »: the English stem « process » is known, so the French stem « processed » is not a typo either.
    expect(edits('processed.', (t) => t === 'process')).toEqual([['process~0', 'processed~0']]);
    expect(edits('processed.', () => false)).toEqual([['process~2', 'processed~2']]);
  });

  it('treats a word the lexicon translates into known terms as known', () => {
    // « ministry » → « ministère » (stem « minister »): neither stem of « ministry » needs to be in the index.
    expect(edits('ministry.', (t) => t === 'minister')).toEqual([['ministri~0', 'ministry~0']]);
    expect(edits('ministry.', () => false)).toEqual([['ministri~1', 'ministry~1']]);
  });
});
