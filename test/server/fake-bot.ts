/**
 * A test-only bot and loader, so that server behaviour (limits, sessions,
 * reload) can be tested quickly and exactly. The real bot over the real seed
 * corpus is exercised in real-corpus.test.ts.
 *
 * A fake artifact is JSON: `{ tag, builtAt, roots, documents }`. Its bot answers
 * "[tag] …" so a test can tell which artifact answered; questions containing
 * "zzz" get the fallback.
 */
import { readFile } from 'node:fs/promises';
import type { Answer, AnswerOptions, Bot, Session } from '../../src/bot/types.js';
import type { Document } from '../../src/ingest/types.js';
import type { LoadedCorpus } from '../../src/index/types.js';
import type { BotLoader } from '../../src/server/bot-holder.js';
import { corpusUrl } from '../../src/server/corpus-files.js';

export interface FakeArtifact {
  tag: string;
  builtAt: string;
  roots: string[];
  documents: Pick<Document, 'root' | 'path' | 'pages' | 'title'>[];
}

export function fakeCorpus(artifact: FakeArtifact): LoadedCorpus {
  const documents: Document[] = artifact.documents.map((d, i) => ({
    id: `doc${i}`,
    root: d.root,
    path: d.path,
    kind: d.pages ? 'report' : 'article',
    title: d.title,
    lang: 'fr',
    ...(d.pages ? { pages: d.pages } : {}),
    meta: {},
  }));
  return {
    builtAt: artifact.builtAt,
    roots: artifact.roots,
    files: [],
    documents,
    documentById: new Map(documents.map((d) => [d.id, d])),
    knowledge: { administrations: [], defis: [], people: [], acronyms: [] },
    index: { search: () => [], passage: () => undefined, documentFrequency: () => 0, passageCount: documents.length * 3 },
  };
}

export class FakeBot implements Bot {
  /** Questions really computed (cache misses). */
  calls = 0;
  constructor(
    readonly corpus: LoadedCorpus,
    readonly tag: string,
  ) {}

  answer(question: string, session?: Session, options: AnswerOptions = {}): Answer {
    this.calls++;
    if (question.includes('explode')) throw new Error('bot failure');
    const lang = options.lang ?? (/\b(the|what|which)\b/i.test(question) ? 'en' : 'fr');
    // The conversation's state lives in the session's slots (the bot only counts `turns`, like the real one).
    const turn = Number(session?.lastSlots?.n ?? 0) + 1;
    if (session) {
      session.turns++;
      session.lastLang = lang;
      session.lastSlots = { n: String(turn) };
    }
    if (/^(bonjour|hello)$/i.test(question)) {
      return { answer: 'hi', lang, kind: 'smalltalk', intent: 'greeting', confidence: 1, sources: [], suggestions: [`suggestion ${lang}`] };
    }
    if (/zzz/i.test(question)) {
      return { answer: 'no idea', lang, kind: 'fallback', intent: 'fallback', confidence: 0, sources: [], suggestions: [] };
    }
    const doc = this.corpus.documents[0];
    const sources = doc
      ? [{ id: `${doc.id}:0`, title: doc.title, path: doc.path, page: doc.pages ? 1 : undefined, url: corpusUrl(doc.path, doc.pages ? 1 : undefined), snippet: 's' }]
      : [];
    return {
      answer: `[${this.tag}] turn ${turn}: ${question}`,
      lang,
      kind: 'retrieval',
      intent: 'retrieval',
      confidence: 0.5,
      sources: sources.map((s) => (s.page === undefined ? { id: s.id, title: s.title, path: s.path, url: s.url, snippet: s.snippet } : s)),
      suggestions: ['next?'],
    };
  }
}

/** Reads a fake artifact; throws on anything else, like the real loader refusing a broken artifact. */
export const fakeLoader =
  (delay?: Promise<void>): BotLoader =>
  async (path) => {
    await delay;
    const artifact = JSON.parse(await readFile(path, 'utf8')) as FakeArtifact;
    if (typeof artifact.tag !== 'string' || !Array.isArray(artifact.documents)) throw new Error('not a fake artifact');
    const corpus = fakeCorpus(artifact);
    return { bot: new FakeBot(corpus, artifact.tag), corpus };
  };
