/**
 * The server's loader: an index artifact → a ready bot whose sources link to
 * the server's `/corpus` route. Throws (so the holder refuses the artifact)
 * when the artifact is unreadable, truncated or built by another analyzer.
 */
import { createBot } from '../bot/bot.js';
import { loadCorpus } from '../index/artifact.js';
import type { BotLoader } from './bot-holder.js';
import { corpusUrl } from './corpus-files.js';

export const loadBot: BotLoader = async (indexPath) => {
  const corpus = await loadCorpus(indexPath);
  return { corpus, bot: createBot(corpus, { sourceUrl: corpusUrl }) };
};
