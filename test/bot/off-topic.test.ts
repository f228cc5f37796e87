/**
 * Ordinary questions on other topics (test/eval/off-topic-questions.json): general knowledge, daily life,
 * near-misses sharing a word with the corpus. The eval's out-of-scope items all fall back; these check the
 * same beyond them, with a floor a little under the share measured when it was set (French 182/189, English 57/60).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/bot.js';
import type { Bot } from '../../src/bot/types.js';
import { loadSharedBotCorpus } from '../helpers/bot-corpus.js';

const questions = JSON.parse(readFileSync(new URL('../eval/off-topic-questions.json', import.meta.url), 'utf8')) as { fr: string[]; en: string[] };
let bot: Bot;
beforeAll(async () => {
  bot = createBot(await loadSharedBotCorpus());
}, 300_000);

describe('ordinary questions on other topics', () => {
  it.each([['fr', 0.94], ['en', 0.93]] as const)('fall back in %s', (lang, floor) => {
    const list = questions[lang];
    const answered = list.filter((q) => !['fallback', 'smalltalk'].includes(bot.answer(q).kind));
    expect(list.length).toBeGreaterThanOrEqual(60);
    expect(1 - answered.length / list.length, answered.join('\n')).toBeGreaterThanOrEqual(floor);
  });
});
