/**
 * Generic answer choices on a small hand-built corpus: teammates, cover-page
 * lines, announcements and what they announce. (The one-word-mention rule is covered by the eval's passport question:
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
// A guide whose announcements are followed by what they announce in the next passages.
const GUIDE = 'Guide des balises sonores';
const section = (p: ReturnType<typeof passage>, name: string) => ({ ...p, section: name });
const guide = [
  section(passage('g:0', 'reports/balises.pdf', GUIDE, ['Les balises sonores anciennes posent problème.', 'Le règlement des balises sonores définit trois devoirs :'], 4), 'Les devoirs'),
  section(passage('g:1', 'reports/balises.pdf', GUIDE, ['1. vérifier le volume chaque mois ;', '2. signaler toute panne sous huit jours ;', '3. publier le registre des contrôles.'], 5), 'Les devoirs'),
  section(passage('g:2', 'reports/balises.pdf', GUIDE, ['Après dix ans de pratique, nous avons identifié 3 conseils pour bien choisir une balise sonore.'], 6), 'Nos conseils'),
  section(passage('g:3', 'reports/balises.pdf', GUIDE, ['Une balise trop forte gêne les riverains.'], 6), 'Un volume mesuré'),
  section(passage('g:4', 'reports/balises.pdf', GUIDE, ['Le boîtier doit résister au sel.'], 6), 'Un boîtier étanche'),
  section(passage('g:5', 'reports/balises.pdf', GUIDE, ['La pile se change sans outil.'], 7), 'Une pile accessible'),
  section(passage('g:6', 'reports/balises.pdf', GUIDE, ['Il s’agit d’un appareil fixé à la jetée qui émet un son régulier par temps de brouillard.', 'Il est réglé par la capitainerie.'], 8), 'Qu’est-ce qu’un avertisseur de quai ?'),
];
// Thirteen passages repeating a question's words without a date, ranked above the one that dates it.
const locks = Array.from({ length: 13 }, (_, i) =>
  passage(`e${i}:0`, `articles/ecluses-${i}.md`, `Écluses ${i}`, [`Les écluses du canal automatisées numéro ${i} sont surveillées à distance par les éclusiers.`]),
);
const dated = passage('e99:0', 'articles/canal.md', 'Le canal', ['Les écluses du canal ont été automatisées en mars 2016, après deux ans de travaux.']);
// A footnote under a table, marked « (2) », restates the question's words around a formula.
const absences = passage('f:0', 'reports/absences.pdf', 'Les absences des agents de la régie', [
  '(2) (Nombre de jours d’absence des agents de la régie x 5 / 7) / (effectif x nombre de jours travaillés par an)',
  'Le nombre de jours d’absence des agents de la régie ressort à environ 30 jours par agent et par an.',
], 20);
const museums = passage('m:0', 'reports/musees.pdf', 'Les musées de la marine', [
  'Les musées de la marine accueillent 300 000 visiteurs par an, et leur entretien coûte cher à l’État.',
], 4);
// A count in words of something else than what « combien de » asks for.
const lighthouses = passage('l:0', 'reports/feux.pdf', 'Les feux de port', [
  'Les feux de port de la côte atlantique suivent deux modèles de maintenance opposés.',
], 9);
// A figure about one promotion, not the other one the fixture knows.
const cohort = passage('pr:0', 'articles/promo-huit.md', 'La rentrée de la promotion 8', [
  'La promotion 8 réunit 12 entrepreneurs venus de toute la France.',
]);
const corpus: LoadedCorpus = { ...base, index: memoryIndex([...passages, ...extra, ...guide, ...locks, dated, absences, museums, lighthouses, cohort]) };
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
  it('quotes what an announcement ending its passage announces: the list that follows, or the sections after it', () => {
    const duties = bot.answer('Quels sont les devoirs du règlement des balises sonores ?');
    expect(duties.answer).toContain('définit trois devoirs');
    expect(duties.answer).toContain('signaler toute panne sous huit jours');
    const tips = bot.answer('Quels sont les conseils pour choisir une balise sonore ?');
    expect(tips.answer).toContain('3 conseils');
    expect(tips.answer).toMatch(/— Un volume mesuré — Un boîtier étanche — Une pile accessible/);
  });
  it('answers a question by the opening of the section titled with it, whatever its words', () => {
    const a = bot.answer('Qu’est-ce qu’un avertisseur de quai ?');
    expect(a.kind).toBe('retrieval');
    expect(a.answer).toContain('émet un son régulier par temps de brouillard');
  });
  it('does not answer « quand » or « combien » with a quote stating no date or figure', () => {
    // The same words find the passage on the phares (no date in it), but a date question needs a date.
    expect(bot.answer('phares automatiques du littoral').kind).not.toBe('fallback');
    expect(bot.answer('Quand les phares automatiques du littoral ?').kind).toBe('fallback');
  });
  it('reads further down the hits for the passage that dates what a date question asks about', () => {
    const a = bot.answer('En quelle année les écluses du canal ont été automatisées ?');
    expect(a.kind).not.toBe('fallback');
    expect(a.answer).toContain('mars 2016');
  });
  it('does not quote a numbered footnote when the passage states the figure in a sentence', () => {
    const a = bot.answer('Combien de jours d’absence par agent de la régie ?');
    expect(a.answer).toContain('environ 30 jours par agent');
    expect(a.answer).not.toContain('x 5 / 7');
  });
  it('does not answer « combien coûte » with a figure that is not a sum of money', () => {
    expect(bot.answer('Combien coûte l’entretien des musées de la marine ?').kind).toBe('fallback');
    expect(bot.answer('Combien de visiteurs accueillent les musées de la marine ?').answer).toContain('300 000 visiteurs');
  });
  it('does not answer « combien de X » with a count in words of something else', () => {
    expect(bot.answer('Combien de feux de port compte la côte atlantique ?').kind).toBe('fallback');
    expect(bot.answer('Combien de modèles de maintenance suivent les feux de port ?').answer).toContain('deux modèles');
  });
  it('does not answer about one promotion with a quote about another', () => {
    expect(bot.answer('Combien d’entrepreneurs réunit la promotion 8 ?').answer).toContain('12 entrepreneurs');
    expect(bot.answer('Combien d’entrepreneurs réunit la promotion 7 ?').answer).not.toContain('12 entrepreneurs');
  });
  it('never quotes a cover line that only repeats the title and date', () => {
    const a = bot.answer('phares automatiques du littoral');
    expect(a.kind).not.toBe('fallback');
    expect(a.answer).not.toContain('12/03/2019');
    expect(a.answer).toContain('coûtent moins cher');
  });
});
