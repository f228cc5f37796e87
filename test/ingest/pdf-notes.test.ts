import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/ingest/blocks.js';
import { continues, mergePageContinuations } from '../../src/ingest/pdf/continuation.js';
import { buildHyphenContext } from '../../src/ingest/pdf/hyphenation.js';
import { linesToBlocks } from '../../src/ingest/pdf/layout.js';
import { backlinkNotes, callCandidates, noteNumber, stripNoteCalls } from '../../src/ingest/pdf/notes.js';

const noCtx = buildHyphenContext([]);
/** Raw page texts without back-links (footnotes printed on their page). */
const plain = (pages: string[][]): string[] => pages.map((lines) => lines.join('\n'));

describe('footnote calls glued to words', () => {
  it('removes a call when its footnote is printed lower on the same page', () => {
    const page = [
      'La convention collective conventionnelle2 prévoit une indemnité.',
      'Les courriers du 11 décembre 2014 et du 23 mars 20151. Une rencontre a eu lieu.',
      'Le taux atteint 4,1 %3, mais ce taux recouvre des écarts (selon la DSN)4.',
      'Près de 10 % des jeunes sont en situation d’illettrisme15, selon le test.',
      'Un outil utilisé par de petites équipes de 2 ou 3 personnes5 , jusqu’à des groupes.',
      '1 Courrier du Premier président.',
      '2 Loi n° 2015-991 du 7 août 2015.',
      '3. Par ailleurs, 0,4 % ont été exemptés.',
      '4Source : DSN.',
      '5 Comme c’est le cas pour l’outil MESRI.',
    ];
    const { pages, noteStarts } = stripNoteCalls([page], plain([page]));
    expect(pages[0]?.slice(0, 5)).toEqual([
      'La convention collective conventionnelle prévoit une indemnité.',
      'Les courriers du 11 décembre 2014 et du 23 mars 2015. Une rencontre a eu lieu.',
      'Le taux atteint 4,1 %, mais ce taux recouvre des écarts (selon la DSN).',
      // No footnote 15 on this page: the digits stay.
      'Près de 10 % des jeunes sont en situation d’illettrisme15, selon le test.',
      'Un outil utilisé par de petites équipes de 2 ou 3 personnes, jusqu’à des groupes.',
    ]);
    expect(pages[0]?.slice(5)).toEqual(page.slice(5)); // the notes themselves are kept
    expect([...(noteStarts[0] ?? [])]).toEqual(page.slice(5));
  });

  it('keeps chemical formulas, paper sizes, units, article numbers, figures and addresses', () => {
    const page = [
      'Le CO2 et le H2O, un format A4, 116 à 118 M€, 20 m2 et 3 km2, l’article L. 111-2 du code, 2,5 %, 1 140 agents.',
      'En 20152 € et 1 20153 voyageurs ; voir https://exemple.fr/commencer/eig3 et le tableau 2014 2.',
      '1 Une note.',
      '2 Une autre note.',
      '3 Encore une note.',
    ];
    const { pages } = stripNoteCalls([page], plain([page]));
    expect(pages[0]).toEqual(page);
  });

  it('removes endnote calls (notes closed by "↩" at the end) only in the order of the notes', () => {
    const body1 = ['Le processus de Bologne1. Il faut souligner les écarts.', 'Le décret de 20152, puis la loi.'];
    const body2 = ['La zone la plus touchée40 reste Paris.', 'Les jeunes docteurs3 sont mieux insérés.'];
    const notes = ['1. Lancé par la déclaration de Bologne.↩', '2. Décret n° 2015-', '146 du 10 février 2015.↩', '3. Voir infra.↩', '40. Une note.↩'];
    const raw = [body1, body2, notes];
    const { pages, noteStarts } = stripNoteCalls(raw, plain(raw));
    expect(pages[0]).toEqual(['Le processus de Bologne. Il faut souligner les écarts.', 'Le décret de 2015, puis la loi.']);
    // Note 40 exists, but a call jumping from 2 to 40 is not one: "touchée40" stays.
    expect(pages[1]).toEqual(['La zone la plus touchée40 reste Paris.', 'Les jeunes docteurs sont mieux insérés.']);
    expect([...(noteStarts[2] ?? [])]).toEqual(['1. Lancé par la déclaration de Bologne.↩', '2. Décret n° 2015-', '3. Voir infra.↩', '40. Une note.↩']);
    expect(stripNoteCalls([body1], plain([body1])).pages[0]).toEqual(body1); // no notes at all: nothing removed
  });

  it('reads back-linked notes, a line starting with a figure inside a note included', () => {
    expect(backlinkNotes(['Texte.\n5. Le Président a annoncé\n12 mesures.↩\n6. Décret n° 2015-\n146 du 10 février.↩', '7.DGFIP.↩'])).toEqual([
      new Set([5, 6]),
      new Set([7]),
    ]);
    expect(noteNumber('15. Voir infra.')).toBe(15);
    expect(noteNumber('3La liste complète')).toBe(3);
    expect(noteNumber('16. 58 912 jeunes')).toBe(16);
    expect(noteNumber('783 153 jeunes')).toBeUndefined();
    expect(noteNumber('3D')).toBeUndefined();
    expect(callCandidates('Bologne2. CO2, A4 et le 23 mars 20151, illettrisme15,').map((c) => [c.anchor, c.number])).toEqual([
      ['Bologne', 2],
      ['2015', 1],
      ['illettrisme', 15],
    ]);
  });

  it('makes each note a paragraph of its own, never a heading nor part of the text above', () => {
    const page = [
      'La Cour vous remercie de lui transmettre votre réponse dans le délai prévu par la loi, ce qui permettra sa publication7.',
      'Didier Migaud',
      '1. Constitué en fonction de leur localisation, cet échantillon',
      'a compris onze unions.',
      '2. Ce contrôle a donné lieu à une insertion au',
      'rapport public en 2004.',
    ];
    const starts = [new Set([page[2] as string, page[4] as string])];
    const blocks = linesToBlocks([page], noCtx, starts);
    expect(blocks.slice(-2)).toEqual([
      { type: 'paragraph', page: 1, text: '1. Constitué en fonction de leur localisation, cet échantillon a compris onze unions.' },
      { type: 'paragraph', page: 1, text: '2. Ce contrôle a donné lieu à une insertion au rapport public en 2004.' },
    ]);
  });
});

