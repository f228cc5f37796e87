/**
 * The index artifact (`data/index.json`): the ingested corpus plus the compiled
 * passage index (BM25 postings as typed arrays, see term-index.ts). Written atomically (temp file in the same folder, fsync,
 * rename) so a crash never leaves a half-written index; loaded without
 * rebuilding anything, and refused when its analyzer is not the running one.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Document, Passage } from '../ingest/types.js';
import { ANALYZER_VERSION } from './analyzer.js';
import { PassageIndex } from './passage-index.js';
import type { Artifact, IngestedCorpus, LoadedCorpus } from './types.js';

export const ARTIFACT_FORMAT = 'rapporteur-index';
/**
 * Bump when the artifact's JSON layout changes (3: compiled postings and lexicon instead of MiniSearch's JSON;
 * 4: the lexicon laid out for lookups in place, lexicon-layout.ts).
 */
export const FORMAT_VERSION = 4;

/** Builds the index over the corpus' passages. */
export function buildArtifact(corpus: IngestedCorpus): Artifact {
  const index = PassageIndex.build(corpus.passages, { knowledge: corpus.knowledge });
  return {
    ...corpus,
    format: ARTIFACT_FORMAT,
    formatVersion: FORMAT_VERSION,
    analyzerVersion: ANALYZER_VERSION,
    builtAt: new Date().toISOString(),
    index: index.toJSON(),
  };
}

/**
 * Stored passages are compacted: `text` (the join of the sentences) is dropped, and so are
 * the fields equal to the previous passage's (a document's passages share title, path, tags…).
 */
type StoredPassage = Partial<Passage>;
const SHARED_FIELDS = ['docId', 'path', 'kind', 'title', 'section', 'page', 'lang', 'date', 'tags'] as const;

function compactAll(passages: Passage[]): StoredPassage[] {
  let prev: Passage | undefined;
  return passages.map((p) => {
    const out: StoredPassage = { ...p };
    if (p.text === p.sentences.join(' ')) delete out.text;
    if (prev && prev.docId === p.docId) {
      for (const key of SHARED_FIELDS) {
        if (!(key in p) || p[key] === undefined) {
          // Absent here but present before: say so explicitly, or it would be inherited.
          if (prev[key] !== undefined) (out as Record<string, unknown>)[key] = null;
        } else if (JSON.stringify(p[key]) === JSON.stringify(prev[key])) delete out[key];
      }
    }
    prev = p;
    return out;
  });
}

/** Fills the stored passages in place (they were just parsed: nobody else holds them). */
function expandAll(stored: StoredPassage[]): Passage[] {
  let prev: Record<string, unknown> | undefined;
  for (const s of stored) {
    const p = s as Record<string, unknown>;
    const inherit = prev !== undefined && (p.docId === undefined || p.docId === prev.docId);
    for (const key of SHARED_FIELDS) {
      const v = p[key];
      if (v === null) delete p[key];
      else if (v === undefined && inherit && (prev as Record<string, unknown>)[key] !== undefined) p[key] = (prev as Record<string, unknown>)[key];
    }
    if (p.text === undefined) p.text = ((p.sentences as string[] | undefined) ?? []).join(' ');
    prev = p;
  }
  return stored as Passage[];
}

export function serializeArtifact(artifact: Artifact): string {
  // The versions first, so `recordedAnalyzer` reads them without parsing hundreds of megabytes.
  const { format, formatVersion, analyzerVersion, ...rest } = artifact;
  return JSON.stringify({ format, formatVersion, analyzerVersion, ...rest, passages: compactAll(artifact.passages) });
}

/**
 * The analyzer version an artifact file records, read without parsing it: in its first bytes since
 * `serializeArtifact` writes it there, further on in files written before (undefined if absent).
 */
export async function recordedAnalyzer(path: string): Promise<string | undefined> {
  const pattern = /"analyzerVersion":"([^"]*)"/;
  const chunk = 1 << 20;
  const handle = await open(path, 'r');
  try {
    let tail = '';
    for (let at = 0; ; at += chunk) {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(chunk), 0, chunk, at);
      if (!bytesRead) return undefined;
      // The tail of the previous chunk, in case the field straddles two reads.
      const text = tail + buffer.subarray(0, bytesRead).toString('latin1');
      const found = pattern.exec(text)?.[1];
      if (found !== undefined) return found;
      tail = text.slice(-64);
    }
  } finally {
    await handle.close();
  }
}

/** Writes `path.tmp-<pid>-<random>` beside `path`, flushes it to disk, then renames it over `path`. */
export async function saveArtifact(path: string, artifact: Artifact): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(serializeArtifact(artifact), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

export function parseArtifact(json: string, source = 'index'): Artifact {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new Error(`${source} is not valid JSON (${(err as Error).message}); re-run \`npm run ingest\``);
  }
  const a = raw as Partial<Artifact> | null;
  if (!a || typeof a !== 'object' || a.format !== ARTIFACT_FORMAT) {
    throw new Error(`${source} is not a rapporteur index; re-run \`npm run ingest\``);
  }
  if (a.formatVersion !== FORMAT_VERSION) {
    throw new Error(
      `${source} has format version ${String(a.formatVersion)}, this program reads ${FORMAT_VERSION}; re-run \`npm run ingest\``,
    );
  }
  for (const key of ['roots', 'files', 'documents', 'passages'] as const) {
    if (!Array.isArray(a[key])) throw new Error(`${source} is incomplete (no ${key}); re-run \`npm run ingest\``);
  }
  if (!a.knowledge || typeof a.knowledge !== 'object' || !a.index) {
    throw new Error(`${source} is incomplete (no knowledge or index); re-run \`npm run ingest\``);
  }
  const passages = expandAll(a.passages as StoredPassage[]);
  return { ...(a as Artifact), passages };
}

/** Reads and validates an artifact, whatever its analyzer (incremental ingestion only needs its passages). */
export async function readArtifact(path: string): Promise<Artifact> {
  return parseArtifact(await readFile(path, 'utf8'), path);
}

/** Throws a clear message when the artifact was built by another analyzer. */
export function checkAnalyzer(artifact: Artifact, source = 'index'): void {
  if (artifact.analyzerVersion !== ANALYZER_VERSION) {
    throw new Error(
      `${source} was built with analyzer "${artifact.analyzerVersion}" but this program uses "${ANALYZER_VERSION}": ` +
        'its terms would not match the questions. Re-run `npm run ingest` to rebuild it.',
    );
  }
}

/** An in-memory artifact → a searchable corpus (no re-indexing). */
export function corpusFromArtifact(artifact: Artifact, source = 'index'): LoadedCorpus {
  checkAnalyzer(artifact, source);
  const index = PassageIndex.fromJSON(artifact.index, artifact.passages, { knowledge: artifact.knowledge });
  return {
    builtAt: artifact.builtAt,
    roots: artifact.roots,
    files: artifact.files,
    documents: artifact.documents,
    documentById: new Map(artifact.documents.map((d: Document) => [d.id, d])),
    knowledge: artifact.knowledge,
    index,
  };
}

/** Loads `data/index.json` (or another path) for the bot and the server. */
export async function loadCorpus(path: string): Promise<LoadedCorpus> {
  return corpusFromArtifact(await readArtifact(path), path);
}
