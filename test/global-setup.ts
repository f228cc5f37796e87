/**
 * Ingest the real corpus once, before the test workers start, so that the
 * test files needing it read one cached artifact instead of each ingesting
 * the PDFs in parallel (see test/helpers/corpus.ts for the cache key).
 */
import { realArtifactPath } from './helpers/corpus.js';

export default async function setup(): Promise<void> {
  await realArtifactPath();
}
