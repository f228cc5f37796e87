/**
 * Block-max metadata for document-at-a-time scoring: a term's postings (passages
 * ascending) are cut into blocks of `BLOCK`, and each block keeps its highest
 * score, so a cursor can tell what a term can add anywhere in its current block
 * without reading it. Computed from the loaded postings on a term's first use
 * and cached beside its entry (the artifact format is unchanged; the cost is one
 * pass over the term's scores once, and 4 bytes per block).
 */
import type { TermEntry } from './term-index.js';

/** Postings per block: long enough to skip many at once, short enough for tight maxima. */
export const BLOCK = 64;
export const BLOCK_SHIFT = 6;

const cache = new WeakMap<TermEntry, Float32Array>();

/** The highest score of each block of `entry`'s postings. */
export function blockMaxes(entry: TermEntry): Float32Array {
  let maxes = cache.get(entry);
  if (maxes) return maxes;
  const { scores } = entry;
  maxes = new Float32Array((scores.length + BLOCK - 1) >> BLOCK_SHIFT);
  for (let b = 0; b < maxes.length; b++) {
    let m = 0;
    const end = Math.min(scores.length, (b + 1) << BLOCK_SHIFT);
    for (let i = b << BLOCK_SHIFT; i < end; i++) if ((scores[i] as number) > m) m = scores[i] as number;
    maxes[b] = m;
  }
  cache.set(entry, maxes);
  return maxes;
}

/** The last passage of block `b` of ascending `docs`. */
export function blockLast(docs: Int32Array, b: number): number {
  return docs[Math.min(docs.length, (b + 1) << BLOCK_SHIFT) - 1] as number;
}
