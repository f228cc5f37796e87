/**
 * File-system side of ingestion: walking corpus folders, reading bytes,
 * hashing them, and sniffing whether the content is what the extension says.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { IngestError } from './errors.js';

export type FileFormat = 'pdf' | 'text';

/** One file met while walking a root. */
export interface CorpusFile {
  /** Index of the root it was found under. */
  root: number;
  /** On-disk absolute path (the real name, which may be NFD). */
  absPath: string;
  /** Relative to the root, POSIX separators, NFC. */
  path: string;
  /** Set for files the pipeline can read. */
  format?: FileFormat;
  /** Why the file is listed but not read (unsupported type, not a regular file…). */
  skipReason?: string;
  /** Why the file could not even be looked at (broken link, permission denied on stat). */
  error?: string;
}

const FORMATS: Record<string, FileFormat> = { '.pdf': 'pdf', '.md': 'text', '.markdown': 'text', '.txt': 'text' };
export const SUPPORTED_EXTENSIONS = Object.keys(FORMATS);

/**
 * Files that are never content and not worth a summary line: dotfiles
 * (.DS_Store, .git), OS/Office droppings, and README files, which document a
 * corpus folder for editors (corpus/reports/README.md says "drop PDFs here").
 */
function isIgnored(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    /^readme(\.[^.]*)?$/i.test(name) ||
    /^(thumbs\.db|desktop\.ini)$/i.test(name)
  );
}

/** Every file under `root`, sorted by NFC path (code-unit order, so identical on every machine). */
export async function listCorpusFiles(root: string, rootIndex: number): Promise<CorpusFile[]> {
  const out: CorpusFile[] = [];
  const visited = new Set<string>([await realpath(root)]);

  async function walk(dir: string, rel: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (isIgnored(entry.name)) continue;
      const absPath = join(dir, entry.name);
      const path = (rel ? `${rel}/${entry.name}` : entry.name).normalize('NFC');
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(absPath);
          isDir = target.isDirectory();
          isFile = target.isFile();
          // Follow a linked folder once: a link back up the tree must not loop.
          if (isDir) {
            const real = await realpath(absPath);
            if (visited.has(real)) continue;
            visited.add(real);
          }
        } catch (err) {
          out.push({ root: rootIndex, absPath, path, error: `cannot read file: broken link (${errorCode(err)})` });
          continue;
        }
      }
      if (isDir) await walk(absPath, path);
      else if (isFile) out.push(classify({ root: rootIndex, absPath, path }));
      else out.push({ root: rootIndex, absPath, path, skipReason: 'not a regular file' });
    }
  }

  await walk(root, '');
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function classify(file: CorpusFile): CorpusFile {
  const ext = extname(file.path).toLowerCase();
  const format = FORMATS[ext];
  if (format) return { ...file, format };
  const type = ext ? `unsupported file type ${ext}` : 'unsupported file type (no extension)';
  return { ...file, skipReason: `${type} (supported: ${SUPPORTED_EXTENSIONS.join(', ')})` };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Short stable id, e.g. for documents: 16 hex digits of sha256. */
export function shortId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Reads a file; turns permission and similar failures into a plain-words `IngestError`. */
export async function readBytes(absPath: string): Promise<Uint8Array> {
  try {
    return await readFile(absPath);
  } catch (err) {
    const code = errorCode(err);
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code;
    throw new IngestError(`cannot read file: ${why}`, 'unreadable');
  }
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
}

const MAGIC: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (Word/OpenDocument file?)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Microsoft Office file (.doc/.xls?)'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF'],
];

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

/** Plain words for what some bytes look like, for "not a PDF (content looks like …)". */
export function describeContent(bytes: Uint8Array): string {
  for (const [magic, what] of MAGIC) if (startsWith(bytes, magic)) return what;
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return 'binary data';
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
  if (/^\s*<(!doctype html|html)/i.test(text)) return 'an HTML page';
  const preview = text.trim().replace(/\s+/g, ' ').slice(0, 30);
  return preview ? `text: "${preview}…"` : 'blank text';
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** Checks that a `.pdf` is a PDF before handing it to the PDF reader. */
export function checkPdf(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new IngestError('empty file (0 bytes)', 'empty');
  // The format allows a little junk before the header; readers accept it within the first KiB.
  const limit = Math.min(bytes.length - PDF_MAGIC.length, 1024);
  for (let i = 0; i <= limit; i++) if (startsWith(bytes, PDF_MAGIC, i)) return;
  throw new IngestError(`not a PDF (content looks like ${describeContent(bytes)})`, 'type-mismatch');
}

/** PDFs end with `%%EOF` (trailing junk allowed); its absence means a cut-off download or copy. */
export function hasPdfEnd(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  return tail.includes('%%EOF');
}

/** Decodes a text file strictly as UTF-8 (BOM stripped), refusing binary content and other encodings. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new IngestError('empty file (0 bytes)', 'empty');
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new IngestError('UTF-16 text: save the file as UTF-8', 'encoding');
  }
  const looks = describeContent(bytes);
  if (!looks.startsWith('text') && looks !== 'an HTML page' && looks !== 'blank text') {
    throw new IngestError(`not a text file (content looks like ${looks})`, 'type-mismatch');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError(`not valid UTF-8 text (${invalidUtf8At(bytes)}): save the file as UTF-8`, 'encoding');
  }
  if (text.includes('\0')) throw new IngestError('not a text file (content looks like binary data)', 'type-mismatch');
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new IngestError('no text (the file holds only blank space)', 'empty');
  return text;
}

/** "line 3, byte 0xE9 (Latin-1 or Windows-1252?)": where strict decoding first fails. */
function invalidUtf8At(bytes: Uint8Array): string {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (!ok) {
      const hex = b.toString(16).toUpperCase().padStart(2, '0');
      const guess = b >= 0x80 ? ' (Latin-1 or Windows-1252?)' : '';
      return `line ${line}, byte 0x${hex}${guess}`;
    }
    if (b === 0x0a) line++;
    i += len;
  }
  return 'invalid byte sequence';
}
