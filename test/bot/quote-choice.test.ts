/**
 * Generic answer choices on a small hand-built corpus: teammates, cover-page
 * lines. (The one-word-mention rule is covered by the eval's passport question:
 * the tiny corpus cannot give one word enough weight to pass the threshold alone.)
 */
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/bot.js';
import type { LoadedCorpus } from '../../src/index/types.js';
import { fixture, memoryIndex, passage, simpleTools } from '../helpers/bot-fixtures.js';

const { corpus: base, passages } = fixture();
const TITLE = 'Les phares automatiques du littoral';
const extra = [
  passage('r:0', 'reports/phares.pdf', TITLE, ['Les phares automatiques du littoral 12/03/2019'], 1),
  passage('r:1', 'reports/phares.pdf', TITLE, [
    'Les phares automatiques du littoral coûtent moins cher que les phares gardés, mais leur entretien reste confié à des équipes trop peu nombreuses.',
    'La Cour recommande de regrouper les équipes de maintenance des phares par façade maritime.',
  ], 2),
];
const corpus: LoadedCorpus = { ...base, index: memoryIndex([...passages, ...extra]) };
const bot = createBot(corpus, { terms: simpleTools });

describe('quote choice', () => {
  it('answers who a person works with by the others on their défi', () => {
    for (const q of ['Avec qui travaille Zoé Martinvalet ?', 'Who does Zoé Martinvalet work with?']) {
      const a = bot.answer(q);
      expect(a.intent, q).toBe('people_of_defi');
      expect(a.answer).toContain('Octave Brindamour');
      expect(a.answer).not.toContain('- **Zoé Martinvalet**');
    }
  });
  it('never quotes a cover line that only repeats the title and date', () => {
    const a = bot.answer('phares automatiques du littoral');
    expect(a.kind).not.toBe('fallback');
    expect(a.answer).not.toContain('12/03/2019');
    expect(a.answer).toContain('coûtent moins cher');
  });
});
