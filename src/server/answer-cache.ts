/**
 * Remembers the bot's answers to identical questions asked in identical
 * conversation states: quick replies and popular questions come back again
 * and again, and the bot's work is the server's main cost.
 *
 * Valid because the bot is deterministic for a given (question, options,
 * session) and only counts `turns` (it never reads it to decide): the key is
 * the question, the forced language and the whole session but `turns` (today
 * lastIntent, lastSlots, lastLang: a field added to Session later is keyed on
 * without a change here); a hit replays the session the bot left, turns
 * counted as the bot counted them (an empty question counts none). One cache
 * per bot, so a reload starts afresh. Bounded, least recently used out first.
 */
import type { Answer, AnswerOptions, Bot, Session } from '../bot/types.js';

type SessionState = Omit<Session, 'turns'>;

interface Entry {
  answer: Answer;
  after: SessionState;
  /** Turns the bot added to the session. */
  turns: number;
}

const withoutTurns = (session: Session): SessionState => {
  const { turns: _turns, ...rest } = session;
  return rest;
};

export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  hits = 0;
  misses = 0;

  constructor(private readonly maxEntries = 5000) {}

  answer(bot: Bot, question: string, session: Session, options: AnswerOptions): Answer {
    const key = `${options.lang ?? ''}\u0000${question}\u0000${JSON.stringify(withoutTurns(session))}`;
    const entry = this.entries.get(key);
    if (entry) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, entry);
      replay(session, entry);
      return entry.answer;
    }
    this.misses++;
    const turns = session.turns;
    const answer = bot.answer(question, session, options);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    // A frozen copy: shared by every later asker, and the bot's own objects stay untouched.
    this.entries.set(key, {
      answer: deepFreeze(structuredClone(answer)),
      after: structuredClone(withoutTurns(session)),
      turns: session.turns - turns,
    });
    return answer;
  }
}

/** Leaves `session` as the bot left it after answering the cached question. */
function replay(session: Session, { after, turns }: Entry): void {
  for (const key of Object.keys(session) as (keyof Session)[]) {
    if (key !== 'turns' && !(key in after)) delete session[key];
  }
  Object.assign(session, structuredClone(after));
  session.turns += turns;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const caches = new WeakMap<Bot, AnswerCache>();

/** The cache of one bot (created on first use; dropped with the bot). */
export function cacheOf(bot: Bot, maxEntries?: number): AnswerCache {
  let cache = caches.get(bot);
  if (!cache) caches.set(bot, (cache = new AnswerCache(maxEntries)));
  return cache;
}
