/**
 * Bad input, made here in a temp dir beside two real files: every bad file gets
 * one clear line in the summary, and every good file is still indexed.
 */
import { chmod, copyFile, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestedCorpus } from '../../src/index/types.js';
import { ingestCorpus } from '../../src/ingest/pipeline.js';
import { formatSummary } from '../../src/ingest/report.js';
import { minimalPdf, noiseBytes } from '../helpers/pdf-bytes.js';
import { makeTempDir, removeTempDirs, runningAsRoot, sharedCorpus } from '../helpers/temp-corpus.js';

const GOOD_PDF = join(sharedCorpus, 'reports/cour-des-comptes/2016-04-14-la-gestion-des-logements-de-fonction-du-ministere-de-l-inter.pdf');
const SCANNED_PDF = join(sharedCorpus, 'reports/eig/SequoiaCGDD_MappingBesoins_2020.pdf');
const SEED = join(sharedCorpus, 'seeds/000_4f3800689910e9b1.txt');

/** Each bad file and what its single error must say. */
const BAD: Record<string, RegExp> = {
  'reports/random.pdf': /^not a PDF \(content looks like binary data\)/,
  'reports/corrupt.pdf': /corrupt PDF|truncated PDF/,
  'reports/truncated.pdf': /truncated PDF/,
  'reports/encrypted.pdf': /^encrypted PDF \(password required\)/,
  'reports/empty.pdf': /^empty file \(0 bytes\)/,
  'reports/really-text.pdf': /^not a PDF \(content looks like text: "Ceci n’est pas un PDF/,
  'reports/scan.pdf': /^no text layer \(scanned image\?\)/,
  'articles/empty.md': /^empty file \(0 bytes\)/,
  'articles/blank.md': /^no text/,
  'articles/really-png.txt': /^not a text file \(content looks like a PNG image\)/,
  'articles/latin1.txt': /^not valid UTF-8 text \(line 3, byte 0xE9 \(Latin-1 or Windows-1252\?\)\): save the file as UTF-8/,
  'articles/utf16.md': /^UTF-16 text: save the file as UTF-8/,
  'articles/bad-front-matter.md': /front matter/i,
  'articles/dangling.md': /^cannot read file: broken link/,
};
const GOOD = ['reports/good.pdf', 'reports/tiny.pdf', 'reports/cut-short.pdf', 'articles/seed.txt', 'articles/bom.md', 'articles/locked.md'];

let root: string;
let corpus: IngestedCorpus;
let summary: string;

beforeAll(async () => {
  root = await makeTempDir('rapporteur-bad-');
  const at = (p: string) => join(root, p);
  await mkdir(at('reports'));
  await mkdir(at('articles'));
  const good = await readFile(GOOD_PDF);
  await copyFile(GOOD_PDF, at('reports/good.pdf'));
  await copyFile(SCANNED_PDF, at('reports/scan.pdf'));
  await copyFile(SEED, at('articles/seed.txt'));
  await writeFile(at('reports/tiny.pdf'), minimalPdf(['Un petit rapport fabrique pour le test, avec une phrase complete.']));
  const tiny = minimalPdf(['Un rapport dont la fin manque, mais dont le texte reste lisible en entier.']);
  await writeFile(at('reports/cut-short.pdf'), tiny.subarray(0, tiny.length - '%%EOF\n'.length));
  await writeFile(at('reports/random.pdf'), noiseBytes(4096));
  await writeFile(at('reports/corrupt.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), noiseBytes(4096, 7)]));
  await writeFile(at('reports/truncated.pdf'), good.subarray(0, Math.floor(good.length / 2)));
  await writeFile(at('reports/encrypted.pdf'), minimalPdf(['Texte secret du rapport.'], { encrypted: true }));
  await writeFile(at('reports/empty.pdf'), '');
  await writeFile(at('reports/really-text.pdf'), 'Ceci n’est pas un PDF mais un texte enregistré avec la mauvaise extension.\n');
  await writeFile(at('reports/notes.docx'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), noiseBytes(64)]));
  await writeFile(at('articles/empty.md'), '');
  await writeFile(at('articles/blank.md'), '\n   \n\t\n');
  await writeFile(at('articles/really-png.txt'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noiseBytes(256)]));
  await writeFile(at('articles/latin1.txt'), Buffer.from('Titre\n\nUn texte enregistr\u00e9 en Latin-1, pas en UTF-8.\n', 'latin1'));
  await writeFile(at('articles/utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Titre\n\nTexte.\n', 'utf16le')]));
  await writeFile(at('articles/bad-front-matter.md'), '---\ntitle: [pas fermé\ndate: 2019-01-01\n---\n\nLe corps du texte est correct.\n');
  await writeFile(at('articles/bom.md'), '\uFEFF---\ntitle: Un article avec BOM\n---\n\nLe texte commence après une marque d’ordre des octets.\n');
  await writeFile(at('articles/locked.md'), '# Fichier verrouillé\n\nPersonne ne devrait pouvoir lire ce fichier.\n');
  await chmod(at('articles/locked.md'), 0o000);
  await symlink(at('articles/no-such-file.md'), at('articles/dangling.md'));
  await writeFile(at('reports/README.md'), 'Drop reports here.\n');
  corpus = await ingestCorpus({ roots: [root] });
  summary = formatSummary(corpus, { rootLabels: [root], elapsedMs: 1234 });
});

