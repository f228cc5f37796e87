/**
 * The index artifact (`data/index.json`): the ingested corpus plus the compiled
 * passage index (BM25 postings as typed arrays, see term-index.ts). Written atomically (temp file in the same folder, fsync,
 * rename) so a crash never leaves a half-written index; loaded without
 * rebuilding anything, and refused when its analyzer is not the running one.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isAscii } from 'node:buffer';
import type { Document } from '../ingest/types.js';
import { ANALYZER_VERSION } from './analyzer.js';
import { compactKnowledge, expandKnowledge } from './knowledge-store.js';
import { asciiJSON } from './lines.js';
import { PassageIndex } from './passage-index.js';
import { expandLegacyPassages, expandPassages, LazyPassages, storePassages, type StoredPassagesJSON } from './passage-store.js';
import type { Artifact, IngestedCorpus, LoadedCorpus } from './types.js';

export const ARTIFACT_FORMAT = 'rapporteur-index';
/**
 * Bump when the artifact's JSON layout changes (3: compiled postings and lexicon instead of MiniSearch's JSON;
 * 4: the lexicon laid out for lookups in place, lexicon-layout.ts; passages last, one a line, each parsed when first
 * read, passage-store.ts; pure ASCII).
 */
export const FORMAT_VERSION = 4;
/** The version before, still read (whole, its lexicon rebuilt at load) so that an upgrade serves the index it finds. */
const LEGACY_VERSION = 3;

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

/** Opens the passages, the artifact's last field, one a line (a JSON string holds no raw newline). */
const PASSAGES_OPEN = ',"passages":[\n';
const PASSAGES_CLOSE = '\n]}';

export function serializeArtifact(artifact: Artifact): string {
  // The versions first, so `recordedAnalyzer` reads them without parsing hundreds of megabytes.
  const { format, formatVersion, analyzerVersion, passages, ...rest } = artifact;
  const { lines, json } = storePassages(passages);
  const knowledge = compactKnowledge(rest.knowledge, byId(rest.documents));
  const head = JSON.stringify({ format, formatVersion, analyzerVersion, ...rest, knowledge, storedPassages: json });
  return `${asciiJSON(head.slice(0, -1))}${PASSAGES_OPEN}${lines.join(',\n')}${PASSAGES_CLOSE}`;
}

/** A file's text: ASCII (as `saveArtifact` writes) is read byte for byte, anything else as UTF-8. */
const decode = (bytes: Buffer): string => (isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8'));

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

type StoredArtifact = Artifact & { storedPassages?: StoredPassagesJSON };

/** Checks a parsed artifact's head (everything but the passages' contents). */
function checkArtifact(raw: unknown, source: string): StoredArtifact {
  const a = raw as Partial<StoredArtifact> | null;
  if (!a || typeof a !== 'object' || a.format !== ARTIFACT_FORMAT) {
    throw new Error(`${source} is not a rapporteur index; re-run \`npm run ingest\``);
  }
  if (a.formatVersion !== FORMAT_VERSION && a.formatVersion !== LEGACY_VERSION) {
    throw new Error(
      `${source} has format version ${String(a.formatVersion)}, this program reads ${FORMAT_VERSION}; re-run \`npm run ingest\``,
    );
  }
  for (const key of ['roots', 'files', 'documents', 'passages'] as const) {
    if (!Array.isArray(a[key])) throw new Error(`${source} is incomplete (no ${key}); re-run \`npm run ingest\``);
  }
  if (!a.knowledge || typeof a.knowledge !== 'object' || !a.index || (a.formatVersion === FORMAT_VERSION && !a.storedPassages)) {
    throw new Error(`${source} is incomplete (no knowledge, index or passage table); re-run \`npm run ingest\``);
  }
  return a as StoredArtifact;
}

function parseJSON(json: string, source: string): unknown {
  try {
    return JSON.parse(json);
  } catch (err) {
    throw new Error(`${source} is not valid JSON (${(err as Error).message}); re-run \`npm run ingest\``);
  }
}

/** The whole artifact, its passages made. */
export function parseArtifact(json: string, source = 'index'): Artifact {
  const { storedPassages, ...a } = checkArtifact(parseJSON(json, source), source);
  if (a.formatVersion === LEGACY_VERSION) return { ...a, formatVersion: FORMAT_VERSION, passages: expandLegacyPassages(a.passages) };
  return damaged(source, () => {
    expandKnowledge(a.knowledge, byId(a.documents));
    return { ...a, passages: expandPassages(a.passages, storedPassages as StoredPassagesJSON) };
  });
}

/** Runs `read`, turning what it throws into the message that the artifact is damaged. */
function damaged<T>(source: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    throw new Error(`${source} has damaged passages or facts (${(err as Error).message}); re-run \`npm run ingest\``);
  }
}

/**
 * The artifact's head parsed, and its passages' lines (bytes) left as they are, when the file is laid out as
 * `serializeArtifact` writes it (undefined otherwise).
 */
function splitArtifact(bytes: Buffer, source: string): { head: StoredArtifact; lines: Buffer } | undefined {
  const from = bytes.indexOf(10) + 1;
  const to = bytes.length - PASSAGES_CLOSE.length;
  const open = from - PASSAGES_OPEN.length;
  if (from === 0 || open < 0 || to < from) return undefined;
  if (bytes.toString('latin1', open, from) !== PASSAGES_OPEN || bytes.toString('latin1', to) !== PASSAGES_CLOSE) return undefined;
  const head = checkArtifact(parseJSON(`${decode(bytes.subarray(0, open))},"passages":[]}`, source), source);
  return { head, lines: bytes.subarray(from, to) };
}

/** Reads and validates an artifact, whatever its analyzer (incremental ingestion only needs its passages). */
export async function readArtifact(path: string): Promise<Artifact> {
  return parseArtifact(decode(await readFile(path)), path);
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
  return corpusOf(artifact, PassageIndex.fromJSON(artifact.index, artifact.passages, { knowledge: artifact.knowledge }));
}

const byId = (documents: Document[]): Map<string, Document> => new Map(documents.map((d) => [d.id, d]));

function corpusOf(artifact: Artifact, index: PassageIndex, documentById = byId(artifact.documents)): LoadedCorpus {
  return {
    builtAt: artifact.builtAt,
    roots: artifact.roots,
    files: artifact.files,
    documents: artifact.documents,
    documentById,
    knowledge: artifact.knowledge,
    index,
  };
}

/**
 * Loads `data/index.json` (or another path) for the bot and the server. The passages are left in
 * the file's bytes and each is decoded and parsed when first read (passage-store.ts); with `verify`
 * (the server, which must refuse a broken artifact before serving it) every passage is read now.
 */
export async function loadCorpus(path: string, { verify = false }: { verify?: boolean } = {}): Promise<LoadedCorpus> {
  const bytes = await readFile(path);
  const split = splitArtifact(bytes, path);
  if (!split) return corpusFromArtifact(parseArtifact(decode(bytes), path), path);
  const { head, lines } = split;
  if (head.formatVersion !== FORMAT_VERSION) throw new Error(`${path} has format version ${head.formatVersion} but the layout of ${FORMAT_VERSION}; re-run \`npm run ingest\``);
  checkAnalyzer(head, path);
  const documentById = byId(head.documents);
  const passages = damaged(path, () => {
    expandKnowledge(head.knowledge, documentById);
    const lazy = new LazyPassages(lines, head.storedPassages as StoredPassagesJSON, path);
    if (verify) lazy.verify();
    return lazy;
  });
  return corpusOf(head, PassageIndex.fromJSON(head.index, passages, { knowledge: head.knowledge }), documentById);
}
