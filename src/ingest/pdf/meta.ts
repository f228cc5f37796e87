/**
 * PDF document-level facts: metadata worth keeping, date, title.
 */
import type { Block } from '../blocks.js';
import type { Metadata } from '../types.js';
import { collapseWhitespace, normalizeText } from '../normalize.js';

/** Info-dictionary fields kept as metadata (producer software versions and flags are noise). */
const KEPT_FIELDS = ['Title', 'Author', 'Subject', 'Keywords', 'Language', 'Creator', 'Producer', 'CreationDate', 'ModDate'];

/** ISO date from a PDF date string "D:20200309094238Z00'00'" (day/month optional). */
export function pdfDateToIso(value: string): string | undefined {
  const m = /^(?:D:)?(\d{4})-?(\d{2})?-?(\d{2})?/.exec(value.trim());
  if (!m) return undefined;
  return validIso(m[1] as string, m[2] ?? '01', m[3] ?? '01');
}

function validIso(y: string, mo: string, d: string): string | undefined {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${y}-${mo}-${d}`;
}

/** ISO date at the start of a file name: "2016-01-29-…", "2016_01_29 …", "20180504-…". */
export function fileNameDate(fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const m = /^(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)/.exec(base);
  return m ? validIso(m[1] as string, m[2] as string, m[3] as string) : undefined;
}

/** The info dictionary's useful string fields, cleaned (dates as ISO `YYYY-MM-DD`). */
export function pdfMetadata(info: unknown): Metadata {
  const meta: Metadata = {};
  if (!info || typeof info !== 'object') return meta;
  const record = info as Record<string, unknown>;
  for (const field of KEPT_FIELDS) {
    const value = record[field];
    if (typeof value !== 'string') continue;
    const clean = collapseWhitespace(normalizeText(value));
    if (!clean) continue;
    meta[field] = field.endsWith('Date') ? (pdfDateToIso(clean) ?? clean) : clean;
  }
  // Custom info entries (e.g. "Source", "Company") are kept when they are plain strings.
  const custom = record['Custom'];
  if (custom && typeof custom === 'object') {
    for (const [key, value] of Object.entries(custom as Record<string, unknown>)) {
      if (typeof value === 'string' && value.trim() && !(key in meta)) meta[key] = collapseWhitespace(normalizeText(value));
    }
  }
  return meta;
}

/** Content words of a title, to compare it with the text (short function words ignored). */
function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
}

/**
 * A metadata title worth showing: not a file name ("SIE_Mapping_besoins.png"), not an
 * editor's placeholder ("Untitled", "Microsoft Word - x.doc"), and about this document:
 * most of its words appear in the first pages (templates often carry a stale title).
 */
export function meaningfulTitle(title: string | undefined, firstPagesText: string): string | undefined {
  if (!title) return undefined;
  const t = collapseWhitespace(title.replace(/^Microsoft (?:Word|PowerPoint|Excel) - /i, ''));
  if (t.length < 4 || !/\p{L}{2}/u.test(t)) return undefined;
  if (/\.(?:pdf|docx?|odt|pptx?|xlsx?|png|jpe?g|tiff?|indd|txt|html?)$/i.test(t)) return undefined;
  if (/^(?:untitled|sans titre|document\d*|titre|title|diapositive \d+|slide \d+)$/i.test(t)) return undefined;
  if (!/\s/.test(t) && /[_]/.test(t)) return undefined;
  const words = contentWords(t);
  if (words.length === 0) return t;
  const text = new Set(contentWords(firstPagesText));
  const found = words.filter((w) => text.has(w)).length;
  return found / words.length >= 0.5 ? t : undefined;
}

/** A title from the text: a heading opening page 1, else page 1's first line with its continuations. */
export function titleFromText(blocks: readonly Block[], firstPageLines: readonly string[]): string | undefined {
  const heading = blocks[0];
  if (heading?.page === 1 && heading.type === 'heading' && heading.text.length >= 8 && /\s/.test(heading.text)) {
    return heading.text;
  }
  const lines = firstPageLines.map((l) => collapseWhitespace(l));
  const start = lines.findIndex((l) => /\p{L}{3}/u.test(l));
  if (start < 0) return undefined;
  let title = lines[start] as string;
  // "Mini-guide pour⏎la réussite d’un⏎défi EIG": a title wrapped on lines starting in lower case.
  for (let i = start + 1; i < lines.length; i++) {
    const next = lines[i] as string;
    if (!/^\p{Ll}/u.test(next) || title.length + next.length > 150 || /[.;]$/.test(title)) break;
    title = `${title} ${next}`;
  }
  return title.length > 150 ? `${title.slice(0, 147).replace(/\s+\S*$/, '')}…` : title;
}

/** File name without folders and extension, as a last-resort title. */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, '') || base;
}
