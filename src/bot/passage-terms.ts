/**
 * Analysed terms of a passage (per sentence, heading, all), memoised per
 * passage object; and per-document term counts, memoised per document, so
 * the bot can tell a document's topic words from the words that pick one
 * passage inside it.
 */
import type { Passage } from '../ingest/types.js';
import type { PassageSearch } from '../index/types.js';
import { fold } from './normalize.js';
import { groupMatches, type TermGroup } from './sentences.js';

export interface AnalysedPassage {
  sentences: string[][];
  /** Title and section terms: what the passage is about, counted for passage coverage only. */
  heading: string[];
  /** Heading and sentence terms together (passage coverage). */
  all: string[];
  /** The same, each term once (coverage needs no order). */
  unique: string[];
}

type Analyze = (text: string, lang?: Passage['lang']) => string[];

/** PDF footnote calls glued to words ("conventionnelle2") would hide the word from matching. */
const withoutFootnoteCalls = (s: string): string => s.replace(/(\p{Ll}{4,})\d{1,3}(?=[\s,.;:!?)»]|$)/gu, '$1');

/**
 * The words of a document's file name (« guide-pseudonymisation.pdf »): how its editor named it, and how a
 * question may refer to it (« dans le guide sur… »). Left out: dates and hashes, short words and tags
 * (« VFF », « AAP », « mai »), and a title's word cut short (« …-l-assurance-mal.pdf » for « maladie »).
 */
export function fileWords(path: string, title: string): string {
  const titleWords = fold(title).split(/[^a-z0-9]+/);
  return (path.split('/').pop() ?? '')
    .replace(/\.[a-z0-9]+$/i, '')
    .split(/[-_.\s]+/)
    .filter((w) => w.length > 3 && !/\d/.test(w) && w !== w.toUpperCase())
    .filter((w) => !titleWords.some((t) => t.length > w.length && t.startsWith(fold(w))))
    .join(' ');
}

/** Per analyser, then per passage: two bots with other term tools over the same passages read their own terms. */
const cache = new WeakMap<Analyze, WeakMap<Passage, AnalysedPassage>>();

export function analysed(p: Passage, analyze: Analyze): AnalysedPassage {
  let byPassage = cache.get(analyze);
  if (!byPassage) cache.set(analyze, (byPassage = new WeakMap()));
  let cached = byPassage.get(p);
  if (!cached) {
    const sentences = p.sentences.map((s) => analyze(withoutFootnoteCalls(s), p.lang));
    const heading = analyze(`${p.title} ${p.section} ${fileWords(p.path, p.title)}`, p.lang);
    const all = [...heading, ...sentences.flat()];
    cached = { sentences, heading, all, unique: [...new Set(all)] };
    byPassage.set(p, cached);
  }
  return cached;
}

/** The passage `k` places after `p` in its document (before it when `k` < 0): passage ids are `${docId}:${ordinal}`. */
export function neighbour(index: PassageSearch, p: Passage, k: number): Passage | undefined {
  const colon = p.id.lastIndexOf(':');
  return index.passage(`${p.id.slice(0, colon)}:${Number(p.id.slice(colon + 1)) + k}`);
}

/** Which of a document's passages hold each sentence term (headings left out: they repeat the topic). */
export interface DocumentTerms {
  passages: number;
  postings: Map<string, Passage[]>;
}

const docCache = new WeakMap<PassageSearch, WeakMap<Analyze, Map<string, DocumentTerms>>>();

/** Passage ids are `${docId}:${ordinal}`, ordinals contiguous from 0 or 1. */
export function documentTerms(index: PassageSearch, docId: string, analyze: Analyze): DocumentTerms {
  let byAnalyzer = docCache.get(index);
  if (!byAnalyzer) docCache.set(index, (byAnalyzer = new WeakMap()));
  let byDoc = byAnalyzer.get(analyze);
  if (!byDoc) byAnalyzer.set(analyze, (byDoc = new Map()));
  let stats = byDoc.get(docId);
  if (stats) return stats;
  stats = { passages: 0, postings: new Map() };
  for (let i = 0; ; i++) {
    const p = index.passage(`${docId}:${i}`);
    if (!p) {
      if (i === 0) continue;
      break;
    }
    stats.passages++;
    for (const t of new Set(analysed(p, analyze).sentences.flat())) {
      const list = stats.postings.get(t);
      if (list) list.push(p);
      else stats.postings.set(t, [p]);
    }
  }
  byDoc.set(docId, stats);
  return stats;
}

/** Words remembered per document before the memo starts afresh (bounded memory on a long-running server). */
const FORMS_MEMO = 5000;
const formsCache = new WeakMap<DocumentTerms, Map<string, string[]>>();

/**
 * The document's terms that count for the group: its forms, and the same stem give or take an ending
 * (stemmers split "concernées" and "concernerait"), as sentence scoring counts them (memoised).
 */
export function formsIn(g: TermGroup, stats: DocumentTerms): string[] {
  let byGroup = formsCache.get(stats);
  if (!byGroup) formsCache.set(stats, (byGroup = new Map()));
  // Keyed by the group's term and forms, not the object: every question makes new groups, and a document's
  // vocabulary is worth walking once per word, not once per question.
  const key = `${g.term}|${[...g.forms].join(' ')}`;
  let forms = byGroup.get(key);
  if (!forms) {
    forms = [...g.forms].filter((f) => stats.postings.has(f));
    for (const t of stats.postings.keys()) if (!g.forms.has(t) && groupMatches(g, t)) forms.push(t);
    if (byGroup.size > FORMS_MEMO) byGroup.clear();
    byGroup.set(key, forms);
  }
  return forms;
}

/** Share of the document's passages where the group is found, in [0, 1]. */
export function localShare(g: TermGroup, stats: DocumentTerms): number {
  if (!stats.passages) return 0;
  const holders = new Set<Passage>();
  for (const f of formsIn(g, stats)) for (const p of stats.postings.get(f) ?? []) holders.add(p);
  return holders.size / stats.passages;
}
