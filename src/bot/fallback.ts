/**
 * The honest "I don't know": said plainly in the asker's language, with no
 * source, rather than quoting a passage that does not answer.
 */
import type { Lang } from '../ingest/types.js';
import * as t from './templates.js';
import type { Answer } from './types.js';

export function fallbackAnswer(lang: Lang): Omit<Answer, 'lang' | 'suggestions'> {
  return { answer: t.say(t.T.fallback, lang), kind: 'fallback', intent: 'fallback', confidence: 0, sources: [] };
}
