/**
 * Contracts of the index layer: the on-disk artifact written by `npm run ingest`
 * and the loaded, searchable corpus the bot stands on.
 */
import type {
  CorpusRoots,
  Document,
  DocumentKind,
  FileReport,
  Knowledge,
  Lang,
  Passage,
} from '../ingest/types.js';

/** What ingestion hands to the index builder. */
export interface IngestedCorpus {
  roots: CorpusRoots;
  files: FileReport[];
  documents: Document[];
  passages: Passage[];
  knowledge: Knowledge;
  /**
   * Fingerprint of the ingestion code that produced this corpus: an incremental run reuses
   * previous passages only when it is unchanged (see src/ingest/fingerprint.ts).
   */
  ingestVersion?: string;
}

/** The JSON file at `data/index.json`. */
export interface Artifact extends IngestedCorpus {
  format: 'rapporteur-index';
  formatVersion: number;
  /** Must equal the running analyzer's version, or the artifact is refused. */
  analyzerVersion: string;
  /** ISO timestamp. */
  builtAt: string;
  /** The passage index compiled from MiniSearch (`CompiledIndex` of term-index.ts: BM25 postings as typed arrays). */
  index: unknown;
}

export interface SearchFilters {
  kind?: DocumentKind;
  /** Corpus-relative path prefix, e.g. `reports/cour-des-comptes/`. */
  pathPrefix?: string;
  /** Inclusive ISO date bounds. */
  dateFrom?: string;
  dateTo?: string;
}

export interface SearchOptions {
  /** The asker's language; English queries are also expanded to French terms. */
  lang?: Lang;
  filters?: SearchFilters;
  /** Default 10. */
  limit?: number;
}

export interface SearchHit {
  passage: Passage;
  score: number;
  /** Index terms that matched (for highlighting and sentence scoring). */
  terms: string[];
  /** The query terms (after analysis and expansion) each matched index term came from. */
  queryTerms: string[];
}

export interface PassageSearch {
  search(query: string, options?: SearchOptions): SearchHit[];
  passage(id: string): Passage | undefined;
  /** How many passages contain the analysed term (for rarity weighting); 0 when unknown. */
  documentFrequency(term: string): number;
  /** Other analysed terms equivalent to an analysed term (lexicon translations, synonyms, acronyms). */
  expand?(term: string, lang: Lang): string[];
  readonly passageCount: number;
}

/** An artifact loaded from disk, ready to answer. */
export interface LoadedCorpus {
  builtAt: string;
  roots: CorpusRoots;
  files: FileReport[];
  documents: Document[];
  documentById: Map<string, Document>;
  knowledge: Knowledge;
  index: PassageSearch;
}
