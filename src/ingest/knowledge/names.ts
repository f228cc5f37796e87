import { ADMIN_HEADS, MONTHS, NOT_NAME_WORDS, SMALL_WORDS, SURNAME_WORDS } from './lexicon.js';

/**
 * Name normalisation shared by the extractors. `fold` keeps string length (one char in, one
 * char out) so that positions found in folded text are valid in the original NFC text.
 */

const FOLD_CACHE = new Map<string, string>();

function foldChar(c: string): string {
  let f = FOLD_CACHE.get(c);
  if (f === undefined) {
    if (c === '’' || c === 'ʼ' || c === '‘' || c === '`' || c === '´') f = "'";
    else if (c === '‐' || c === '‑' || c === '–' || c === '—') f = '-';
    else {
      const base = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      f = base.length === 1 ? base : c.toLowerCase().length === 1 ? c.toLowerCase() : c;
    }
    FOLD_CACHE.set(c, f);
  }
  return f;
}

/** Lowercase, accents removed, typographic apostrophes and dashes straightened; same length as the input. */
export function fold(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) {
    // Rare characters whose lowercase is longer ("İ"): fold them one by one.
    lower = '';
    for (const c of text) lower += c.length === 1 ? (c.toLowerCase().length === 1 ? c.toLowerCase() : c) : c;
  }
  return NON_ASCII.test(lower) ? lower.replace(NON_ASCII_G, foldChar) : lower;
}

const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_G = /[^\x00-\x7f]/g;

/** Words of a folded text (letters, digits, inner hyphens), elided articles split off ("l'interieur" → l, interieur). */
export function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
}

/** Words without the small grammatical ones. */
export function contentWords(text: string): string[] {
  return words(text).filter((w) => !SMALL_WORDS.has(w));
}

/** A stable id: folded content words joined by dashes. */
export function slug(text: string, max = 80): string {
  const s = words(text).join('-');
  return s.length > max ? s.slice(0, max).replace(/-[^-]*$/, '') : s;
}

/** Tidy spacing and trailing punctuation of a name taken from running text. */
export function tidyName(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.«»"“”'()\-–—]+|[\s,;:.«»"“”(\-–—]+$/g, '')
    .replace(/\s*\)\s*$/, (m) => (text.includes('(') ? m.trim() : ''))
    .trim();
}

const NAME_TOKEN = /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}]+)*$|^\p{Lu}'\p{Lu}\p{Ll}+$/u;
const NAME_PARTICLES = new Set(['de', 'du', 'des', 'van', 'von', 'der', 'den', 'le', 'la', "d'", 'da', 'di', 'del', 'ben']);

/**
 * True for "Tristram Gräbener", "Constance de Quatrebarbes", "Jean-Baptiste Le Dévéhat", and
 * names closed by a short or capitalised surname ("Delphine Lê", "Thanh Ha LE", "Julien Paris").
 * `loose` (names picked out of running text): those closing words are refused ("Découvrez Paris").
 */
export function isPersonName(text: string, loose = false): boolean {
  const tokens = text.trim().split(/\s+/);
  if (tokens.length < 2 || tokens.length > 5) return false;
  let named = 0;
  const lastAt = tokens.length - 1;
  for (const [i, t] of tokens.entries()) {
    const f = fold(t);
    if (/^(?:le|la|de|du|des)$/.test(f) && i > 0 && i < lastAt) continue;
    // The last word closes the name: a surname that is also an article or a place ("Lê", "Paris"), or in capitals.
    if (!loose && i === lastAt && named > 0 && (NAME_TOKEN.test(t) || /^\p{Lu}{2,12}$/u.test(t)) && SURNAME_WORDS.has(f)) {
      named++;
      continue;
    }
    if (!loose && i === lastAt && named > 0 && /^\p{Lu}{2,12}$/u.test(t) && !ADMIN_HEADS.has(f) && !NOT_NAME_WORDS.has(f) && !/^[IVXLC]+$/.test(t)) {
      named++;
      continue;
    }
    if (NAME_TOKEN.test(t)) {
      if (ADMIN_HEADS.has(f) || MONTHS.has(f) || NOT_NAME_WORDS.has(f)) return false;
      named++;
    } else if (!(NAME_PARTICLES.has(t.toLowerCase()) && i > 0 && i < lastAt)) return false;
  }
  return named >= 2;
}

/** "A, B et C" / "A and B" → the names, when every part is a person's name; [] otherwise. */
export function parseNameList(text: string): string[] {
  const parts = tidyName(text)
    .split(/\s*,\s*|\s+(?:et|and|&)\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length || !parts.every((p) => isPersonName(p))) return [];
  return parts;
}

/** Person names anywhere in a text (capitalised runs), for looser contexts such as captions. */
export function findPersonNames(text: string): string[] {
  const out: string[] = [];
  const re = /\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}\p{Ll}+)*(?:\s+(?:(?:de|du|des|van|von|der|le|la|d')\s+)?\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}\p{Ll}+)*){1,3}/gu;
  for (const m of text.matchAll(re)) {
    let cand = m[0];
    // Drop leading capitalised non-name words ("Photo de Dora Crisan" → "Dora Crisan").
    while (cand && !isPersonName(cand, true)) {
      const next = cand.replace(/^\S+\s+(?:(?:de|du|des|la|le|d')\s+)?/, '');
      if (next === cand) break;
      cand = next;
    }
    if (isPersonName(cand, true)) out.push(cand);
  }
  return out;
}

/** Person key: folded words, so "Jean-Baptiste le Dévéhat" and "Jean-Baptiste Le Dévéhat" are one person. */
export function personKey(name: string): string {
  return words(name).join(' ');
}
