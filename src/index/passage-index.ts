/**
 * The passage index: MiniSearch over analysed passages (title, section, text,
 * tags). Passages are analysed once with their own language's stemmer before
 * MiniSearch sees them, so MiniSearch's own tokenizer only splits on spaces,
 * identically at build and load time. MiniSearch's serialisation is compiled
 * into precomputed BM25 postings (term-index.ts), which the artifact stores.
 *
 * Search: the query is planned into clauses (query.ts); every term is looked
 * up exactly when the index knows it, and only an unknown term (a typo) is
 * looked up fuzzily (term-lookup.ts), so exact matches always rank above
 * fuzzy ones.
 */
import MiniSearch, { type Options } from 'minisearch';
import type { Knowledge, Lang, Passage } from '../ingest/types.js';
import { analyze } from './analyzer.js';
import { Lexicon, type LexiconJSON } from './lexicon.js';
import { arrayStore, type PassageStore } from './passage-store.js';
import { planQuery, type TermSpec } from './query.js';
import { lookupTerm } from './term-lookup.js';
import { Scorer, type ResolvedClause, type ResolvedTerm } from './scorer.js';
import { contains, TermIndex, type CompiledIndex } from './term-index.js';
import type { PassageSearch, SearchFilters, SearchHit, SearchOptions } from './types.js';

const FIELDS = ['title', 'section', 'text', 'tags'] as const;
const BOOST: Record<string, number> = { title: 2, section: 1.5, text: 1, tags: 1.5 };
/** A clause matching more than this share of passages is "common" (see `ResolvedClause.restrict`). */
const COMMON_SHARE = 0.3;

type IndexedDoc = { id: number } & Record<(typeof FIELDS)[number], string>;

/** MiniSearch's options (terms are pre-analysed: its tokenizer only splits on spaces). */
function indexOptions(): Options<IndexedDoc> {
  return {
    fields: [...FIELDS],
    storeFields: [],
    tokenize: (text: string): string[] => (text ? text.split(' ') : []),
    processTerm: (term) => term || null,
  };
}

/** The artifact's `index`: compiled postings, and the lexicon with everything already stemmed. */
export interface PassageIndexJSON {
  postings: CompiledIndex;
  lexicon: LexiconJSON;
}

export interface PassageIndexOptions {
  knowledge?: Knowledge;
}

export class PassageIndex implements PassageSearch {
  private scorer: Scorer | undefined;
  readonly lexicon: Lexicon;
  /** Dynamic pruning in the scorer (exact: off only to check it against exhaustive scoring). */
  pruning = true;

  private constructor(
    private readonly terms: TermIndex,
    private readonly passages: PassageStore,
    lexicon: Lexicon,
  ) {
    this.lexicon = lexicon;
  }

