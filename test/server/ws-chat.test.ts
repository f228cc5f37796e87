import { createConnection } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { safeSend } from '../../src/server/ws-chat.js';
import { ChatClient, connect, getJson, startFake, type TestServer } from './harness.js';

let t: TestServer;

beforeAll(async () => {
  t = await startFake({ wsOrigins: ['https://allowed.example'] });
});
afterAll(() => t.close());

describe('chat socket messages', () => {
  it('welcomes a hello with suggestions, in French by default', async () => {
    const c = await connect(t.wsUrl);
    c.send({ type: 'hello' });
    const welcome = await c.next();
    expect(welcome).toMatchObject({ type: 'message', lang: 'fr', kind: 'smalltalk', sources: [] });
    expect(welcome.text).toMatch(/Bonjour/);
    expect(welcome.quick_replies).toEqual([{ title: 'suggestion fr', payload: 'suggestion fr' }]);
    c.close();
  });

  it('welcomes in English with ?lang=en or a lang in the hello', async () => {
    const byQuery = await connect(`${t.wsUrl}?lang=en`);
    byQuery.send({ type: 'hello' });
    expect(await byQuery.next()).toMatchObject({ lang: 'en', quick_replies: [{ title: 'suggestion en', payload: 'suggestion en' }] });
    const byHello = await connect(t.wsUrl);
    byHello.send({ type: 'welcome_back', lang: 'en' });
    expect(await byHello.next()).toMatchObject({ lang: 'en', intent: 'welcome_back' });
    byQuery.close();
    byHello.close();
  });

  it('sends typing, then the answer in Botkit shape with sources', async () => {
    const c = await connect(t.wsUrl);
    c.send({ type: 'message', text: 'Quels défis ?' });
    expect((await c.next(['typing', 'message'])).type).toBe('typing');
    const reply = await c.next();
    expect(reply).toMatchObject({
      type: 'message',
      text: '[v1] turn 1: Quels défis ?',
      quick_replies: [{ title: 'next?', payload: 'next?' }],
      lang: 'fr',
      kind: 'retrieval',
      intent: 'retrieval',
      confidence: 0.5,
    });
    expect(reply.sources).toEqual([expect.objectContaining({ url: '/corpus/reports/rapport%20annuel.pdf#page=1' })]);
    c.close();
  });

  it('keeps one conversation per connection and ignores a client-sent user id', async () => {
    const a = await connect(t.wsUrl);
    const b = await connect(t.wsUrl);
    expect((await a.ask('un', { user: 'shared-user' })).text).toMatch(/turn 1/);
    expect((await a.ask('deux', { user: 'shared-user' })).text).toMatch(/turn 2/);
    // Same claimed user on another socket: a fresh conversation, and it never sees a's replies.
    expect((await b.ask('un', { user: 'shared-user' })).text).toMatch(/turn 1/);
    expect(a.frames.filter((f) => f.type === 'message')).toHaveLength(0);
    a.close();
    b.close();
  });

  it.each([
    ['invalid JSON', '{"type":', 'invalid_json'],
    ['a JSON array', '[1,2]', 'bad_message'],
    ['a missing type', '{"text":"q"}', 'bad_message'],
    ['an unknown type', '{"type":"subscribe"}', 'unsupported_type'],
    ['a message without text', '{"type":"message"}', 'bad_request'],
    ['a blank question', '{"type":"message","text":"  "}', 'bad_request'],
    ['a question over 1,000 characters', JSON.stringify({ type: 'message', text: 'a'.repeat(1001) }), 'bad_request'],
  ])('answers %s with a clear error and keeps the socket open', async (_name, raw, code) => {
    const c = await connect(t.wsUrl);
    c.send(raw);
    const err = await c.next();
    expect(err).toMatchObject({ type: 'error', code });
    expect(String(err.text).length).toBeGreaterThan(5);
    expect((await c.ask('encore')).type).toBe('message');
    c.close();
  });

  it('refuses binary frames', async () => {
    const c = await connect(t.wsUrl);
    c.ws.send(Buffer.from([1, 2, 3]));
    expect(await c.next()).toMatchObject({ type: 'error', code: 'bad_message' });
    c.close();
  });

  it('reports a bot failure as an error message and keeps serving', async () => {
    const c = await connect(t.wsUrl);
    expect(await c.ask('explode')).toMatchObject({ type: 'error', code: 'internal_error' });
    expect((await c.ask('ok')).type).toBe('message');
    c.close();
  });

  it('refuses other paths', async () => {
    const c = new ChatClient(t.url.replace(/^http/, 'ws') + '/other');
    await expect(c.opened).rejects.toThrow(/404/);
  });
});

