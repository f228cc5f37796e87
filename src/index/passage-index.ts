/**
 * The passage index: MiniSearch over analysed passages (title, section, text,
 * tags). Passages are analysed once with their own language's stemmer before
 * MiniSearch sees them, so MiniSearch's own tokenizer only splits on spaces,
 * identically at build, query and load time.
 *
 * Search: the query is planned into clauses (query.ts); every term is looked
 * up exactly when the index knows it, and only an unknown term (a typo) is
 * looked up fuzzily, so exact matches always rank above fuzzy ones.
 */
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { Knowledge, Lang, Passage } from '../ingest/types.js';
import { analyze } from './analyzer.js';
import { Lexicon } from './lexicon.js';
import { planQuery, type Clause, type TermSpec } from './query.js';
import type { PassageSearch, SearchFilters, SearchHit, SearchOptions } from './types.js';

const FIELDS = ['title', 'section', 'text', 'tags'] as const;
const BOOST = { title: 2, section: 1.5, text: 1, tags: 1.5 };
/** Weights of prefix and fuzzy matches relative to an exact one (MiniSearch scales them further by distance). */
const WEIGHTS = { prefix: 0.5, fuzzy: 0.45 };
/** A swapped letter pair (Damerau) found in the vocabulary counts like a fuzzy match. */
const TRANSPOSITION_WEIGHT = 0.45;

type IndexedDoc = { id: number } & Record<(typeof FIELDS)[number], string>;

/** The same options at build and load time (MiniSearch requires it). Terms are pre-analysed. */
function indexOptions(): Options<IndexedDoc> {
  const split = (text: string): string[] => (text ? text.split(' ') : []);
  return {
    fields: [...FIELDS],
    storeFields: [],
    tokenize: split,
    processTerm: (term) => term || null,
    searchOptions: { tokenize: (q) => [q], processTerm: (t) => t, boost: BOOST, weights: WEIGHTS },
  };
}

/** MiniSearch keeps its term tree protected; reading it is the only way to get vocabulary and document frequency. */
type TermTree = {
  has(term: string): boolean;
  get(term: string): Map<number, Map<number, number>> | undefined;
};
const termTree = (ms: MiniSearch<IndexedDoc>): TermTree => (ms as unknown as { _index: TermTree })._index;

interface Posting {
  score: number;
  matched: string[];
}
type Postings = Map<number, Posting>;

export interface PassageIndexOptions {
  knowledge?: Knowledge;
}

export class PassageIndex implements PassageSearch {
  private readonly byId = new Map<string, number>();
  private readonly dfCache = new Map<string, number>();
  private readonly tree: TermTree;
  readonly lexicon: Lexicon;

  private constructor(
    private readonly ms: MiniSearch<IndexedDoc>,
    private readonly passages: readonly Passage[],
    knowledge: Knowledge | undefined,
  ) {
    passages.forEach((p, i) => this.byId.set(p.id, i));
    this.tree = termTree(ms);
    this.lexicon = Lexicon.build(knowledge);
  }

  static build(passages: readonly Passage[], options: PassageIndexOptions = {}): PassageIndex {
    const ms = new MiniSearch<IndexedDoc>(indexOptions());
    const heads = new Map<string, string>();
    const cached = (text: string, lang: Lang) => {
      const key = `${lang}\0${text}`;
      let terms = heads.get(key);
      if (terms === undefined) heads.set(key, (terms = analyze(text, lang).join(' ')));
      return terms;
    };
    ms.addAll(
      passages.map((p, id) => ({
        id,
        title: cached(p.title, p.lang),
        section: cached(p.section, p.lang),
        text: analyze(p.text, p.lang).join(' '),
        tags: cached(p.tags.join(' '), p.lang),
      })),
    );
    return new PassageIndex(ms, passages, options.knowledge);
  }

  /** Rebuilds from `toJSON()` output without re-analysing anything; `passages` must be the same, in order. */
  static fromJSON(json: unknown, passages: readonly Passage[], options: PassageIndexOptions = {}): PassageIndex {
    const js = json as AsPlainObject;
    if (!js || typeof js !== 'object' || js.documentCount !== passages.length) {
      throw new Error(
        `index does not match its passages (${String(js?.documentCount)} indexed, ${passages.length} given)`,
      );
    }
    return new PassageIndex(MiniSearch.loadJS(js, indexOptions()), passages, options.knowledge);
  }

  toJSON(): AsPlainObject {
    return this.ms.toJSON();
  }

  get passageCount(): number {
    return this.passages.length;
  }

