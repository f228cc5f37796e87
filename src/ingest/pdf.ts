/**
 * PDF reader: bytes → RawDocument (kind 'report'), page by page.
 *
 * pdf-parse (pdf.js) gives each page's text lines in content order; we normalise them
 * (NFC, ligatures, odd spaces), drop running headers/footers and page numbers, rejoin
 * hyphenated line ends, take out footnote calls glued to words, and cut the lines into headings
 * and paragraphs that keep their page (a sentence cut by a page break stays on its first page).
 * Every failure becomes an IngestError with a one-line message for the editor.
 */
import { PDFParse } from 'pdf-parse';
import type { RawDocument } from './blocks.js';
import { IngestError } from './errors.js';
import { normalizeText } from './normalize.js';
import { coverTitle } from './pdf/cover.js';
import { buildHyphenContext } from './pdf/hyphenation.js';
import { linesToBlocks } from './pdf/layout.js';
import { fileNameDate, fileStem, meaningfulTitle, pdfDateToIso, pdfMetadata, titleFromText } from './pdf/meta.js';
import { stripNoteCalls } from './pdf/notes.js';
import { removeRunningLines } from './pdf/running.js';

/** What `readPdf` returns (a RawDocument with `pages` always set). */
export type PdfRead = RawDocument & { pages: number };

/** pdf.js verbosity: errors only (its warnings go to stdout and would garble progress bars). */
const QUIET = 0;

/** Average non-space characters per page below which a PDF is taken as scanned images. */
const MIN_CHARS_PER_PAGE = 5;

/** Characters a page needs to count as having a text layer (a lone page number does not). */
const MIN_TEXT_PAGE_CHARS = 20;

interface Extracted {
  info: unknown;
  pages: string[];
  /** Page 1's text in its largest font, when readable. */
  cover?: string;
}

/** Run pdf.js on a private copy of the bytes (it may detach the buffer it is given). */
async function extract(bytes: Uint8Array): Promise<Extracted> {
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: QUIET, stopAtErrors: false });
  try {
    const text = await parser.getText({ pageJoiner: '' });
    // Metadata is a bonus: a damaged outline or info dictionary must not cost us the text.
    const info = await parser.getInfo().catch(() => ({ info: undefined }));
    const pages: string[] = [];
    for (const page of text.pages) pages[page.num - 1] = page.text;
    for (let i = 0; i < text.total; i++) pages[i] ??= '';
    const cover = await coverTitle(parser);
    return cover ? { info: info.info, pages, cover } : { info: info.info, pages };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

function hasEofMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  return tail.includes('%%EOF');
}

/** Translate pdf.js exceptions into editor-facing errors. */
function toIngestError(error: unknown, bytes: Uint8Array): IngestError {
  if (error instanceof IngestError) return error;
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return new IngestError('encrypted PDF (password required); not indexed', 'encrypted');
  }
  if (!hasEofMarker(bytes)) {
    return new IngestError(`truncated PDF (no end-of-file marker): ${detail}`, 'corrupt');
  }
  return new IngestError(`corrupt PDF: ${detail}`, 'corrupt');
}

/**
 * Split a page's raw text into normalised, non-empty lines. Symbol-font glyphs (private-use
 * code points) are bullets at a line start and meaningless elsewhere; "↩" is an HTML
 * footnote's back-link.
 */
export function pageLines(text: string): string[] {
  return normalizeText(text)
    .split('\n')
    .map((line) =>
      line
        .replace(/^[ \t]*[\uE000-\uF8FF]+[ \t]*/u, '• ')
        .replace(/[\uE000-\uF8FF]/gu, '')
        .replace(/\s*↩\s*/g, ' ')
        .replace(/[ \t]+$/, '')
        .replace(/^[ \t]+/, ''),
    )
    .filter((line) => /\S/.test(line))
    .reduce<string[]>((out, line) => {
      // A bullet alone on its line belongs to the text on the next one.
      if (out[out.length - 1] === '•') out[out.length - 1] = `• ${line.replace(/^•\s*/, '')}`;
      else out.push(line);
      return out;
    }, []);
}

/**
 * Read a PDF report. Throws `IngestError` (reason `empty`, `corrupt`, `encrypted` or `scanned`)
 * when the file cannot give indexable text.
 */
export async function readPdf(bytes: Uint8Array, fileName: string): Promise<PdfRead> {
  if (bytes.length === 0) throw new IngestError('empty file (0 bytes); not indexed', 'empty');
  if (!hasPdfHeader(bytes)) {
    throw new IngestError('not a PDF: no %PDF header (damaged, or another kind of file named .pdf)', 'corrupt');
  }
  let extracted: Extracted;
  try {
    extracted = await extract(bytes);
  } catch (error) {
    throw toIngestError(error, bytes);
  }
  const pageCount = extracted.pages.length;
  if (pageCount === 0) throw new IngestError('PDF has no pages; not indexed', 'empty');

  const raw = extracted.pages.map(pageLines);
  const counts = raw.map((lines) => lines.join('').replace(/\s/g, '').length);
  const chars = counts.reduce((a, b) => a + b, 0);
  if (chars < pageCount * MIN_CHARS_PER_PAGE) {
    throw new IngestError(
      `no text layer (scanned image?): ${pageCount} page${pageCount > 1 ? 's' : ''}, ${chars} characters of text; not indexed`,
      'scanned',
    );
  }
  // A scan with a typed cover page: indexing the cover alone would pass the report off as read.
  const textPages = counts.filter((n) => n >= MIN_TEXT_PAGE_CHARS).length;
  if (pageCount >= 5 && textPages < pageCount * 0.2) {
    throw new IngestError(
      `mostly scanned: only ${textPages} of ${pageCount} pages have a text layer; not indexed`,
      'scanned',
    );
  }

  const { pages, noteStarts } = stripNoteCalls(removeRunningLines(raw), extracted.pages);
  const blocks = linesToBlocks(pages, buildHyphenContext(pages), noteStarts);
  const meta = pdfMetadata(extracted.info);
  const metaTitle = typeof meta['Title'] === 'string' ? meta['Title'] : undefined;
  const opening = pages.slice(0, 2).flat().join(' ');
  const title =
    meaningfulTitle(metaTitle, opening) ?? extracted.cover ?? titleFromText(blocks, pages[0] ?? []) ?? fileStem(fileName);
  const created = typeof meta['CreationDate'] === 'string' ? pdfDateToIso(meta['CreationDate']) : undefined;
  const date = fileNameDate(normalizeText(fileName)) ?? created;

  const doc: PdfRead = { kind: 'report', title: normalizeText(title), meta, pages: pageCount, blocks };
  if (date) doc.date = date;
  return doc;
}
