/**
 * The shared corpus (`corpus/` + `../shared/corpus`) ingested and loaded for
 * the bot's evaluation, floor test and benchmark. The artifact is cached in
 * `data/bot-eval.json` (git-ignored) and refreshed incrementally, so only
 * the first run pays for reading the PDFs.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildArtifact, loadCorpus, readArtifact, saveArtifact } from '../../src/index/artifact.js';
import type { Artifact, LoadedCorpus } from '../../src/index/types.js';
import { ingestCorpus } from '../../src/ingest/pipeline.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedCorpusDir = resolve(repoRoot, '..', 'shared', 'corpus');
export const botEvalIndex = resolve(repoRoot, 'data', 'bot-eval.json');

export async function loadSharedBotCorpus(indexPath = botEvalIndex): Promise<LoadedCorpus> {
  let previous: Artifact | undefined;
  if (existsSync(indexPath)) {
    try {
      previous = await readArtifact(indexPath);
    } catch {
      previous = undefined;
    }
  }
  const ingested = await ingestCorpus({ roots: [resolve(repoRoot, 'corpus'), sharedCorpusDir], previous });
  mkdirSync(dirname(indexPath), { recursive: true });
  await saveArtifact(indexPath, buildArtifact(ingested));
  return loadCorpus(indexPath);
}
