import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSchema } from './schema-check.js';
import { getJson, postJson, startFake, type TestServer } from './harness.js';

let t: TestServer;
const TOKEN = 'test-admin-token-0123456789';

beforeAll(async () => {
  t = await startFake({
    adminToken: TOKEN,
    corsOrigins: ['https://allowed.example'],
    httpRateLimit: null,
  });
});
afterAll(() => t.close());

const answer = (body: unknown, headers?: Record<string, string>) => postJson(`${t.url}/api/answer`, body, headers);

describe('POST /api/answer', () => {
  it('answers with the answer contract and a server-assigned session id', async () => {
    const r = await answer({ question: '  Quels défis ?  ' });
    expect(r.status).toBe(200);
    expect(r.body.answer).toBe('[v1] turn 1: Quels défis ?');
    expect(r.body.kind).toBe('retrieval');
    expect(r.headers.get('etag')).toBeNull(); // no hash of a POST answer that nobody revalidates
    expect(r.body.sessionId).toMatch(/^[A-Za-z0-9_-]{22}$/); // 128 random bits, base64url, like the socket's tokens
    expect(r.body.sources).toEqual([
      expect.objectContaining({ path: 'reports/rapport annuel.pdf', page: 1, url: '/corpus/reports/rapport%20annuel.pdf#page=1' }),
    ]);
  });

  it('carries the conversation when the id is sent back, and never adopts a client-chosen id', async () => {
    const first = await answer({ question: 'un' });
    const second = await answer({ question: 'deux', sessionId: first.body.sessionId });
    expect(second.body.sessionId).toBe(first.body.sessionId);
    expect(second.body.answer).toMatch(/turn 2/);

    const invented = await answer({ question: 'trois', sessionId: 'my-own-id' });
    expect(invented.status).toBe(200);
    expect(invented.body.sessionId).not.toBe('my-own-id');
    expect(invented.body.answer).toMatch(/turn 1/);
    // The invented id did not become a conversation either.
    const again = await answer({ question: 'quatre', sessionId: 'my-own-id' });
    expect(again.body.sessionId).not.toBe('my-own-id');
    expect(again.body.sessionId).not.toBe(invented.body.sessionId);
    await new Promise((r) => setTimeout(r, 20)); // the request's log line is written when the response finishes
    const logged = JSON.stringify(t.logs);
    for (const id of [first.body.sessionId, invented.body.sessionId, again.body.sessionId]) expect(logged).not.toContain(String(id));
  });

  it('forces the answer language with lang', async () => {
    const r = await answer({ question: 'Quels défis ?', lang: 'en' });
    expect(r.body.lang).toBe('en');
  });

  it.each([
    ['no question', {}, 'missing_question', 'question'],
    ['a number', { question: 42 }, 'invalid_type', 'question'],
    ['null question', { question: null }, 'invalid_type', 'question'],
    ['an array question', { question: ['a'] }, 'invalid_type', 'question'],
    ['a blank question', { question: '   ' }, 'empty_question', 'question'],
    ['a question over 1,000 characters', { question: 'é'.repeat(1001) }, 'question_too_long', 'question'],
    ['a numeric session id', { question: 'q', sessionId: 5 }, 'invalid_type', 'sessionId'],
    ['an unknown language', { question: 'q', lang: 'de' }, 'invalid_lang', 'lang'],
    ['an array body', [{ question: 'q' }], 'invalid_body', undefined],
  ])('refuses %s with a 400 that says what is wrong', async (_name, body, code, field) => {
    const r = await answer(body);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe(code);
    expect(r.body.field).toBe(field);
    expect(typeof r.body.message).toBe('string');
    if (field) expect(r.body.message).toContain(field);
  });

  it('accepts exactly 1,000 characters', async () => {
    const r = await answer({ question: 'é'.repeat(1000) });
    expect(r.status).toBe(200);
  });

  it('refuses invalid JSON with a 400', async () => {
    const r = await answer('{"question": "q",');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid_json' });
    const scalar = await answer('"just a string"');
    expect(scalar.status).toBe(400);
  });

  it('refuses a body over 16 KB with a JSON 413', async () => {
    const r = await answer({ question: 'q', padding: 'x'.repeat(17 * 1024) });
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ error: 'body_too_large' });
  });

  it('refuses a body that is not JSON with a JSON 415', async () => {
    const r = await answer('question=q', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(r.status).toBe(415);
    expect(r.body).toMatchObject({ error: 'unsupported_media_type' });
  });

  it('turns a bot failure into a JSON 500 and keeps serving', async () => {
    const r = await answer({ question: 'explode' });
    expect(r.status).toBe(500);
    expect(r.body).toMatchObject({ error: 'internal_error' });
    expect((await answer({ question: 'ok' })).status).toBe(200);
  });
});

