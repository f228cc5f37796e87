/**
 * Knowledge as the artifact stores it: a fact's source names its passage, and passage ids are
 * `${docId}:${ordinal}`, so the source's document id, path and title are left out when they are the
 * ones of that document (they were 40% of the stored knowledge) and filled back from the documents
 * at load. A source that differs keeps its own.
 */
import type { Document, FactSource, Knowledge } from '../ingest/types.js';

const LISTS = ['administrations', 'defis', 'people', 'acronyms'] as const;

type StoredSource = Omit<FactSource, 'docId' | 'path' | 'title'> & Partial<FactSource>;

const docIdOf = (passageId: string): string => passageId.slice(0, Math.max(0, passageId.lastIndexOf(':')));

function mapSources(knowledge: Knowledge, f: (s: FactSource) => FactSource): Knowledge {
  const out = { ...knowledge };
  for (const list of LISTS) {
    out[list] = (knowledge[list] as { sources: FactSource[] }[]).map((item) => ({ ...item, sources: item.sources.map(f) })) as never;
  }
  return out;
}

export function compactKnowledge(knowledge: Knowledge, documentById: ReadonlyMap<string, Document>): Knowledge {
  return mapSources(knowledge, (s) => {
    const { passageId, docId, path, title, ...rest } = s;
    const doc = documentById.get(docId);
    const stored: Partial<FactSource> = { passageId };
    if (docId !== docIdOf(passageId)) stored.docId = docId;
    if (path !== doc?.path) stored.path = path;
    if (title !== doc?.title) stored.title = title;
    return { ...stored, ...rest } as FactSource;
  });
}

/** The inverse of `compactKnowledge`, in place (the knowledge was just parsed: nobody else holds it). */
export function expandKnowledge(knowledge: Knowledge, documentById: ReadonlyMap<string, Document>): Knowledge {
  for (const list of LISTS) {
    for (const item of knowledge[list] as { sources: FactSource[] }[]) {
      item.sources = item.sources.map((stored: StoredSource) => {
        const { passageId, docId = docIdOf(passageId), path, title, ...rest } = stored;
        const doc = documentById.get(docId);
        if ((path ?? doc?.path) === undefined || (title ?? doc?.title) === undefined) {
          throw new Error(`a fact source names passage ${passageId} of no known document`);
        }
        return { passageId, docId, path: path ?? (doc as Document).path, title: title ?? (doc as Document).title, ...rest };
      });
    }
  }
  return knowledge;
}
