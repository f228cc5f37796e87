/**
 * One question to the bot in service, shared by the HTTP and socket channels:
 * logs the answer (without the question's text) and records fallbacks.
 */
import type { Answer, AnswerOptions, Bot, Session } from '../bot/types.js';
import { cacheOf } from './answer-cache.js';
import { answerFields, type Logger, type UnansweredLog } from './logging.js';

export interface AskContext {
  logger: Logger;
  unanswered: UnansweredLog;
  /** Most answers remembered per bot; 0 disables the cache. */
  answerCacheSize: number;
}

export interface Asked {
  answer: Answer;
  /** Fields describing the answer for the request's log line. */
  fields: ReturnType<typeof answerFields>;
  ms: number;
}

export function ask(
  context: AskContext,
  bot: Bot,
  question: string,
  session: Session,
  options: AnswerOptions,
): Asked {
  const started = performance.now();
  const answer =
    context.answerCacheSize > 0
      ? cacheOf(bot, context.answerCacheSize).answer(bot, question, session, options)
      : bot.answer(question, session, options);
  const ms = Math.round((performance.now() - started) * 100) / 100;
  if (answer.kind === 'fallback') context.unanswered.record(question, answer.lang);
  return { answer, fields: { ...answerFields(question, answer), botMs: ms }, ms };
}