afterAll(async () => {
  await chmod(join(root, 'articles/locked.md'), 0o644).catch(() => undefined);
  await removeTempDirs();
});

const fileReport = (path: string) => corpus.files.find((f) => f.path === path);
const summaryLines = (path: string) => summary.split('\n').filter((l) => l.includes(` ${path} `));

describe('bad files', () => {
  it.each(Object.entries(BAD))('%s fails with one clear error and one summary line', (path, message) => {
    const r = fileReport(path);
    expect(r?.status).toBe('failed');
    expect(r?.errors).toHaveLength(1);
    expect(r?.errors[0]).toMatch(message);
    expect(r?.passages).toBe(0);
    const lines = summaryLines(path);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\s+FAILED\s/);
    expect(lines[0]).toContain(`error: ${r?.errors[0]}`);
    expect(corpus.documents.some((d) => d.path === path)).toBe(false);
  });

  it('a second run reuses the failures of unchanged files and reports them just the same', async () => {
    const again = await ingestCorpus({ roots: [root], previous: corpus });
    for (const path of Object.keys(BAD)) {
      const r = again.files.find((f) => f.path === path);
      expect(r?.status, path).toBe('failed');
      expect(r?.errors, path).toEqual(fileReport(path)?.errors);
      // A broken link has no content to hash: it is looked at again.
      expect(r?.reused, path).toBe(path !== 'articles/dangling.md');
    }
    const text = formatSummary(again, { rootLabels: [root], elapsedMs: 1 });
    expect(text.split('\n').filter((l) => l.includes(' reports/scan.pdf '))).toEqual([
      expect.stringMatching(/^\s+FAILED\s.*— error: no text layer/),
    ]);
  });

  it('the scanned PDF is reported, not silently indexed as empty', () => {
    expect(fileReport('reports/scan.pdf')?.kind).toBe('report');
    expect(corpus.passages.some((p) => p.path === 'reports/scan.pdf')).toBe(false);
  });

  it('an unsupported file is listed as skipped with its type', () => {
    expect(fileReport('reports/notes.docx')?.status).toBe('skipped');
    expect(summaryLines('reports/notes.docx')[0]).toMatch(/skipped: unsupported file type \.docx/);
  });

  it('an unreadable file fails with "permission denied" (unless running as root)', () => {
    const r = fileReport('articles/locked.md');
    // Root reads files whatever their mode, so chmod 000 cannot make one unreadable there:
    // the dangling link above covers the unreadable path in that case.
    if (runningAsRoot) expect(r?.status).toBe('indexed');
    else expect(r).toMatchObject({ status: 'failed', errors: ['cannot read file: permission denied'] });
  });

  it('the folder README is documentation, not content', () => {
    expect(fileReport('reports/README.md')).toBeUndefined();
  });
});

describe('good files beside them', () => {
  it.each(GOOD.filter((p) => p !== 'articles/locked.md' || runningAsRoot))('%s is indexed', (path) => {
    const r = fileReport(path);
    expect(r?.status).toBe('indexed');
    expect(r?.errors).toEqual([]);
    expect(r?.passages).toBeGreaterThan(0);
    expect(corpus.passages.filter((p) => p.path === path)).toHaveLength(r!.passages);
  });

  it('a PDF read in full but missing its end marker is indexed with a warning', () => {
    expect(fileReport('reports/cut-short.pdf')?.warnings).toEqual([
      'no end-of-file marker: the PDF may be truncated (1 page read)',
    ]);
    expect(summaryLines('reports/cut-short.pdf')[0]).toMatch(/^\s+ok\s.*— warning: no end-of-file marker/);
    expect(fileReport('reports/good.pdf')?.warnings).toEqual([]);
  });

  it('a UTF-8 byte-order mark does not hide the front matter', () => {
    const doc = corpus.documents.find((d) => d.path === 'articles/bom.md');
    expect(doc?.title).toBe('Un article avec BOM');
    expect(corpus.passages.some((p) => p.path === 'articles/bom.md' && p.text.includes('\uFEFF'))).toBe(false);
  });

  it('the summary totals count them', () => {
    const indexed = GOOD.length - (runningAsRoot ? 0 : 1);
    const failed = Object.keys(BAD).length + (runningAsRoot ? 0 : 1);
    expect(summary).toContain(`Files: ${indexed + failed + 1} seen, ${indexed} indexed (${indexed} read, 0 reused), 1 skipped, ${failed} failed`);
  });
});
