import type { Lang } from './types.js';

/**
 * French or English, by counting very frequent function words of each
 * language. Function words survive borrowed nouns ("défis", "chatbot"), so a
 * mixed question like "which défis did the Ministry propose?" reads English.
 */
const FR = new Set(
  ('le la les un une des du de et est sont à au aux en dans pour par sur avec que qui quoi ' +
    'quel quels quelle quelles ce cette ces son sa ses leur leurs nous vous ils elle elles il ' +
    'pas ne plus été être a ont fait comment combien quand où pourquoi mais ou donc est-ce ' +
    "qu l d j n s c bonjour merci salut aussi très").split(' '),
);
const EN = new Set(
  ('the a an of and is are was were to in on for by with that which who what whom whose this these ' +
    'those his her its their we you they he she it not no be been has have had did do does how ' +
    'many much when where why but or so from at as can could would should will about hello hi thanks thank ' +
    'please also very there').split(' '),
);

const WORD = /[\p{L}]+/gu;

export interface LanguageGuess {
  lang: Lang;
  /** Share of the winning language among recognised function words, in [0.5, 1]; 0.5 when unsure. */
  confidence: number;
}

export function detectLanguage(text: string, fallback: Lang = 'fr'): LanguageGuess {
  let fr = 0;
  let en = 0;
  for (const match of text.toLowerCase().normalize('NFC').matchAll(WORD)) {
    const w = match[0];
    if (FR.has(w)) fr++;
    if (EN.has(w)) en++;
  }
  // Accented letters other than in borrowed words lean French a little.
  const accents = (text.match(/[éèêàùçôî]/gu) ?? []).length;
  fr += Math.min(accents, 3) * 0.25;
  if (fr === en) return { lang: fallback, confidence: 0.5 };
  const lang: Lang = fr > en ? 'fr' : 'en';
  return { lang, confidence: Math.max(fr, en) / (fr + en) };
}
