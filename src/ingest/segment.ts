import type { Block, RawDocument } from './blocks.js';
import { detectLanguage } from './language.js';
import { splitSentences } from './sentences.js';
import type { Document, Metadata, Passage } from './types.js';

/**
 * RawDocument → Document + passages of a few whole sentences. A passage never crosses
 * a page or a section; headings are not passage text but the `section` of what follows.
 */

/** A passage is closed once it reaches this many characters… */
const TARGET_CHARS = 700;
/** …and never grows past this one (unless a single sentence is that long). */
const MAX_CHARS = 1000;
const MAX_SENTENCES = 6;
/** A run-on "sentence" (table row, list without punctuation) is cut at word boundaries. */
const MAX_SENTENCE_CHARS = 500;
/** At a paragraph end, a passage this long is closed rather than mixed with the next paragraph. */
const PARAGRAPH_BREAK_CHARS = 400;
/** A closing passage shorter than this is merged into the previous one of the same section and page. */
const TINY_CHARS = 80;

export interface SegmentIds {
  docId: string;
  path: string;
  root: number;
}

export function segmentDocument(raw: RawDocument, ids: SegmentIds): { document: Document; passages: Passage[] } {
  const blocks = dropTrailingCrumbs(raw.blocks);
  const sample = blocks.slice(0, 60).map((b) => b.text).join(' ');
  const lang = raw.lang ?? detectLanguage(`${raw.title} ${sample}`).lang;
  const title = raw.title.normalize('NFC');
  const document: Document = {
    id: ids.docId,
    root: ids.root,
    path: ids.path,
    kind: raw.kind,
    title,
    lang,
    ...(raw.date ? { date: raw.date } : {}),
    ...(raw.pages !== undefined ? { pages: raw.pages } : {}),
    meta: raw.meta,
  };
  const tags = tagsOf(raw.meta);
  const passages: Passage[] = [];
  let section = '';
  let page: number | undefined;
  let sentences: string[] = [];
  let size = 0;

  const close = (): void => {
    if (!sentences.length) return;
    const prev = passages.at(-1);
    // A scrap (a short lead-in whose list was a link, a closing remark) joins the passage before it.
    if (size < TINY_CHARS && prev && prev.section === section && prev.page === page && prev.text.length + size <= MAX_CHARS) {
      prev.sentences.push(...sentences);
      prev.text = prev.sentences.join(' ');
    } else if (!isJunk(sentences)) {
      passages.push({
        id: `${ids.docId}:${passages.length}`,
        docId: ids.docId,
        path: ids.path,
        kind: raw.kind,
        title,
        section,
        ...(page !== undefined ? { page } : {}),
        lang,
        ...(raw.date ? { date: raw.date } : {}),
        tags,
        sentences,
        text: sentences.join(' '),
      });
    }
    sentences = [];
    size = 0;
  };
  const fits = (chars: number): boolean => size + chars <= MAX_CHARS && sentences.length < MAX_SENTENCES;
  const push = (sentence: string): void => {
    sentences.push(sentence);
    size += sentence.length + 1;
  };

  blocks.forEach((block, i) => {
    if (block.page !== page) {
      close();
      page = block.page;
    }
    if (block.type === 'heading') {
      close();
      section = block.text.normalize('NFC').trim();
      return;
    }
    // Sentences without a word (page numbers, "12 — 3") carry nothing to quote.
    const parts = splitSentences(block.text.normalize('NFC')).flatMap(cutLong).filter((s) => /\p{L}{2}/u.test(s));
    if (!parts.length) return;
    const next = blocks[i + 1];
    const leadIn = next?.type === 'list-item' && /:\s*$/.test(block.text);
    if (block.type === 'list-item') {
      // An item is kept whole; an item that opens a sub-list starts a passage when this one is well filled.
      const chars = parts.reduce((n, p) => n + p.length + 1, 0);
      if (sentences.length && (!fits(chars) || (leadIn && size > TARGET_CHARS / 2))) close();
      for (const part of parts) {
        if (sentences.length && !fits(part.length + 1)) close();
        push(part);
      }
      if (size >= TARGET_CHARS && !leadIn) close();
      return;
    }
    parts.forEach((part, k) => {
      const last = k === parts.length - 1;
      // A list's lead-in sentence opens a fresh passage so that it stays with its items.
      if (sentences.length && (!fits(part.length + 1) || (last && leadIn && size > TARGET_CHARS / 2))) close();
      push(part);
      if (size >= TARGET_CHARS && !(last && leadIn)) close();
    });
    if (size >= PARAGRAPH_BREAK_CHARS && !leadIn && next?.type !== 'list-item') close();
  });
  close();
  return { document, passages };
}

/** Cuts a very long sentence at word boundaries, preferring a `;` or `,`. */
export function cutLong(sentence: string): string[] {
  const out: string[] = [];
  let rest = sentence;
  while (rest.length > MAX_SENTENCE_CHARS) {
    const window = rest.slice(0, MAX_SENTENCE_CHARS);
    const clause = Math.max(window.lastIndexOf('; '), window.lastIndexOf(', '));
    const space = window.lastIndexOf(' ');
    const cut = clause > MAX_SENTENCE_CHARS * 0.6 ? clause + 1 : space > MAX_SENTENCE_CHARS * 0.3 ? space : MAX_SENTENCE_CHARS;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) out.push(rest);
  return out;
}

/** Fewer than three words of letters: page furniture, stray numbers, punctuation. */
function isJunk(sentences: string[]): boolean {
  const words = sentences.join(' ').match(/\p{L}{2,}/gu) ?? [];
  return words.length < 3;
}

/**
 * Web pages end with navigation ("Suivez-nous", "Haut de page"): short paragraphs without
 * punctuation after the last real content. They are dropped from the end of the document.
 */
function dropTrailingCrumbs(blocks: Block[]): Block[] {
  let end = blocks.length;
  while (end > 0) {
    const b = blocks[end - 1]!;
    const words = b.text.split(/\s+/).filter(Boolean).length;
    if (b.type === 'heading' || (b.type === 'paragraph' && words <= 4 && !/[.!?…:]$/.test(b.text))) end--;
    else break;
  }
  // A document made only of short lines keeps them: they are its content, not its furniture.
  const rest = blocks.slice(0, end);
  return rest.some((b) => b.type !== 'heading') ? rest : blocks;
}

/** Metadata fields whose values are words worth searching. */
const TAG_FIELDS = ['tags', 'tag', 'categories', 'category', 'keywords', 'owner', 'author', 'authors', 'misc', 'project-date'];
/** Jekyll plumbing values that say nothing about the content. */
const PLUMBING = new Set(['article', 'post', 'page', 'defi', 'default']);

export function tagsOf(meta: Metadata): string[] {
  const tags: string[] = [];
  for (const key of TAG_FIELDS) {
    const value = meta[key];
    const values = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s*[,;]\s*/) : [];
    for (const v of values) {
      const t = v.normalize('NFC').trim();
      if (t && !PLUMBING.has(t.toLowerCase()) && !tags.includes(t)) tags.push(t);
    }
  }
  return tags;
}
