/**
 * Domain types produced by ingestion and consumed by the index and the bot.
 * Data flows one way: ingest → index → bot → server → widget.
 */

export type Lang = 'fr' | 'en';
export type DocumentKind = 'article' | 'report';

/** Front matter and PDF metadata, kept as given (scalars and lists of scalars). */
export type Metadata = Record<string, string | number | boolean | string[] | null>;

/** One document: a file, or one language block of a WordPress page. */
export interface Document {
  /** Stable id: hash of root + path (+ `#lang` for a WordPress language block). */
  id: string;
  /** Index into `CorpusRoots` of the folder the file was found in. */
  root: number;
  /** Path relative to its corpus root, POSIX separators, Unicode NFC. */
  path: string;
  kind: DocumentKind;
  title: string;
  lang: Lang;
  /** ISO date `YYYY-MM-DD` when known (front matter `date`, file name prefix, PDF metadata). */
  date?: string;
  /** Number of pages, PDFs only. */
  pages?: number;
  meta: Metadata;
}

/** A few sentences of one document that never cross a page or a section. */
export interface Passage {
  /** Stable id: `${docId}:${ordinal}`. */
  id: string;
  docId: string;
  path: string;
  kind: DocumentKind;
  /** Document title. */
  title: string;
  /** Nearest section heading above the passage ('' when none). */
  section: string;
  /** 1-based page number (PDFs only). */
  page?: number;
  lang: Lang;
  date?: string;
  /** Tags and other short metadata words worth searching (front matter `tags`, `owner`…). */
  tags: string[];
  /** Whole sentences, in order; `text` is their join with a single space. */
  sentences: string[];
  text: string;
}

/** Where a fact was read: enough to cite it. */
export interface FactSource {
  passageId: string;
  docId: string;
  path: string;
  title: string;
  page?: number;
  /** The sentence (or front-matter line) the fact was read from. */
  snippet: string;
}

export interface Administration {
  /** Stable slug of the normalised name. */
  id: string;
  /** Name as written in the corpus, e.g. "Ministère de l'Intérieur". */
  name: string;
  acronym?: string;
  /** Other spellings met in the text (English names included when the text gives them). */
  aliases: string[];
  /** Id of the parent administration when the text states it (DGGN → Ministère de l'Intérieur). */
  parentId?: string;
  /** Folded portfolio words of a ministry ("interieur", "recherche"…), so each part of a compound name matches. */
  keywords?: string[];
  sources: FactSource[];
}

export interface Defi {
  id: string;
  /** Short description or title of the défi. */
  title: string;
  /** Administration id (see `Administration.id`). */
  administrationId?: string;
  /** 1 for the first promotion (2017), 2 for the second (2018)… when stated. */
  promotion?: number;
  year?: number;
  /** Ids of people who worked on it (see `Person.id`). */
  people: string[];
  sources: FactSource[];
}

export type PersonRole = 'eig' | 'mentor' | 'other';

export interface Person {
  id: string;
  name: string;
  roles: { role: PersonRole; defiId?: string; administrationId?: string; label?: string }[];
  sources: FactSource[];
}

export interface Acronym {
  short: string;
  long: string;
  sources: FactSource[];
}

/** Structured facts extracted from the text, each one citing where it was read. */
export interface Knowledge {
  administrations: Administration[];
  defis: Defi[];
  people: Person[];
  acronyms: Acronym[];
}

export type FileStatus = 'indexed' | 'skipped' | 'failed';

/** One line of the ingestion summary. */
export interface FileReport {
  root: number;
  path: string;
  kind: DocumentKind | 'unknown';
  /** sha256 of the file's bytes (empty when it could not be read). */
  hash: string;
  status: FileStatus;
  /** True when this run reused the previous run's result (hash unchanged). */
  reused: boolean;
  pages: number;
  passages: number;
  warnings: string[];
  errors: string[];
}

/** The folders a corpus was read from, as given on the command line (resolved to absolute paths). */
export type CorpusRoots = string[];
