/**
 * Ingestion pipeline: corpus folders → documents, passages, knowledge, and one
 * report per file. A bad file never stops the others; unchanged files (same
 * root, path and sha256) reuse the previous run's documents and passages.
 */
import { stat } from 'node:fs/promises';
import { basename, extname, relative, resolve } from 'node:path';
import type { Artifact, IngestedCorpus } from '../index/types.js';
import type { RawDocument } from './blocks.js';
import { IngestError } from './errors.js';
import { checkPdf, decodeText, hasPdfEnd, listCorpusFiles, readBytes, sha256, shortId, type CorpusFile } from './files.js';
import { ingestFingerprint } from './fingerprint.js';
import { extractKnowledge } from './knowledge/index.js';
import { readText } from './markdown.js';
import { readPdf } from './pdf.js';
import { segmentDocument } from './segment.js';
import type { Document, FileReport, Passage } from './types.js';

export interface IngestOptions {
  /** Corpus folders; stored resolved to absolute paths, in the order given. */
  roots: string[];
  /** The previous run's result, for incremental re-runs. */
  previous?: Artifact | IngestedCorpus;
  /** Called once the files are listed, before any is read. */
  onStart?: (total: number) => void;
  /** Called once per file as soon as its report is final (in completion order). */
  onFile?: (report: FileReport, done: number, total: number) => void;
  /** Files read at the same time (PDF parsing is CPU-bound; default 2). */
  concurrency?: number;
}

interface FileResult {
  report: FileReport;
  documents: Document[];
  passages: Passage[];
}

/** Previous results by `${absRoot}\0${path}`, usable only while the reader code is unchanged. */
type Previous = Map<string, FileResult>;

export async function ingestCorpus(options: IngestOptions): Promise<IngestedCorpus> {
  const roots = options.roots.map((r) => resolve(r));
  for (const root of roots) {
    const info = await stat(root).catch(() => undefined);
    if (!info?.isDirectory()) throw new Error(`corpus folder not found: ${root}`);
  }
  const version = await ingestFingerprint();
  const previous = indexPrevious(options.previous, version);
  const files = (await Promise.all(roots.map((root, i) => listCorpusFiles(root, i)))).flat();

  // Identical content under two names (or two roots) is indexed once, the first in order.
  const hashes = await mapPool(files, 4, async (f) => (f.format && !f.error ? hashOf(f) : undefined));
  const firstByHash = new Map<string, CorpusFile>();
  const firstByPath = new Map<string, CorpusFile>();

  options.onStart?.(files.length);
  let done = 0;
  const finish = (result: FileResult): FileResult => {
    options.onFile?.(result.report, ++done, files.length);
    return result;
  };

  const results = await mapPool(files, Math.max(1, options.concurrency ?? 2), async (file, i) => {
    const clash = firstByPath.get(`${file.root}\0${file.path}`);
    if (clash) return finish(skipped(file, `same name as ${clash.path} once Unicode-normalised`));
    firstByPath.set(`${file.root}\0${file.path}`, file);
    const hash = hashes[i];
    if (hash) {
      const first = firstByHash.get(hash);
      if (first) return finish(skipped(file, `duplicate of ${displayPath(first, roots)} (same content)`, hash));
      firstByHash.set(hash, file);
    }
    return finish(await ingestFile(file, roots, previous));
  });

  const documents = results.flatMap((r) => r.documents);
  const passages = results.flatMap((r) => r.passages);
  const knowledge = extractKnowledge(documents, passages);
  return { roots, files: results.map((r) => r.report), documents, passages, knowledge, ingestVersion: version };
}

