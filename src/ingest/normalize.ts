/**
 * Pure text clean-up shared by the readers (PDF, Markdown, text).
 * Everything here is deterministic and locale-free so the same input always
 * yields the same passages (and so the same index).
 */

/** Typographic ligatures (Alphabetic Presentation Forms) spelled out. NFKC would do this too,
 *  but it also rewrites ², ½, ™… which we want to keep as written. */
const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st', // ſt
  '\uFB06': 'st',
};
const LIGATURE_RE = /[\uFB00-\uFB06]/g;

/** Zero-width and invisible formatting characters (ZWSP, ZWNJ, ZWJ, LRM, RLM, word joiner, BOM). */
const INVISIBLE_RE = /[\u200B-\u200F\u2060\uFEFF]/g;

/** C0 and C1 control characters other than tab, line feed and carriage return (PDF icon glyphs map to NUL). */
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Spaces other than U+0020: NBSP, narrow NBSP (French ; : ! ?), en/em/thin/hair spaces, ideographic. */
const ODD_SPACE_RE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/** Hyphen look-alikes that mean a plain hyphen in running text (U+2010 hyphen, U+2011 non-breaking hyphen). */
const HYPHEN_RE = /[\u2010\u2011]/g;

/** Unicode NFC (NFD input from macOS file systems or some PDF producers comes out composed). */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** File names: NFC only (a file name's spelling is otherwise kept as is). */
export function normalizeFileName(name: string): string {
  return nfc(name);
}

/** Spell out typographic ligatures (ﬁ → fi, ﬃ → ffi…). */
export function expandLigatures(text: string): string {
  return text.replace(LIGATURE_RE, (ch) => LIGATURES[ch] ?? ch);
}

/**
 * Soft hyphens (U+00AD) are invisible break hints: one at a line end means the word
 * continues on the next line (so the line break goes too); anywhere else it is dropped.
 */
export function removeSoftHyphens(text: string): string {
  return text.replace(/\u00AD[ \t]*\r?\n[ \t]*/g, '').replace(/\u00AD/g, '');
}

/** Drop zero-width characters (they split words for search and quoting) and control characters. */
export function removeInvisibles(text: string): string {
  return text.replace(INVISIBLE_RE, '').replace(CONTROL_RE, '');
}

/** Non-breaking and typographic spaces become plain spaces; tabs and newlines are left alone. */
export function normalizeSpaces(text: string): string {
  return text.replace(ODD_SPACE_RE, ' ');
}

/** U+2010/U+2011 hyphens become '-', so "elles‑mêmes" matches "elles-mêmes". */
export function normalizeHyphens(text: string): string {
  return text.replace(HYPHEN_RE, '-');
}

/**
 * The common clean-up every reader applies to raw text: NFC, ligatures, soft hyphens,
 * invisible characters, odd spaces and hyphens. Line structure is preserved
 * (except soft-hyphenated line ends, which are joined).
 */
export function normalizeText(text: string): string {
  let out = nfc(text);
  out = removeSoftHyphens(out);
  out = removeInvisibles(out);
  out = expandLigatures(out);
  out = normalizeSpaces(out);
  out = normalizeHyphens(out);
  out = out.replace(/\r\n?/g, '\n');
  // NFC again: ligature expansion and removals can leave a base letter next to a combining mark.
  return nfc(out);
}

/** Collapse runs of whitespace (tabs and newlines included) into single spaces and trim. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
