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
  /**
   * Share of the winning language among recognised function words, in [0.5, 1]; 0.5 when unsure.
   * A guess from word shapes alone (no function word) stays in (0.5, 0.75].
   */
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
  if (fr === en) return byShape(text, fallback);
  const lang: Lang = fr > en ? 'fr' : 'en';
  return { lang, confidence: Math.max(fr, en) / (fr + en) };
}

/*
 * Word-shape signals, for keyword-only queries ("explaining public algorithms")
 * that hold no function word. Only shapes that are rare in the other language
 * count; ambiguous ones (-tion, -ment, "ou", "qu" inside a word) do not. They
 * must also work on accent-folded text, so French "-ée" is not read as "ee".
 */
const EN_SHAPES: readonly [RegExp, number][] = [
  [/..ing$|..ings$/u, 1],
  [/...ed$/u, 1],
  [/..ly$/u, 1],
  [/[^aeiouy]ies$|[^aeiouy]y$/u, 1], // policy, agencies (not "jury"-like 4-letter words, see MIN_LEN)
  [/ness$|ship$|ships$|ful$|less$|ism$|isms$/u, 1],
  [/w|sh|ck|tch|gh/u, 1],
  [/th/u, 0.5], // "méthode", "bibliothèque" also have it
];
const FR_SHAPES: readonly [RegExp, number][] = [
  [/[éèêàùçôîûœ]/u, 1],
  [/eux$|eaux?$|aux$/u, 1],
  [/.ques?$/u, 1], // politique, publique
  [/.(?:ais|ait|aient|ez)$/u, 1],
  [/.(?:eur|eurs|euse|euses|ienne?s?)$/u, 1],
  [/.(?:aires?|oires?|oirs?|isme|ifs?)$/u, 1],
];
const MIN_LEN = 5;

function byShape(text: string, fallback: Lang): LanguageGuess {
  let fr = 0;
  let en = 0;
  for (const match of text.toLowerCase().normalize('NFC').matchAll(WORD)) {
    const w = match[0];
    if (w.length < MIN_LEN) continue;
    const score = (shapes: readonly [RegExp, number][]) => shapes.reduce((s, [re, n]) => (re.test(w) ? s + n : s), 0);
    // One point per word at most, so a single long word cannot outvote several.
    en += Math.min(1, score(EN_SHAPES));
    fr += Math.min(1, score(FR_SHAPES));
  }
  // Shapes are weaker evidence than function words: decide on a clear margin, and say so.
  if (Math.abs(fr - en) < 1) return { lang: fallback, confidence: 0.5 };
  return { lang: fr > en ? 'fr' : 'en', confidence: Math.min(0.75, 0.5 + 0.1 * Math.abs(fr - en)) };
}
