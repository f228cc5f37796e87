/**
 * The real corpus (`corpus/` + `../shared/corpus`) ingested once and cached as
 * an artifact in the OS temp folder, keyed by the content of the corpus files
 * and of the ingestion and index code: tests, evals and benches share it, and
 * any change to a file or to the code makes a fresh one.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildArtifact, corpusFromArtifact, readArtifact, saveArtifact } from '../../src/index/artifact.js';
import type { Artifact, LoadedCorpus } from '../../src/index/types.js';
import { ingestCorpus } from '../../src/ingest/pipeline.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedCorpusDir = resolve(repoRoot, '..', 'shared', 'corpus');
/** The default roots, in the order `npm run ingest -- corpus ../shared/corpus` uses. */
export const corpusRoots = [resolve(repoRoot, 'corpus'), sharedCorpusDir];
const CODE_DIRS = ['src/ingest', 'src/index', 'src/text'].map((d) => resolve(repoRoot, d));

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** sha256 over every corpus file and every ingestion/index source file. */
export async function corpusKey(roots: string[] = corpusRoots): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of [...roots, ...CODE_DIRS]) {
    hash.update(`${dir}\0`);
    for (const file of await filesUnder(dir)) hash.update(file.slice(dir.length)).update('\0').update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 20);
}

const memo = new Map<string, Promise<{ artifact: Artifact; file: string }>>();

function cached(roots: string[]): Promise<{ artifact: Artifact; file: string }> {
  const id = roots.join('\0');
  let p = memo.get(id);
  if (!p) {
    p = (async () => {
      const file = join(tmpdir(), 'rapporteur-test-cache', `index-${await corpusKey(roots)}.json`);
      try {
        return { artifact: await readArtifact(file), file };
      } catch {
        const artifact = buildArtifact(await ingestCorpus({ roots }));
        await saveArtifact(file, artifact);
        await pruneCache(file);
        return { artifact, file };
      }
    })();
    memo.set(id, p);
  }
  return p;
}

/** Older cached artifacts (other code or corpus versions) are removed after an hour. */
async function pruneCache(keep: string): Promise<void> {
  const dir = dirname(keep);
  for (const name of await readdir(dir).catch(() => [])) {
    const file = join(dir, name);
    if (file === keep || !/^index-[0-9a-f]+\.json$/.test(name)) continue;
    const info = await stat(file).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > 3_600_000) await rm(file, { force: true });
  }
}

/** The artifact of the real corpus: from the cache when its key matches, ingested (and cached) otherwise. */
export async function realArtifact(roots: string[] = corpusRoots): Promise<Artifact> {
  return (await cached(roots)).artifact;
}

/** Path of the cached artifact file (ingesting first if needed), e.g. to measure load time. */
export async function realArtifactPath(roots: string[] = corpusRoots): Promise<string> {
  return (await cached(roots)).file;
}

/** The real corpus, loaded and searchable. */
export async function realCorpus(roots: string[] = corpusRoots): Promise<LoadedCorpus> {
  return corpusFromArtifact(await realArtifact(roots));
}
