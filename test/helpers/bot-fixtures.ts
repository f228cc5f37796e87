/**
 * Small hand-built corpora for the bot's unit tests: a Knowledge written
 * here (fictitious administrations, défis, people), passages, and a tiny
 * in-memory PassageSearch with a plain analyzer. The real index is used by
 * the integration tests.
 */
import type { FactSource, Knowledge, Lang, Passage } from '../../src/ingest/types.js';
import type { LoadedCorpus, PassageSearch, SearchHit } from '../../src/index/types.js';
import type { TermTools } from '../../src/bot/question-terms.js';
import { fold, words } from '../../src/bot/normalize.js';
import { lightStem } from '../../src/bot/vocabulary.js';

const STOP = new Set(
  "le la les l de des du d un une et en a au aux pour par sur dans que qui quoi quel quels quelle quelles est sont ont ete été il elle ils t the of and in on a an is are what which who how many when".split(
    ' ',
  ),
);

export const simpleTools: TermTools = {
  analyze: (text: string) => words(text).filter((w) => !STOP.has(w)).map(lightStem),
};

export function passage(id: string, path: string, title: string, sentences: string[], page?: number, lang: Lang = 'fr'): Passage {
  return {
    id,
    docId: id.split(':')[0] ?? id,
    path,
    kind: path.endsWith('.pdf') ? 'report' : 'article',
    title,
    section: '',
    page,
    lang,
    tags: [],
    sentences,
    text: sentences.join(' '),
  };
}

/** Term-overlap search: enough to exercise the bot's sentence scoring and confidence. */
export function memoryIndex(passages: Passage[]): PassageSearch {
  // Like the real index, the section heading is searchable too.
  const terms = new Map(passages.map((p) => [p.id, new Set(simpleTools.analyze(`${p.text} ${p.section}`))]));
  return {
    passageCount: passages.length,
    passage: (id) => passages.find((p) => p.id === id),
    documentFrequency: (t) => passages.filter((p) => terms.get(p.id)?.has(t)).length,
    search(query, options): SearchHit[] {
      const q = [...new Set(simpleTools.analyze(query))];
      return passages
        .map((p) => {
          const matched = q.filter((t) => terms.get(p.id)?.has(t));
          return { passage: p, score: matched.length, terms: matched, queryTerms: matched };
        })
        .filter((h) => h.score > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, options?.limit ?? 10);
    },
  };
}

export const src = (p: Passage, snippet: string): FactSource => ({
  passageId: p.id,
  docId: p.docId,
  path: p.path,
  title: p.title,
  page: p.page,
  snippet,
});

/** A fictitious programme: two ministries (one with a directorate under it), three défis, people. */
export function fixture(): { knowledge: Knowledge; passages: Passage[]; corpus: LoadedCorpus } {
  const list = passage('a:0', 'articles/promo.md', 'Les défis de la promotion 7', [
    'Ministère des Mers : projet 1 : cartographier les récifs coralliens avec des drones.',
    'Ministère de la Montagne : prévoir les avalanches grâce aux capteurs de neige.',
  ]);
  const page = passage('b:0', 'articles/defis/glacier.md', 'Glaciologue : suivre la fonte des glaciers', [
    'Le défi Glaciologue est porté par la Direction des neiges éternelles (DNE) du ministère de la Montagne.',
    'Les EIG Zoé Martinvalet et Octave Brindamour travaillent avec leur mentor Aglaé Pruneville.',
  ]);
  const report = passage('c:0', 'reports/rapport-ponts.pdf', 'Rapport sur les ponts suspendus', [
    'La Cour a examiné la gestion des ponts suspendus entre 2010 et 2015.',
    'Le nombre de ponts suspendus inspectés est passé de 412 à 699 en cinq ans, soit une hausse de 70 %.',
    'Les inspections coûtent environ 4 M€ par an à l’État.',
  ], 3);
  const passages = [list, page, report];
  const knowledge: Knowledge = {
    administrations: [
      { id: 'mers', name: 'Ministère des Mers', aliases: ['Ministry of the Seas'], sources: [src(list, list.sentences[0] ?? '')] },
      { id: 'montagne', name: 'Ministère de la Montagne', aliases: ['Ministry of Mountains'], sources: [src(list, list.sentences[1] ?? '')] },
      {
        id: 'dne',
        name: 'Direction des neiges éternelles',
        acronym: 'DNE',
        aliases: [],
        parentId: 'montagne',
        sources: [src(page, page.sentences[0] ?? '')],
      },
    ],
    defis: [
      { id: 'd1', title: 'cartographier les récifs coralliens avec des drones', administrationId: 'mers', promotion: 7, year: 2023, people: [], sources: [src(list, list.sentences[0] ?? '')] },
      { id: 'd2', title: 'prévoir les avalanches grâce aux capteurs de neige', administrationId: 'montagne', promotion: 7, year: 2023, people: [], sources: [src(list, list.sentences[1] ?? '')] },
      { id: 'd3', title: 'Glaciologue : suivre la fonte des glaciers', administrationId: 'dne', promotion: 8, year: 2024, people: ['p1', 'p2', 'p3'], sources: [src(page, page.sentences[0] ?? '')] },
    ],
    people: [
      { id: 'p1', name: 'Zoé Martinvalet', roles: [{ role: 'eig', defiId: 'd3' }], sources: [src(page, page.sentences[1] ?? '')] },
      { id: 'p2', name: 'Octave Brindamour', roles: [{ role: 'eig', defiId: 'd3' }], sources: [src(page, page.sentences[1] ?? '')] },
      { id: 'p3', name: 'Aglaé Pruneville', roles: [{ role: 'mentor', defiId: 'd3' }], sources: [src(page, page.sentences[1] ?? '')] },
    ],
    acronyms: [],
  };
  const corpus: LoadedCorpus = {
    builtAt: '2024-01-01T00:00:00Z',
    roots: ['/tmp/x'],
    files: [],
    documents: [],
    documentById: new Map(),
    knowledge,
    index: memoryIndex(passages),
  };
  return { knowledge, passages, corpus };
}

export const folded = (s: string): string => fold(s);
