/**
 * `npm run ingest -- [DIR ...] [--index PATH] [--full]`: reads every supported file under
 * each DIR (default `corpus`) and atomically replaces the index artifact. Thin on purpose:
 * the work is in src/ingest/pipeline.ts, the wording in src/ingest/report.ts.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { Artifact } from '../index/types.js';
import { fileLabel, formatProgressLine, formatSummary } from '../ingest/report.js';
import type { FileReport } from '../ingest/types.js';

const HELP = `Usage: npm run ingest -- [DIR ...] [--index PATH] [--full]

Reads every .pdf, .md, .markdown and .txt file under each DIR (default: corpus)
and writes the search index to PATH (default: $RAPPORTEUR_INDEX or data/index.json).
Unchanged files are reused from the previous index; deleted files are removed.

Options:
  -i, --index PATH  where to write the index
      --full        read every file again, ignoring the previous index
  -h, --help        show this help`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        index: { type: 'string', short: 'i' },
        full: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    console.error(`error: ${message(err)}\n\n${HELP}`);
    return 2;
  }
  if (args.values.help) {
    console.log(HELP);
    return 0;
  }
  const dirs = args.positionals.length ? args.positionals : ['corpus'];
  const indexPath = args.values.index || process.env['RAPPORTEUR_INDEX'] || 'data/index.json';
  for (const dir of dirs) {
    const info = statSync(dir, { throwIfNoEntry: false });
    if (!info?.isDirectory()) {
      console.error(`error: corpus folder not found: ${dir} (${info ? 'not a folder' : 'no such file or folder'})`);
      return 2;
    }
  }
  // Loaded only now, so that --help and argument errors answer at once.
  const { ingestCorpus } = await import('../ingest/pipeline.js');
  const { buildArtifact, readArtifact, saveArtifact } = await import('../index/artifact.js');
  const roots = dirs.map((d) => resolve(d));
  const rootLabels = roots.map((r) => relative(process.cwd(), r) || '.');
  const previous = args.values.full ? undefined : await loadPrevious(indexPath, readArtifact);

  const started = Date.now();
  const progress = startProgress(rootLabels);
  let corpus;
  try {
    corpus = await ingestCorpus({
      roots,
      ...(previous ? { previous } : {}),
      onStart: progress.start,
      onFile: progress.update,
    });
  } finally {
    progress.stop();
  }
  const elapsedMs = Date.now() - started;

  if (!corpus.files.some((f) => f.status === 'indexed')) {
    console.log(formatSummary(corpus, { rootLabels, elapsedMs }));
    const why = corpus.files.length ? 'none of the files found could be indexed' : 'no files found';
    console.error(
      `\nerror: nothing to index under ${rootLabels.join(', ')}: ${why}. ` +
        (existsSync(indexPath) ? `The index at ${indexPath} was left unchanged.` : 'No index was written.'),
    );
    return 1;
  }
  await saveArtifact(indexPath, buildArtifact(corpus));
  const indexBytes = statSync(indexPath).size;
  console.log(formatSummary(corpus, { rootLabels, elapsedMs: Date.now() - started, indexPath, indexBytes }));
  return 0;
}

/** The previous artifact, for incremental re-runs; an unreadable one only costs a full re-read. */
async function loadPrevious(
  indexPath: string,
  read: (path: string) => Promise<Artifact>,
): Promise<Artifact | undefined> {
  if (!existsSync(indexPath)) return undefined;
  try {
    return await read(indexPath);
  } catch (err) {
    console.error(`warning: cannot read the previous index at ${indexPath} (${message(err)}); every file is read again`);
    return undefined;
  }
}

interface Progress {
  start: (total: number) => void;
  update: (report: FileReport, done: number, total: number) => void;
  stop: () => void;
}

/** A bar on a terminal; one plain line per file otherwise (CI logs, pipes). */
function startProgress(rootLabels: string[]): Progress {
  if (!process.stderr.isTTY) {
    return {
      start: () => undefined,
      update: (report, done, total) => console.error(formatProgressLine(report, done, total, rootLabels)),
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'ingest [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    start: (total) => {
      bar.start(total, 0, { file: '' });
      started = true;
    },
    update: (report, done) => bar.update(done, { file: fileLabel(report, rootLabels).slice(-60) }),
    stop: () => {
      if (started) bar.stop();
    },
  };
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`error: ${message(err)}`);
    process.exitCode = 1;
  },
);
