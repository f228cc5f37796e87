/**
 * The answer contract shared by the bot, the HTTP endpoint, the WebSocket
 * channel and the widget.
 */
import type { Lang } from '../ingest/types.js';

export type { Lang };

export type AnswerKind = 'rule' | 'retrieval' | 'smalltalk' | 'fallback';

/** A cited source: the passage an answer was read from. */
export interface Source {
  /** Passage id. */
  id: string;
  /** Document title. */
  title: string;
  /** Corpus-relative path of the file. */
  path: string;
  /** 1-based PDF page. */
  page?: number;
  /** Link to the file (and page), e.g. `/corpus/reports/x.pdf#page=12`. */
  url?: string;
  /** The quoted sentence(s). */
  snippet: string;
}

export interface Answer {
  /** Plain text with light Markdown (lists, bold). */
  answer: string;
  lang: Lang;
  kind: AnswerKind;
  /** e.g. `defis_by_administration`, `retrieval`, `greeting`, `fallback`. */
  intent: string;
  /** In [0, 1]. */
  confidence: number;
  sources: Source[];
  /** Questions the asker may send next, in their language. */
  suggestions: string[];
}

/**
 * What a conversation remembers between two questions. Plain data, so the
 * server can keep it across an index reload and it never holds a live index.
 */
export interface Session {
  lastIntent?: string;
  /** Slots of the last rule answer, e.g. `{ administration: 'ministere-de-l-interieur', year: '2018' }`. */
  lastSlots?: Record<string, string>;
  lastLang?: Lang;
  turns: number;
}

export interface AnswerOptions {
  /** Force the answer language instead of detecting it. */
  lang?: Lang;
}

export interface Bot {
  answer(question: string, session?: Session, options?: AnswerOptions): Answer;
}

export const newSession = (): Session => ({ turns: 0 });