async function ingestFile(file: CorpusFile, roots: string[], previous: Previous): Promise<FileResult> {
  const report: FileReport = {
    root: file.root,
    path: file.path,
    kind: file.format === 'pdf' ? 'report' : file.format === 'text' ? 'article' : 'unknown',
    hash: '',
    status: 'failed',
    reused: false,
    pages: 0,
    passages: 0,
    warnings: [],
    errors: [],
  };
  if (file.skipReason) return { report: { ...report, status: 'skipped', warnings: [file.skipReason] }, documents: [], passages: [] };
  try {
    if (file.error) throw new IngestError(file.error, 'unreadable');
    const bytes = await readBytes(file.absPath);
    report.hash = sha256(bytes);
    const old = previous.get(`${roots[file.root]}\0${file.path}`);
    if (old && old.report.hash === report.hash && old.report.root === file.root) {
      return { ...old, report: { ...old.report, reused: true } };
    }
    const raws = await read(file, bytes);
    const documents: Document[] = [];
    const passages: Passage[] = [];
    for (const raw of raws) {
      const key = `${file.root}:${file.path}${raw.langSuffix ? `#${raw.langSuffix}` : ''}`;
      const seg = segmentDocument(raw, { docId: shortId(key), path: file.path, root: file.root });
      documents.push(seg.document);
      passages.push(...seg.passages);
      report.pages += raw.pages ?? 0;
    }
    report.passages = passages.length;
    report.warnings.push(...warningsFor(file, raws, passages));
    // pdf.js recovers what it can from a cut-off file: index it, but say the end is missing.
    if (file.format === 'pdf' && !hasPdfEnd(bytes)) {
      const read = report.pages === 1 ? '1 page' : `${report.pages} pages`;
      report.warnings.push(`no end-of-file marker: the PDF may be truncated (${read} read)`);
    }
    report.status = 'indexed';
    return { report, documents, passages };
  } catch (err) {
    report.errors.push(errorMessage(err));
    return { report, documents: [], passages: [] };
  }
}

async function read(file: CorpusFile, bytes: Uint8Array): Promise<RawDocument[]> {
  const name = basename(file.path);
  if (file.format === 'pdf') {
    checkPdf(bytes);
    return [await readPdf(bytes, name)];
  }
  return readText(decodeText(bytes), name);
}

/** Things an editor may want to fix, though the file was indexed. */
function warningsFor(file: CorpusFile, raws: RawDocument[], passages: Passage[]): string[] {
  const warnings: string[] = [];
  if (raws.length === 0 || passages.length === 0) warnings.push('no passages extracted (no body text?)');
  const stem = basename(file.path, extname(file.path)).normalize('NFC');
  if (raws.some((r) => r.title.normalize('NFC') === stem)) warnings.push('title taken from the file name');
  return warnings;
}

function errorMessage(err: unknown): string {
  if (err instanceof IngestError) return err.message;
  // Anything else is a bug of ours or of a parser: say so, so it is not mistaken for a bad file.
  const msg = err instanceof Error ? err.message : String(err);
  return `unexpected error while reading: ${msg.split('\n')[0]}`;
}

function skipped(file: CorpusFile, reason: string, hash = ''): FileResult {
  const kind = file.format === 'pdf' ? 'report' : file.format === 'text' ? 'article' : 'unknown';
  const report: FileReport = {
    root: file.root, path: file.path, kind, hash, status: 'skipped', reused: false,
    pages: 0, passages: 0, warnings: [reason], errors: [],
  };
  return { report, documents: [], passages: [] };
}

async function hashOf(file: CorpusFile): Promise<string | undefined> {
  try {
    const bytes = await readBytes(file.absPath);
    return bytes.length ? sha256(bytes) : undefined; // empty files are errors, not duplicates
  } catch {
    return undefined; // reported when the file itself is read
  }
}

/** The file as an editor would type it: relative to the working directory when several roots are read. */
function displayPath(file: CorpusFile, roots: string[]): string {
  if (roots.length === 1) return file.path;
  return `${relative(process.cwd(), roots[file.root]!) || '.'}/${file.path}`;
}

/** Regroups the previous run's read files (indexed or failed) with their documents and passages. */
function indexPrevious(previous: Artifact | IngestedCorpus | undefined, version: string): Previous {
  const map: Previous = new Map();
  if (!previous || previous.ingestVersion !== version) return map;
  const docsByFile = new Map<string, Document[]>();
  for (const doc of previous.documents) {
    const key = `${doc.root}\0${doc.path}`;
    docsByFile.set(key, [...(docsByFile.get(key) ?? []), doc]);
  }
  const passagesByDoc = new Map<string, Passage[]>();
  for (const p of previous.passages) passagesByDoc.set(p.docId, [...(passagesByDoc.get(p.docId) ?? []), p]);
  for (const report of previous.files) {
    const root = previous.roots[report.root];
    // A failure is reused too: the same bytes read by the same code fail the same way, and
    // retrying a scanned PDF on every run would cost the PDF reader's start-up for nothing.
    if (report.status === 'skipped' || !report.hash || root === undefined) continue;
    const documents = docsByFile.get(`${report.root}\0${report.path}`) ?? [];
    const passages = documents.flatMap((d) => passagesByDoc.get(d.id) ?? []);
    map.set(`${root}\0${report.path}`, { report, documents, passages });
  }
  return map;
}

/** Maps with at most `limit` calls in flight; results keep the input order. */
async function mapPool<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
