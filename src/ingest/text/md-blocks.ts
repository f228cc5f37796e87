import type { Block } from '../blocks.js';
import { cleanInline, stripHtmlBlocks } from './inline.js';

/**
 * Markdown (or plain text that merely looks like it) → blocks.
 * A small line-based reader rather than a full CommonMark parser: the inputs are
 * Jekyll posts and pages pasted from WordPress, and what matters is clean prose,
 * headings as section titles and list items kept apart.
 */

interface Pending extends Block {
  /** A one-line paragraph: candidate for a plain-text heading. */
  single?: boolean;
}

const ATX = /^\s{0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;
const SETEXT = /^\s{0,3}(=+|-+)\s*$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const IAL_LINE = /^\s*\{:[^}]*\}\s*$/;
const REF_DEF = /^\s{0,3}\[[^\]]+\]:\s*\S+/;
const LIST = /^(\s*)(?:[*+\-•–—▪◦‣]|\d{1,3}[.)])\s+(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*\|?\s*$/;
const BOLD_LINE = /^\s*(\*\*|__)([^*_]+)\1\s*:?\s*$/;
/** Hard-wrapped Markdown lines stay under this; longer lines are whole paragraphs (text pasted from the web). */
const WRAP_WIDTH = 110;

export function markdownToBlocks(body: string): Block[] {
  const lines = stripHtmlBlocks(body.replace(/\r\n?/g, '\n')).split('\n');
  const out: Pending[] = [];
  let para: string[] = [];
  let item: string[] | null = null;
  let fence: string[] | null = null;
  let markdownHeadings = false;

  const push = (type: Block['type'], raw: string, extra: Partial<Pending> = {}): void => {
    const text = cleanInline(raw);
    if (text) out.push({ type, text, ...extra });
  };
  const flushItem = (): void => {
    if (item) push('list-item', item.join(' '));
    item = null;
  };
  const flushPara = (): void => {
    if (para.length) emitParagraph(para, push);
    para = [];
  };
  const flush = (): void => {
    flushPara();
    flushItem();
  };

  for (const raw of lines) {
    if (fence) {
      if (FENCE.test(raw)) {
        push('paragraph', fence.join(' '));
        fence = null;
      } else fence.push(raw.replace(/[`*_]/g, ' '));
      continue;
    }
    // Blockquotes are unwrapped: their content is read like any other.
    const line = raw.replace(/^(?:\s{0,3}>\s?)+/, '');
    if (!line.trim()) {
      flush();
      continue;
    }
    if (FENCE.test(line)) {
      flush();
      fence = [];
      continue;
    }
    if (IAL_LINE.test(line) || REF_DEF.test(line) || TABLE_RULE.test(line)) continue;
    const atx = ATX.exec(line);
    if (atx) {
      flush();
      markdownHeadings = true;
      push('heading', atx[2] ?? '', { level: atx[1]!.length });
      continue;
    }
    const setext = SETEXT.exec(line);
    if (setext && para.length === 1 && !item) {
      markdownHeadings = true;
      const text = para[0]!;
      para = [];
      push('heading', text, { level: setext[1]!.startsWith('=') ? 1 : 2 });
      continue;
    }
    if (RULE.test(line)) {
      flush();
      continue;
    }
    if (TABLE_ROW.test(line)) {
      flush();
      const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()).filter(Boolean);
      push('paragraph', cells.join(' ; '));
      continue;
    }
    const li = LIST.exec(line);
    if (li) {
      flush();
      item = [li[2]!];
      continue;
    }
    if (item) item.push(line); // indented or lazy continuation of the item
    else para.push(line);
  }
  if (fence) push('paragraph', fence.join(' '));
  flush();
  if (!markdownHeadings) promotePlainHeadings(out);
  return out.map(({ single: _single, ...block }) => block);
}

type Push = (type: Block['type'], raw: string, extra?: Partial<Pending>) => void;

function emitParagraph(para: string[], push: Push): void {
  const bold = para.length === 1 ? BOLD_LINE.exec(para[0]!) : null;
  if (bold && bold[2]!.length <= 150 && !/[.;,]\s*$/.test(bold[2]!)) {
    push('heading', bold[2]!, { level: 4 });
    return;
  }
  const widths = para.map((l) => l.replace(/\]\([^)]*\)/g, ']').trim().length);
  const softWrapped = widths.slice(0, -1).some((w) => w > WRAP_WIDTH);
  if (!softWrapped) {
    push('paragraph', para.join(' '), { single: para.length === 1 });
    return;
  }
  // One paragraph per line; lines after a lead-in ending with ':' are the items of a flattened list.
  let inList = false;
  for (const l of para) {
    push(inList ? 'list-item' : 'paragraph', l);
    if (/:\s*$/.test(l)) inList = true;
  }
}

/**
 * Plain-text pages have no heading marks: a short one-line paragraph without final
 * punctuation, followed by prose or a list, is read as a heading. Conservative on purpose.
 */
function promotePlainHeadings(blocks: Pending[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const next = blocks[i + 1];
    if (!b.single || b.type !== 'paragraph' || !next) continue;
    if (b.text.length > 150 || !/^[\p{Lu}\p{N}«"]/u.test(b.text) || !/[\p{L}\p{N}»")]$/u.test(b.text)) continue;
    const prose = next.type === 'list-item' || next.text.length >= 150 || /[.!?…:]$/.test(next.text);
    if (!prose) continue;
    b.type = 'heading';
    b.level = 2;
  }
}

/** The first non-empty line of a body, stripped of Markdown marks (a title for files without one). */
export function firstLine(body: string, max = 150): string | undefined {
  for (const raw of stripHtmlBlocks(body).split('\n')) {
    const line = cleanInline(raw.replace(/^(?:\s{0,3}>\s?)+/, '').replace(/^\s*(?:#{1,6}\s+|[*+\-•–—]\s+|\d{1,3}[.)]\s+)/, ''));
    if (line && /[\p{L}\p{N}]/u.test(line)) return clip(line.replace(/\s*#+$/, ''), max);
  }
  return undefined;
}

export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return text.slice(0, cut > max / 2 ? cut : max).replace(/[\s,;:–—-]+$/, '');
}
