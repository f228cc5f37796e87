/**
 * Question clean-up and language choice. Pure functions, shared by every
 * other step of the bot (they all compare folded text).
 */
import { detectLanguage } from '../ingest/language.js';
import type { Lang } from '../ingest/types.js';

/** NFC, typographic apostrophes and spaces unified, whitespace collapsed. */
export function cleanQuestion(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/[«»“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lowercase without diacritics: what entity matching and patterns compare. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘ʼ]/g, "'")
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/** Folded word tokens (letters and digits), elided articles removed (`l'interieur` → `interieur`). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of fold(text).matchAll(/[\p{L}\p{N}@]+(?:'[\p{L}]+)?/gu)) {
    let w = m[0];
    const elided = /^(?:l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu)'(.+)$/.exec(w);
    if (elided?.[1]) w = elided[1];
    else if (w.endsWith("'s")) w = w.slice(0, -2);
    out.push(w.replace(/'/g, ''));
  }
  return out;
}

export interface NormalizedQuestion {
  /** Cleaned text, case and accents kept (for display and the index). */
  text: string;
  folded: string;
  words: string[];
  lang: Lang;
  /** Confidence of the language guess (0.5 = unsure). */
  langConfidence: number;
}

/**
 * Language of the question: forced if asked, otherwise detected from
 * function words; an unsure guess on a short question keeps the
 * conversation's language.
 */
export function normalizeQuestion(raw: string, forced?: Lang, previous?: Lang): NormalizedQuestion {
  const text = cleanQuestion(raw);
  const guess = detectLanguage(text, previous ?? 'fr');
  // Accents alone ("Prévisecours ?") are weak evidence: without function words, keep the conversation's language.
  const byWords = detectLanguage(fold(text), previous ?? 'fr');
  const lang = forced ?? (byWords.confidence <= 0.5 && previous ? previous : guess.lang);
  return { text, folded: fold(text), words: words(text), lang, langConfidence: guess.confidence };
}
