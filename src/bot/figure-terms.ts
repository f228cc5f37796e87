/**
 * Figures and dates among a sentence's analysed terms: does it count what « combien de X » asks for, and how
 * close is its figure (or year) to the words the question asks about? Pure, over terms in order (a document's
 * phrase terms, sentences.ts `isPhraseTerm`, take the place of the word after them).
 */
import { groupMatches, isPhraseTerm, type TermGroup, YEAR_TERM } from './sentences.js';

/** Analysed forms of the nouns whose number is a label (statements.ts: « promotion 2 »), for `figureProximity`. */
const LABEL_TERMS = new Set(
  'promot articl chapitr chapt chapter pag page annex tableau tabl figur graphiqu section part titr titl livr tom volum programm program action recommand recommend proposit proposal propos def challeng lot niveau level phas phase etap step saison season version session round eig'.split(' '),
);

/** Analysed month names (French and English stems), to tell a date's day from a figure. */
const MONTH_TERMS = new Set(
  'janvi fevri mar avril mai juin juillet aout septembr octobr novembr decembr januari februari march april june juli august septemb octob novemb decemb'.split(' '),
);
const isFigureTerm = (t: string): boolean => /\d/.test(t) && !YEAR_TERM.test(t) && !/^\d{1,2}(?:e|er|re|eme|nd|rd|th|st)$/.test(t);
const isDateTerm = (t: string): boolean => YEAR_TERM.test(t);

/**
 * Number words as stemmers leave them (« deux mentors », "three hundred people"); not "un"/"one" (articles
 * too), « neuf » (also new) or "ten" (the stem of « tenir »).
 */
const NUMBER_STEM =
  /^(?:deux?|troi|trois|quatr|quatre|cinq|six|sept|huit|dix|onz|onze|douz|douze|quinz|quinze|vingt|trent|trente|cent|mill|mille|milli|two|three|four|five|seven|eight|nine|eleven|twelv|twelve|fifteen|twenti|twenty|hundr|hundred|thousand)$/;

/**
 * Does the sentence count the thing a "combien de X / how many X" question counts: a figure or a number
 * word followed by X within two words ("700 000 personnes", "entre 27 et 31 jours", "28 EIG", « deux mentors »)?
 */
export function countsThing(terms: string[], thing: TermGroup): boolean {
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i] as string;
    if (!(isFigureTerm(t) || NUMBER_STEM.test(t)) || LABEL_TERMS.has(terms[i - 1] ?? '')) continue;
    // The next two words, and the phrase terms among them.
    for (let j = i + 1, words = 0; j < terms.length && words < 2; j++) {
      const n = terms[j] as string;
      if (groupMatches(thing, n)) return true;
      if (!isPhraseTerm(n)) words++;
    }
  }
  return false;
}

/**
 * How close the sentence's figure (or year) is to the words the question asks about, in [0.5, 1]:
 * "700 000 personnes" answers "combien de personnes", a law number at the other end of the sentence does not.
 */
export function figureProximity(terms: string[], asked: TermGroup[], need: 'figure' | 'date'): number {
  const target = need === 'figure' ? isFigureTerm : isDateTerm;
  const numbers: number[] = [];
  const words: number[] = [];
  let pos = -1;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i] as string;
    if (!isPhraseTerm(t)) pos++;
    // "5 mars": the day of a date is not the figure asked for.
    const day = need === 'figure' && /^\d{1,2}$/.test(t) && (MONTH_TERMS.has(terms[i + 1] ?? '') || MONTH_TERMS.has(terms[i - 1] ?? ''));
    // "promotion 2": the number names which one, it is not how many.
    const label = need === 'figure' && LABEL_TERMS.has(terms[i - 1] ?? '');
    if (target(t) && !day && !label) numbers.push(pos);
    else if (asked.some((g) => groupMatches(g, t))) words.push(isPhraseTerm(t) ? pos + 1 : pos);
  }
  let best = Infinity;
  for (const n of numbers) for (const w of words) best = Math.min(best, Math.abs(n - w));
  return best <= 3 ? 1 : Math.max(0.5, 3 / best);
}
