/**
 * Warms a freshly built bot before (reload) or just after (start) it takes
 * traffic. A new bot's first answers are many times slower than later ones:
 * V8 has not optimised its code yet and the bot memoises per-passage work as
 * passages are first touched. Under load those cold answers queue up behind
 * each other on the one event loop: the server bench measured multi-second
 * latencies in the first seconds after start, and none after a warm-up.
 *
 * The questions are made from the corpus itself (the bot's own greeting
 * suggestions, document titles, sentence openings of passages spread over the
 * corpus), so nothing corpus-specific lives here. Each is answered in a
 * throwaway session, and the loop yields between questions so that requests
 * keep being served meanwhile.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { newSession, type Bot } from '../bot/types.js';
import type { LoadedCorpus } from '../index/types.js';

export interface WarmUpOptions {
  /** Stop after this much wall time (default 10 s: a safety bound; on a busy machine 150 questions take several seconds). */
  budgetMs?: number;
  /** Most questions asked (default 150: fewer left the bench's first seconds slow). */
  maxQuestions?: number;
  /** Stops the warm-up early (the server is closing). */
  signal?: AbortSignal;
}

export interface WarmUpResult {
  questions: number;
  ms: number;
}

/** The first `words` words of a sentence, as a question. */
const opening = (sentence: string, words: number): string => `${sentence.split(/\s+/).slice(0, words).join(' ')} ?`;

/** Warm-up questions drawn from the corpus: suggestions, titles, then passages evenly spread over every document. */
export function warmUpQuestions(bot: Bot, corpus: LoadedCorpus, max: number): string[] {
  const questions = new Set<string>();
  for (const greeting of ['Bonjour', 'Hello']) {
    try {
      for (const s of bot.answer(greeting, newSession()).suggestions) questions.add(s);
    } catch {
      // a bot that cannot greet is still warmed by the questions below
    }
  }
  for (const doc of corpus.documents) if (doc.title) questions.add(doc.title);
  // Round-robin over documents, every 7th passage first, so every document gets a few passages warmed early.
  for (let offset = 0; offset < 7 && questions.size < max; offset++) {
    for (let ordinal = offset; questions.size < max; ordinal += 7) {
      let found = false;
      for (const doc of corpus.documents) {
        const sentence = corpus.index.passage(`${doc.id}:${ordinal}`)?.sentences.find((s) => s.split(' ').length >= 6);
        found ||= corpus.index.passage(`${doc.id}:${ordinal}`) !== undefined;
        if (sentence) questions.add(opening(sentence, 6 + (questions.size % 4)));
        if (questions.size >= max) break;
      }
      if (!found) break;
    }
  }
  return [...questions].slice(0, max);
}

/** Asks the warm-up questions, yielding to the event loop between them; never throws. */
export async function warmUp(bot: Bot, corpus: LoadedCorpus, options: WarmUpOptions = {}): Promise<WarmUpResult> {
  const started = performance.now();
  const budget = options.budgetMs ?? 10_000;
  let asked = 0;
  let questions: string[] = [];
  try {
    questions = warmUpQuestions(bot, corpus, options.maxQuestions ?? 150);
  } catch {
    // an odd corpus shape: no warm-up rather than no server
  }
  for (const question of questions) {
    if (performance.now() - started > budget || options.signal?.aborted) break;
    await nextTurn();
    try {
      bot.answer(question, newSession());
      asked++;
    } catch {
      // a question the bot fails on is the bot's problem, not the warm-up's
    }
  }
  return { questions: asked, ms: Math.round(performance.now() - started) };
}
