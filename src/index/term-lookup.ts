/**
 * How one query term reads the index's vocabulary: exactly when the index knows it (and by prefix when
 * asked), fuzzily or with two letters swapped only when it does not (a typo), each match weighted below
 * an exact one.
 */
import type { TermSpec } from './query.js';
import type { ResolvedTerm } from './scorer.js';
import type { TermIndex } from './term-index.js';

/** Weights of prefix and fuzzy matches relative to an exact one (scaled further by distance, as MiniSearch does). */
const PREFIX_WEIGHT = 0.5;
const FUZZY_WEIGHT = 0.45;
/** A swapped letter pair (Damerau) found in the vocabulary counts like a fuzzy match. */
const TRANSPOSITION_WEIGHT = 0.45;
/** Prefix and fuzzy lookups keep this many index terms at most (the most frequent). */
const MAX_EXPANSIONS = 40;

/** The index entries one query term reads: exact (+ prefix) when known, fuzzy or transposed when not. */
export function lookupTerm(terms: TermIndex, spec: TermSpec): ResolvedTerm {
  const parts: ResolvedTerm['parts'] = [];
  const exact = terms.get(spec.term);
  if (exact) parts.push({ term: spec.term, entry: exact, weight: 1 });
  if (spec.prefix) {
    const found: ResolvedTerm['parts'] = [];
    for (const [term, entry] of terms.withPrefix(spec.term)) {
      const distance = term.length - spec.term.length;
      found.push({ term, entry, weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance) });
    }
    parts.push(...mostFrequent(found));
  }
  if (!exact && spec.maxEdits > 0) {
    const seen = new Set(parts.map((p) => p.term));
    const found: ResolvedTerm['parts'] = [];
    for (const [term, entry, distance] of terms.near(spec.term, spec.maxEdits)) {
      if (!seen.has(term)) seen.add(term), found.push({ term, entry, weight: (FUZZY_WEIGHT * term.length) / (term.length + distance) });
    }
    parts.push(...mostFrequent(found));
    for (const term of transpositions(spec.term)) {
      const entry = terms.get(term);
      if (entry && !seen.has(term)) seen.add(term), parts.push({ term, entry, weight: TRANSPOSITION_WEIGHT });
    }
  }
  return { term: spec.term, parts };
}

function mostFrequent(parts: ResolvedTerm['parts']): ResolvedTerm['parts'] {
  if (parts.length <= MAX_EXPANSIONS) return parts;
  return parts.sort((a, b) => b.entry.docs.length - a.entry.docs.length).slice(0, MAX_EXPANSIONS);
}

/** Every string made by swapping two adjacent letters (typos like `minsitere`). */
export function transpositions(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < term.length; i++) {
    if (term[i] === term[i + 1]) continue;
    out.push(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
  }
  return out;
}
