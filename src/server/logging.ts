/**
 * Structured logs (one JSON line per event) and the in-memory record of
 * questions that got the fallback answer.
 *
 * No personal data in logs: no IP address, user agent, session id or question
 * text (a question may contain a name); only what the answer was (kind, intent,
 * language, confidence), its size and timings. Unanswered questions are kept
 * in memory only, truncated, for editors behind the admin token.
 */
import type { Answer } from '../bot/types.js';

export type LogFields = Record<string, string | number | boolean | null | undefined>;
export type LogSink = (line: string) => void;

export class Logger {
  constructor(private readonly sink: LogSink = (line) => process.stdout.write(line + '\n')) {}

  log(event: string, fields: LogFields = {}): void {
    try {
      this.sink(JSON.stringify({ ts: new Date().toISOString(), event, ...fields }));
    } catch {
      // A broken log sink must never break a request.
    }
  }
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger = new Logger(() => {});

/** The log fields that describe an answer, without its text or the question's. */
export const answerFields = (question: string, answer: Answer): LogFields => ({
  kind: answer.kind,
  intent: answer.intent,
  lang: answer.lang,
  confidence: Math.round(answer.confidence * 1000) / 1000,
  sources: answer.sources.length,
  questionChars: [...question].length,
});

export interface UnansweredEntry {
  /** The question as first asked, truncated. */
  question: string;
  count: number;
  lang: string;
  firstAt: string;
  lastAt: string;
}

const MAX_STORED_CHARS = 200;

/** Lowercase, collapsed spaces, no trailing punctuation: near-identical questions count together. */
export function normalizeQuestion(question: string): string {
  return question
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?!.¿¡…]+$/u, '')
    .trim()
    .slice(0, MAX_STORED_CHARS);
}

/** Questions that got the fallback, counted by normalised text; bounded in size. */
export class UnansweredLog {
  private readonly entries = new Map<string, UnansweredEntry>();
  private totalCount = 0;

  constructor(private readonly maxEntries = 1000) {}

  record(question: string, lang: string, at = new Date()): void {
    const key = normalizeQuestion(question);
    if (!key) return;
    this.totalCount++;
    const now = at.toISOString();
    const entry = this.entries.get(key);
    if (entry) {
      entry.count++;
      entry.lastAt = now;
      return;
    }
    if (this.entries.size >= this.maxEntries) this.dropRarest();
    this.entries.set(key, { question: truncate(question.trim()), count: 1, lang, firstAt: now, lastAt: now });
  }

  /** Most asked first, then most recent. */
  list(limit = 100): { total: number; distinct: number; items: UnansweredEntry[] } {
    const items = [...this.entries.values()]
      .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt))
      .slice(0, limit)
      .map((e) => ({ ...e }));
    return { total: this.totalCount, distinct: this.entries.size, items };
  }

  /** Evicts the least asked, oldest entry so that frequent gaps survive a flood of one-offs. */
  private dropRarest(): void {
    let victim: string | undefined;
    let worst: UnansweredEntry | undefined;
    for (const [key, entry] of this.entries) {
      if (!worst || entry.count < worst.count || (entry.count === worst.count && entry.lastAt < worst.lastAt)) {
        victim = key;
        worst = entry;
      }
    }
    if (victim !== undefined) this.entries.delete(victim);
  }
}

const truncate = (text: string): string => {
  const chars = [...text];
  return chars.length <= MAX_STORED_CHARS ? text : chars.slice(0, MAX_STORED_CHARS - 1).join('') + '…';
};