  passage(id: string): Passage | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.passages[i];
  }

  documentFrequency(term: string): number {
    let df = this.dfCache.get(term);
    if (df === undefined) {
      const ids = new Set<number>();
      for (const byDoc of this.tree.get(term)?.values() ?? []) for (const id of byDoc.keys()) ids.add(id);
      df = ids.size;
      this.dfCache.set(term, df);
    }
    return df;
  }

  /** Equivalent index terms of an analysed term (lexicon and acronyms), for the bot's sentence scoring. */
  expand(term: string, lang: Lang): string[] {
    return this.lexicon.expandTerm(term, lang);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const clauses = planQuery(query, options.lang, this.lexicon);
    if (!clauses.length) return [];
    const accept = acceptor(this.passages, options.filters);
    const postings = new Map<string, Postings>();
    for (const clause of clauses) {
      for (const alt of clause.alternatives) {
        for (const spec of alt.terms) {
          const key = specKey(spec);
          if (!postings.has(key)) postings.set(key, this.lookup(spec, accept));
        }
      }
    }
    return this.rank(clauses, postings, options.limit ?? 10);
  }

  /** Passages matching one term: exact (+ prefix) when known, fuzzy or transposed when not. */
  private lookup(spec: TermSpec, accept: (id: number) => boolean): Postings {
    const out: Postings = new Map();
    const collect = (weight: number) => (r: { id: number; score: number; terms: string[] }) => {
      if (!accept(r.id)) return false;
      const prev = out.get(r.id);
      if (!prev) out.set(r.id, { score: r.score * weight, matched: r.terms });
      else if (prev.score < r.score * weight) out.set(r.id, { score: r.score * weight, matched: r.terms });
      return false; // collected here: MiniSearch then has nothing to sort
    };
    const run = (term: string, fuzzy: number, weight: number) =>
      this.ms.search(term, { prefix: spec.prefix, fuzzy, filter: collect(weight) });
    if (this.tree.has(spec.term) || spec.maxEdits === 0) {
      run(spec.term, 0, 1);
      return out;
    }
    run(spec.term, spec.maxEdits, 1);
    for (const t of transpositions(spec.term)) if (this.tree.has(t)) run(t, 0, TRANSPOSITION_WEIGHT);
    return out;
  }

  /**
   * How much matching a clause says about a passage: an inverse document frequency of the
   * clause (from its broadest alternative), so that covering a rare word counts more than
   * covering a word found everywhere in the corpus.
   */
  private informativeness(altSizes: number[][]): number {
    let df = 0;
    for (const sizes of altSizes) for (const n of sizes) df = Math.max(df, n);
    if (!df) return 0;
    return Math.log(1 + this.passages.length / df);
  }

  private rank(clauses: Clause[], postings: Map<string, Postings>, limit: number): SearchHit[] {
    // Resolve every alternative's postings once: the loop below runs per matching passage.
    const plan = clauses.map((c) => {
      const alts = c.alternatives.map((a) => ({
        weight: a.weight,
        terms: a.terms.map((t) => ({ term: t.term, postings: postings.get(specKey(t)) as Postings })),
      }));
      return { span: c.span * this.informativeness(alts.map((a) => a.terms.map((t) => t.postings.size))), alts };
    });
    const docs = new Set<number>();
    for (const p of postings.values()) for (const id of p.keys()) docs.add(id);
    const scored: { id: number; score: number }[] = [];
    for (const id of docs) {
      let total = 0;
      let coverage = 0;
      for (const clause of plan) {
        let best = 0;
        let bestCover = 0;
        for (const alt of clause.alts) {
          let s = 0;
          let hit = 0;
          for (const t of alt.terms) {
            const p = t.postings.get(id);
            if (p) (s += p.score), hit++;
          }
          if (s * alt.weight > best) best = s * alt.weight;
          const cover = (hit / alt.terms.length) * alt.weight;
          if (cover > bestCover) bestCover = cover;
        }
        total += best;
        coverage += bestCover * clause.span;
      }
      scored.push({ id, score: total * coverage });
    }
    scored.sort((a, b) => b.score - a.score || a.id - b.id);
    return scored.slice(0, limit).map(({ id, score }) => {
      // Matched terms, from each clause's best alternative (for highlighting).
      const terms = new Set<string>();
      const queryTerms = new Set<string>();
      for (const clause of plan) {
        let best = 0;
        let bestAlt: (typeof clause.alts)[number] | undefined;
        for (const alt of clause.alts) {
          let s = 0;
          for (const t of alt.terms) s += t.postings.get(id)?.score ?? 0;
          if (s * alt.weight > best) (best = s * alt.weight), (bestAlt = alt);
        }
        for (const t of bestAlt?.terms ?? []) {
          const p = t.postings.get(id);
          if (!p) continue;
          queryTerms.add(t.term);
          for (const m of p.matched) terms.add(m);
        }
      }
      return { passage: this.passages[id] as Passage, score, terms: [...terms], queryTerms: [...queryTerms] };
    });
  }
}

const specKey = (s: TermSpec): string => `${s.term}\0${s.maxEdits}\0${s.prefix ? 1 : 0}`;

/** Every string made by swapping two adjacent letters (typos like `minsitere`). */
export function transpositions(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < term.length; i++) {
    if (term[i] === term[i + 1]) continue;
    out.push(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
  }
  return out;
}

function acceptor(passages: readonly Passage[], f: SearchFilters | undefined): (id: number) => boolean {
  if (!f || (!f.kind && !f.pathPrefix && !f.dateFrom && !f.dateTo)) return () => true;
  return (id) => {
    const p = passages[id];
    if (!p) return false;
    if (f.kind && p.kind !== f.kind) return false;
    if (f.pathPrefix && !p.path.startsWith(f.pathPrefix)) return false;
    if ((f.dateFrom || f.dateTo) && !p.date) return false;
    if (f.dateFrom && (p.date as string) < f.dateFrom) return false;
    if (f.dateTo && (p.date as string).slice(0, f.dateTo.length) > f.dateTo) return false;
    return true;
  };
}