describe('socket limits', () => {
  it('closes a socket sending a frame over the maximum size with 1009; others are unaffected', async () => {
    const bystander = await connect(t.wsUrl);
    const c = await connect(t.wsUrl);
    c.send({ type: 'message', text: 'x'.repeat(9000) });
    expect((await c.closed).code).toBe(1009);
    expect((await bystander.ask('toujours là ?')).type).toBe('message');
    bystander.close();
  });

  it('rate-limits a flooding socket, then closes it with 1008; others are unaffected', async () => {
    const limited = await startFake({ ws: { messageRate: { capacity: 3, refillPerSecond: 0.01 }, maxStrikes: 4 } });
    try {
      const bystander = await connect(limited.wsUrl);
      const c = await connect(limited.wsUrl);
      for (let i = 0; i < 10; i++) c.send({ type: 'message', text: `q${i}` });
      const closed = await c.closed;
      expect(closed.code).toBe(1008);
      const errors = c.frames.filter((f) => f.type === 'error');
      expect(errors).toHaveLength(3);
      expect(errors[0]).toMatchObject({ code: 'rate_limited' });
      // Three messages were accepted (typing sent); their answers are dropped with the closed socket.
      expect(c.frames.filter((f) => f.type === 'typing')).toHaveLength(3);
      expect((await bystander.ask('et moi ?')).type).toBe('message');
      bystander.close();
    } finally {
      await limited.close();
    }
  });

  it('closes connections over the maximum with 1013', async () => {
    const small = await startFake({ ws: { maxConnections: 2 } });
    try {
      const a = await connect(small.wsUrl);
      const b = await connect(small.wsUrl);
      const c = new ChatClient(small.wsUrl);
      expect(await c.closed).toEqual({ code: 1013, reason: 'server busy, try again later' });
      expect((await a.ask('ok')).type).toBe('message');
      a.close();
      await a.closed;
      // A freed slot can be used again.
      const d = await connect(small.wsUrl);
      expect((await d.ask('ok')).type).toBe('message');
      b.close();
      d.close();
    } finally {
      await small.close();
    }
  });

  it('refuses the upgrade from an origin outside the allowlist with 403', async () => {
    const evil = new ChatClient(t.wsUrl, { origin: 'https://evil.example' });
    await expect(evil.opened).rejects.toThrow(/403/);
    const allowed = await connect(t.wsUrl, { origin: 'https://allowed.example' });
    const same = await connect(t.wsUrl, { origin: t.url });
    expect((await allowed.ask('q')).type).toBe('message');
    expect((await same.ask('q')).type).toBe('message');
    allowed.close();
    same.close();
  });

  it('drops sockets that stop answering pings', async () => {
    const beating = await startFake({ ws: { heartbeatMs: 100 } });
    try {
      const dead = new ChatClient(beating.wsUrl, { autoPong: false });
      const alive = await connect(beating.wsUrl);
      await dead.opened;
      expect((await dead.closed).code).toBe(1006); // terminated without a closing handshake
      for (let i = 0; i < 50 && beating.server.chat.connections !== 1; i++) await new Promise((r) => setTimeout(r, 20));
      expect(beating.server.chat.connections).toBe(1);
      expect((await alive.ask('q')).type).toBe('message');
      alive.close();
    } finally {
      await beating.close();
    }
  });
});

describe('closing sockets', () => {
  it('never throws when sending on a closing or closed socket', async () => {
    const c = await connect(t.wsUrl);
    // Ask and vanish at once: the answer is computed for a socket that is gone.
    c.send({ type: 'message', text: 'q' });
    c.ws.terminate();
    const raw = createConnection({ port: t.server.port, host: '127.0.0.1' });
    raw.on('error', () => {});
    raw.end(
      'GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    await new Promise((r) => setTimeout(r, 100));
    expect((await getJson(`${t.url}/api/health`)).status).toBe(200);

    const client = new WebSocket(t.wsUrl);
    client.on('error', () => {});
    await new Promise((r) => client.once('open', r));
    client.close();
    expect(safeSend(client, { type: 'typing' })).toBe(false);
    await new Promise((r) => client.once('close', r));
    expect(safeSend(client, { type: 'typing' })).toBe(false);
  });
});
