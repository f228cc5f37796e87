/**
 * The cover title: the text set in the largest font on page 1 ("Défis de transition
 * numérique…" rather than the small-caps programme name printed above it). pdf-parse's
 * getText() drops font sizes, so this reads page 1's text items from the pdf.js document
 * pdf-parse has already loaded (a private field: when it is missing, we simply have no
 * cover title and the caller falls back to the text-based title).
 */
import { collapseWhitespace, normalizeText } from '../normalize.js';

interface TextItemLike {
  str: string;
  height: number;
  transform: number[];
}
interface PageLike {
  getTextContent(): Promise<{ items: unknown[] }>;
  cleanup(): unknown;
}
interface DocLike {
  numPages: number;
  getPage(n: number): Promise<PageLike>;
}

interface SizedLine {
  text: string;
  size: number;
}

function isTextItem(item: unknown): item is TextItemLike {
  const i = item as Partial<TextItemLike> | null;
  return !!i && typeof i.str === 'string' && typeof i.height === 'number' && Array.isArray(i.transform);
}

/** Items → lines (same baseline), each with its largest font size. */
export function sizedLines(items: readonly TextItemLike[]): SizedLine[] {
  const lines: SizedLine[] = [];
  let baseline: number | undefined;
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    const size = item.str.trim() ? item.height : 0;
    const last = lines[lines.length - 1];
    // Superscripts ("4e promotion") sit a little above the line's baseline: same line.
    const tolerance = Math.max(2, 0.5 * Math.max(last?.size ?? 0, size));
    if (last && baseline !== undefined && Math.abs(y - baseline) < tolerance) {
      last.text += item.str;
      last.size = Math.max(last.size, size);
    } else {
      lines.push({ text: item.str, size });
      baseline = y;
    }
  }
  return lines
    .map((l) => ({ text: collapseWhitespace(normalizeText(l.text)), size: Math.round(l.size * 10) / 10 }))
    .filter((l) => l.text);
}

/**
 * The run of consecutive lines in the page's largest font, when that font is clearly larger
 * than the body text (by character count) and the run reads like a title.
 */
export function largestText(lines: readonly SizedLine[]): string | undefined {
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(l.size, (chars.get(l.size) ?? 0) + l.text.length);
  const body = [...chars.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const withLetters = lines.filter((l) => /\p{L}{2}/u.test(l.text));
  const max = Math.max(0, ...withLetters.map((l) => l.size));
  if (max < body * 1.15) return undefined;
  const start = lines.findIndex((l) => l.size === max && /\p{L}{2}/u.test(l.text));
  const run: string[] = [];
  for (let i = start; i < lines.length && Math.abs((lines[i] as SizedLine).size - max) < 0.6; i++) {
    run.push((lines[i] as SizedLine).text);
  }
  const title = run.join(' ');
  return title.length >= 4 && title.length <= 200 && (title.match(/\p{L}/gu) ?? []).length >= 4 ? title : undefined;
}

/** The cover title of the document pdf-parse loaded in `parser`, if it can be read. */
export async function coverTitle(parser: object): Promise<string | undefined> {
  const doc = (parser as { doc?: DocLike }).doc;
  if (!doc || typeof doc.getPage !== 'function' || doc.numPages < 1) return undefined;
  try {
    const page = await doc.getPage(1);
    const content = await page.getTextContent();
    page.cleanup();
    return largestText(sizedLines(content.items.filter(isTextItem)));
  } catch {
    return undefined; // a damaged first page only costs us the cover title
  }
}