describe('CORS', () => {
  it('allows listed origins only', async () => {
    const ok = await answer({ question: 'q' }, { origin: 'https://allowed.example' });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://allowed.example');
    const other = await answer({ question: 'q' }, { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers preflight requests for listed origins', async () => {
    const pre = await fetch(`${t.url}/api/answer`, {
      method: 'OPTIONS',
      headers: { origin: 'https://allowed.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    const denied = await fetch(`${t.url}/api/answer`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('health and OpenAPI', () => {
  it('reports the index once ready', async () => {
    const r = await getJson(`${t.url}/api/health`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', documents: 2, passages: 6 });
    expect(Date.parse(String(r.body.builtAt))).not.toBeNaN();
  });

  it('describes the endpoints, and real answers, errors and health match its schemas', async () => {
    const { body: doc } = await getJson(`${t.url}/api/openapi.json`);
    expect(doc.openapi).toBe('3.1.0');
    const paths = doc.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/api/answer', '/api/health', '/api/openapi.json']));
    const schemas = (doc.components as { schemas: Record<string, Record<string, unknown>> }).schemas;
    const ok = await answer({ question: 'q', lang: 'fr' });
    expect(checkSchema(ok.body, schemas.AnswerResponse!, doc)).toEqual([]);
    const bad = await answer({ question: 7 });
    expect(checkSchema(bad.body, schemas.Error!, doc)).toEqual([]);
    const health = await getJson(`${t.url}/api/health`);
    expect(checkSchema(health.body, schemas.Health!, doc)).toEqual([]);
    // The checker is strict: an undocumented field is caught.
    expect(checkSchema({ ...ok.body, extra: 1 }, schemas.AnswerResponse!, doc)).toHaveLength(1);
  });
});

describe('admin routes', () => {
  it('need the bearer token', async () => {
    expect((await getJson(`${t.url}/api/admin/unanswered`)).status).toBe(401);
    expect((await getJson(`${t.url}/api/admin/unanswered`, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await postJson(`${t.url}/api/admin/reload`, {}, { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
  });

  it('count fallback questions by normalised text', async () => {
    await answer({ question: 'Où est zzz ?' });
    await answer({ question: 'où   est ZZZ' });
    await answer({ question: 'Et zzz-2 ?' });
    const r = await getJson(`${t.url}/api/admin/unanswered`, { authorization: `Bearer ${TOKEN}` });
    expect(r.status).toBe(200);
    const items = r.body.items as { question: string; count: number }[];
    expect(items[0]).toMatchObject({ question: 'Où est zzz ?', count: 2 });
    expect(items.map((i) => i.question)).toContain('Et zzz-2 ?');
    expect(r.body.total).toBe(3);
  });

  it('are disabled without a configured token', async () => {
    const bare = await startFake({ adminToken: undefined });
    try {
      const r = await postJson(`${bare.url}/api/admin/reload`, {}, { authorization: 'Bearer ' });
      expect(r.status).toBe(403);
      expect(r.body.error).toBe('admin_disabled');
    } finally {
      await bare.close();
    }
  });
});

describe('logs', () => {
  it('write one line per request with the answer fields and no personal data', async () => {
    const question = 'Jean Dupont, 12 rue de la Paix, demande zzz';
    await answer({ question }, { 'x-forwarded-for': '203.0.113.9', 'user-agent': 'secret-agent' });
    const line = t.logs.filter((l) => l.event === 'http' && l.path === '/api/answer').at(-1)!;
    expect(line).toMatchObject({ method: 'POST', status: 200, kind: 'fallback', channel: 'http', questionChars: question.length });
    // The server's own address appears in its start-up lines; requests must not carry the client's.
    const all = JSON.stringify(t.logs.filter((l) => l.event !== 'listening' && l.event !== 'ready'));
    expect(all).not.toContain('Dupont');
    expect(all).not.toContain('127.0.0.1');
    expect(all).not.toContain('203.0.113.9');
    expect(all).not.toContain('secret-agent');
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the per-client HTTP rate', async () => {
    const limited = await startFake({ httpRateLimit: { capacity: 3, refillPerSecond: 0.01 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await postJson(`${limited.url}/api/answer`, { question: 'q' })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const r = await postJson(`${limited.url}/api/answer`, { question: 'q' });
      expect(r.body.error).toBe('rate_limited');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      // Health is not rate limited.
      expect((await getJson(`${limited.url}/api/health`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
