/**
 * Query planning: a question → clauses, one per content word or per phrase the
 * lexicon knows. Each clause lists alternative term lists (the words stemmed
 * in the asker's language, in the other language, and the lexicon's
 * equivalents); a passage scores a clause by its best alternative, so a
 * translation never counts twice.
 */
import type { Lang } from '../ingest/types.js';
import { frenchVerbBase, stem, words } from './analyzer.js';
import type { Lexicon } from './lexicon.js';

export interface TermSpec {
  term: string;
  /** Edits allowed when the term is not in the index vocabulary (by the typed word's length). */
  maxEdits: number;
  /** Prefix search: only for the last word while it is being typed. */
  prefix: boolean;
}

export interface Alternative {
  terms: TermSpec[];
  weight: number;
}

export interface Clause {
  /** How many query words the clause covers. */
  span: number;
  alternatives: Alternative[];
}

/** Weight of the other language's stems, and of the lexicon's equivalents. */
export const OTHER_LANGUAGE_WEIGHT = 0.85;
export const EQUIVALENT_WEIGHT = 0.8;
/** Shortest last word that gets prefix search (shorter prefixes match too much). */
const MIN_PREFIX = 3;

/** No typo for words of 4 letters or fewer, 1 for 5–8, 2 for longer. */
export function allowedEdits(word: string): number {
  const n = [...word].length;
  return n <= 4 ? 0 : n <= 8 ? 1 : 2;
}

/** A query still being typed (no final space or punctuation) gets prefix search on its last word. */
export function isTyping(query: string): boolean {
  return /[\p{L}\p{N}]$/u.test(query);
}

/**
 * `frequency` gives an analysed term's document frequency in the index (0 when absent): a word found
 * as it is, in either language or through the lexicon, is not a typo, so none of its stems is read
 * through typo expansions (the other language's stem of a known word mostly lands on unrelated words:
 * « processed » → « process », not 30 French terms two edits from « processed »). A French verb form
 * Snowball leaves whole (« utilisent ») also reads its base (« utilis ») when the documents use it more.
 */
export function planQuery(query: string, lang: Lang | undefined, lexicon: Lexicon, frequency: (term: string) => number = () => 0): Clause[] {
  const known = (term: string): boolean => frequency(term) > 0;
  const ws = words(query);
  const typing = isTyping(query);
  const langs: [Lang, number][] =
    lang === 'en' ? [['en', 1], ['fr', OTHER_LANGUAGE_WEIGHT]] : [['fr', 1], ['en', OTHER_LANGUAGE_WEIGHT]];
  const clauses: Clause[] = [];
  for (let i = 0; i < ws.length; ) {
    const match = lexicon.match(ws, i, lang);
    const span = match?.length ?? 1;
    const slice = ws.slice(i, i + span);
    const seen = new Set<string>();
    const alternatives: Alternative[] = [];
    const push = (alt: Alternative) => {
      const key = alt.terms.map((t) => t.term).join(' ');
      if (seen.has(key)) return;
      seen.add(key);
      alternatives.push(alt);
    };
    const stems = langs.map(([l]) => slice.map((w) => stem(w, l)));
    const translated = match?.alternatives.some((terms) => terms.every(known)) ?? false;
    const typo = slice.map((_, j) => !translated && !stems.some((s) => known(s[j] as string)));
    for (const [k, [, weight]] of langs.entries()) {
      push({
        weight,
        terms: slice.map((w, j) => ({
          term: (stems[k] as string[])[j] as string,
          maxEdits: typo[j] ? allowedEdits(w) : 0,
          prefix: typing && i + j === ws.length - 1 && w.length >= MIN_PREFIX,
        })),
      });
    }
    for (const terms of match?.alternatives ?? []) {
      push({ weight: EQUIVALENT_WEIGHT, terms: terms.map((term) => ({ term, maxEdits: 0, prefix: false })) });
    }
    // Only for a French (or unknown-language) question: English "consistent" is not « consister ».
    const base = span === 1 && lang !== 'en' ? frenchVerbBase(slice[0] as string, frequency) : undefined;
    if (base) {
      push({ weight: EQUIVALENT_WEIGHT, terms: [{ term: base, maxEdits: 0, prefix: false }] });
    }
    clauses.push({ span, alternatives });
    i += span;
  }
  return clauses;
}
