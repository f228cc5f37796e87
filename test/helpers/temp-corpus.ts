/** Temp folders for ingestion tests, and where the shared real corpus lives (never copied into the repo). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedCorpus = resolve(repoRoot, '..', 'shared', 'corpus');

const made: string[] = [];

export async function makeTempDir(prefix = 'rapporteur-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Call from afterAll. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** Root ignores file permissions: a chmod 000 file stays readable, so that check cannot be made. */
export const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
