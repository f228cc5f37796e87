/** The anchoring gate of a quote, on hand-made term groups (the analysed forms a question would give). */
import { describe, expect, it } from 'vitest';
import { quoteGates } from '../../src/bot/quote-gates.js';
import type { AnalysedPassage } from '../../src/bot/passage-terms.js';
import type { TermGroup } from '../../src/bot/sentences.js';

const group = (term: string, weight: number, extra: Partial<TermGroup> = {}): TermGroup => ({ term, forms: new Set([term]), weight, ...extra });
const parts = (heading: string[], sentences: string[][]): AnalysedPassage => {
  const all = [...heading, ...sentences.flat()];
  return { heading, sentences, all, unique: [...new Set(all)] };
};

describe('quote gates', () => {
  // « Selon Hugo Stéphan, combien de fois un designer modifie-t-il le radius d'un bouton ? »
  const person = (subject: boolean) => [group('hugo', 6, { name: 0, subject }), group('stephan', 5, { name: 0, subject }), group('radius', 7), group('bouton', 6)];
  const quote = ['demand', '5', 'fois', 'modifi', 'radius', 'bouton'];
  const passage = parts(['bon', 'design'], [quote]);
  const intro = () => [['hugo', 'stephan', 'defi', 'karfur', 'choisi', 'approch']];

  it('takes the person a post names just before the quote as named', () => {
    expect(quoteGates(person(true), quote, passage, undefined, intro).anchored).toBe(true);
    expect(quoteGates(person(true), quote, passage).anchored).toBe(false);
  });
  it('does not for a name that is not an entity of the knowledge, nor for one named elsewhere', () => {
    expect(quoteGates(person(false), quote, passage, undefined, intro).anchored).toBe(false);
    expect(quoteGates(person(true), quote, passage, undefined, () => [['hugo', 'dit', 'bonjour', 'alic', 'stephan']]).anchored).toBe(false);
  });
});
