/**
 * The light Markdown of bot answers (paragraphs, bullet and numbered lists,
 * **bold**, *italic*, `#` headings) parsed into plain data. Rendering builds DOM nodes
 * from this tree with text nodes only, so no answer text is ever parsed as HTML.
 */

export interface Inline {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** A paragraph keeps its soft line breaks: one `Inline[]` per line. */
export type Block =
  | { type: 'paragraph'; lines: Inline[][] }
  | { type: 'heading'; inlines: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] };

const LIST_ITEM = /^\s{0,3}(?:([-*•])|(\d{1,3})[.)])\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
/**
 * `**bold**`, or `*italic*` whose stars do not touch a word or another star
 * (so `2*3*4` stays). No lookbehind: older Safari cannot parse it.
 */
const EMPHASIS = /\*\*(?=\S)([\s\S]*?\S)\*\*|(^|[^*\p{L}\p{N}])\*(?=[^\s*])([^*]*?[^\s*])\*(?![*\p{L}\p{N}])/gu;

const plain = (text: string): Inline => ({ text, bold: false, italic: false });

/** Splits emphasis spans out of a line; unmatched markers stay as literal text. */
export function parseInline(line: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of line.matchAll(EMPHASIS)) {
    const at = (m.index ?? 0) + (m[2]?.length ?? 0);
    if (at > last) out.push(plain(line.slice(last, at)));
    out.push(m[1] !== undefined ? { text: m[1], bold: true, italic: false } : { text: m[3] ?? '', bold: false, italic: true });
    last = (m.index ?? 0) + m[0].length;
  }
  if (last < line.length) out.push(plain(line.slice(last)));
  return out;
}

export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Inline[][] | null = null;
  let list: Extract<Block, { type: 'list' }> | null = null;

  const close = (): void => {
    paragraph = null;
    list = null;
  };

  for (const rawLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trimEnd();
    if (!line.trim()) {
      close();
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const ordered = item[2] !== undefined;
      if (!list || list.ordered !== ordered) {
        close();
        list = { type: 'list', ordered, items: [] };
        blocks.push(list);
      }
      list.items.push(parseInline((item[3] ?? '').trim()));
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      close();
      blocks.push({ type: 'heading', inlines: parseInline(heading[1] ?? '') });
      continue;
    }
    if (list && /^\s{2,}\S/.test(rawLine)) {
      // An indented line continues the previous list item.
      const items: Inline[][] = (list as Extract<Block, { type: 'list' }>).items;
      const lastItem = items[items.length - 1];
      if (lastItem) lastItem.push(plain(' '), ...parseInline(line.trim()));
      continue;
    }
    if (!paragraph) {
      close();
      paragraph = [];
      blocks.push({ type: 'paragraph', lines: paragraph });
    }
    (paragraph as Inline[][]).push(parseInline(line.trim()));
  }
  return blocks;
}

/** Shortens a quoted snippet at a word boundary. */
export function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
