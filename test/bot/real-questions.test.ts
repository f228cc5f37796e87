/**
 * Generic behaviours checked on the real shared corpus, one question each: a question naming its
 * document by kind and topic, a misspelt word, a figure sentence listing one amount per year. The
 * eval measures them in bulk; these say which mechanism broke when one fails.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/bot.js';
import type { Bot } from '../../src/bot/types.js';
import { fileWords } from '../../src/bot/passage-terms.js';
import { loadSharedBotCorpus } from '../helpers/bot-corpus.js';

let bot: Bot;
beforeAll(async () => {
  bot = createBot(await loadSharedBotCorpus());
}, 300_000);

const ask = (q: string) => {
  const a = bot.answer(q);
  return { kind: a.kind, text: a.answer, path: a.sources[0]?.path ?? '' };
};

describe('answers on the shared corpus', () => {
  it('finds the document a question names by its file name (« le guide sur les algorithmes »)', () => {
    // The guide's title says « Expliquer les algorithmes publics »; only its file name says « guide ».
    const a = ask('Dans le guide sur les algorithmes publics, quel exemple est donné pour décrire la finalité d’un algorithme ?');
    expect(a.path).toMatch(/guide-algorithmes\.pdf$/);
    expect(a.text).toContain('taxe de séjour');
  });
  it('reads a misspelt word as the word the index matched, not as an unknown topic', () => {
    const a = ask('Dans le guide sur les algorithmes publics, quel exmple est donné pour décrire la finalité d’un algorithme ?');
    expect(a.path).toMatch(/guide-algorithmes\.pdf$/);
    expect(a.text).toContain('taxe de séjour');
    // A word one letter off a corpus word is no typo when it names something else, or is short.
    expect(ask('Qui a écrit Les Misérables ?').kind).toBe('fallback');
    expect(ask('Donne-moi une recette de crêpes').kind).toBe('fallback');
    // « plante » is no misspelt « plate(forme) »: one letter more is another word.
    expect(ask('Comment tailler une plante ?').kind).toBe('fallback');
  });
  it('does not take two words far apart for the two-word thing a question names', () => {
    // « la vie privée… dans un sens moins restrictif » is not about « le sens de la vie ».
    expect(ask('Quel est le sens de la vie ?').kind).toBe('fallback');
  });
  it('reads a file name without its cut-off last word or its tags', () => {
    const title = 'Les données personnelles de santé gérées par l’assurance maladie';
    expect(fileWords('reports/2016-03-31-les-donnees-personnelles-de-sante-gerees-par-l-assurance-mal.pdf', title)).toBe('donnees personnelles sante gerees assurance');
    expect(fileWords('reports/eig/EIG-promotion2_reglement_programme_VFF.pdf', 'Règlement de l’appel à candidature')).toBe('reglement programme');
    expect(fileWords('reports/etalab-guides/guide-algorithmes.pdf', 'Expliquer les algorithmes publics')).toBe('guide algorithmes');
  });
  it('does not count another promotion\'s défis because the title names the one asked about', () => {
    // The call for projects of the third promotion recalls that « la première… a réuni 11 EIG pour résoudre 9 défis ».
    const a = ask('Combien de défis la troisième promotion comptait-elle ?');
    expect(a.text).not.toContain('9 défis');
    expect(a.text).toContain('15 défis');
    // In English too, and the passage's sentence counting défis is quoted, not its fuller one counting entrepreneurs.
    expect(ask('How many challenges did the third EIG cohort take on?').text).toContain('15 défis');
  });
  it('tries the next intent when the knowledge has nothing for the first, and lists no défis for where/why', () => {
    // « a-t-il travaillé » also reads as the ministère du Travail, which proposed no défi in 2018.
    const a = bot.answer('Sur quel défi Jean-Baptiste Le Dévéhat a-t-il travaillé comme EIG en 2018 ?');
    expect(a.intent).toBe('defis_of_person');
    expect(a.answer).toContain('Brigade');
    expect(bot.answer('Où la deuxième promotion s’est-elle réunie pour ses défis ?').intent).not.toBe('defis_by_promotion');
  });
  it('answers who did something with the sentence saying by whom it was done', () => {
    expect(ask('Who launched the EIG programme?').text).toContain('Présidence de la République');
    expect(ask('Qui organise le bootcamp ?').text).toContain('organisée par l');
    // « Qui finance » keeps the funding sentence, not « lancé par la Présidence » (any agent would do that).
    expect(ask('Qui finance le programme EIG ?').text).toContain('financé par le fonds');
  });
  it('quotes a sentence listing an amount per year as a statement', () => {
    const a = ask('Combien Castelnau-le-Lez a-t-il payé au titre du prélèvement de la loi SRU en 2009 ?');
    expect(a.text).toContain('81 569 €');
    expect(a.path).toMatch(/castelnau-le-lez/);
  });
});
