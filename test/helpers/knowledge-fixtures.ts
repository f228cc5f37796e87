import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { readText } from '../../src/ingest/markdown.js';
import { readPdf } from '../../src/ingest/pdf.js';
import { segmentDocument } from '../../src/ingest/segment.js';
import type { Document, Passage } from '../../src/ingest/types.js';

/** Documents and passages read through the real readers and segmenter (no pipeline, no cache). */
export interface Loaded {
  documents: Document[];
  passages: Passage[];
}

export const REPO = resolve(import.meta.dirname, '../..');
export const SHARED = resolve(REPO, '../shared/corpus');

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

/**
 * Reads every .md/.txt (and .pdf when `pdf` is set) under the given folders (or the given files);
 * paths are relative to each folder (a file's own folder).
 */
export async function loadPassages(roots: string[], options: { pdf?: boolean } = {}): Promise<Loaded> {
  const out: Loaded = { documents: [], passages: [] };
  for (const [rootIndex, given] of roots.entries()) {
    const isFile = statSync(given).isFile();
    const root = isFile ? dirname(given) : given;
    for (const file of isFile ? [given] : walk(root)) {
      const path = relative(root, file).split('\\').join('/');
      let raws;
      if (/\.(md|markdown|txt)$/i.test(file)) raws = readText(readFileSync(file, 'utf8'), path);
      else if (options.pdf && /\.pdf$/i.test(file)) {
        try {
          raws = [await readPdf(new Uint8Array(readFileSync(file)), path)];
        } catch {
          continue; // scanned or broken PDFs are the readers' business, not knowledge extraction's
        }
      } else continue;
      for (const raw of raws) {
        const key = `${rootIndex}:${path}${raw.langSuffix ? `#${raw.langSuffix}` : ''}`;
        const docId = createHash('sha256').update(key).digest('hex').slice(0, 12);
        const { document, passages } = segmentDocument(raw, { docId, path, root: rootIndex });
        out.documents.push(document);
        out.passages.push(...passages);
      }
    }
  }
  return out;
}

/** Passages of a small document written in a test. */
export function passagesOfText(text: string, path: string): Loaded {
  const out: Loaded = { documents: [], passages: [] };
  for (const raw of readText(text, path)) {
    const docId = createHash('sha256').update(`${path}#${raw.langSuffix ?? ''}`).digest('hex').slice(0, 12);
    const { document, passages } = segmentDocument(raw, { docId, path, root: 0 });
    out.documents.push(document);
    out.passages.push(...passages);
  }
  return out;
}
