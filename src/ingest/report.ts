/**
 * Plain-text rendering of an ingestion run for editors: one progress line per
 * file, then a per-file table and totals. Pure functions (the CLI prints them).
 */
import type { IngestedCorpus } from '../index/types.js';
import type { FileReport } from './types.js';

export interface RunCounts {
  /** Files seen (supported or not). */
  files: number;
  /** Indexed, whether read this time or reused. */
  indexed: number;
  /** Indexed files reused from the previous run. */
  reused: number;
  skipped: number;
  failed: number;
}

export function countFiles(files: FileReport[]): RunCounts {
  const c: RunCounts = { files: files.length, indexed: 0, reused: 0, skipped: 0, failed: 0 };
  for (const f of files) {
    if (f.status === 'indexed') c.indexed++;
    if (f.status === 'indexed' && f.reused) c.reused++;
    if (f.status === 'skipped') c.skipped++;
    if (f.status === 'failed') c.failed++;
  }
  return c;
}

/** "indexed, 45 pages, 230 passages" / "failed: encrypted PDF…" / "skipped: unsupported file type .docx". */
export function describeOutcome(f: FileReport): string {
  if (f.status === 'failed') return `failed${f.reused ? ' (unchanged)' : ''}: ${f.errors.join('; ')}`;
  if (f.status === 'skipped') return `skipped: ${f.warnings.join('; ')}`;
  const parts = [f.reused ? 'unchanged, reused' : 'indexed'];
  if (f.pages) parts.push(plural(f.pages, 'page'));
  parts.push(plural(f.passages, 'passage'));
  const line = parts.join(', ');
  return f.warnings.length ? `${line} (warning: ${f.warnings.join('; ')})` : line;
}

/** "[12/81] reports/x.pdf … indexed, 45 pages, 230 passages" */
export function formatProgressLine(f: FileReport, done: number, total: number, rootLabels: string[]): string {
  return `[${done}/${total}] ${fileLabel(f, rootLabels)} … ${describeOutcome(f)}`;
}

/** Root-prefixed path when several roots were given, the bare path otherwise. */
export function fileLabel(f: FileReport, rootLabels: string[]): string {
  return rootLabels.length > 1 ? joinPath(rootLabels[f.root] ?? `root ${f.root}`, f.path) : f.path;
}

export interface SummaryOptions {
  /** How to show each root (e.g. relative to the working directory). */
  rootLabels: string[];
  elapsedMs: number;
  /** Where the artifact was written; omitted when nothing was written. */
  indexPath?: string;
  indexBytes?: number;
}

const STATUS: Record<FileReport['status'], string> = { indexed: 'ok', skipped: 'skipped', failed: 'FAILED' };

export function formatSummary(corpus: IngestedCorpus, options: SummaryOptions): string {
  const lines: string[] = [];
  const byRoot = new Map<number, FileReport[]>();
  for (const f of corpus.files) byRoot.set(f.root, [...(byRoot.get(f.root) ?? []), f]);
  for (const [root, files] of [...byRoot].sort((a, b) => a[0] - b[0])) {
    lines.push('', `${options.rootLabels[root] ?? `root ${root}`} (${plural(files.length, 'file')})`);
    // Fixed-width columns first and the file last, so that long names never break the alignment.
    lines.push(row(['status '.padEnd(7), 'kind   ', 'pages', 'passages', 'file — warnings, errors']));
    for (const f of files) {
      const note = notes(f);
      lines.push(
        row([
          (f.reused && f.status === 'indexed' ? 'reused' : STATUS[f.status]).padEnd(7),
          f.kind.padEnd(7),
          (f.pages ? String(f.pages) : '-').padStart(5),
          (f.status === 'indexed' ? String(f.passages) : '-').padStart(8),
          note ? `${f.path} — ${note}` : f.path,
        ]),
      );
    }
  }
  if (!corpus.files.length) lines.push('', 'No files found.');

  const c = countFiles(corpus.files);
  const k = corpus.knowledge;
  const pages = corpus.files.reduce((n, f) => n + (f.status === 'indexed' ? f.pages : 0), 0);
  lines.push(
    '',
    `Files: ${c.files} seen, ${c.indexed} indexed (${c.indexed - c.reused} read, ${c.reused} reused), ` +
      `${c.skipped} skipped, ${c.failed} failed`,
    `Documents: ${corpus.documents.length}, pages: ${pages}, passages: ${corpus.passages.length}`,
    `Knowledge: ${plural(k.administrations.length, 'administration')}, ${plural(k.defis.length, 'défi')}, ` +
      `${plural(k.people.length, 'person', 'people')}, ${plural(k.acronyms.length, 'acronym')}`,
    `Time: ${(options.elapsedMs / 1000).toFixed(1)} s`,
  );
  if (options.indexPath) {
    const size = options.indexBytes === undefined ? '' : ` (${formatBytes(options.indexBytes)})`;
    lines.push(`Index written to ${options.indexPath}${size}`);
  }
  return lines.join('\n').replace(/^\n/, '');
}

function notes(f: FileReport): string {
  if (f.status === 'skipped') return `skipped: ${f.warnings.join('; ')}`;
  return [...f.errors.map((e) => `error: ${e}`), ...f.warnings.map((w) => `warning: ${w}`)].join('; ');
}

function row(cells: string[]): string {
  return `  ${cells.join('  ')}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function joinPath(root: string, path: string): string {
  return root.endsWith('/') ? `${root}${path}` : `${root}/${path}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
