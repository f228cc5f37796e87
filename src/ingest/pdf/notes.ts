/**
 * Footnote and endnote calls. pdf.js renders a superscript note number as plain digits glued
 * to what it follows ("conventionnelle2", "en 20151" = 2015 + note 1, "4,1 %2"), which
 * spoils search and quotes. A glued number is taken out only when the document really has
 * that note: a note line "N …" lower on the same page (footnotes), or a note closed by the
 * HTML back-link "↩" anywhere (endnotes, checked against the order of the calls so far).
 * Everything else ("CO2", "H2O", "A4", "m2", "L. 111-2", "1 140") stays as written.
 */
import { normalizeText } from '../normalize.js';

/** A note's first line: "1 Loi n° …", "15. Voir…", "3.DGFIP…", "3La liste…" (number, then its text). */
const NOTE_START_RE = /^(\d{1,3})(?:[.)]\s*|\s+|(?=\p{Lu}\p{Ll}))(?=[\p{L}«"“(])|^(\d{1,3})\.\s+(?=\d)/u;

/**
 * A call candidate: digits glued to a word ending in two lower-case letters, to a closing
 * mark or unit sign, or to a 4-digit year; then a space, punctuation or the line end.
 */
const CALL_RE =
  /(?:(?<![\p{L}\p{N}])(?<word>\p{L}*\p{Ll}{2}|(?:19|20)\d\d)|(?<mark>[)»”%€]))(?<num>\d{1,3})(?=\s?[,.;:!?)»”]|\s|$)/gu;

/** Lower-case unit symbols that take a glued exponent ("km2", "cm3"). */
const UNITS = new Set(['km', 'cm', 'mm', 'dm', 'hm', 'dam', 'ha', 'mmhg']);

/** An endnote call may skip this many numbers (calls glued to acronyms or figures are left alone). */
const MAX_GAP = 12;
/** …and come up to this many numbers late (two-column pages read out of order). */
const BACKTRACK = 3;

/** The number a note's first line starts with, if the line looks like one. */
export function noteNumber(line: string): number | undefined {
  const m = NOTE_START_RE.exec(line);
  return m ? Number(m[1] ?? m[2]) : undefined;
}

/**
 * Per page, the numbers of the notes that end with a "↩" back-link (HTML exports), read from
 * the raw page texts: a note's number opens its first line, the back-link ends its last one.
 * Lines in between may start with a figure too ("… n° 2015-⏎146 du 10 février"), so the
 * note that follows the previous one wins, then the lowest number above it.
 */
export function backlinkNotes(rawPages: readonly string[]): Set<number>[] {
  let closed = 0;
  return rawPages.map((text) => {
    const found = new Set<number>();
    let numbered: number[] = [];
    for (const line of normalizeText(text).split('\n')) {
      const n = noteNumber(line.trim());
      if (n !== undefined) numbered.push(n);
      if (!line.includes('↩') || numbered.length === 0) continue;
      const later = numbered.filter((k) => k > closed);
      const note = numbered.includes(closed + 1) ? closed + 1 : later.length ? Math.min(...later) : (numbered[0] as number);
      found.add(note);
      closed = note;
      numbered = [];
    }
    return found;
  });
}

export interface Call {
  line: number;
  index: number;
  /** Length of the whole match (anchor + digits). */
  length: number;
  anchor: string;
  number: number;
}

/** Call candidates of one line, in order. */
export function callCandidates(line: string, lineIndex = 0): Call[] {
  const calls: Call[] = [];
  for (const m of line.matchAll(CALL_RE)) {
    const anchor = (m.groups?.['word'] ?? m.groups?.['mark']) as string;
    const digits = m.groups?.['num'] as string;
    if (UNITS.has(anchor.toLowerCase())) continue;
    // Inside a web or e-mail address ("…/bootcamp-eig3.html") digits are part of the name.
    const token = line.slice(0, m.index).split(/\s/).pop() ?? '';
    if (/[/@]|www\./i.test(token)) continue;
    // Year-like digits among figures ("20151 €", a table row "167 19673") are one number, not a call.
    const after = line.slice(m.index + m[0].length);
    if (/^\d/.test(anchor) && (/^\s?[\d€%$]/.test(after) || /\d[\s,.]{0,3}$/.test(line.slice(0, m.index)))) continue;
    calls.push({ line: lineIndex, index: m.index, length: m[0].length, anchor, number: Number(digits) });
  }
  return calls;
}

export interface NoteCleanup {
  /** The pages with the accepted calls removed. */
  pages: string[][];
  /** Per page, the lines that start a note (they open a paragraph of their own). */
  noteStarts: Set<string>[];
  /** How many calls were removed. */
  removed: number;
}

/**
 * Remove footnote/endnote calls from the cleaned page lines. `rawPages` is each page's text
 * as extracted (with its "↩" back-links), aligned with `pages`.
 */
export function stripNoteCalls(pages: readonly (readonly string[])[], rawPages: readonly string[]): NoteCleanup {
  const backlinks = backlinkNotes(rawPages);
  const endnotes = new Set(backlinks.flatMap((s) => [...s]));
  let last = 0;
  const used = new Set<number>();
  let removed = 0;
  const noteStarts: Set<string>[] = [];
  const out = pages.map((lines, p) => {
    const candidates = lines.flatMap((line, i) => callCandidates(line, i));
    // A footnote line sits below a call of its number on the same page.
    const onPage = new Set<number>();
    const starts = new Set<string>();
    lines.forEach((line, i) => {
      const n = noteNumber(line);
      if (n === undefined) return;
      if (backlinks[p]?.has(n) || candidates.some((c) => c.number === n && c.line < i)) {
        onPage.add(n);
        starts.add(line);
      }
    });
    const calls = candidates.filter((c) => !starts.has(lines[c.line] as string));
    noteStarts.push(starts);
    const accepted = calls.filter((c) => {
      // Endnote calls come in order, each once; two-column pages may swap a few neighbours.
      const inOrder = !used.has(c.number) && c.number > last - BACKTRACK && c.number <= last + MAX_GAP;
      const ok = onPage.has(c.number) || (endnotes.has(c.number) && inOrder);
      if (ok) {
        last = Math.max(last, c.number);
        used.add(c.number);
      }
      return ok;
    });
    removed += accepted.length;
    return lines.map((line, i) => {
      let text = line;
      // Right to left, so earlier offsets stay valid.
      for (const c of accepted.filter((x) => x.line === i).reverse()) {
        const end = c.index + c.length;
        // "personnes1 ," (pdf.js spaced the superscript out): a comma or period takes no space before it.
        text = text.slice(0, c.index + c.anchor.length) + text.slice(end).replace(/^ (?=[,.)])/u, '');
      }
      return text;
    });
  });
  return { pages: out, noteStarts, removed };
}
