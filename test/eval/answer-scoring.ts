/**
 * Scoring of the end-to-end answer evaluation, shared by `npm run eval` and
 * the floor test. Pure: questions + a bot in, per-question results and
 * aggregate figures out.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Answer, Bot } from '../../src/bot/types.js';
import { newSession } from '../../src/bot/types.js';

export interface EvalQuestion {
  id: string;
  kind: 'rule' | 'retrieval' | 'followup' | 'out_of_scope' | 'smalltalk';
  lang: 'fr' | 'en';
  q: string;
  /** Questions asked before `q` in the same session (follow-ups). */
  before?: string[];
  expect: 'answer' | 'fallback' | 'smalltalk';
  facts?: string[];
  /** Facts that must NOT appear (a follow-up must narrow, not repeat). */
  absent?: string[];
  /** Path suffixes (files) or fragments ending with "/" (folders); one must be cited. */
  sources?: string[];
  split: 'tune' | 'heldout';
}

export interface EvalResult {
  question: EvalQuestion;
  answer: Answer;
  correct: boolean;
  factsOk: boolean;
  sourceOk: boolean;
  fallback: boolean;
  /** Cited sources that are among the expected ones / cited sources. */
  citedRight: number;
  cited: number;
}

/** The evaluation questions (`test/eval/answer-questions.json` unless another file is given). */
export function loadQuestions(path?: string): EvalQuestion[] {
  const file = path ?? fileURLToPath(new URL('./answer-questions.json', import.meta.url));
  return (JSON.parse(readFileSync(file, 'utf8')) as { questions: EvalQuestion[] }).questions;
}

/** Case-, accent-, space- and apostrophe-insensitive form used to compare facts. */
export function comparable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘ʼ]/g, "'")
    .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
    .replace(/ (?=[%€])/g, '');
}

const matchesSource = (path: string, expected: string): boolean =>
  expected.endsWith('/') ? path.includes(expected) : path.normalize('NFC').endsWith(expected);

export function runQuestion(bot: Bot, q: EvalQuestion): EvalResult {
  const session = newSession();
  for (const b of q.before ?? []) bot.answer(b, session);
  const answer = bot.answer(q.q, session);
  const text = comparable(answer.answer);
  const fallback = answer.kind === 'fallback';
  const factsOk =
    (q.facts ?? []).every((f) => text.includes(comparable(f))) &&
    (q.absent ?? []).every((f) => !text.includes(comparable(f)));
  const expected = q.sources ?? [];
  const citedRight = answer.sources.filter((s) => expected.some((e) => matchesSource(s.path, e))).length;
  const sourceOk = expected.length === 0 || citedRight > 0;
  let correct: boolean;
  if (q.expect === 'fallback') correct = fallback;
  else if (q.expect === 'smalltalk') correct = answer.kind === 'smalltalk';
  else correct = !fallback && factsOk && sourceOk;
  return { question: q, answer, correct, factsOk, sourceOk, fallback, citedRight, cited: expected.length ? answer.sources.length : 0 };
}

export interface Figures {
  n: number;
  accuracy: number;
  /** Cited sources that were expected, over all sources cited for answerable questions. */
  sourcePrecision: number;
  /** Out-of-scope questions that got the fallback. */
  fallbackOnOutOfScope: number;
  /** Fallbacks that were on out-of-scope questions. */
  fallbackPrecision: number;
  /** Answerable questions that got the fallback. */
  falseFallbackRate: number;
}

const ratio = (a: number, b: number): number => (b ? a / b : NaN);

export function figures(results: EvalResult[]): Figures {
  const answerable = results.filter((r) => r.question.expect === 'answer');
  const oos = results.filter((r) => r.question.expect === 'fallback');
  const fallbacks = results.filter((r) => r.fallback);
  return {
    n: results.length,
    accuracy: ratio(results.filter((r) => r.correct).length, results.length),
    sourcePrecision: ratio(
      answerable.reduce((s, r) => s + r.citedRight, 0),
      answerable.reduce((s, r) => s + r.cited, 0),
    ),
    fallbackOnOutOfScope: ratio(oos.filter((r) => r.fallback).length, oos.length),
    fallbackPrecision: ratio(fallbacks.filter((r) => r.question.expect === 'fallback').length, fallbacks.length),
    falseFallbackRate: ratio(answerable.filter((r) => r.fallback).length, answerable.length),
  };
}

export function groupBy<K extends string>(results: EvalResult[], key: (r: EvalResult) => K): Map<K, EvalResult[]> {
  const out = new Map<K, EvalResult[]>();
  for (const r of results) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}
