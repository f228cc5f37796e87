/**
 * The scorer's dynamic pruning must not change anything: on every evaluation
 * question and every benchmark query (typed, misspelled, accentless, English),
 * pruned and exhaustive scoring return the same passages with the same scores,
 * with and without filters, for several result limits. The counters check that the
 * pruning paths (unlisted passages, clauses read out of order) are taken.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PassageIndex } from '../../src/index/passage-index.js';
import { Daat, type DaatStats } from '../../src/index/daat.js';
import { WINDOW_SHIFT } from '../../src/index/daat-window.js';
import type { SearchOptions } from '../../src/index/types.js';
import type { Lang } from '../../src/ingest/types.js';
import { benchQueries } from '../../bench/index-bench.js';
import { loadQuestions } from '../eval/retrieval-metrics.js';
import { realCorpus } from '../helpers/corpus.js';

let index: PassageIndex;

beforeAll(async () => {
  const corpus = await realCorpus();
  if (!(corpus.index instanceof PassageIndex)) throw new Error('the loaded index is not a PassageIndex');
  index = corpus.index;
}, 300_000);

/** The scorer's counters, read through the index's private scorer (a test-only view). */
const scorer = () =>
  (index as unknown as { scorer?: { hopelessPassages: number; reorderedQueries: number; daatFrom: number; daat: Daat } }).scorer;
/** Passages the scorer never listed. */
const hopeless = (): number => scorer()?.hopelessPassages ?? 0;
/** Queries read out of the canonical clause order. */
const reordered = (): number => scorer()?.reorderedQueries ?? 0;

function both(q: string, options: SearchOptions) {
  index.pruning = false;
  const exhaustive = index.search(q, options).map((h) => [h.passage.id, h.score, h.terms]);
  index.pruning = true;
  const pruned = index.search(q, options).map((h) => [h.passage.id, h.score, h.terms]);
  return { exhaustive, pruned };
}

describe('pruned top-k scoring', () => {
  const queries: { q: string; lang: Lang }[] = [...loadQuestions().map(({ q, lang }) => ({ q, lang })), ...benchQueries()];

  it('returns exactly the exhaustive top 10 (ids and scores) on every question and bench query', () => {
    const before = index.prunedClauses;
    const hopelessBefore = hopeless();
    const reorderedBefore = reordered();
    let nonEmpty = 0;
    for (const { q, lang } of queries) {
      const { exhaustive, pruned } = both(q, { lang });
      expect(pruned, q).toEqual(exhaustive);
      if (exhaustive.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(queries.length * 0.9);
    // The comparison means something only if pruning actually cut clauses on many queries.
    expect(index.prunedClauses - before).toBeGreaterThan(queries.length / 4);
    // Likewise for passages left unlisted because they could not reach the floor.
    expect(hopeless() - hopelessBefore).toBeGreaterThan(queries.length);
    // And for queries whose clauses were read out of order, then rescored in the canonical order.
    expect(reordered() - reorderedBefore).toBeGreaterThan(queries.length / 10);
  });

  it('stays exact for other limits and with filters (the floor counts accepted passages only)', () => {
    for (const { q, lang } of queries.slice(0, 120)) {
      for (const options of [{ lang, limit: 1 }, { lang, limit: 50 }, { lang, filters: { kind: 'article' as const } }, { lang, filters: { pathPrefix: 'reports/' }, limit: 3 }]) {
        const { exhaustive, pruned } = both(q, options);
        expect(pruned, `${q} ${JSON.stringify(options)}`).toEqual(exhaustive);
      }
    }
  });
});

describe('document-at-a-time top-k (forced on every query of the small corpus)', () => {
  const queries: { q: string; lang: Lang }[] = [...loadQuestions().map(({ q, lang }) => ({ q, lang })), ...benchQueries()];
  /** Runs with every query on the document-at-a-time path, with windows of 2^shift passages. */
  const forced = (shift: number | undefined, run: () => void): DaatStats => {
    index.search('données', {});
    const s = scorer();
    if (!s) throw new Error('no scorer');
    const [from, daat] = [s.daatFrom, s.daat];
    s.daatFrom = 0;
    s.daat = new Daat(shift);
    try {
      run();
      return s.daat.stats;
    } finally {
      [s.daatFrom, s.daat] = [from, daat];
    }
  };

  // The small corpus fits in one default window; windows of 64 passages also cross window edges and skip windows.
  for (const shift of [undefined, 6]) {
    it(`returns exactly the exhaustive results, with limits and filters (windows of 2^${shift ?? WINDOW_SHIFT})`, () => {
      const stats = forced(shift, () => {
        for (const [n, { q, lang }] of queries.entries()) {
          const options: SearchOptions[] = [{ lang }];
          if (n % 3 === 0) options.push({ lang, limit: 1 }, { lang, limit: 50 }, { lang, filters: { kind: 'article' } }, { lang, filters: { pathPrefix: 'reports/' }, limit: 3 });
          for (const o of options) {
            const { exhaustive, pruned } = both(q, o);
            expect(pruned, `${q} ${JSON.stringify(o)}`).toEqual(exhaustive);
          }
        }
      });
      // The path was taken, and its bounds did cut: most candidates were never scored in full.
      expect(stats.queries).toBeGreaterThan(queries.length);
      expect(stats.scored).toBeLessThan(stats.candidates / 3);
      if (shift) expect(stats.skipped).toBeGreaterThan(0);
    });
  }
});
