/** Small synthetic passages for index unit tests. */
import type { Knowledge, Passage } from '../../src/ingest/types.js';

let n = 0;

export function passage(text: string, over: Partial<Passage> = {}): Passage {
  const docId = over.docId ?? `doc${n++}`;
  const sentences = over.sentences ?? [text];
  return {
    id: `${docId}:0`,
    docId,
    path: over.path ?? `articles/${docId}.md`,
    kind: 'article',
    title: '',
    section: '',
    lang: 'fr',
    tags: [],
    ...over,
    sentences,
    text: sentences.join(' '),
  };
}

export const emptyKnowledge = (): Knowledge => ({ administrations: [], defis: [], people: [], acronyms: [] });

export function knowledgeWithAcronym(short: string, long: string): Knowledge {
  const k = emptyKnowledge();
  k.acronyms.push({ short, long, sources: [] });
  return k;
}