  /** MiniSearch indexes the analysed passages; its serialisation is compiled into BM25 postings. */
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
    return new PassageIndex(TermIndex.fromMiniSearch(ms.toJSON(), BOOST), arrayStore(passages), Lexicon.build(options.knowledge));
  }

  /** From `toJSON()` output, without re-analysing anything; `passages` must be the same, in order. */
  static fromJSON(json: unknown, given: PassageStore | readonly Passage[], options: PassageIndexOptions = {}): PassageIndex {
    const passages = Array.isArray(given) ? arrayStore(given) : (given as PassageStore);
    const j = json as Partial<PassageIndexJSON> | null;
    const terms = TermIndex.fromJSON(j?.postings, BOOST);
    if (terms.documentCount !== passages.length) {
      throw new Error(`index does not match its passages (${terms.documentCount} indexed, ${passages.length} given)`);
    }
    return new PassageIndex(terms, passages, Lexicon.fromJSON(j?.lexicon, options.knowledge));
  }

  /** The compiled postings and lexicon (what the artifact stores). */
  toJSON(): PassageIndexJSON {
    return { postings: this.terms.toJSON(), lexicon: this.lexicon.toJSON() };
  }

  /** Clauses the scorer's pruning restricted to existing candidates so far. */
  get prunedClauses(): number {
    return this.scorer?.prunedClauses ?? 0;
  }

  get passageCount(): number {
    return this.passages.length;
  }

  passage(id: string): Passage | undefined {
    const i = this.passages.indexOf(id);
    return i < 0 ? undefined : this.passages.at(i);
  }

  documentFrequency(term: string): number {
    return this.terms.get(term)?.docs.length ?? 0;
  }

  /** Equivalent index terms of an analysed term (lexicon and acronyms), for the bot's sentence scoring. */
  expand(term: string, lang: Lang): string[] {
    return this.lexicon.expandTerm(term, lang);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const clauses = planQuery(query, options.lang, this.lexicon, (t) => this.documentFrequency(t));
    if (!clauses.length) return [];
    const resolved = new Map<string, ResolvedTerm>();
    const resolve = (spec: TermSpec): ResolvedTerm => {
      const key = `${spec.term}\0${spec.maxEdits}\0${spec.prefix ? 1 : 0}`;
      let r = resolved.get(key);
      if (!r) resolved.set(key, (r = lookupTerm(this.terms, spec)));
      return r;
    };
    const plan: (ResolvedClause & { df: number })[] = clauses.map((c) => {
      const alternatives = c.alternatives.map((a) => ({ weight: a.weight, terms: a.terms.map(resolve) }));
      const df = this.clauseFrequency(alternatives);
      return { weight: c.span * this.rarity(df), alternatives, df };
    });
    // Rarest clauses first; a very common clause after a rarer one only rescores their passages.
    plan.sort((a, b) => a.df - b.df);
    const common = this.passages.length * COMMON_SHARE;
    plan.forEach((c, i) => (c.restrict = i > 0 && c.df > common && (plan[0]?.df ?? 0) > 0));
    this.scorer ??= new Scorer(this.passages.length);
    const top = this.scorer.top(plan, acceptor(this.passages, options.filters), options.limit ?? 10, this.pruning);
    return top.map(({ doc, score }) => this.hit(plan, doc, score));
  }

  /** Passages a clause can match, estimated from its broadest term. */
  private clauseFrequency(alternatives: ResolvedClause['alternatives']): number {
    let df = 0;
    for (const a of alternatives) {
      for (const t of a.terms) {
        let n = 0;
        for (const p of t.parts) n += p.entry.docs.length;
        df = Math.max(df, n);
      }
    }
    return Math.min(df, this.passages.length);
  }

  /**
   * How much matching a clause says about a passage: an inverse document frequency, so that
   * covering a rare word counts more than covering a word found everywhere in the corpus.
   */
  private rarity(df: number): number {
    return df ? Math.log(1 + this.passages.length / df) : 0;
  }

  /** A search hit with the terms that matched in each clause's best alternative (for highlighting). */
  private hit(plan: ResolvedClause[], doc: number, score: number): SearchHit {
    const terms = new Set<string>();
    const queryTerms = new Set<string>();
    // No arrays per alternative: this runs for every hit of every query, and its garbage made the GC pauses
    // of the latency tail. The sums keep the order of additions of the scorer (per term, then across terms).
    for (const clause of plan) {
      let best = 0;
      let bestAlt: ResolvedClause['alternatives'][number] | undefined;
      for (const alt of clause.alternatives) {
        let s = 0;
        for (const t of alt.terms) {
          let found = false;
          let sum = 0;
          for (const p of t.parts) if (contains(p.entry, doc)) (sum += p.weight), (found = true);
          if (found) s += sum;
        }
        if (s * alt.weight > best) (best = s * alt.weight), (bestAlt = alt);
      }
      for (const t of bestAlt?.terms ?? []) {
        for (const p of t.parts) if (contains(p.entry, doc)) terms.add(p.term), queryTerms.add(t.term);
      }
    }
    return { passage: this.passages.at(doc), score, terms: [...terms], queryTerms: [...queryTerms] };
  }
}

/** With filters, each candidate passage is read (made, for a loaded index: see passage-store.ts). */
function acceptor(passages: PassageStore, f: SearchFilters | undefined): (id: number) => boolean {
  if (!f || (!f.kind && !f.pathPrefix && !f.dateFrom && !f.dateTo)) return () => true;
  return (id) => {
    if (id < 0 || id >= passages.length) return false;
    const p = passages.at(id);
    if (f.kind && p.kind !== f.kind) return false;
    if (f.pathPrefix && !p.path.startsWith(f.pathPrefix)) return false;
    if ((f.dateFrom || f.dateTo) && !p.date) return false;
    if (f.dateFrom && (p.date as string) < f.dateFrom) return false;
    if (f.dateTo && (p.date as string).slice(0, f.dateTo.length) > f.dateTo) return false;
    return true;
  };
}
