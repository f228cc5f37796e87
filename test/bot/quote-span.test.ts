/** Quote completion: a quote reads as whole statements (see src/bot/quote-span.ts). */
import { describe, expect, it } from 'vitest';
import { completeQuote, opensOnward } from '../../src/bot/quote-span.js';

describe('quote completion', () => {
  it('tells closed statements from open ones', () => {
    expect(opensOnward('Le coût est de 10 €.')).toBe(false);
    expect(opensOnward('Le coût est de 10 € (source : DSN).')).toBe(false);
    expect(opensOnward('Il fixe « un plafond ».')).toBe(false);
    expect(opensOnward('une collectivité de plus de 50 agents ;')).toBe(false);
    expect(opensOnward('Le jury se déroule comme suit :')).toBe(true);
    expect(opensOnward('la loi a limité le plafond des indemnités de mise à')).toBe(true);
  });

  it('adds what a sentence announces or carries on into, and what a lowercase sentence continues', () => {
    const s = [
      'Le contexte est connu.',
      'La loi a limité le plafond des indemnités de mise à',
      'la retraite à six fois le plafond annuel ;',
      'Une autre phrase.',
    ];
    expect(completeQuote(s, [1])).toEqual([1, 2]);
    expect(completeQuote(s, [2])).toEqual([1, 2]);
    expect(completeQuote(s, [0])).toEqual([0]);
    const list = ['Trois cas sont prévus :', 'si la loi le prévoit,', 'si la personne est d’accord', 'ou si elle est décédée.', 'Fin.'];
    expect(completeQuote(list, [0])).toEqual([0, 1, 2, 3]);
  });

  it('adds the sentence naming who or what a pronoun stands for', () => {
    const s = ['Tiphaine rejoint le défi Prévisecours.', 'Elle a travaillé chez Dailymotion.', 'Elliot est data scientist.'];
    expect(completeQuote(s, [1])).toEqual([0, 1]);
    // A name that merely begins like a pronoun is not one.
    expect(completeQuote(s, [2])).toEqual([2]);
    expect(completeQuote(['The first year went well.', 'They ended in June.'], [1])).toEqual([0, 1]);
    // An impersonal « Il » stands for nothing before it.
    expect(completeQuote(['Une phrase sans rapport.', 'Il y a des algorithmes non concernés.'], [1])).toEqual([1]);
    expect(completeQuote(['Une phrase sans rapport.', 'Il est nécessaire de publier les règles.'], [1])).toEqual([1]);
    // A pronoun subject after an opening phrase stands for someone named before too.
    const after = ['Clément est chercheur à l’UTC.', 'Dans le cadre d’un travail sur les liens entre technologie et administration, il participe à la promotion 3.'];
    expect(completeQuote(after, [1])).toEqual([0, 1]);
    expect(completeQuote(['Une phrase sans rapport.', 'Pour la Cour, il faut publier les règles.'], [1])).toEqual([1]);
  });

  it('stays within four sentences and a readable length', () => {
    const open = Array.from({ length: 8 }, (_, i) => `élément ${i} de la liste`);
    expect(completeQuote(open, [0]).length).toBe(4);
    const long = ['Voici :', 'x'.repeat(950)];
    expect(completeQuote(long, [0])).toEqual([0]);
  });
  it('shows an announced list whole: its items count as one sentence', () => {
    // As the programme's blog post lists the four défis it presented.
    const list = [
      'La restitution s’est faite au Meetup Design Public #5.',
      'Les quatres défis présentés sont :',
      '* INPN Espaces : Informer les citoyens sur les espaces naturels - Jean-Edouard Sastre',
      '* Maritux : Faciliter l’accès à une information marine de qualité - Cécile Canel',
      '* Ombel : Améliorer l’information environnementale du citoyen - Marie Ramon-Daré',
      'Sequoia IGN : Produire des données collaboratives géolocalisées - Charlotte Marmet',
    ];
    expect(completeQuote(list, [0, 1])).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
