import { describe, expect, it } from 'vitest';
import { KeyedRateLimiter, parseRateLimit, TokenBucket } from '../../src/server/limits.js';
import { normalizeQuestion, UnansweredLog } from '../../src/server/logging.js';
import { SessionStore } from '../../src/server/sessions.js';
import { Admission, clientKey } from '../../src/server/ws-admission.js';
import { checkAnswerRequest, checkQuestion } from '../../src/server/validation.js';

const clock = (start = 0) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe('TokenBucket', () => {
  it('allows a burst, then the sustained rate', () => {
    const c = clock();
    const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 2 }, c.now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    expect(bucket.retryAfterSeconds()).toBe(1);
    c.advance(500);
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    c.advance(10_000);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });
});

describe('KeyedRateLimiter', () => {
  it('limits each key on its own and forgets the least recently used key past its bound', () => {
    const c = clock();
    const limiter = new KeyedRateLimiter({ capacity: 1, refillPerSecond: 0.001 }, 2, c.now);
    expect(limiter.check('a')).toBe(0);
    expect(limiter.check('a')).toBeGreaterThan(0);
    expect(limiter.check('b')).toBe(0);
    expect(limiter.check('c')).toBe(0); // evicts a
    expect(limiter.check('a')).toBe(0); // a fresh bucket: a was forgotten
    expect(limiter.check('c')).toBeGreaterThan(0);
  });

  it('parses rates from the environment', () => {
    expect(parseRateLimit('20/s')).toEqual({ capacity: 40, refillPerSecond: 20 });
    expect(parseRateLimit('5/s,8')).toEqual({ capacity: 8, refillPerSecond: 5 });
    expect(parseRateLimit('0')).toBeNull();
    expect(() => parseRateLimit('fast')).toThrow(/invalid rate limit/);
  });
});

describe('SessionStore', () => {
  it('issues new random ids, resumes known ones and forgets idle ones', () => {
    const c = clock();
    const store = new SessionStore({ ttlMs: 1000, now: c.now });
    const a = store.create();
    const b = store.create();
    expect(a.id).not.toBe(b.id);
    a.session.turns = 3;
    c.advance(900);
    expect(store.resume(a.id)).toEqual({ id: a.id, session: { turns: 3 } });
    c.advance(900); // a was touched 900 ms ago, b 1800 ms ago
    expect(store.resume(a.id).id).toBe(a.id);
    const lost = store.resume(b.id);
    expect(lost.id).not.toBe(b.id);
    expect(lost.session).toEqual({ turns: 0 });
  });

  it('never adopts a client-chosen id', () => {
    const store = new SessionStore();
    const r = store.resume('chosen');
    expect(r.id).not.toBe('chosen');
    expect(store.resume('chosen').id).not.toBe('chosen');
  });

  it('stays within its bound, dropping the least recently used', () => {
    const store = new SessionStore({ maxSessions: 3 });
    const ids = Array.from({ length: 3 }, () => store.create().id);
    store.resume(ids[0]); // ids[1] is now the least recently used
    store.create();
    expect(store.size).toBe(3);
    expect(store.resume(ids[0]).id).toBe(ids[0]);
    expect(store.resume(ids[1]).id).not.toBe(ids[1]);
  });
});

describe('per-client key of the socket cap', () => {
  it('counts an IPv4 client by address and an IPv6 client by its /64', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('2001:db8:0:1:aaaa::1')).toBe('2001:db8:0:1::/64');
    expect(clientKey('2001:DB8:0:1:bbbb:cccc:dddd:eeee')).toBe('2001:db8:0:1::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey(undefined)).toBe('');
  });

  it('admits up to the cap per client and the total, and frees a slot once', () => {
    const a = new Admission({ maxConnections: 3, maxPerClient: 2, allowedOrigins: [] });
    const x1 = a.admit('x');
    expect(x1.ok && a.admit('x').ok).toBe(true);
    expect(a.admit('x')).toMatchObject({ ok: false, refusal: { code: 1008 } });
    expect(a.admit('y').ok).toBe(true);
    expect(a.admit('z')).toMatchObject({ ok: false, refusal: { code: 1013 } });
    if (x1.ok) {
      x1.release();
      x1.release(); // a second release must not free a slot twice
    }
    expect(a.connections).toBe(2);
    expect(a.admit('x').ok).toBe(true);
    expect(a.admit('x').ok).toBe(false);
  });
});

describe('UnansweredLog', () => {
  it('counts near-identical questions together, most asked first', () => {
    const log = new UnansweredLog();
    log.record('Quel est le budget ?', 'fr', new Date('2024-01-01'));
    log.record('quel  est le BUDGET', 'fr', new Date('2024-01-02'));
    log.record('What is the budget?', 'en', new Date('2024-01-03'));
    log.record('   ', 'fr');
    const list = log.list();
    expect(list.total).toBe(3);
    expect(list.distinct).toBe(2);
    expect(list.items[0]).toMatchObject({ question: 'Quel est le budget ?', count: 2, lastAt: '2024-01-02T00:00:00.000Z' });
    expect(normalizeQuestion('  Où   est-ce ?!  ')).toBe('où est-ce');
  });

  it('truncates long questions and keeps frequent ones when full', () => {
    const log = new UnansweredLog(2);
    log.record('x'.repeat(500), 'fr');
    expect([...log.list().items[0]!.question]).toHaveLength(200);
    log.record('frequent', 'fr');
    log.record('frequent', 'fr');
    log.record('one-off', 'fr'); // evicts the least asked: the long one
    expect(log.list().items.map((i) => i.question)).toEqual(['frequent', 'one-off']);
  });
});

describe('validation', () => {
  it('counts characters, not UTF-16 units', () => {
    expect(checkQuestion('😀'.repeat(1000)).ok).toBe(true);
    expect(checkQuestion('😀'.repeat(1001)).ok).toBe(false);
  });

  it('ignores unknown fields and null optionals', () => {
    expect(checkAnswerRequest({ question: 'q', sessionId: null, lang: null, extra: 1 })).toEqual({ ok: true, value: { question: 'q' } });
  });
});
