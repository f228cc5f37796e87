/**
 * Conservative section-heading detection on plain text lines (pdf-parse gives no font
 * sizes): a heading must look like one on its own (numbered, all capitals, a structural
 * word) or be a short, unpunctuated line standing between two sentences.
 */

/** Words that name a document section on their own ("Synthèse", "Introduction"…). */
const SECTION_WORDS = new Set([
  'avertissement', 'synthèse', 'introduction', 'conclusion', 'conclusions', 'recommandations', 'sommaire',
  'préambule', 'préface', 'avant-propos', 'résumé', 'table des matières', 'glossaire', 'lexique',
  'bibliographie', 'annexes', 'remerciements', 'summary', 'executive summary', 'foreword', 'abstract',
  'contents', 'table of contents', 'recommendations', 'acknowledgements', 'references', 'références',
]);

/** "Chapitre 2", "Partie II", "Annexe 1", "Article 3", "Section 4"… */
const STRUCTURE_RE = /^(?:chapitre|partie|titre|annexe|article|section|chapter|part|appendix)\s+(?:[\dIVXLC]+|[A-Z])\b/iu;

/** "I - ", "II. ", "A. ", "1. ", "1) ", "2.3 ", "1 " followed by a capital letter. */
const NUMBERED_RE = /^(?:(?:[IVXLC]{1,5}|[A-H]|\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)]?\s*[-–—.)]?\s+)(?=[\p{Lu}«"“'’])/u;

/**
 * A table row, as pdf-parse renders it: cells separated by tabs, with at least one cell of
 * several words or a number. Justified text also gets tabs, but between single words.
 */
export function isTableRow(line: string): boolean {
  if (!line.includes('\t')) return false;
  const cells = line.split('\t').map((c) => c.trim()).filter(Boolean);
  return cells.length >= 2 && cells.some((c) => /\s/.test(c) || /^[\d\s,.%€]+$/.test(c));
}

/** Whether a heading (merged with its wrapped lines) can stand: numbered items ending a sentence are list items or footnotes. */
export function headingStands(text: string): boolean {
  return isAllCaps(text) || SECTION_WORDS.has(text.toLowerCase().replace(/\s*:$/, '')) || !/[.;,]$/.test(text);
}

/** A table-of-contents entry: dot leaders or a trailing page number after a title. */
export function isTocEntry(line: string): boolean {
  return /(?:\.\s?){4,}\s*\d+\s*$/.test(line) || /(?:…\s*){2,}\s*\d+\s*$/.test(line);
}

function letters(line: string): number {
  return (line.match(/\p{L}/gu) ?? []).length;
}

function words(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/** Upper-case letters only (digits and punctuation allowed), at least two words or one long word. */
export function isAllCaps(line: string): boolean {
  return letters(line) >= 4 && !/\p{Ll}/u.test(line) && (words(line) >= 2 || letters(line) >= 6);
}

/** Numbering depth of a heading ("2.3.1 …" → 3, "I - …" → 1), 0 when not numbered. */
export function numberingDepth(line: string): number {
  const m = NUMBERED_RE.exec(line);
  if (!m) return 0;
  const num = /^\d+(?:\.\d+)*/.exec(m[0]);
  return num ? num[0].split('.').length : 1;
}

export interface HeadingContext {
  /** The previous non-empty line on the page (undefined at the top of a page). */
  prev?: string;
  /** The next non-empty line on the page. */
  next?: string;
  /** Typical full line length on this page, in characters. */
  width: number;
}

/** Numbers in a line besides its leading numbering ("CNAMTS 154 167 120" is a table row). */
function numbersAfterNumbering(line: string): number {
  const rest = line.replace(NUMBERED_RE, '');
  return (rest.match(/(?<![\p{L}\d])\d+(?:[.,]\d+)?(?![\p{L}\d])/gu) ?? []).length;
}

/**
 * Heading level (1 = top) when the line, as pdf-parse renders it (tabs between cells), is
 * a heading, else 0. The caller still checks the heading with its wrapped continuation.
 */
export function headingLevel(rawLine: string, ctx: HeadingContext): number {
  if (isTableRow(rawLine)) return 0;
  const s = rawLine.replace(/\s+/g, ' ').trim();
  if (s.length < 3 || s.length > 120 || letters(s) < 3 || words(s) > 16) return 0;
  if (/^\p{Ll}/u.test(s) || isTocEntry(s) || numbersAfterNumbering(s) >= 2) return 0;
  const lower = s.toLowerCase().replace(/\s*:$/, '');
  if (SECTION_WORDS.has(lower)) return 1;
  // A heading does not end like a sentence or a clause.
  const caps = isAllCaps(s);
  if (/[.,;]$/.test(s) || (/:$/.test(s) && !caps) || /-$/.test(s)) return 0;
  if (STRUCTURE_RE.test(s)) return 1;
  if (caps) return 1;
  const depth = numberingDepth(s);
  // "3 Ouverture des données 12" is a table-of-contents line; "8. Projet : …" a list item.
  if (depth > 0) return /\s\d+$/.test(s) || s.includes(' : ') ? 0 : Math.min(depth, 4);
  // A short line alone between two sentences: "Des différences substantielles entre disciplines".
  const prevEnds = ctx.prev === undefined || /[.!?:…»”)]$/.test(ctx.prev.trim());
  const nextStarts = ctx.next !== undefined && /^[\p{Lu}«"“(\d•–—-]/u.test(ctx.next.trim());
  const short = s.length <= ctx.width * 0.6 && words(s) <= 10;
  // Body text follows a heading; a short line among short lines is a table cell or a diagram label.
  const bodyFollows = (ctx.next?.trim().length ?? 0) >= ctx.width * 0.5;
  if (prevEnds && nextStarts && short && bodyFollows && /^\p{Lu}/u.test(s) && !s.includes(':') && !/\d$/.test(s)) return 2;
  return 0;
}

/**
 * A heading wrapped on two lines with nothing else marking it: "La mise en œuvre de la loi
 * n’a toutefois pas été à la hauteur de⏎ses ambitions" between two paragraphs. Both lines
 * are unpunctuated, the second is short and in lower case, and body text follows.
 */
export function wrappedHeading(line: string, next: string, ctx: HeadingContext & { after?: string }): boolean {
  const a = line.replace(/\s+/g, ' ').trim();
  const b = next.replace(/\s+/g, ' ').trim();
  if (isTableRow(line) || isTableRow(next) || !/^\p{Lu}/u.test(a) || !/^\p{Ll}/u.test(b)) return false;
  if (/[.,;:!?…-]$/.test(a) || /[.,;:!?…-]$/.test(b) || words(a) + words(b) > 20 || words(b) > 8) return false;
  if (numbersAfterNumbering(`${a} ${b}`) >= 2 || isTocEntry(b)) return false;
  const prevEnds = ctx.prev === undefined || /[.!?:…»”)]$/.test(ctx.prev.trim());
  const after = ctx.after?.trim() ?? '';
  return prevEnds && b.length <= ctx.width * 0.6 && /^[\p{Lu}«"“]/u.test(after) && after.length >= ctx.width * 0.5;
}

const TOC_TITLE_RE = /^(?:table des matières|sommaire|contents|table of contents)\s*:?$/i;

/** A table-of-contents-looking line: dot leaders, "2.1 Title 12", a numbered title, bare page numbers. */
function tocLike(line: string): boolean {
  const s = line.replace(/\s+/g, ' ').trim();
  return isTocEntry(s) || /^\d+(?: \d+)*$/.test(s) || numberingDepth(s) > 0;
}

/**
 * Pages holding a table of contents: a page titled "Table des matières"/"Sommaire"/"Contents",
 * and the pages right after it that still read like one. Their entries would otherwise pose
 * as section headings and fill passages with titles and page numbers.
 */
export function tocPages(pages: readonly (readonly string[])[]): Set<number> {
  const toc = new Set<number>();
  pages.forEach((lines, p) => {
    const share = lines.length ? lines.filter(tocLike).length / lines.length : 0;
    // A "Sommaire" title over an empty contents list and then the text itself is not a TOC page.
    const titled = lines.some((l) => TOC_TITLE_RE.test(l.trim())) && share >= 0.4;
    if (titled || (toc.has(p - 1) && share >= 0.5)) toc.add(p);
  });
  return toc;
}
