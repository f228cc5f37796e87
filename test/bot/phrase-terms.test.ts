/**
 * A question word whose equivalent is a phrase ("database" ↔ « base de données ») meets that phrase in a
 * document, whole: the words of the phrase found apart do not count.
 */
import { describe, expect, it } from 'vitest';
import { Lexicon } from '../../src/index/lexicon.js';
import { analyze } from '../../src/index/analyzer.js';
import { indexTermTools } from '../../src/bot/terms.js';
import { countsThing, figureProximity } from '../../src/bot/figure-terms.js';
import { groupMatches, scoreSentence } from '../../src/bot/sentences.js';

const lexicon = Lexicon.build();
const tools = indexTermTools(undefined, () => 1);
const database = tools.question?.('database', 'en')[0];

describe('phrase terms', () => {
  it('adds one term per lexicon phrase of the text, before its first word', () => {
    // Phrases may overlap: « base de données », « données publiques ».
    expect(lexicon.withPhrases(analyze('Une base de données publique', 'fr'), 'fr')).toEqual(['bas+donne', 'bas', 'donne+publiqu', 'donne', 'publiqu']);
    expect(lexicon.withPhrases(analyze('La base légale des données', 'fr'), 'fr')).not.toContain('bas+donne');
    // The phrase's language only: an English text is not read with French phrases.
    expect(lexicon.withPhrases(analyze('The tableau de bord', 'en'), 'en')).not.toContain('tableau+bord');
  });
  it('lets a one-word question term meet its phrase, and nothing else of it', () => {
    expect(database?.forms.has('bas+donne')).toBe(true);
    const group = { term: database?.term ?? '', forms: database?.forms ?? new Set<string>(), weight: 1 };
    const meets = (text: string) => tools.document?.(text, 'fr').some((t) => groupMatches(group, t));
    expect(meets('Près de 3 millions de décisions sont stockées dans une base de données.')).toBe(true);
    expect(meets('Sur la base des entretiens, les données manquent.')).toBe(false);
  });
  it('moves no word: distances count words, phrase terms take the place of the word after them', () => {
    const g = (term: string, forms = [term]) => ({ term, forms: new Set(forms), weight: 1 });
    const text = '12 bases de données ouvertes recensées';
    const plain = analyze(text, 'fr');
    const withPhrases = tools.document?.(text, 'fr') ?? [];
    expect(withPhrases.length).toBeGreaterThan(plain.length);
    expect(figureProximity(withPhrases, [g('recense')], 'figure')).toBe(figureProximity(plain, [g('recense')], 'figure'));
    const groups = [g('bas'), g('recense')];
    expect(scoreSentence(groups, withPhrases).span).toBe(scoreSentence(groups, plain).span);
    // A count followed by the phrase counts what the phrase names.
    expect(countsThing(tools.document?.('près de 3 millions de décisions de justice', 'fr') ?? [], g('ruling', ['decis+justic']))).toBe(true);
  });
});
