/**
 * Sentences that run over a page break. Blocks never cross a page, so "… en assurant plus du"
 * at the bottom of page 2 and "quart des journées. Sans retirer …" at the top of page 3 would
 * give a truncated sentence on one page and a lower-case fragment on the other. A sentence
 * belongs to the page it starts on: its end moves up to the previous page's paragraph, and
 * the next page keeps whole sentences only.
 */
import type { Block } from '../blocks.js';
import { splitSentences } from '../sentences.js';
import { endsWithHyphen, joinLines, type HyphenContext } from './hyphenation.js';

/** A paragraph that ends here is finished (closing quotes and brackets looked through). */
const FINISHED_RE = /[.!?…:;]$/u;
const CLOSERS_RE = /[\s»”"’')\]]+$/u;

/** Words a sentence cannot end on (articles, prepositions, conjunctions). */
const OPEN_WORDS = new Set(
  (
    'le la les l un une des du de d au aux à a en et ou ni mais que qu qui dont où par pour sur sous dans avec sans ' +
    'entre vers chez ce cet cette ces son sa ses leur leurs notre nos votre vos plus moins très ' +
    'the a an of to in on at by for with and or but from into that which as'
  ).split(' '),
);

/** Whether `prev` (last text of a page) leaves a sentence open that `next` (first text of the next page) ends. */
export function continues(prev: string, next: string): boolean {
  const a = prev.trimEnd();
  const b = next.trimStart();
  if (!a || !b) return false;
  if (endsWithHyphen(a)) return /^\p{Ll}/u.test(b);
  const bare = a.replace(CLOSERS_RE, '');
  if (FINISHED_RE.test(bare)) return false;
  if (/^\p{Ll}/u.test(b)) return true;
  // "… en date du 28⏎Octobre", "… rapport de la⏎Cour": an article or preposition cannot end a sentence.
  const lastWord = (/[\p{L}]+$/u.exec(a)?.[0] ?? '').toLowerCase();
  return /,$/.test(a) || OPEN_WORDS.has(lastWord);
}

/** The first sentence of `text` and what follows it (both trimmed). */
function firstSentence(text: string): [string, string] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = splitSentences(flat)[0] ?? flat;
  return flat.startsWith(first) ? [first, flat.slice(first.length).trim()] : [flat, ''];
}

/**
 * Move the end of a sentence cut by a page break up to the page where it started. `notes`
 * holds the indices of blocks that are not running text (footnotes at a page bottom): the
 * sentence's start is the page's last other paragraph or list item.
 */
export function mergePageContinuations(
  blocks: readonly Block[],
  ctx: HyphenContext,
  notes: ReadonlySet<number> = new Set(),
): Block[] {
  const out = blocks.map((b) => ({ ...b }));
  const skip = (k: number): boolean => notes.has(k);
  for (let i = 0; i < out.length; i++) {
    const next = out[i] as Block;
    const prevBlock = out[i - 1];
    if (next.type !== 'paragraph' || next.page === undefined || skip(i)) continue;
    // Only the first block of its page continues the previous page.
    if (!prevBlock || prevBlock.page === next.page) continue;
    if (prevBlock.page !== next.page - 1) continue;
    let j = i - 1;
    while (j >= 0 && out[j]?.page === prevBlock.page && skip(j)) j--;
    // The body text's last paragraph first; else a note running on to the next page.
    const body = out[j]?.page === prevBlock.page && out[j]?.type !== 'heading' ? out[j] : undefined;
    const note = skip(i - 1) ? prevBlock : undefined;
    const prev = [body, note].find((b) => b !== undefined && continues(b.text, next.text));
    if (!prev) continue;
    const [head, rest] = firstSentence(next.text);
    prev.text = joinLines(prev.text, head, ctx);
    next.text = rest;
  }
  return out.filter((b) => b.text !== '');
}
