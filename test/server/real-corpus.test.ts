/**
 * The real server, the real bot and the real index: the seed corpus for the
 * happy path, then the whole shared corpus (PDFs) swapped in under load.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Logger } from '../../src/server/logging.js';
import { loadBot } from '../../src/server/load-bot.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { warmUp, warmUpQuestions } from '../../src/server/warm-up.js';
import { warmQueries } from '../../src/index/warm-queries.js';
import { corpusRoots, realArtifactPath, repoRoot } from '../helpers/corpus.js';
import { checkSchema } from './schema-check.js';
import { connect, getJson, postJson, widgetDir, writeAtomic } from './harness.js';

const TOKEN = 'real-token';
const auth = { authorization: `Bearer ${TOKEN}` };
const seedsRoot = join(repoRoot, 'corpus');
const seedFiles = new Set(readdirSync(join(seedsRoot, 'articles')).map((f) => `articles/${f}`));
const QUESTION = "Quels défis le ministère de l'Intérieur a-t-il proposés ?";

interface Source {
  path: string;
  page?: number;
  url?: string;
  snippet: string;
}

let server: RunningServer;
let indexPath: string;
let fullIndex: string;
const logs: Record<string, unknown>[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-real-'));
  indexPath = join(dir, 'index.json');
  copyFileSync(await realArtifactPath([seedsRoot]), indexPath);
  // The whole corpus (PDFs) is ingested once and cached for every test that needs it: slow on a cold cache.
  fullIndex = await realArtifactPath(corpusRoots);
  server = await startServer({
    indexPath,
    loader: loadBot,
    widgetDir,
    port: 0,
    adminToken: TOKEN,
    httpRateLimit: null,
    watch: false,
    logger: new Logger((line) => logs.push(JSON.parse(line) as Record<string, unknown>)),
  });
  const ready = await server.ready;
  expect(ready.ok).toBe(true);
}, 300_000);
afterAll(() => server?.close());

const ask = (body: Record<string, unknown>) => postJson(`${server.url}/api/answer`, body);

describe('the real bot over the seed corpus', () => {
  it('answers the défis question over HTTP, citing the seed files with working links', async () => {
    const r = await ask({ question: QUESTION });
    expect(r.status).toBe(200);
    expect(r.body.kind).not.toBe('fallback');
    expect(r.body.lang).toBe('fr');
    expect(String(r.body.answer)).toMatch(/Intérieur/i);
    const sources = r.body.sources as Source[];
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) {
      expect(seedFiles.has(s.path)).toBe(true);
      expect(s.url).toBe(`/corpus/${s.path}`);
      const file = await fetch(`${server.url}${s.url}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      await file.arrayBuffer();
    }
    const { body: doc } = await getJson(`${server.url}/api/openapi.json`);
    const schemas = (doc.components as { schemas: Record<string, Record<string, unknown>> }).schemas;
    expect(checkSchema(r.body, schemas.AnswerResponse!, doc)).toEqual([]);
  });

  it('carries the conversation over HTTP with the returned session id; the answer cache keys on it', async () => {
    // Asked first without context, so that the answer cache holds the context-free answer.
    const alone = await ask({ question: 'Et pour la Culture ?' });
    const first = await ask({ question: QUESTION });
    const follow = await ask({ question: 'Et pour la Culture ?', sessionId: first.body.sessionId });
    expect(follow.status).toBe(200);
    expect(follow.body.sessionId).toBe(first.body.sessionId);
    expect(follow.body.kind).not.toBe('fallback');
    expect(follow.body.intent).toBe(first.body.intent);
    expect(String(follow.body.answer)).toMatch(/Culture/);
    expect(alone.body.intent).not.toBe(follow.body.intent);
  });

  it('answers over the socket: welcome with suggestions, typing, then the cited answer', async () => {
    const c = await connect(server.url.replace(/^http/, 'ws') + '/ws');
    c.send({ type: 'hello' });
    const welcome = await c.next();
    expect(welcome.type).toBe('message');
    expect((welcome.quick_replies as unknown[]).length).toBeGreaterThan(0);
    c.send({ type: 'message', text: QUESTION });
    expect((await c.next(['typing', 'message'])).type).toBe('typing');
    const reply = await c.next();
    expect(reply).toMatchObject({ type: 'message', lang: 'fr' });
    expect(reply.kind).not.toBe('fallback');
    const sources = reply.sources as Source[];
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => seedFiles.has(s.path))).toBe(true);
    const english = await c.ask('Which challenges did the Ministry of the Interior propose?');
    expect(english.lang).toBe('en');
    c.close();
  });
});

describe('warm-up questions drawn from the corpus', () => {
  it('greeting suggestions, every document title, then passage openings; bounded and distinct; the index warmed on variants', async () => {
    const { bot, corpus } = await loadBot(indexPath);
    const greeting = [...bot.answer('Bonjour').suggestions, ...bot.answer('Hello').suggestions];
    const questions = warmUpQuestions(bot, corpus, 40);
    expect(questions.length).toBe(40);
    expect(new Set(questions).size).toBe(40);
    for (const s of greeting) expect(questions).toContain(s);
    for (const d of corpus.documents) expect(questions).toContain(d.title);
    const fromPassages = questions.filter((q) => !greeting.includes(q) && !corpus.documents.some((d) => d.title === q));
    expect(fromPassages.length).toBeGreaterThan(0);
    // The index's own warm-up also takes misspelled and unaccented forms, so its fuzzy path is compiled.
    const queries = warmQueries(corpus.documents, corpus.index, 200).map((w) => w.q);
    const swapped = (a: string, b: string) => {
      const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
      return a.length === b.length && diff.length === 2 && diff[1] === (diff[0] as number) + 1 && a[diff[0] as number] === b[diff[1] as number];
    };
    expect(queries.some((q) => queries.some((o) => swapped(q, o)))).toBe(true);
    expect(queries.some((q) => q !== q.normalize('NFD').replace(/\p{M}/gu, '') && queries.includes(q.normalize('NFD').replace(/\p{M}/gu, '')))).toBe(true);
    expect(warmUpQuestions(bot, corpus, 3)).toHaveLength(3);
    // A closing server stops it at once.
    expect((await warmUp(bot, corpus, { signal: AbortSignal.abort() })).questions).toBe(0);
  });

  it('the server warmed its bot after start and said so in its log', async () => {
    const deadline = Date.now() + 30_000;
    while (!logs.some((l) => l.event === 'index_warmed') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const warmed = logs.find((l) => l.event === 'index_warmed');
    expect(warmed).toMatchObject({ inService: true });
    expect(warmed!.questions as number).toBeGreaterThan(0);
  });
});

describe('hot reload of real artifacts', () => {
  it('swaps in the whole corpus under concurrent questions, serves its PDFs by page, refuses broken artifacts', async () => {
    const before = await getJson(`${server.url}/api/health`);
    let running = true;
    const failures: string[] = [];
    let answered = 0;
    const askers = Array.from({ length: 4 }, async (_, i) => {
      const c = i % 2 ? await connect(server.url.replace(/^http/, 'ws') + '/ws') : undefined;
      while (running) {
        if (c) {
          const reply = await c.ask(QUESTION).catch((e: Error) => ({ type: 'failure', text: e.message }));
          if (reply.type !== 'message') failures.push(JSON.stringify(reply));
          // Within the socket's default message rate (2/s sustained): a reload now also warms the new bot first.
          await new Promise((r) => setTimeout(r, 500));
        } else {
          const r = await ask({ question: QUESTION });
          if (r.status !== 200) failures.push(`${r.status} ${JSON.stringify(r.body)}`);
        }
        answered++;
      }
      c?.close();
    });
    try {
      writeAtomic(indexPath, readFileSync(fullIndex, 'utf8'));
      const reload = await postJson(`${server.url}/api/admin/reload`, {}, auth);
      expect(reload.status).toBe(200);
      const after = await getJson(`${server.url}/api/health`);
      expect(after.body.documents as number).toBeGreaterThan(before.body.documents as number);

      // The new index's PDFs are served, page by page.
      const r = await ask({ question: 'Que dit la Cour des comptes sur les logements de fonction ?' });
      const pdfSource = (r.body.sources as Source[]).find((s) => s.page !== undefined);
      expect(pdfSource, JSON.stringify(r.body)).toBeDefined();
      expect(pdfSource!.url).toMatch(new RegExp(`^/corpus/.+\\.pdf#page=${pdfSource!.page}$`, 'i'));
      const pdf = await fetch(`${server.url}${pdfSource!.url!.split('#')[0]}`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

      // Broken artifacts are refused with a clear reason; the whole corpus stays in service.
      writeFileSync(indexPath, readFileSync(fullIndex, 'utf8').slice(0, 5000));
      const truncated = await postJson(`${server.url}/api/admin/reload`, {}, auth);
      expect(truncated.status).toBe(422);
      expect(String(truncated.body.message)).toMatch(/not valid JSON/);
      const other = JSON.parse(readFileSync(fullIndex, 'utf8')) as Record<string, unknown>;
      writeAtomic(indexPath, JSON.stringify({ ...other, analyzerVersion: 'some-other-analyzer' }));
      const mismatch = await postJson(`${server.url}/api/admin/reload`, {}, auth);
      expect(mismatch.status).toBe(422);
      expect(String(mismatch.body.message)).toMatch(/analyzer/);
      expect((await getJson(`${server.url}/api/health`)).body.documents).toBe(after.body.documents);
      const still = await ask({ question: QUESTION });
      expect(still.status).toBe(200);
      expect(logs.filter((l) => l.event === 'index_reload_refused')).toHaveLength(2);
    } finally {
      running = false;
      await Promise.all(askers);
    }
    expect(answered).toBeGreaterThan(4);
    expect(failures).toEqual([]);
  });
});
