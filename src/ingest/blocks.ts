import type { DocumentKind, Lang, Metadata } from './types.js';

/** One unit of a read document, before it is cut into passages. */
export interface Block {
  type: 'heading' | 'paragraph' | 'list-item';
  text: string;
  /** 1-based page (PDFs). */
  page?: number;
  /** Heading level, 1 = top. */
  level?: number;
}

/** What every reader (PDF, Markdown/text, WordPress) returns. */
export interface RawDocument {
  kind: DocumentKind;
  title: string;
  /** Known language (WordPress blocks, front matter `lang`); detected from the text otherwise. */
  lang?: Lang;
  /** ISO `YYYY-MM-DD`. */
  date?: string;
  meta: Metadata;
  pages?: number;
  blocks: Block[];
  /** Set for one language block of a WordPress page; becomes part of the document id. */
  langSuffix?: Lang;
}
