/**
 * Read-only access to the indexed files at `/corpus/<path>`.
 *
 * Only files listed among the loaded corpus's documents can be reached: the
 * URL path, decoded once and NFC-normalised, must equal a document's path
 * exactly, and that path maps to its root's absolute folder. Nothing else is
 * ever joined to a file system path, so `..`, encoded slashes, backslashes or
 * absolute paths cannot reach outside the indexed folders.
 */
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Request, Response } from 'express';
import type { LoadedCorpus } from '../index/types.js';

export const CORPUS_ROUTE = '/corpus';

export interface CorpusFile {
  absolutePath: string;
  contentType: string;
}

/** The link of a corpus file (and PDF page), path segments URI-encoded. */
export function corpusUrl(path: string, page?: number): string {
  const encoded = path.normalize('NFC').split('/').map(encodeURIComponent).join('/');
  return `${CORPUS_ROUTE}/${encoded}${page !== undefined ? `#page=${page}` : ''}`;
}

export class CorpusFiles {
  private constructor(private readonly files: Map<string, CorpusFile>) {}

  static fromCorpus(corpus: Pick<LoadedCorpus, 'roots' | 'documents'>): CorpusFiles {
    const files = new Map<string, CorpusFile>();
    for (const doc of corpus.documents) {
      const root = corpus.roots[doc.root];
      const path = doc.path.normalize('NFC');
      // Two roots may hold the same relative path: the first one listed wins.
      if (root === undefined || files.has(path)) continue;
      const base = resolve(root);
      const absolutePath = resolve(base, path);
      const inside = relative(base, absolutePath);
      // Defence in depth against a tampered artifact: the file must lie inside its root.
      if (!inside || inside.startsWith('..') || isAbsolute(inside) || !absolutePath.startsWith(base + sep)) continue;
      const pdf = doc.pages !== undefined || extname(path).toLowerCase() === '.pdf';
      files.set(path, {
        absolutePath,
        contentType: pdf ? 'application/pdf' : 'text/plain; charset=utf-8',
      });
    }
    return new CorpusFiles(files);
  }

  get size(): number {
    return this.files.size;
  }

  /** The file behind a URL path (still encoded, without the route prefix), or undefined. */
  lookup(encodedPath: string): CorpusFile | undefined | 'malformed' {
    let decoded: string;
    try {
      decoded = decodeURIComponent(encodedPath);
    } catch {
      return 'malformed';
    }
    if (decoded.includes('\0')) return 'malformed';
    return this.files.get(decoded.normalize('NFC'));
  }
}

const notFound = (res: Response): void => {
  res.status(404).json({ error: 'not_found', message: 'no indexed file at this address' });
};

/** Express handler mounted at `/corpus`; `current()` gives the files of the index in service. */
export function corpusFilesHandler(current: () => CorpusFiles | undefined) {
  return (req: Request, res: Response): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.set('Allow', 'GET, HEAD').status(405).json({ error: 'method_not_allowed', message: 'read-only' });
      return;
    }
    const files = current();
    // `req.url` is relative to the mount point and still percent-encoded.
    const raw = req.url.split('?')[0]?.replace(/^\//, '') ?? '';
    const file = files?.lookup(raw);
    if (file === 'malformed') {
      res.status(400).json({ error: 'bad_path', message: 'malformed path encoding' });
      return;
    }
    if (!file) return notFound(res);
    res.set({
      'Content-Type': file.contentType,
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': 'inline',
      'Cache-Control': 'public, max-age=300',
    });
    res.sendFile(file.absolutePath, { dotfiles: 'allow' }, (err) => {
      if (err && !res.headersSent) notFound(res);
    });
  };
}
