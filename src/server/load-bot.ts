/**
 * The server's loader: an index artifact → a ready bot whose sources link to
 * the server's `/corpus` route. Throws (so the holder refuses the artifact)
 * when the artifact is unreadable, truncated, damaged anywhere or built by another analyzer.
 */
import { createBot } from '../bot/bot.js';
import { loadCorpus } from '../index/artifact.js';
import type { BotLoader } from './bot-holder.js';
import { corpusUrl } from './corpus-files.js';

export const loadBot: BotLoader = async (indexPath) => {
  // Every passage is read before the bot goes into service: a damaged line refuses the artifact now.
  const corpus = await loadCorpus(indexPath, { verify: true });
  return { corpus, bot: createBot(corpus, { sourceUrl: corpusUrl }) };
};
