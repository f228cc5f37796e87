import { describe, expect, it } from 'vitest';
import { words } from '../../src/index/analyzer.js';
import { Lexicon } from '../../src/index/lexicon.js';
import { knowledgeWithAcronym } from './fixtures.js';

const QUESTIONS = ['ministry of the interior', 'AFD', 'agence française de développement', 'court of auditors', 'santé'];
const behaviour = (l: Lexicon) => [
  ...QUESTIONS.map((q) => l.match(words(q), 0)),
  ...['sant', 'health', 'afd', 'minister'].map((t) => l.expandTerm(t, 'fr').sort()),
];

describe('compiled lexicon', () => {
  it('answers like the lexicon it was compiled from, acronyms of the corpus included', () => {
    const built = Lexicon.build(knowledgeWithAcronym('AFD', 'Agence française de développement'));
    const json = JSON.parse(JSON.stringify(built.toJSON()));
    const loaded = Lexicon.fromJSON(json, knowledgeWithAcronym('AFD', 'Agence française de développement'));
    expect(behaviour(loaded)).toEqual(behaviour(built));
    expect(behaviour(built).filter(Boolean).length).toBeGreaterThan(5);
  });

  it('is recompiled from the knowledge when the static lexicon changed since the artifact was built', () => {
    const knowledge = knowledgeWithAcronym('DGGN', 'Direction générale de la gendarmerie nationale');
    const json = { ...Lexicon.build(knowledgeWithAcronym('X', 'Y')).toJSON(), staticLines: 'older' };
    const loaded = Lexicon.fromJSON(json, knowledge);
    expect(loaded.match(words('DGGN'), 0)?.alternatives.length).toBeGreaterThan(0);
  });
});
