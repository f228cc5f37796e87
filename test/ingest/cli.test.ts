/**
 * `npm run ingest` as an editor runs it (a real process), and the summary wording.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestedCorpus } from '../../src/index/types.js';
import { countFiles, formatProgressLine, formatSummary } from '../../src/ingest/report.js';
import type { FileReport } from '../../src/ingest/types.js';
import { makeTempDir, removeTempDirs, repoRoot, sharedCorpus } from '../helpers/temp-corpus.js';

const TSX = join(repoRoot, 'node_modules', '.bin', 'tsx');
const CLI = join(repoRoot, 'src', 'cli', 'ingest.ts');

function ingest(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(TSX, [CLI, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, RAPPORTEUR_INDEX: '', ...env },
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

let dir: string;
let out: string;

beforeAll(async () => {
  dir = await makeTempDir('rapporteur-cli-');
  out = await makeTempDir('rapporteur-cli-out-');
  await mkdir(join(dir, 'articles'));
  await copyFile(join(sharedCorpus, 'seeds/002_812137fdf5801c18.txt'), join(dir, 'articles/seed.txt'));
  await writeFile(join(dir, 'articles/broken.pdf'), 'not a pdf at all');
});

afterAll(removeTempDirs);

/** Each spawn pays tsx start-up and module loading: generous on a loaded machine. */
const SLOW = 180_000;

describe('npm run ingest', () => {
  it('indexes a folder, prints progress and the per-file summary, writes the artifact', async () => {
    const index = join(out, 'index.json');
    const run = ingest([dir, '--index', index]);
    // Two files are read at once, so a line's number is its turn to finish, in either order.
    expect(run.stderr).toMatch(/\[[12]\/2\] articles\/broken\.pdf … failed: not a PDF \(content looks like text: "not a pdf at all…"\)/);
    expect(run.stderr).toMatch(/\[[12]\/2\] articles\/seed\.txt … indexed, \d+ passages/);
    expect(run.stderr).toContain('[1/2]');
    expect(run.stderr).toContain('[2/2]');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\s+status\s+kind\s+pages\s+passages\s+file — warnings, errors$/m);
    expect(run.stdout).toMatch(/^\s+ok\s+article\s+-\s+\d+\s+articles\/seed\.txt$/m);
    expect(run.stdout).toMatch(/^\s+FAILED\s+report\s+-\s+-\s+articles\/broken\.pdf — error: not a PDF/m);
    expect(run.stdout).toContain('Files: 2 seen, 1 indexed (1 read, 0 reused), 0 skipped, 1 failed');
    expect(run.stdout).toContain(`Index written to ${index}`);
    const artifact = JSON.parse(await readFile(index, 'utf8')) as IngestedCorpus & { format: string };
    expect(artifact.format).toBe('rapporteur-index');
    expect(artifact.files.map((f) => f.path)).toEqual(['articles/broken.pdf', 'articles/seed.txt']);
    expect(artifact.passages.length).toBeGreaterThan(0);

    // Second run: the index path now comes from RAPPORTEUR_INDEX, and the unchanged file is reused.
    const again = ingest([dir], { RAPPORTEUR_INDEX: index });
    expect(again.code).toBe(0);
    const rebuilt = JSON.parse(await readFile(index, 'utf8')) as IngestedCorpus;
    if (rebuilt.ingestVersion === artifact.ingestVersion) {
      expect(again.stdout).toMatch(/^\s+reused\s+article\s+-\s+\d+\s+articles\/seed\.txt$/m);
      expect(again.stdout).toContain('1 indexed (0 read, 1 reused)');
    } else {
      // Someone edited src/ingest between the two runs (shared checkout): then re-reading is right.
      expect(again.stdout).toContain('1 indexed (1 read, 0 reused)');
    }
  }, SLOW);

  it('fails clearly on a folder with nothing indexable and leaves the existing index untouched', async () => {
    const index = join(out, 'kept.json');
    await copyFile(join(out, 'index.json'), index);
    const before = await readFile(index);
    const empty = await makeTempDir('rapporteur-empty-');
    const run = ingest([empty, '--index', index]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/error: nothing to index under .*: no files found\. The index at .* was left unchanged\./);
    expect((await readFile(index)).equals(before)).toBe(true);

    await writeFile(join(empty, 'only-bad.pdf'), '');
    const bad = ingest([empty, '--index', index]);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toContain('error: empty file (0 bytes)');
    expect(bad.stderr).toMatch(/none of the files found could be indexed/);
    expect((await readFile(index)).equals(before)).toBe(true);
  }, SLOW);

  it('reads everything again, with a warning, when the previous index is unreadable', async () => {
    const index = join(out, 'garbled.json');
    await writeFile(index, '{"format": "rapporteur-index", "formatVersion": 1, "roots": [');
    const run = ingest([dir, '--index', index]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: cannot read the previous index at .*garbled\.json \(.*not valid JSON.*\); every file is read again/);
    expect(run.stdout).toContain('1 indexed (1 read, 0 reused)');
    expect((JSON.parse(await readFile(index, 'utf8')) as { format: string }).format).toBe('rapporteur-index');
  }, SLOW);

  it('refuses a missing folder by name, and explains its options', () => {
    const run = ingest([join(dir, 'missing'), '--index', join(out, 'never.json')]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`corpus folder not found: ${join(dir, 'missing')}`);
    expect(existsSync(join(out, 'never.json'))).toBe(false);
    const help = ingest(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: npm run ingest -- \[DIR \.\.\.\] \[--index PATH\]/);
  }, SLOW);
});

