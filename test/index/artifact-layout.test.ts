/**
 * The artifact's load-ready layout (passages one a line, parsed when first read; fact sources
 * without their document's fields; pure ASCII) gives back exactly what was saved, on the real
 * corpus and on odd passages made here.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArtifact, corpusFromArtifact, loadCorpus, readArtifact, saveArtifact } from '../../src/index/artifact.js';
import type { Artifact, IngestedCorpus, LoadedCorpus } from '../../src/index/types.js';
import type { Passage } from '../../src/ingest/types.js';
import { loadQuestions } from '../eval/retrieval-metrics.js';
import { realArtifact } from '../helpers/corpus.js';
import { knowledgeWithAcronym, passage } from './fixtures.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapporteur-layout-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const results = (c: LoadedCorpus, queries: { q: string; lang: 'fr' | 'en' }[]) =>
  queries.map(({ q, lang }) => c.index.search(q, { lang }).map((h) => `${h.passage.id} ${h.score.toFixed(9)} ${h.terms.join(',')}`));

describe('artifact layout on the real corpus', () => {
  let artifact: Artifact;
  let path: string;
  beforeAll(async () => {
    artifact = await realArtifact();
    path = join(dir, 'real.json');
    await saveArtifact(path, artifact);
  }, 600_000);

  it('is pure ASCII, and read whole gives back the same passages and knowledge', async () => {
    const bytes = await readFile(path);
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    const back = await readArtifact(path);
    expect(back.passages).toEqual(artifact.passages);
    expect(back.knowledge).toEqual(artifact.knowledge);
    expect(back.documents).toEqual(artifact.documents);
  });

  it('loaded, gives every passage (last first, so bases are read out of order) and the knowledge as saved', async () => {
    const loaded = await loadCorpus(path);
    expect(loaded.index.passageCount).toBe(artifact.passages.length);
    for (const p of [...artifact.passages].reverse()) expect(loaded.index.passage(p.id)).toEqual(p);
    expect(loaded.index.passage('nope:0')).toBeUndefined();
    expect(loaded.knowledge).toEqual(artifact.knowledge);
    const p = artifact.passages[100] as Passage;
    expect(loaded.index.passage(p.id)).toBe(loaded.index.passage(p.id));
  });

  it('answers every evaluation query as the in-memory index does', async () => {
    const queries = loadQuestions().map(({ q, lang }) => ({ q, lang }));
    const loaded = results(await loadCorpus(path), queries);
    expect(loaded).toEqual(results(corpusFromArtifact(artifact), queries));
    expect(loaded.flat().length).toBeGreaterThan(queries.length * 5);
  });

  it('still loads a file another tool rewrote (UTF-8, no line per passage)', async () => {
    const other = join(dir, 'rewritten.json');
    await writeFile(other, JSON.stringify(JSON.parse(await readFile(path, 'utf8'))), 'utf8');
    const loaded = await loadCorpus(other);
    for (const p of artifact.passages.slice(0, 200)) expect(loaded.index.passage(p.id)).toEqual(p);
    expect(loaded.knowledge).toEqual(artifact.knowledge);
  });
});

/** The file format version 3 wrote. */
function legacyFile(artifact: Artifact): string {
  const shared = ['docId', 'path', 'kind', 'title', 'section', 'page', 'lang', 'date', 'tags'] as const;
  let prev: Passage | undefined;
  const passages = artifact.passages.map((p) => {
    const out: Record<string, unknown> = { ...p };
    if (p.text === p.sentences.join(' ')) delete out.text;
    if (prev?.docId === p.docId) {
      for (const key of shared) {
        if (p[key] === undefined) {
          if (prev[key] !== undefined) out[key] = null;
        } else if (JSON.stringify(p[key]) === JSON.stringify(prev[key])) delete out[key];
      }
    }
    prev = p;
    return out;
  });
  const { format, formatVersion: _current, analyzerVersion, index, passages: _passages, ...rest } = artifact;
  const postings = (index as { postings: unknown }).postings;
  return JSON.stringify({ format, formatVersion: 3, analyzerVersion, ...rest, index: { postings, lexicon: { staticLines: 'x', groups: [] } }, passages });
}

/** Odd passages: fields that come and go within a document, long documents, a document in two runs. */
function oddCorpus(): IngestedCorpus {
  const passages: Passage[] = [];
  for (let i = 0; i < 40; i++) {
    const sentences = [`Phrase ${i} « accentuée » – l’été 😀.`, `Ligne\u2028séparée ${i}.`];
    passages.push(
      passage('', {
        id: `long:${i}`,
        docId: 'long',
        kind: 'report',
        path: 'reports/long.pdf',
        title: 'Un rapport très long',
        sentences,
        section: i % 7 === 3 ? '' : `Section ${Math.floor(i / 5)}`,
        ...(i % 3 ? { page: 1 + Math.floor(i / 4) } : {}),
        ...(i % 11 === 0 ? { tags: ['étiquette', `t${i}`] } : {}),
        ...(i % 13 === 5 ? { date: '2020-01-01' } : {}),
      }),
    );
  }
  passages.push(passage('Ailleurs.', { id: 'other:0', docId: 'other', lang: 'en' }));
  passages.push({ ...passage('Retour au long.', { id: 'long:40', docId: 'long', path: 'reports/long.pdf', title: 'Un rapport très long' }), text: 'autre texte' });
  const documents = ['long', 'other'].map((id) => {
    const p = passages.find((x) => x.docId === id) as Passage;
    return { id, root: 0, path: p.path, kind: p.kind, title: p.title, lang: p.lang, meta: {} };
  });
  const knowledge = knowledgeWithAcronym('RTL', 'Rapport très long');
  const source = (passageId: string, over = {}) => ({ passageId, docId: 'long', path: 'reports/long.pdf', title: 'Un rapport très long', page: 2, snippet: 'Phrase 5', ...over });
  knowledge.acronyms[0]?.sources.push(source('long:5'), source('long:6', { title: 'Autre titre' }), source('long:7', { docId: 'other' }), source('ghost:1', { docId: 'ghost' }));
  return { roots: ['/corpus'], files: [], documents, passages, knowledge, ingestVersion: 'test' };
}