describe('sentences running over a page break', () => {
  const p = (page: number, text: string, type: Block['type'] = 'paragraph'): Block => ({ type, text, page });

  it('tells an open sentence from a finished one', () => {
    expect(continues('qui joue un rôle très important en assurant plus du', 'quart des journées. Sans retirer')).toBe(true);
    expect(continues('le taux des non-', 'recensés est élevé.')).toBe(true);
    expect(continues('le rapport de la', 'Cour des comptes.')).toBe(true);
    expect(continues('Elle a été délibérée.', 'la suite commence en minuscule')).toBe(false);
    expect(continues('il s’agit du « maillon faible ».', 'moral et civique')).toBe(false);
    expect(continues('Les constats suivants :', 'premier constat')).toBe(false);
    expect(continues('Des relations très limitées entre l’État et les départements', 'Dans le domaine')).toBe(false);
  });

  it('moves the end of the sentence up to the page it started on, the rest stays', () => {
    const blocks = [
      p(2, 'Synthèse', 'heading'),
      p(2, 'La réussite de la JDC dépend de la gendarmerie, qui joue un rôle en assurant plus du'),
      p(3, 'quart des journées/animateurs. Sans retirer à ces employeurs le choix des animateurs, il importe que la DSN agisse.'),
      p(3, 'Les ressources humaines sont maîtrisées.'),
    ];
    expect(mergePageContinuations(blocks, noCtx)).toEqual([
      p(2, 'Synthèse', 'heading'),
      p(2, 'La réussite de la JDC dépend de la gendarmerie, qui joue un rôle en assurant plus du quart des journées/animateurs.'),
      p(3, 'Sans retirer à ces employeurs le choix des animateurs, il importe que la DSN agisse.'),
      p(3, 'Les ressources humaines sont maîtrisées.'),
    ]);
    expect(blocks[2]?.text).toMatch(/^quart/); // the input is left as it was
  });

  it('moves a one-sentence paragraph whole, rejoins a hyphenated word, and looks past footnotes', () => {
    const ctx = buildHyphenContext([['les recensés et les non recensés']]);
    const blocks = [
      p(4, 'L’enquête a montré que le taux des non-'),
      p(4, '1. Loi du 10 mars 2010.'), // a footnote at the bottom of page 4 (block index 1)
      p(5, 'recensés est plus élevé à Paris.'),
      p(5, 'Une autre phrase.'),
    ];
    expect(mergePageContinuations(blocks, ctx, new Set([1]))).toEqual([
      p(4, 'L’enquête a montré que le taux des non-recensés est plus élevé à Paris.'),
      p(4, '1. Loi du 10 mars 2010.'),
      p(5, 'Une autre phrase.'),
    ]);
  });

  it('merges nothing after a full stop, over a heading, between pages that do not follow, or into a heading', () => {
    const blocks = [
      p(1, 'Le rapport a été délibéré.'),
      p(2, 'la phrase suivante commence en minuscule.'),
      p(2, 'Le texte continue sans point'),
      p(3, 'Titre de section', 'heading'),
      p(3, 'suite en minuscule.'),
      p(3, 'Et encore sans point'),
      p(5, 'suite deux pages plus loin.'),
      p(5, 'Un titre sans point', 'heading'),
      p(6, 'suite sous un titre.'),
    ];
    expect(mergePageContinuations(blocks, noCtx)).toEqual(blocks);
  });
});
