/**
 * Keeps the retrieval quality from regressing: the evaluation set must stay
 * above a floor (a little under the measured figures) and above plain MiniSearch.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusFromArtifact } from '../../src/index/artifact.js';
import type { LoadedCorpus } from '../../src/index/types.js';
import type { Passage } from '../../src/ingest/types.js';
import { realArtifact } from '../helpers/corpus.js';
import { baselineSearcher, evaluate, loadQuestions, type Searcher } from '../eval/retrieval-metrics.js';

let corpus: LoadedCorpus;
let passages: Passage[];
let baseline: Searcher;

beforeAll(async () => {
  const artifact = await realArtifact();
  passages = artifact.passages;
  corpus = corpusFromArtifact(artifact);
  baseline = baselineSearcher(passages);
}, 300_000);

describe('retrieval quality on the shared corpus', () => {
  const questions = loadQuestions();
  const ours: Searcher = (q, lang) => corpus.index.search(q, { lang, limit: 50 }).map((h) => h.passage);

  it('has a real evaluation set: at least 80 questions in both languages over every document group', () => {
    expect(questions.length).toBeGreaterThanOrEqual(80);
    expect(questions.filter((q) => q.lang === 'en').length).toBeGreaterThanOrEqual(20);
    for (const group of ['reports/cour-des-comptes/', 'reports/eig/', 'reports/etalab-guides/', 'articles/eig-blog/', 'articles/eig-defis-2018/']) {
      expect(questions.filter((q) => q.doc.startsWith(group)).length).toBeGreaterThanOrEqual(5);
    }
    const paths = new Set(passages.map((p) => p.path));
    for (const q of questions) expect(paths.has(q.doc) || (q.alt ?? []).some((a) => paths.has(a)), q.doc).toBe(true);
  });

  it('finds the source document in the top 5 for at least 95% of questions and first for at least 85%', () => {
    const m = evaluate(ours, questions);
    expect(m.recall5).toBeGreaterThanOrEqual(0.95);
    expect(m.recall1).toBeGreaterThanOrEqual(0.85);
  }, 60_000);

  it('answers English questions about French documents far better than plain MiniSearch', () => {
    const english = questions.filter((q) => q.lang === 'en');
    const ourMrr = evaluate(ours, english).mrr;
    const baseMrr = evaluate(baseline, english).mrr;
    expect(ourMrr).toBeGreaterThanOrEqual(0.85);
    expect(ourMrr).toBeGreaterThan(baseMrr + 0.2);
  }, 60_000);

  it('beats plain MiniSearch overall', () => {
    expect(evaluate(ours, questions).mrr).toBeGreaterThan(evaluate(baseline, questions).mrr);
  }, 60_000);
});
