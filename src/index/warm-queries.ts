/**
 * Warm-up queries made from the corpus itself, in the shapes real questions
 * take: sentence openings as typed, then the same with a typo, without
 * accents, with the last word cut short (prefix search), and asked in English.
 * A freshly loaded index answers its first queries many times slower than
 * later ones until V8 has compiled each path (fuzzy walk, prefix, bilingual
 * planning); a corpus whose words are all known never takes the fuzzy path,
 * hence the variants. Pure and deterministic: documents and passages in,
 * queries out. The server's warm-up (before a reload, just after a start)
 * asks its bot the openings as typed and runs its index on every variant; the
 * index benchmark runs the same searches before it measures.
 */
import type { Document, Lang } from '../ingest/types.js';
import type { PassageSearch } from './types.js';

/**
 * Searches a warm-up runs (about a second). On the shared corpus, the benchmark's 420 queries, new to
 * the index, had a p99 of ~5 ms after 600 warm-up searches (compilation still going on) and ~1.2 ms after 2,000.
 */
export const WARM_QUERIES = 2000;

export interface WarmQuery {
  q: string;
  lang: Lang;
}

/** The longest word's two middle letters swapped: a typo the fuzzy search must undo. */
function typo(text: string): string {
  const words = text.split(' ');
  let at = -1;
  for (let i = 0; i < words.length; i++) if ((words[i] as string).length > (words[at] ?? '').length) at = i;
  const w = words[at] ?? '';
  if (w.length < 5) return text;
  const m = w.length >> 1;
  words[at] = w.slice(0, m - 1) + w[m] + w[m - 1] + w.slice(m + 1);
  return words.join(' ');
}

const unaccented = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '');

/** The last word cut to its first letters, as while typing. */
function cut(text: string): string {
  const words = text.split(' ');
  const last = words.at(-1) ?? '';
  return last.length > 5 ? [...words.slice(0, -1), last.slice(0, 4)].join(' ') : text;
}

/** Titles (a third at most), then openings of passages spread over every document (every 7th passage first, round-robin over documents), as typed. */
export function openings(documents: readonly Document[], index: Pick<PassageSearch, 'passage'>, max: number): WarmQuery[] {
  const out: WarmQuery[] = [];
  // Titles take at most a third, so that a corpus of many documents still gets passage openings.
  for (const doc of documents) if (doc.title && out.length < Math.ceil(max / 3)) out.push({ q: doc.title, lang: doc.lang });
  for (let offset = 0; offset < 7 && out.length < max; offset++) {
    for (let ordinal = offset; out.length < max; ordinal += 7) {
      let found = false;
      for (const doc of documents) {
        const p = index.passage(`${doc.id}:${ordinal}`);
        found ||= p !== undefined;
        const sentence = p?.sentences.find((s) => s.split(' ').length >= 6);
        if (p && sentence) out.push({ q: sentence.split(/\s+/).slice(0, 5 + (out.length % 5)).join(' '), lang: p.lang });
        if (out.length >= max) break;
      }
      if (!found) break;
    }
  }
  return out;
}

/**
 * About `max` queries: each opening as written, then with a typo, unaccented, cut short and in the
 * other language, interleaved so that the first queries of the list already cover every path.
 */
export function warmQueries(documents: readonly Document[], index: Pick<PassageSearch, 'passage'>, max = WARM_QUERIES): WarmQuery[] {
  const other = (lang: Lang): Lang => (lang === 'fr' ? 'en' : 'fr');
  const variants: ((w: WarmQuery) => WarmQuery)[] = [
    (w) => w,
    (w) => ({ q: typo(w.q), lang: w.lang }),
    (w) => ({ q: unaccented(w.q), lang: w.lang }),
    (w) => ({ q: cut(w.q), lang: w.lang }),
    (w) => ({ q: typo(w.q), lang: other(w.lang) }),
  ];
  return openings(documents, index, Math.ceil(max / variants.length))
    .flatMap((w) => variants.map((v) => v(w)))
    .slice(0, max);
}