describe('summary wording', () => {
  const file = (over: Partial<FileReport>): FileReport => ({
    root: 0, path: 'a.md', kind: 'article', hash: 'h', status: 'indexed', reused: false,
    pages: 0, passages: 3, warnings: [], errors: [], ...over,
  });
  const files = [
    file({ path: 'reports/x.pdf', kind: 'report', pages: 45, passages: 230 }),
    file({ path: 'a.md', reused: true, warnings: ['title taken from the file name'] }),
    file({ path: 'b.docx', kind: 'unknown', status: 'skipped', passages: 0, warnings: ['unsupported file type .docx'] }),
    file({ root: 1, path: 'scan.pdf', kind: 'report', status: 'failed', passages: 0, errors: ['no text layer (scanned image?)'] }),
  ];
  const corpus: IngestedCorpus = {
    roots: ['/c', '/d'], files, documents: [], passages: [],
    knowledge: { administrations: [], defis: [], people: [], acronyms: [] },
  };

  it('one progress line per file', () => {
    expect(formatProgressLine(files[0]!, 12, 81, ['corpus'])).toBe('[12/81] reports/x.pdf … indexed, 45 pages, 230 passages');
    expect(formatProgressLine(files[3]!, 2, 2, ['corpus', '../shared'])).toBe(
      '[2/2] ../shared/scan.pdf … failed: no text layer (scanned image?)',
    );
    expect(formatProgressLine({ ...files[3]!, reused: true }, 2, 2, ['c'])).toBe(
      '[2/2] scan.pdf … failed (unchanged): no text layer (scanned image?)',
    );
    expect(formatProgressLine(files[1]!, 1, 2, ['c'])).toBe(
      '[1/2] a.md … unchanged, reused, 3 passages (warning: title taken from the file name)',
    );
  });

  it('a table per root, then totals', () => {
    const text = formatSummary(corpus, { rootLabels: ['corpus', '../shared'], elapsedMs: 2500, indexPath: 'data/index.json', indexBytes: 2048 });
    const lines = text.split('\n');
    expect(lines).toContain('corpus (3 files)');
    expect(lines).toContain('../shared (1 file)');
    expect(text).toMatch(/^ {2}ok\s+report\s+45\s+230 {2}reports\/x\.pdf$/m);
    expect(text).toMatch(/^ {2}reused\s+article\s+-\s+3 {2}a\.md — warning: title taken from the file name$/m);
    expect(text).toMatch(/^ {2}skipped\s+unknown\s+-\s+- {2}b\.docx — skipped: unsupported file type \.docx$/m);
    expect(text).toMatch(/^ {2}FAILED\s+report\s+-\s+- {2}scan\.pdf — error: no text layer \(scanned image\?\)$/m);
    expect(text).toContain('Files: 4 seen, 2 indexed (1 read, 1 reused), 1 skipped, 1 failed');
    expect(text).toContain('Documents: 0, pages: 45, passages: 0');
    expect(text).toContain('Time: 2.5 s');
    expect(text).toContain('Index written to data/index.json (2.0 KB)');
    expect(countFiles(files)).toEqual({ files: 4, indexed: 2, reused: 1, skipped: 1, failed: 1 });
  });
});
