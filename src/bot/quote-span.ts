/**
 * Quote completion: the sentences a quote needs around the ones chosen
 * for their words, so that it reads as whole statements. PDF extraction and
 * sentence splitting cut statements at line or page ends ("… indemnités de
 * mise à" / "la retraite - à six fois le plafond…"), and a sentence ending
 * with ':' announces what follows (a list, a definition): quoting it alone
 * shows the question's words without the fact. `completeQuote` is pure;
 * `continued` reads the passages after the quoted one.
 */
import type { Passage } from '../ingest/types.js';
import type { PassageSearch } from '../index/types.js';
import { statesList, type Requirement } from './answer-type.js';
import { neighbour } from './passage-terms.js';

/** Ends like a statement: final punctuation, maybe followed by closing quotes, brackets or a footnote call. */
const CLOSED = /[.!?…;]["»”’)\]\s\d]*$/u;
/**
 * Opens like the continuation of the previous sentence: a lowercase word (not a list item), or a pronoun
 * whose referent the previous sentence names (« Elle a travaillé chez… »); not an impersonal « Il y a »,
 * « Il faut », « Il est nécessaire de ».
 */
const IMPERSONAL = "(?! (?:y a|n['’]y a|faut|s['’]agit|convient|existe|n['’]existe|en (?:va|est|résulte|ressort)|ressort|reste|apparaît|semble|importe|est (?:\\p{L}+ )?(?:de|que|d['’])))";
const CONTINUES = new RegExp(
  `^(?:\\p{Ll}|(?:Il${IMPERSONAL}|Elle|Ils|Elles|Celui-ci|Celle-ci|Ceux-ci|Celles-ci|Ce dernier|Cette dernière|He|She|They)(?![\\p{L}-]))` +
    // …or a pronoun subject after an opening phrase: « Dans le cadre d'un travail sur…, il participe à… ».
    `|^[^,.;:!?]{3,120}, (?:il${IMPERSONAL}|elle|ils|elles|he|she|they) `,
  'u',
);
/** At most this many sentences in a completed quote. */
const MAX_SENTENCES = 4;
/** A list item: a bullet or a number opening the sentence. */
const LIST_ITEM = /^\s*(?:[*•–-]|\d{1,2}[.)])\s/u;
/** A continuation is added only while the quote stays readable. */
const MAX_CHARS = 900;

/** Does the sentence stop short of a full statement (announces or carries on into the next one)? */
export const opensOnward = (s: string): boolean => {
  const t = s.trimEnd();
  return t.endsWith(':') || !CLOSED.test(t);
};

/**
 * The chosen sentence indexes plus the neighbours that complete them: the next sentence after one that
 * ends with ':' or without final punctuation, the previous one before a sentence opening in lowercase or
 * with a pronoun.
 * Sorted, within the passage.
 */
export function completeQuote(sentences: string[], chosen: number[]): number[] {
  const out = new Set(chosen);
  let chars = chosen.reduce((n, i) => n + (sentences[i]?.length ?? 0), 0);
  // The items of a list (« * Maritux : … ») count together as one sentence: an announced list is shown whole.
  let statements = chosen.filter((i) => !LIST_ITEM.test(sentences[i] ?? '')).length;
  const add = (i: number): boolean => {
    const s = sentences[i];
    const item = s !== undefined && LIST_ITEM.test(s);
    if (s === undefined || out.has(i) || (!item && statements >= MAX_SENTENCES) || chars + s.length > MAX_CHARS) return false;
    out.add(i);
    chars += s.length;
    if (!item) statements++;
    return true;
  };
  for (const i of [...chosen].sort((a, b) => a - b)) {
    // Walk forward while each sentence leaves its statement open (a list announced by ':' may run on).
    for (let j = i; opensOnward(sentences[j] ?? '.') && add(j + 1); j++);
    if (CONTINUES.test(sentences[i] ?? '')) add(i - 1);
  }
  return [...out].sort((a, b) => a - b);
}

/** Sentences of the next passage a quote ending on ':' may take. */
const CONTINUATION_MAX = 3;
/** Section headings a quote announcing the sections after it may list. */
const HEADINGS_MAX = 8;

/**
 * A quote ending its passage on an announcement ("…définit 3 obligations :", "nous avons identifié 6 facteurs")
 * goes on with what segmentation put after it: the next passage's first sentences when it is the same
 * section, or the headings of the sections that follow (a guide announcing its own parts).
 */
export function continued<R extends { passage: Passage; sentences: number[]; quote: string }>(result: R, index: PassageSearch, need: Requirement): R {
  const p = result.passage;
  const last = result.sentences[result.sentences.length - 1];
  const end = (p.sentences[last ?? -1] ?? '').trimEnd();
  if (last !== p.sentences.length - 1 || !(end.endsWith(':') || (need === 'list' && statesList(end)))) return result;
  const at = (k: number) => neighbour(index, p, k);
  const near = (q: Passage) => (q.page ?? 0) - (p.page ?? 0) <= 1;
  const next = at(1);
  if (!next || !near(next)) return result;
  if (next.section === p.section) return { ...result, quote: [result.quote, ...next.sentences.slice(0, CONTINUATION_MAX)].join(' ') };
  const headings: string[] = [];
  for (let k = 1, q: Passage | undefined = next; q && near(q) && headings.length < HEADINGS_MAX; q = at(++k)) {
    if (q.section && q.section !== p.section && !headings.includes(q.section)) headings.push(q.section);
  }
  return headings.length >= 2 ? { ...result, quote: `${result.quote} ${headings.map((h) => `— ${h}`).join(' ')}` } : result;
}
