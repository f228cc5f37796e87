import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../src/index/lexicon.js';
import { planQuery } from '../../src/index/query.js';
import { frenchVerbBase } from '../../src/index/analyzer.js';

const lexicon = Lexicon.build();
/** The two stems' alternatives (the lexicon's equivalents come after them). */
const edits = (query: string, known: (t: string) => boolean) =>
  planQuery(query, 'en', lexicon, (t) => (known(t) ? 1 : 0)).map((c) => c.alternatives.slice(0, 2).flatMap((a) => a.terms.map((t) => `${t.term}~${t.maxEdits}`)));

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

  it('reads a French verb plural Snowball leaves whole through its base, when the documents use the base more', () => {
    const terms = (query: string, df: Record<string, number>) =>
      planQuery(query, 'fr', lexicon, (t) => df[t] ?? 0).flatMap((c) => c.alternatives.map((a) => a.terms.map((t) => t.term).join(' ')));
    expect(frenchVerbBase('utilisent', (t) => (t === 'utilis' ? 9 : 1))).toBe('utilis');
    expect(frenchVerbBase('utilisent', () => 1)).toBeUndefined();
    expect(frenchVerbBase('gouvernement', () => 9)).toBeUndefined();
    expect(terms('privilégient.', { privilegient: 3, privileg: 40 })).toContain('privileg');
    expect(terms('privilégient.', { privilegient: 40, privileg: 3 })).not.toContain('privileg');
    // « agent » is too short to be a verb form; an English question reads no French verb base.
    expect(frenchVerbBase('agent', () => 9)).toBeUndefined();
    expect(planQuery('privilégient.', 'en', lexicon, (t) => (t === 'privileg' ? 50 : 1)).flatMap((c) => c.alternatives.map((a) => a.terms[0]?.term))).not.toContain('privileg');
    expect(terms('patient.', { patient: 12, pat: 0 })).not.toContain('pat');
  });
});
