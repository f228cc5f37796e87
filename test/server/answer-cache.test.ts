import { describe, expect, it } from 'vitest';
import { newSession, type Answer, type Bot, type Session } from '../../src/bot/types.js';
import { AnswerCache } from '../../src/server/answer-cache.js';
import { FakeBot, fakeCorpus } from './fake-bot.js';

const bot = () => new FakeBot(fakeCorpus({ tag: 'v1', builtAt: '', roots: ['/r'], documents: [{ root: 0, path: 'a.txt', title: 'A' }] }), 'v1');

describe('AnswerCache', () => {
  it('computes an identical question in an identical state once, and replays the session', () => {
    const b = bot();
    const cache = new AnswerCache();
    const s1 = newSession();
    const s2 = newSession();
    const a1 = cache.answer(b, 'Quels défis ?', s1, {});
    const a2 = cache.answer(b, 'Quels défis ?', s2, {});
    expect(b.calls).toBe(1);
    expect(a2).toEqual(a1);
    expect(s2).toEqual(s1);
    expect(s2).toEqual({ turns: 1, lastLang: 'fr', lastSlots: { n: '1' } });
    // The replayed session is a copy: changing one conversation leaves the other alone.
    s2.lastSlots!.n = 'changed';
    expect(s1.lastSlots).toEqual({ n: '1' });
    expect(Object.isFrozen(a2.sources)).toBe(true);
    expect(Object.isFrozen(a1.sources)).toBe(false); // the bot's own answer is not frozen
  });

  it('misses when the state, the forced language or the question differs', () => {
    const b = bot();
    const cache = new AnswerCache();
    const s = newSession();
    cache.answer(b, 'q', s, {});
    expect(cache.answer(b, 'q', s, {}).answer).toMatch(/turn 2/); // state moved on
    cache.answer(b, 'q', newSession(), { lang: 'en' });
    cache.answer(b, 'q2', newSession(), {});
    expect(b.calls).toBe(4);
    expect(cache.hits).toBe(0);
  });

  it('is bounded', () => {
    const b = bot();
    const cache = new AnswerCache(2);
    for (const q of ['a', 'b', 'c', 'a']) cache.answer(b, q, newSession(), {});
    expect(b.calls).toBe(4); // 'a' was evicted by 'c'
  });
});

/** A bot that, like the real one, reads lastIntent and lastLang and counts no turn for an empty question. */
class StateBot implements Bot {
  calls = 0;
  answer(question: string, session?: Session): Answer {
    this.calls++;
    const said = `${question} after ${session?.lastIntent ?? '-'} in ${session?.lastLang ?? '-'}`;
    if (session && question.trim()) {
      session.turns++;
      session.lastIntent = question;
    }
    return { answer: said, lang: 'fr', kind: 'rule', intent: question || 'empty', confidence: 1, sources: [], suggestions: [] };
  }
}

describe('AnswerCache keys on everything the bot reads', () => {
  it('misses when only lastIntent or only lastLang differs, hits when only turns differs', () => {
    const b = new StateBot();
    const cache = new AnswerCache();
    const culture = (s: Session) => cache.answer(b, 'Et pour la Culture ?', s, {}).answer;
    expect(culture({ turns: 0 })).toBe('Et pour la Culture ? after - in -');
    expect(culture({ turns: 1, lastIntent: 'defis_by_administration' })).toBe('Et pour la Culture ? after defis_by_administration in -');
    expect(culture({ turns: 1, lastIntent: 'defis_by_administration', lastLang: 'en' })).toBe('Et pour la Culture ? after defis_by_administration in en');
    expect(b.calls).toBe(3);
    expect(culture({ turns: 7, lastIntent: 'defis_by_administration', lastLang: 'en' })).toBe('Et pour la Culture ? after defis_by_administration in en');
    expect(b.calls).toBe(3);
  });

  it('replays the turns the bot counted: none for a question it does not count', () => {
    const b = new StateBot();
    const cache = new AnswerCache();
    const s1 = newSession();
    const s2 = newSession();
    cache.answer(b, '', s1, {});
    cache.answer(b, '', s2, {});
    expect(b.calls).toBe(1);
    expect(s2).toEqual({ turns: 0 });
    cache.answer(b, 'q', s1, {});
    cache.answer(b, 'q', s2, {});
    expect(b.calls).toBe(2);
    expect(s2).toEqual({ turns: 1, lastIntent: 'q' });
  });
});
