/**
 * Cleaned page lines → blocks (headings, paragraphs, list items), in reading order,
 * each with its page. pdf-parse gives text lines in content order (left column before
 * right column in two-column layouts) and no blank lines, so paragraph breaks are
 * inferred from punctuation, line length and bullets.
 */
import type { Block } from '../blocks.js';
import { headingLevel, headingStands, isAllCaps, isTableRow, isTocEntry, tocPages, wrappedHeading } from './headings.js';
import { mergePageContinuations } from './continuation.js';
import { endsWithHyphen, joinLines, type HyphenContext } from './hyphenation.js';

/** Bullet characters, including the private-use ones Symbol/Wingdings fonts map to. */
const BULLET_RE = /^(?:[•●▪■◦‣∙·○►▶➢✓✔*\uF0A7\uF0B7\uF0D8\uF0FC]|[-–—](?=\s))\s*/u;

/** A sentence (or a clause that introduces what follows) ends here. */
const TERMINAL_RE = /[.!?:;…»”"')\]]$/u;

/** Typical full line length: a high percentile, so short last lines and headings don't lower it. */
export function typicalWidth(lines: readonly string[]): number {
  const lengths = lines.map((l) => l.length).filter((n) => n >= 15).sort((a, b) => a - b);
  if (lengths.length === 0) return 80;
  return lengths[Math.floor((lengths.length - 1) * 0.8)] ?? 80;
}

/** Tabs from pdf-parse's cell detection become single spaces. */
function detab(line: string): string {
  return line.replace(/[ \t]*\t[ \t]*/g, ' ').trim();
}

interface Open {
  type: Block['type'];
  page: number;
  lines: string[];
  table: boolean;
  note?: boolean;
}

/**
 * Build the blocks of a document from its cleaned pages (page i is page number i + 1).
 * `noteStarts` holds, per page, the lines that open a footnote or endnote: each note is a
 * paragraph of its own, never glued to the text above it nor taken for a heading.
 */
export function linesToBlocks(
  pages: readonly (readonly string[])[],
  ctx: HyphenContext,
  noteStarts: readonly ReadonlySet<string>[] = [],
): Block[] {
  const blocks: Block[] = [];
  const notes = new Set<number>();
  const docWidth = typicalWidth(pages.flat().map(detab));
  let open: Open | undefined;
  let lastLine: string | undefined; // last line of the previous page, for headings at a page top

  const flush = (): void => {
    if (!open) return;
    const text = open.table
      ? open.lines.map(detab).join(' ; ')
      : open.lines.map(detab).reduce((acc, l) => joinLines(acc, l, ctx), '');
    if (text) {
      if (open.note) notes.add(blocks.length);
      blocks.push({ type: open.type, text, page: open.page });
    }
    open = undefined;
  };

  const toc = tocPages(pages);
  pages.forEach((raw, p) => {
    if (toc.has(p)) return; // a table of contents repeats titles without their content
    const page = p + 1;
    const lines = raw.map((l) => l.trim()).filter((l) => l && !isTocLeader(l));
    const width = lines.length >= 8 ? typicalWidth(lines.map(detab)) : docWidth;
    flush(); // blocks never cross a page
    const starts = noteStarts[p];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      if (starts?.has(line)) {
        flush();
        open = { type: 'paragraph', page, lines: [line], table: false, note: true };
        continue;
      }
      // A note runs on until the next note or the page end (notes sit at the bottom).
      if (open?.note && !BULLET_RE.test(line)) {
        open.lines.push(line);
        continue;
      }
      const prev = i > 0 ? lines[i - 1] : lastLine;
      const level = headingLevel(line, { prev: prev && detab(prev), next: lines[i + 1], width });
      if (level > 0) {
        let text = detab(line);
        let j = i;
        // A heading wrapped on several lines: all-caps runs, or continuations in lower case.
        while (j + 1 < lines.length && text.length < 160) {
          const nxt = detab(lines[j + 1] as string);
          const caps = isAllCaps(text) && isAllCaps(nxt) && !/[.;]$/.test(text);
          const cont = /^\p{Ll}/u.test(nxt) && !/[.;:]$/.test(text) && !endsWithHyphen(text);
          if (!caps && !cont) break;
          text = joinLines(text, nxt, ctx);
          j++;
        }
        if (headingStands(text)) {
          flush();
          blocks.push({ type: 'heading', text, page, level });
          i = j;
          continue;
        }
      }
      const next = lines[i + 1];
      if (next !== undefined && wrappedHeading(line, next, { prev: prev && detab(prev), after: lines[i + 2], width })) {
        flush();
        blocks.push({ type: 'heading', text: joinLines(detab(line), detab(next), ctx), page, level: 2 });
        i++;
        continue;
      }
      const bullet = bulletOf(line, open);
      const table = isTableRow(line);
      const content = bullet ? line.slice(bullet[0].length) : line;
      // "2. Lab Santé : …" right after item "1. …" starts the next item, punctuated or not.
      const num = itemNumber(line);
      const nextItem = num !== undefined && open !== undefined && itemNumber(open.lines[0] ?? '') === num - 1;
      if (!open || bullet || nextItem || table !== open.table || (!table && startsParagraph(open, line, width))) {
        flush();
        open = { type: bullet || num !== undefined ? 'list-item' : 'paragraph', page, lines: [], table };
      }
      open.lines.push(content);
    }
    lastLine = lines[lines.length - 1];
  });
  flush();
  return mergePageContinuations(blocks, ctx, notes);
}

/** The bullet that starts a list item; a dash counts only after a finished line ("– qui," may be an aside). */
function bulletOf(line: string, open: Open | undefined): RegExpExecArray | null {
  const m = BULLET_RE.exec(line);
  if (!m || !/^[-–—]/.test(m[0]) || !open) return m;
  const last = detab(open.lines[open.lines.length - 1] ?? '');
  return TERMINAL_RE.test(last) ? m : null;
}

/** The number of a numbered list item ("3. Gobelins : …", "2) Annexe"), if the line starts one. */
function itemNumber(line: string): number | undefined {
  const m = /^(\d{1,2})[.)]\s+\S/.exec(line.trim());
  return m ? Number(m[1]) : undefined;
}

/** Table-of-contents lines with dot leaders carry no content worth a passage. */
function isTocLeader(line: string): boolean {
  return isTocEntry(line) && /(?:\.\s?){4,}|…{2,}/.test(line);
}

/** Whether `line` starts a new paragraph after the open block's last line. */
function startsParagraph(open: Open, line: string, width: number): boolean {
  const last = detab(open.lines[open.lines.length - 1] ?? '');
  if (!last || endsWithHyphen(last)) return false;
  const s = detab(line);
  // "…(ministère de la défense) ;⏎approfondir l’analyse…": items of a list whose bullets were not text.
  if (/;$/.test(last) && /^\p{Ll}/u.test(s)) return last.length < width * 0.85;
  if (!/^[\p{Lu}\d«"“(]/u.test(s)) return false;
  // A sentence ended on a line clearly shorter than the column: the paragraph ended there.
  return TERMINAL_RE.test(last) && last.length < width * 0.85;
}
