/**
 * ingestCorpus on a temp copy of real documents: paths and ids, determinism,
 * duplicates, and incremental re-runs (reuse, re-read of a touched file, deletion).
 */
import { appendFile, copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestedCorpus } from '../../src/index/types.js';
import { ingestCorpus } from '../../src/ingest/pipeline.js';
import type { FileReport } from '../../src/ingest/types.js';
import { makeTempDir, removeTempDirs, sharedCorpus } from '../helpers/temp-corpus.js';

const SEEDS = ['000_4f3800689910e9b1.txt', '001_49cd900d56fb780e.txt', '002_812137fdf5801c18.txt', '003_f43580fa98a4e6cb.txt', '004_d48a162532245209.txt'];
const SMALL_REPORT = 'reports/cour-des-comptes/2016-04-14-la-gestion-des-logements-de-fonction-du-ministere-de-l-inter.pdf';
/** "Présentation.md" with a decomposed é, as macOS file systems write it. */
const NFD_NAME = 'Pre\u0301sentation.md';

let root: string;
let first: IngestedCorpus;
let progress: [FileReport, number, number][];
let startedWith: number | undefined;

const report = (c: IngestedCorpus, path: string): FileReport | undefined => c.files.find((f) => f.path === path);

beforeAll(async () => {
  root = await makeTempDir('rapporteur-pipeline-');
  await mkdir(join(root, 'articles'));
  await mkdir(join(root, 'reports'));
  for (const seed of SEEDS) await copyFile(join(sharedCorpus, 'seeds', seed), join(root, 'articles', seed));
  await copyFile(join(sharedCorpus, SMALL_REPORT), join(root, 'reports', 'logements.pdf'));
  await writeFile(
    join(root, 'articles', NFD_NAME),
    '# Présentation\n\nLe programme accueille des équipes pendant dix mois. Chaque équipe relève un défi public.\n',
  );
  await writeFile(join(root, 'reports', 'README.md'), 'Drop reports here.\n');
  await writeFile(join(root, 'reports', 'notes.docx'), 'PK\u0003\u0004 not really a docx');
  await writeFile(join(root, '.DS_Store'), 'junk');
  progress = [];
  // A relative root, as typed on a command line, must be stored absolute.
  first = await ingestCorpus({
    roots: [relative(process.cwd(), root)],
    onStart: (total) => (startedWith ??= progress.length === 0 ? total : -1),
    onFile: (...args) => progress.push(args),
  });
});

afterAll(removeTempDirs);

