import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BotLoader } from '../../src/server/bot-holder.js';
import { fakeLoader, type FakeBot } from './fake-bot.js';
import { connect, getJson, postJson, startFake, type TestServer } from './harness.js';

const TOKEN = 'reload-token';
const auth = { authorization: `Bearer ${TOKEN}` };
const tagOf = (text: unknown): string => /^\[(v\d+)\]/.exec(String(text))?.[1] ?? `unexpected: ${String(text)}`;

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('loading', () => {
  it('answers 503 on every channel until the index is loaded', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const t = await startFake({ loader: fakeLoader(gate), waitReady: false });
    try {
      const health = await getJson(`${t.url}/api/health`);
      expect(health.status).toBe(503);
      expect(health.body).toEqual({ status: 'loading' });
      const answer = await postJson(`${t.url}/api/answer`, { question: 'q' });
      expect(answer.status).toBe(503);
      expect(answer.body.error).toBe('not_ready');
      const c = await connect(t.wsUrl);
      expect(await c.ask('q')).toMatchObject({ type: 'error', code: 'not_ready' });
      release();
      await t.server.ready;
      expect((await getJson(`${t.url}/api/health`)).status).toBe(200);
      expect((await c.ask('q')).text).toMatch(/^\[v1\]/);
      c.close();
    } finally {
      await t.close();
    }
  });

  it('reports a failed first load in health', async () => {
    const broken: BotLoader = async () => {
      throw new Error('analyzer version mismatch');
    };
    const t = await startFake({ loader: broken });
    try {
      const health = await getJson(`${t.url}/api/health`);
      expect(health.status).toBe(503);
      expect(health.body).toEqual({ status: 'failed', error: 'analyzer version mismatch' });
    } finally {
      await t.close();
    }
  });
});

/** Askers over HTTP and the socket, in loops, recording every reply's tag and every failure. */
function askInLoops(t: TestServer) {
  const tags: string[][] = [];
  const failures: string[] = [];
  let running = true;
  const http = Array.from({ length: 4 }, async (_, i) => {
    const seen: string[] = (tags[i] = []);
    while (running) {
      const r = await postJson(`${t.url}/api/answer`, { question: `http ${i}` }).catch((e: Error) => ({ status: 0, body: { error: e.message } as Record<string, unknown> }));
      if (r.status !== 200) failures.push(`http ${r.status} ${JSON.stringify(r.body)}`);
      else seen.push(tagOf(r.body.answer));
    }
  });
  const ws = Array.from({ length: 4 }, async (_, i) => {
    const seen: string[] = (tags[4 + i] = []);
    const c = await connect(t.wsUrl);
    while (running) {
      const reply = await c.ask(`ws ${i}`).catch((e: Error) => ({ type: 'failure', text: e.message }));
      if (reply.type !== 'message') failures.push(`ws ${JSON.stringify(reply)}`);
      else seen.push(tagOf(reply.text));
      await new Promise((r) => setTimeout(r, 5)); // stay under the socket's message rate
    }
    c.close();
  });
  return {
    tags,
    failures,
    seen: () => tags.flat(),
    stop: async () => {
      running = false;
      await Promise.all([...http, ...ws]);
    },
  };
}