describe('artifact layout on odd passages', () => {
  it('gives back every passage and fact source, whole or loaded', async () => {
    const corpus = oddCorpus();
    const path = join(dir, 'odd.json');
    await saveArtifact(path, buildArtifact(corpus));
    expect((await readArtifact(path)).passages).toEqual(corpus.passages);
    const loaded = await loadCorpus(path);
    for (const i of [39, 17, 16, 15, 0, 41, 40, 33]) expect(loaded.index.passage(corpus.passages[i]?.id as string)).toEqual(corpus.passages[i]);
    expect(loaded.knowledge).toEqual(corpus.knowledge);
    expect(results(loaded, [{ q: 'accentuée séparée', lang: 'fr' }])[0]?.length).toBeGreaterThan(3);
  });

  it('reads the same layout written as UTF-8 (a tool that unescaped it), passages decoded line by line', async () => {
    const corpus = oddCorpus();
    const path = join(dir, 'odd-utf8.json');
    await saveArtifact(path, buildArtifact(corpus));
    const ascii = await readFile(path, 'latin1');
    // Characters past ASCII written as themselves (surrogate halves stay escaped: alone they are not UTF-8).
    const raw = ascii.replace(/\\u([0-9a-f]{4})/g, (e, hex: string) => {
      const code = parseInt(hex, 16);
      return code >= 0x80 && (code < 0xd800 || code > 0xdfff) ? String.fromCharCode(code) : e;
    });
    expect(raw.split('\n').length).toBe(ascii.split('\n').length);
    await writeFile(path, raw, 'utf8');
    const loaded = await loadCorpus(path);
    for (const p of corpus.passages) expect(loaded.index.passage(p.id)).toEqual(p);
    expect(loaded.knowledge).toEqual(corpus.knowledge);
  });

  it('still reads format version 3 (passages inheriting from the one before, lexicon as phrase groups)', async () => {
    const corpus = oddCorpus();
    const artifact = buildArtifact(corpus);
    const path = join(dir, 'v3.json');
    await writeFile(path, legacyFile(artifact), 'utf8');
    expect((await readArtifact(path)).passages).toEqual(corpus.passages);
    const loaded = await loadCorpus(path);
    for (const p of corpus.passages) expect(loaded.index.passage(p.id)).toEqual(p);
    const queries = [{ q: 'accentuée séparée', lang: 'fr' as const }, { q: 'RTL', lang: 'fr' as const }, { q: 'long report', lang: 'en' as const }];
    expect(results(loaded, queries)).toEqual(results(corpusFromArtifact(artifact), queries));
    expect(results(loaded, queries).flat().length).toBeGreaterThan(5);
  });

  it('says what to do when a passage line is damaged', async () => {
    const path = join(dir, 'damaged.json');
    await saveArtifact(path, buildArtifact(oddCorpus()));
    const text = await readFile(path, 'latin1');
    const at = text.indexOf('{"id":"long:20"');
    await writeFile(path, text.slice(0, at + 1) + '#' + text.slice(at + 2), 'latin1');
    const loaded = await loadCorpus(path);
    expect(loaded.index.passage('long:19')?.id).toBe('long:19');
    expect(() => loaded.index.passage('long:20')).toThrow(/damaged passage.*npm run ingest/);
    // The server's loader reads every passage first, so it refuses the file instead of serving it.
    await expect(loadCorpus(path, { verify: true })).rejects.toThrow(/damaged passage.*npm run ingest/);
  });

  it('refuses a passage line that carries another passage’s id, instead of serving it under the wrong one', async () => {
    const path = join(dir, 'swapped.json');
    await saveArtifact(path, buildArtifact(oddCorpus()));
    const text = await readFile(path, 'latin1');
    // Same length, so every other line still reads.
    const at = text.indexOf('{"id":"long:10"');
    await writeFile(path, text.slice(0, at) + '{"id":"long:11"' + text.slice(at + '{"id":"long:10"'.length), 'latin1');
    const loaded = await loadCorpus(path);
    expect(() => loaded.index.passage('long:10')).toThrow(/damaged passage.*id/);
    await expect(loadCorpus(path, { verify: true })).rejects.toThrow(/damaged passage/);
    // An undamaged file passes the check.
    const good = join(dir, 'good.json');
    await saveArtifact(good, buildArtifact(oddCorpus()));
    expect((await loadCorpus(good, { verify: true })).index.passage('long:10')?.id).toBe('long:10');
  });
});
