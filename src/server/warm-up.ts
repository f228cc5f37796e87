/**
 * Warms a freshly built bot before (reload) or just after (start) it takes
 * traffic. A new bot's first answers are many times slower than later ones:
 * V8 has not optimised its code yet and the bot memoises per-passage work as
 * passages are first touched. Under load those cold answers queue up behind
 * each other on the one event loop: the server bench measured multi-second
 * latencies in the first seconds after start, and none after a warm-up.
 *
 * The questions are made from the corpus itself (the bot's own greeting
 * suggestions, then src/index/warm-queries.ts: titles and passage openings
 * spread over the corpus, some misspelled, unaccented or cut short, so that
 * the fuzzy and prefix paths are compiled too), so nothing corpus-specific
 * lives here. Each is answered in a
 * throwaway session, and the loop yields between questions so that requests
 * keep being served meanwhile.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { newSession, type Bot } from '../bot/types.js';
import type { LoadedCorpus } from '../index/types.js';
import { openings, WARM_QUERIES, warmQueries } from '../index/warm-queries.js';

/** Longest run of warm-up searches between two turns of the event loop. */
const SLICE_MS = 5;

export interface WarmUpOptions {
  /** Stop after this much wall time (default 10 s: a safety bound; on a busy machine 150 questions take several seconds). */
  budgetMs?: number;
  /** Most questions asked (default 150: fewer left the bench's first seconds slow). */
  maxQuestions?: number;
  /** Most index searches run after the questions (default WARM_QUERIES). */
  maxQueries?: number;
  /** Stops the warm-up early (the server is closing). */
  signal?: AbortSignal;
}

export interface WarmUpResult {
  questions: number;
  ms: number;
}

/** Warm-up questions drawn from the corpus: the greeting's suggestions, then titles and passage openings. */
export function warmUpQuestions(bot: Bot, corpus: LoadedCorpus, max: number): string[] {
  const questions = new Set<string>();
  for (const greeting of ['Bonjour', 'Hello']) {
    try {
      for (const s of bot.answer(greeting, newSession()).suggestions) questions.add(s);
    } catch {
      // a bot that cannot greet is still warmed by the questions below
    }
  }
  // As typed, one passage each: the bot's per-passage and per-document work is what a cold answer pays for,
  // so the questions cover as many passages as they can (variants of the same few left the first seconds of
  // traffic with 300 ms stalls); the index's fuzzy and prefix paths are warmed after, on variants.
  for (const { q } of openings(corpus.documents, corpus.index, max)) questions.add(q);
  return [...questions].slice(0, max);
}

/** Asks the warm-up questions, yielding to the event loop between them; never throws. */
export async function warmUp(bot: Bot, corpus: LoadedCorpus, options: WarmUpOptions = {}): Promise<WarmUpResult> {
  const started = performance.now();
  const budget = options.budgetMs ?? 10_000;
  const over = () => performance.now() - started > budget || options.signal?.aborted;
  let asked = 0;
  let questions: string[] = [];
  try {
    questions = warmUpQuestions(bot, corpus, options.maxQuestions ?? 150);
  } catch {
    // an odd corpus shape: no warm-up rather than no server
  }
  for (const question of questions) {
    if (over()) break;
    await nextTurn();
    try {
      bot.answer(question, newSession());
      asked++;
    } catch {
      // a question the bot fails on is the bot's problem, not the warm-up's
    }
  }
  // Then the index alone, on many more queries than the bot can answer in the time (a search costs a
  // fraction of an answer): its fuzzy and prefix paths get compiled before the first misspelled question.
  // Searches run in slices of a few milliseconds, so that requests keep being served on a large corpus too.
  try {
    const queries = warmQueries(corpus.documents, corpus.index, options.maxQueries ?? WARM_QUERIES);
    for (let i = 0; i < queries.length && !over(); ) {
      await nextTurn();
      const slice = performance.now();
      while (i < queries.length && performance.now() - slice < SLICE_MS) {
        const { q, lang } = queries[i++] as (typeof queries)[number];
        corpus.index.search(q, { lang });
      }
    }
  } catch {
    // a search that throws is the index's problem, not the warm-up's
  }
  return { questions: asked, ms: Math.round(performance.now() - started) };
}