describe('hot reload', () => {
  it('swaps artifacts under concurrent questions without a failure; a broken artifact is refused', async () => {
    const t = await startFake({ adminToken: TOKEN, watch: true, watchDebounceMs: 50, httpRateLimit: null, ws: { messageRate: { capacity: 50, refillPerSecond: 500 } } });
    const load = askInLoops(t);
    try {
      await until(() => load.seen().length > 20, 'answers from v1');

      // By the admin route.
      t.writeArtifact('v2');
      const reload = await postJson(`${t.url}/api/admin/reload`, {}, auth);
      expect(reload.status).toBe(200);
      expect(reload.body.ok).toBe(true);
      await until(() => load.seen().at(-1) === 'v2' && load.seen().filter((s) => s === 'v2').length > 20, 'answers from v2');

      // By the file watch alone.
      t.writeArtifact('v3');
      await until(() => load.tags.every((s) => s.at(-1) === 'v3'), 'answers from v3 on every asker');

      // A broken artifact through the admin route: refused, v3 stays.
      writeFileSync(t.indexPath, '{"format": "rapporteur-index", "trunc');
      const refused = await postJson(`${t.url}/api/admin/reload`, {}, auth);
      expect(refused.status).toBe(422);
      expect(refused.body.error).toBe('reload_refused');
      expect(String(refused.body.message)).toMatch(/JSON/);
      // … and through the watch (the write above also fired it).
      await until(() => t.logs.some((l) => l.event === 'index_reload_refused'), 'a refused reload in the log');
      const before = load.tags.map((seen) => seen.length);
      await until(() => load.tags.every((seen, i) => seen.length > before[i]! + 3), 'more answers after the broken artifact');
      expect(new Set(load.tags.flatMap((seen, i) => seen.slice(before[i])))).toEqual(new Set(['v3']));
      const health = await getJson(`${t.url}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      await load.stop();
      await t.close();
    }
    expect(load.failures).toEqual([]);
    // Every asker moved forward only: v1 … v2 … v3, never back.
    for (const seen of load.tags) {
      expect(seen.length).toBeGreaterThan(0);
      expect([...seen].sort()).toEqual(seen);
    }
  });

  it('runs one load at a time and coalesces reloads asked meanwhile', async () => {
    let loads = 0;
    const inner = fakeLoader();
    const counting: BotLoader = async (path) => {
      loads++;
      await new Promise((r) => setTimeout(r, 50));
      return inner(path);
    };
    const t = await startFake({ loader: counting });
    try {
      loads = 0;
      const results = await Promise.all(Array.from({ length: 6 }, () => t.server.holder.reload(true)));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(loads).toBe(2); // the running one, then one for all the calls made meanwhile
      const unchanged = await t.server.holder.reload(false);
      expect(unchanged).toMatchObject({ ok: true, unchanged: true });
      expect(loads).toBe(2);
    } finally {
      await t.close();
    }
  });
});

describe('warm-up of a new bot', () => {
  it('warms the first bot once in service, and a reloaded bot before the swap, while the old one keeps answering', async () => {
    const bots: FakeBot[] = [];
    const base = fakeLoader();
    const loader: BotLoader = async (path) => {
      const loaded = await base(path);
      bots.push(loaded.bot as FakeBot);
      return loaded;
    };
    const t = await startFake({ loader, adminToken: TOKEN, warmUp: { maxQuestions: 5 } });
    try {
      await until(() => t.logs.some((l) => l.event === 'index_warmed'), 'the first warm-up');
      expect(t.logs.find((l) => l.event === 'index_warmed')).toMatchObject({ inService: true });
      // Greeting, its suggestion, the two document titles: the fake corpus has no passages.
      expect(bots[0]!.calls).toBeGreaterThanOrEqual(4);

      t.writeArtifact('v2');
      const reload = await postJson(`${t.url}/api/admin/reload`, {}, auth);
      expect(reload.status).toBe(200);
      const events = t.logs.map((l) => l.event);
      const warmedAt = events.lastIndexOf('index_warmed');
      expect(t.logs[warmedAt]).toMatchObject({ inService: false });
      expect(warmedAt).toBeLessThan(events.indexOf('index_reloaded'));
      const callsAtSwap = bots[1]!.calls;
      expect(callsAtSwap).toBeGreaterThanOrEqual(4);
      const r = await postJson(`${t.url}/api/answer`, { question: 'q' });
      expect(tagOf(r.body.answer)).toBe('v2');
      expect(bots[1]!.calls).toBe(callsAtSwap + 1);
    } finally {
      await t.close();
    }
  });
});
