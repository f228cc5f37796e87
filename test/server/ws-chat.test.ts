import { createConnection } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { safeSend } from '../../src/server/ws-chat.js';
import { ChatClient, connect, getJson, postJson, startFake, type Frame, type TestServer } from './harness.js';

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

describe('conversation resume', () => {
  const TOKEN = /^[A-Za-z0-9_-]{22,}$/;

  /** A hello (or welcome_back with a token); returns the welcome's session field and the welcome. */
  async function greet(c: ChatClient, token?: unknown): Promise<{ session: Frame; welcome: Frame }> {
    c.send(token === undefined ? { type: 'hello' } : { type: 'welcome_back', token });
    const welcome = await c.next();
    return { session: welcome.session as Frame, welcome };
  }

  it('issues an unguessable token on the welcome of a new conversation (a field: no new frame type)', async () => {
    const c = await connect(t.wsUrl);
    c.send({ type: 'hello' });
    const welcome = await c.next(['session', 'message']);
    expect(welcome).toMatchObject({ type: 'message', intent: 'welcome', session: { resumed: false } });
    const session = welcome.session as Frame;
    expect(session.token).toMatch(TOKEN);
    const other = await connect(t.wsUrl);
    expect((await greet(other)).session.token).not.toBe(session.token);
    c.close();
    other.close();
  });

  it('gives its token with the first answer to a client that asks without greeting, and only then', async () => {
    const c = await connect(t.wsUrl);
    c.send({ type: 'message', text: 'un' });
    expect((await c.next(['typing', 'message'])).type).toBe('typing');
    const first = await c.next();
    expect(first.text).toMatch(/turn 1/);
    expect((first.session as Frame).token).toMatch(TOKEN);
    const second = await c.ask('deux');
    expect(second.text).toMatch(/turn 2/);
    expect(second.session).toBeUndefined();
    c.close();
  });

  it('resumes the conversation after a reconnection: the follow-up keeps its context', async () => {
    const a = await connect(t.wsUrl);
    const { session } = await greet(a);
    expect((await a.ask('Quels défis ?')).text).toMatch(/turn 1/);
    a.ws.terminate(); // a network drop, no closing handshake
    await a.closed;
    const b = await connect(t.wsUrl);
    const back = await greet(b, String(session.token));
    expect(back.session).toEqual({ token: session.token, resumed: true });
    expect(back.welcome).toMatchObject({ intent: 'welcome_back' });
    expect((await b.ask('Et pour la Culture ?')).text).toMatch(/turn 2/);
    b.close();
  });

  it('starts a fresh conversation with a new token for a forged, foreign or malformed token', async () => {
    const owner = await connect(t.wsUrl);
    const real = String((await greet(owner)).session.token);
    await owner.ask('un');
    const http = await postJson(`${t.url}/api/answer`, { question: 'q' });
    const forged = [real.slice(0, -1) + (real.endsWith('A') ? 'B' : 'A'), 'my-own-id', http.body.sessionId, 42, 'x'.repeat(500)];
    for (const token of forged) {
      const c = await connect(t.wsUrl);
      const { session, welcome } = await greet(c, token);
      expect(session.resumed).toBe(false);
      expect(session.token).toMatch(TOKEN);
      expect(session.token).not.toBe(token);
      expect(welcome).toMatchObject({ intent: 'welcome_back' });
      expect((await c.ask('deux')).text).toMatch(/turn 1/);
      c.close();
    }
    expect((await owner.ask('trois')).text).toMatch(/turn 2/); // nobody else reached it
    owner.close();
  });

  it('forgets idle conversations: an expired token gets a fresh one', async () => {
    let now = 1_000_000;
    const short = await startFake({ sessions: { ttlMs: 60_000, now: () => now } });
    try {
      const a = await connect(short.wsUrl);
      const token = String((await greet(a)).session.token);
      await a.ask('un');
      a.close();
      await a.closed;
      now += 61_000;
      const b = await connect(short.wsUrl);
      const { session } = await greet(b, token);
      expect(session.resumed).toBe(false);
      expect(session.token).not.toBe(token);
      expect((await b.ask('deux')).text).toMatch(/turn 1/);
      b.close();
    } finally {
      await short.close();
    }
  });

  it('binds a conversation to one socket: a second socket takes it over and the first is closed', async () => {
    const first = await connect(t.wsUrl);
    const token = String((await greet(first)).session.token);
    await first.ask('un');
    const second = await connect(t.wsUrl);
    expect((await greet(second, token)).session.resumed).toBe(true);
    expect(await first.closed).toEqual({ code: 4000, reason: 'conversation resumed on another connection' });
    expect((await second.ask('deux')).text).toMatch(/turn 2/);
    expect(first.frames.filter((f) => f.type === 'message')).toHaveLength(0);
    second.close();
  });

  it('never logs a token', async () => {
    const c = await connect(t.wsUrl);
    const token = String((await greet(c)).session.token);
    await c.ask('un');
    c.close();
    await c.closed;
    const d = await connect(t.wsUrl);
    await greet(d, token);
    d.close();
    await d.closed;
    const logged = JSON.stringify(t.logs);
    expect(logged).toContain('ws_session');
    expect(logged).not.toContain(token);
  });
});

describe('per-client connection cap', () => {
  it('closes a client over its share with 1008; other clients still connect', async () => {
    const capped = await startFake({ ws: { maxConnectionsPerClient: 2, maxConnections: 10 } });
    try {
      const a = await connect(capped.wsUrl);
      const b = await connect(capped.wsUrl);
      const c = new ChatClient(capped.wsUrl);
      expect(await c.closed).toEqual({ code: 1008, reason: 'too many connections from your address' });
      expect(capped.logs.some((l) => l.event === 'ws_refused' && l.reason === 'max_per_client')).toBe(true);
      // Another address (all of 127/8 is loopback on Linux) is another client.
      const other = await connect(capped.wsUrl, { localAddress: '127.0.0.2' });
      expect((await other.ask('ok')).type).toBe('message');
      expect((await a.ask('ok')).type).toBe('message');
      b.close();
      await b.closed;
      for (let i = 0; i < 50 && capped.server.chat.connections !== 2; i++) await new Promise((r) => setTimeout(r, 10));
      const again = await connect(capped.wsUrl); // a freed slot is the client's again
      expect((await again.ask('ok')).type).toBe('message');
      for (const x of [a, other, again]) x.close();
    } finally {
      await capped.close();
    }
  });
});
