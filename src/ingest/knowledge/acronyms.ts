import { fold } from './names.js';
import { SMALL_WORDS } from './lexicon.js';

/**
 * Acronym definitions written "Long Name (ACR)" or "ACR (Long Name)", accepted only when the
 * acronym's letters are the initials of the long form's words (small words may be skipped
 * or supply a letter; accents folded), so "(Paris)" or "(2017)" are never taken for acronyms.
 */

export interface AcronymDefinition {
  short: string;
  long: string;
  /** Offset of the whole definition in the sentence. */
  start: number;
  end: number;
}

const ACRONYM = /^\p{Lu}[\p{L}&]{1,9}$/u;

/** Looks like an acronym: "AFD", "BnF", "Shom", "CGEIET". */
export function isAcronymToken(token: string): boolean {
  if (!ACRONYM.test(token) || token.length < 3) return false;
  const upper = [...token].filter((c) => c !== c.toLowerCase()).length;
  return upper >= 2 || token.length <= 5;
}

interface Word {
  text: string;
  folded: string;
  start: number;
}

function wordsWithOffsets(text: string): Word[] {
  const out: Word[] = [];
  for (const m of fold(text).matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) {
    out.push({ text: text.slice(m.index, m.index + m[0].length), folded: m[0], start: m.index });
  }
  return out;
}

/**
 * Index of the word that starts the long form ending with `words` (matched right to left), or -1.
 * `anchored`: the long form must use every word.
 */
function matchInitials(letters: string, words: Word[], anchored: boolean): number {
  const maxWords = letters.length * 3 + 2;
  // One content word may be left out ("… de l'État (DINSIC)"), but not the first one.
  const go = (li: number, wi: number, used: number, skips = 0): number => {
    if (li < 0) {
      const first = words[wi + 1]!;
      if (first.folded[0] !== letters[0]) return -1;
      if (SMALL_WORDS.has(first.folded) || first.folded.length < 2) return -1;
      return anchored && wi !== -1 ? -1 : wi + 1;
    }
    if (wi < 0 || used >= maxWords) return -1;
    const w = words[wi]!.folded;
    const small = SMALL_WORDS.has(w);
    const letter = letters[li]!;
    // A hyphenated word may give one letter per part ("Franche-Comté").
    const parts = w.split('-');
    if (parts.length > 1 && li - parts.length + 1 >= 0 && parts.every((p, k) => p[0] === letters[li - parts.length + 1 + k])) {
      const r = go(li - parts.length, wi - 1, used + 1, skips);
      if (r >= 0) return r;
    }
    if (small) {
      const skipped = go(li, wi - 1, used + 1, skips);
      if (skipped >= 0) return skipped;
      return w[0] === letter ? go(li - 1, wi - 1, used + 1, skips) : -1;
    }
    if (w[0] === letter) {
      const r = go(li - 1, wi - 1, used + 1, skips);
      if (r >= 0) return r;
    }
    // Left out, only when more letters remain to be matched before it.
    if (skips === 0 && li < letters.length - 1 && li >= 0 && used > 0) return go(li, wi - 1, used + 1, 1);
    if (skips === 0 && li === letters.length - 1 && used < 3) return go(li, wi - 1, used + 1, 1);
    return -1;
  };
  return go(letters.length - 1, words.length - 1, 0);
}

function lettersOf(short: string): string {
  return fold(short).replace(/[^a-z]/g, '');
}

/** Every acronym definition in one sentence. */
export function findAcronymDefinitions(sentence: string): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  for (const m of sentence.matchAll(/\(([^()]{2,160})\)/g)) {
    const inner = m[1]!.trim();
    const open = m.index;
    if (isAcronymToken(inner)) {
      // "Long Name (ACR)": the long form is the run of words just before the parenthesis.
      const before = sentence.slice(0, open);
      const cut = Math.max(before.lastIndexOf(':'), before.lastIndexOf(';'), before.lastIndexOf('('), before.lastIndexOf('«'));
      const scope = before.slice(cut + 1);
      const ws = wordsWithOffsets(scope);
      if (!ws.length) continue;
      const letters = lettersOf(inner);
      const first = matchInitials(letters, ws, false);
      if (first < 0 || ws.length - first < 2) continue;
      const start = cut + 1 + ws[first]!.start;
      const long = sentence.slice(start, open).trim().replace(/[,\s»"”]+$/, '');
      out.push({ short: inner, long, start, end: m.index + m[0].length });
    } else {
      // "ACR (Long Name)".
      const prev = /(\p{Lu}[\p{L}&]{1,9})\s*$/u.exec(sentence.slice(0, open));
      if (!prev || !isAcronymToken(prev[1]!)) continue;
      const ws = wordsWithOffsets(inner);
      if (ws.length < 2 || matchInitials(lettersOf(prev[1]!), ws, true) !== 0) continue;
      out.push({ short: prev[1]!, long: inner, start: prev.index, end: m.index + m[0].length });
    }
  }
  return out;
}
