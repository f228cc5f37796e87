import { describe, expect, it } from 'vitest';
import { fold } from '../../src/bot/normalize.js';
import { questionVerbs } from '../../src/bot/verbs.js';

const verbs = (q: string, lang: 'fr' | 'en') => questionVerbs(q, fold(q), lang);

describe('questionVerbs', () => {
  it('finds French verbs by position: before an inverted pronoun, an infinitive after a verb of intent', () => {
    expect(verbs("Dans combien de bureaux de poste l'État a-t-il prévu d'installer une maison de services ?", 'fr')).toEqual(['installer']);
    expect(verbs('Combien la commune paie-t-elle pour la cantine ?', 'fr')).toEqual(['paie']);
    expect(verbs('Quel outil permet de visualiser une arborescence de fichiers ?', 'fr')).toEqual(['visualiser']);
    expect(verbs('Quel outil pour repérer les fraudes ?', 'fr')).toEqual(['reperer']);
    // Coming to do something: the infinitive is the verb (« venue » is a light verb of bot.ts).
    expect(verbs('Quelle ministre est venue accueillir les EIG ?', 'fr')).toEqual(['accueillir']);
  });

  it('leaves participles, nouns after « de » and names alone', () => {
    // The participle is what is asked; « d'ouverture » and « de dossier » are nouns.
    expect(verbs('Depuis quand le recensement est-il entièrement dématérialisé ?', 'fr')).toEqual([]);
    expect(verbs("Quels sont les horaires d'ouverture et le numéro de dossier ?", 'fr')).toEqual([]);
    expect(verbs("Quel outil d'Archifiltre permet de trier ?", 'fr')).toEqual(['trier']);
    expect(verbs('Quand la JDC a-t-elle été créée ?', 'fr')).toEqual([]);
  });

  it('finds English infinitives after a verb of intent, not nouns after "to"', () => {
    expect(verbs('What tagging scheme does Etalab use to label words?', 'en')).toEqual(['label']);
    expect(verbs('What is the challenge supposed to build?', 'en')).toEqual(['build']);
    expect(verbs('Who has access to data about health?', 'en')).toEqual([]);
    expect(verbs('What help to families does the report describe?', 'en')).toEqual([]);
  });
});
