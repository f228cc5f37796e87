/**
 * A fingerprint of the ingestion code itself. Incremental runs reuse a file's
 * previous passages only when both the file and the code that read it are
 * unchanged: after an upgrade of a reader, the segmenter or pdf-parse, every
 * file is read again instead of keeping passages cut by the old code.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** src/ingest and the shared text helpers it uses. */
const SOURCE_DIRS = [here, join(here, '..', 'text')];
const PACKAGES = ['pdf-parse', 'gray-matter', 'natural'];

let cached: Promise<string> | undefined;

export function ingestFingerprint(): Promise<string> {
  cached ??= compute();
  return cached;
}

async function compute(): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of SOURCE_DIRS) {
    for (const file of await sourceFiles(dir)) {
      hash.update(file.slice(dir.length)).update('\0').update(await readFile(file)).update('\0');
    }
  }
  for (const name of PACKAGES) hash.update(`${name}@${await packageVersion(name)}\0`);
  return hash.digest('hex').slice(0, 16);
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && /\.(ts|js|mjs|json)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function packageVersion(name: string): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(join(here, '..', '..', 'node_modules', name, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '?';
  } catch {
    return '?';
  }
}
