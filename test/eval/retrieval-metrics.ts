/**
 * Retrieval metrics over the question set: rank of the source document among
 * the documents of the returned passages (recall@1, recall@5, MRR), and whether
 * the right page is among the first five passages.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import type { Lang, Passage } from '../../src/ingest/types.js';

export interface Question {
  q: string;
  lang: Lang;
  /** Corpus-relative path of the document that answers. */
  doc: string;
  /** Other paths of the same content (the seeds exist in two roots). */
  alt?: string[];
  page?: number;
  tags?: string[];
}

export interface Metrics {
  n: number;
  recall1: number;
  recall5: number;
  mrr: number;
  /** Share of questions with a page whose page is among the first five passages. */
  page5: number;
  /** Questions whose document is not first (rank 0: not found). */
  misses: { q: string; doc: string; rank: number; got: string[] }[];
}

/** A search returning passages, best first. */
export type Searcher = (q: string, lang: Lang) => Passage[];

const here = dirname(fileURLToPath(import.meta.url));

export function loadQuestions(): Question[] {
  return JSON.parse(readFileSync(join(here, 'retrieval-questions.json'), 'utf8')) as Question[];
}

export function evaluate(search: Searcher, questions: Question[]): Metrics {
  let r1 = 0;
  let r5 = 0;
  let rr = 0;
  let pages = 0;
  let pageHits = 0;
  const misses: Metrics['misses'] = [];
  for (const question of questions) {
    const wanted = new Set([question.doc, ...(question.alt ?? [])]);
    const passages = search(question.q, question.lang);
    const docs: string[] = [];
    for (const p of passages) if (!docs.includes(p.path)) docs.push(p.path);
    const rank = docs.findIndex((d) => wanted.has(d)) + 1;
    if (rank === 1) r1++;
    if (rank >= 1 && rank <= 5) r5++;
    if (rank >= 1) rr += 1 / rank;
    if (rank !== 1) misses.push({ q: question.q, doc: question.doc, rank, got: docs.slice(0, 3) });
    if (question.page !== undefined) {
      pages++;
      if (passages.slice(0, 5).some((p) => wanted.has(p.path) && p.page === question.page)) pageHits++;
    }
  }
  const n = questions.length || 1;
  return { n: questions.length, recall1: r1 / n, recall5: r5 / n, mrr: rr / n, page5: pages ? pageHits / pages : 0, misses };
}

/** The baseline to beat: plain MiniSearch, default options, fields title and text. */
export function baselineSearcher(passages: readonly Passage[]): Searcher {
  const ms = new MiniSearch<{ id: number; title: string; text: string }>({ fields: ['title', 'text'] });
  ms.addAll(passages.map((p, id) => ({ id, title: p.title, text: p.text })));
  return (q) => ms.search(q).slice(0, 50).map((r) => passages[r.id as number] as Passage);
}
