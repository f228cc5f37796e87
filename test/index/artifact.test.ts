import { mkdtemp, readdir, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../../src/index/analyzer.js';
import { buildArtifact, corpusFromArtifact, FORMAT_VERSION, loadCorpus, readArtifact, recordedAnalyzer, saveArtifact } from '../../src/index/artifact.js';
import type { IngestedCorpus } from '../../src/index/types.js';
import { knowledgeWithAcronym, passage } from './fixtures.js';

const dirs: string[] = [];
const tempDir = async () => {
  const d = await mkdtemp(join(tmpdir(), 'rapporteur-artifact-'));
  dirs.push(d);
  return d;
};
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

function corpus(): IngestedCorpus {
  const passages = [
    passage('L’AFD finance des projets. Elle publie ses données.', {
      docId: 'd1',
      sentences: ['L’AFD finance des projets.', 'Elle publie ses données.'],
      kind: 'report',
      path: 'reports/d1.pdf',
      page: 2,
      title: 'Rapport annuel',
    }),
    passage('Une deuxième page du même rapport.', { docId: 'd1', id: 'd1:1', kind: 'report', path: 'reports/d1.pdf', page: 3, title: 'Rapport annuel' }),
    passage('Sans numéro de page.', { docId: 'd1', id: 'd1:2', kind: 'report', path: 'reports/d1.pdf', title: 'Rapport annuel', section: 'Annexe' }),
    passage('Le ministère de l’Intérieur accueille deux entrepreneurs.', { docId: 'd2', date: '2017-02-20' }),
    passage('La santé publique manque de données.', { docId: 'd3', tags: ['santé', 'données'] }),
  ];
  return {
    roots: ['/corpus'],
    files: [],
    documents: passages.filter((p, i) => passages.findIndex((q) => q.docId === p.docId) === i).map((p) => ({ id: p.docId, root: 0, path: p.path, kind: p.kind, title: p.title, lang: p.lang, meta: {} })),
    passages,
    knowledge: knowledgeWithAcronym('AFD', 'Agence française de développement'),
    ingestVersion: 'test',
  };
}

const QUERIES = ['ministry of the interior', 'agence française de développement', 'sante', 'minstère', 'donn'];
const summary = (c: ReturnType<typeof corpusFromArtifact>) =>
  QUERIES.map((q) => c.index.search(q).map((h) => [h.passage.id, h.score.toFixed(6), h.terms.join(',')]));

describe('artifact', () => {
  it('round-trips through disk with identical search results and passages', async () => {
    const dir = await tempDir();
    const path = join(dir, 'nested', 'index.json');
    const artifact = buildArtifact(corpus());
    await saveArtifact(path, artifact);
    const loaded = await loadCorpus(path);
    expect(summary(loaded)).toEqual(summary(corpusFromArtifact(artifact)));
    expect(summary(loaded).flat().length).toBeGreaterThan(3);
    const back = await readArtifact(path);
    expect(back.passages).toEqual(artifact.passages);
    expect(back.passages[2]?.page).toBeUndefined();
    expect(back.passages[1]?.page).toBe(3);
    expect(back.ingestVersion).toBe('test');
    expect(loaded.documentById.get('d1')?.path).toBe('reports/d1.pdf');
    // Passage text is stored once (as sentences), not twice.
    expect(await readFile(path, 'utf8')).not.toContain('L’AFD finance des projets. Elle publie');
  });

  it('refuses an artifact built by another analyzer, telling to re-run ingestion', async () => {
    const dir = await tempDir();
    const path = join(dir, 'index.json');
    await saveArtifact(path, { ...buildArtifact(corpus()), analyzerVersion: 'older-analyzer' });
    await expect(loadCorpus(path)).rejects.toThrow(/older-analyzer.*npm run ingest/s);
    // Incremental ingestion can still read it.
    expect((await readArtifact(path)).analyzerVersion).toBe('older-analyzer');
    expect(ANALYZER_VERSION).not.toBe('older-analyzer');
  });

  it('tells which analyzer built a file without parsing it, whether the version is written first or last', async () => {
    const dir = await tempDir();
    const path = join(dir, 'index.json');
    await saveArtifact(path, { ...buildArtifact(corpus()), analyzerVersion: 'older-analyzer' });
    expect((await readFile(path, 'utf8')).slice(0, 120)).toContain('"analyzerVersion":"older-analyzer"');
    expect(await recordedAnalyzer(path)).toBe('older-analyzer');
    // Files written before the versions came first: the field is found further on.
    const { analyzerVersion, ...rest } = buildArtifact(corpus());
    await writeFile(path, JSON.stringify({ ...rest, filler: 'x'.repeat(3_000_000), analyzerVersion }));
    expect(await recordedAnalyzer(path)).toBe(ANALYZER_VERSION);
    await writeFile(path, '{"format":"rapporteur-index"}');
    expect(await recordedAnalyzer(path)).toBeUndefined();
  });

  it('refuses older layouts and damaged postings, telling to re-run ingestion', async () => {
    const dir = await tempDir();
    const path = join(dir, 'index.json');
    const artifact = buildArtifact(corpus());
    // Format 1 stored MiniSearch's own JSON.
    await saveArtifact(path, { ...artifact, formatVersion: 1, index: { documentCount: 5, index: [] } });
    await expect(loadCorpus(path)).rejects.toThrow(new RegExp(`format version 1.*reads ${FORMAT_VERSION}.*npm run ingest`, 's'));
    const index = artifact.index as { postings: Record<string, unknown> };
    const postings = index.postings;
    const broken = [
      { ...postings, format: undefined },
      { ...postings, scoring: { ...(postings.scoring as object), k: 2 } },
      { ...postings, postingCount: (postings.postingCount as number) + 1 },
      { ...postings, scores: '' },
    ];
    for (const bad of broken) {
      await saveArtifact(path, { ...artifact, index: { ...index, postings: bad } });
      await expect(loadCorpus(path)).rejects.toThrow(/npm run ingest/);
    }
  });

  it('rejects files that are not an index', async () => {
    const dir = await tempDir();
    const path = join(dir, 'index.json');
    await writeFile(path, '{"hello": 1}');
    await expect(readArtifact(path)).rejects.toThrow(/not a rapporteur index/);
    await writeFile(path, '{"format": "rapporteur-index", "formatVersion": 1, "roots": [');
    await expect(readArtifact(path)).rejects.toThrow(/not valid JSON/);
  });

  it('replaces the file atomically: a failing write keeps the previous index and leaves no temp file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'index.json');
    const first = buildArtifact(corpus());
    await saveArtifact(path, first);
    const before = await readFile(path, 'utf8');
    const bad = { ...buildArtifact(corpus()), files: [{ toJSON: () => { throw new Error('disk full'); } }] };
    await expect(saveArtifact(path, bad as never)).rejects.toThrow('disk full');
    expect(await readFile(path, 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['index.json']);
  });

  it('keeps the previous index when the folder cannot be written', async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere
    const dir = await tempDir();
    const path = join(dir, 'index.json');
    await saveArtifact(path, buildArtifact(corpus()));
    const before = await readFile(path, 'utf8');
    await chmod(dir, 0o500);
    try {
      await expect(saveArtifact(path, buildArtifact(corpus()))).rejects.toThrow();
    } finally {
      await chmod(dir, 0o700);
    }
    expect(await readFile(path, 'utf8')).toBe(before);
  });
});