describe('ingestCorpus: one run', () => {
  it('stores the root absolute and lists every file once, sorted, README and dotfiles left out', () => {
    expect(first.roots).toEqual([root]);
    const paths = first.files.map((f) => f.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toContain('reports/logements.pdf');
    expect(paths).not.toContain('reports/README.md');
    expect(paths).not.toContain('.DS_Store');
    expect(paths).toHaveLength(SEEDS.length + 3);
  });

  it('indexes every good file, with its pages and passages counted', () => {
    for (const seed of SEEDS) {
      const r = report(first, `articles/${seed}`);
      expect(r?.status, seed).toBe('indexed');
      expect(r?.kind).toBe('article');
      expect(r?.passages).toBeGreaterThan(0);
      expect(r?.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    const pdf = report(first, 'reports/logements.pdf');
    expect(pdf).toMatchObject({ status: 'indexed', kind: 'report', reused: false, errors: [] });
    expect(pdf?.pages).toBeGreaterThan(1);
    const fromPdf = first.passages.filter((p) => p.path === 'reports/logements.pdf');
    expect(fromPdf).toHaveLength(pdf!.passages);
    expect(new Set(fromPdf.map((p) => p.page)).size).toBeGreaterThan(1);
  });

  it('lists an unsupported file as skipped, with the reason', () => {
    expect(report(first, 'reports/notes.docx')).toMatchObject({ status: 'skipped', kind: 'unknown' });
    expect(report(first, 'reports/notes.docx')?.warnings.join()).toMatch(/unsupported file type \.docx/);
  });

  it('stores an NFD file name as NFC and still reads the file', () => {
    const nfc = 'articles/Présentation.md';
    expect(nfc).not.toBe(`articles/${NFD_NAME}`);
    expect(report(first, nfc)?.status).toBe('indexed');
    expect(first.documents.find((d) => d.path === nfc)?.title).toBe('Présentation');
    expect(first.files.some((f) => f.path.normalize('NFC') !== f.path)).toBe(false);
  });

  it('gives stable, distinct ids: one per document, WordPress language blocks apart', () => {
    const ids = first.documents.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
    const wp = first.documents.filter((d) => d.path === `articles/${SEEDS[4]}`);
    expect(wp.map((d) => d.lang).sort()).toEqual(['en', 'fr']);
    for (const p of first.passages) expect(first.documents.some((d) => d.id === p.docId && d.path === p.path)).toBe(true);
  });

  it('reports progress once per file, counting up to the total announced first', () => {
    expect(startedWith).toBe(first.files.length);
    expect(progress.map(([, done]) => done)).toEqual(first.files.map((_, i) => i + 1));
    expect(new Set(progress.map(([, , total]) => total))).toEqual(new Set([first.files.length]));
    expect(progress.map(([r]) => r.path).sort()).toEqual(first.files.map((f) => f.path).sort());
  });

  it('is deterministic: a fresh run gives the same documents and passages', async () => {
    const again = await ingestCorpus({ roots: [root] });
    expect(again.documents).toEqual(first.documents);
    expect(again.passages).toEqual(first.passages);
    expect(again.knowledge).toEqual(first.knowledge);
  });

  it('refuses a missing folder with a clear message', async () => {
    await expect(ingestCorpus({ roots: [join(root, 'nope')] })).rejects.toThrow(/corpus folder not found/);
  });
});

describe('ingestCorpus: duplicates across roots', () => {
  it('indexes identical content once and names the original', async () => {
    const other = await makeTempDir('rapporteur-dup-');
    await copyFile(join(sharedCorpus, 'seeds', SEEDS[0]!), join(other, 'copy-of-seed.txt'));
    const run = await ingestCorpus({ roots: [root, other], previous: first });
    const dup = run.files.find((f) => f.root === 1 && f.path === 'copy-of-seed.txt');
    expect(dup?.status).toBe('skipped');
    expect(dup?.warnings.join()).toMatch(new RegExp(`duplicate of .*articles/${SEEDS[0]}`));
    expect(run.documents.filter((d) => d.root === 1)).toEqual([]);
    // Root 0 kept its index, so its files were reused.
    expect(run.files.filter((f) => f.root === 0 && f.status === 'indexed').every((f) => f.reused)).toBe(true);
  });
});

describe('ingestCorpus: incremental re-runs', () => {
  let second: IngestedCorpus;
  const touched = `articles/${SEEDS[1]}`;

  beforeAll(async () => {
    second = await ingestCorpus({ roots: [root], previous: first });
  });

  it('reuses every unchanged file and gives the same result', () => {
    const indexed = second.files.filter((f) => f.status === 'indexed');
    expect(indexed.length).toBeGreaterThan(SEEDS.length);
    expect(indexed.every((f) => f.reused)).toBe(true);
    expect(second.documents).toEqual(first.documents);
    expect(second.passages).toEqual(first.passages);
    expect(second.knowledge).toEqual(first.knowledge);
  });

  it('re-reads only the file that was touched', async () => {
    await appendFile(join(root, touched), '\n\nUn paragraphe ajouté parle de zygomorphes et de rien d’autre.\n');
    const third = await ingestCorpus({ roots: [root], previous: second });
    const reRead = third.files.filter((f) => f.status === 'indexed' && !f.reused).map((f) => f.path);
    expect(reRead).toEqual([touched]);
    expect(report(third, touched)?.hash).not.toBe(report(second, touched)?.hash);
    expect(third.passages.some((p) => p.path === touched && p.text.includes('zygomorphes'))).toBe(true);
    const untouched = (c: IngestedCorpus) => c.passages.filter((p) => p.path !== touched);
    expect(untouched(third)).toEqual(untouched(second));
  });

  it('drops a deleted file: its report, documents, passages and facts', async () => {
    const cited = new Set(
      [...first.knowledge.defis, ...first.knowledge.administrations].flatMap((f) => f.sources.map((s) => s.path)),
    );
    const gone = SEEDS.map((s) => `articles/${s}`).find((p) => cited.has(p) && p !== touched);
    expect(gone, 'some seed should be the source of an extracted fact').toBeDefined();
    const before = await ingestCorpus({ roots: [root], previous: second });
    await rm(join(root, gone!));
    const after = await ingestCorpus({ roots: [root], previous: before });
    expect(report(after, gone!)).toBeUndefined();
    expect(after.documents.some((d) => d.path === gone)).toBe(false);
    expect(after.passages.some((p) => p.path === gone)).toBe(false);
    const facts = [...after.knowledge.defis, ...after.knowledge.administrations, ...after.knowledge.people];
    expect(facts.flatMap((f) => f.sources).some((s) => s.path === gone)).toBe(false);
    expect(after.files.filter((f) => f.status === 'indexed').every((f) => f.reused)).toBe(true);
  });

  it('reads everything again when the previous run came from other ingestion code', async () => {
    const stale = { ...second, ingestVersion: 'some-older-code' };
    const run = await ingestCorpus({ roots: [root], previous: stale });
    expect(run.files.some((f) => f.reused)).toBe(false);
  });
});
