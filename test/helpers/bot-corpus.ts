/**
 * The shared corpus (`corpus/` + `../shared/corpus`) for the bot's evaluation,
 * floor test and benchmark: the one cached artifact of test/helpers/corpus.ts
 * (ingested once per code and corpus version), also copied to
 * `data/bot-eval.json` so that `npm run ask -- --index data/bot-eval.json`
 * and the bench's load timing can use it.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { LoadedCorpus } from '../../src/index/types.js';
import { realArtifactPath, realCorpus, repoRoot } from './corpus.js';

export { repoRoot, sharedCorpusDir } from './corpus.js';
export const botEvalIndex = resolve(repoRoot, 'data', 'bot-eval.json');

export async function loadSharedBotCorpus(): Promise<LoadedCorpus> {
  await mkdir(dirname(botEvalIndex), { recursive: true });
  await copyFile(await realArtifactPath(), botEvalIndex);
  return realCorpus();
}
