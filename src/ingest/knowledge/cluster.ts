import type { Candidate } from './candidates.js';
import { contentWords } from './names.js';

/**
 * Merges mentions of the same défi across documents: same administration family, compatible
 * promotion, never two mentions of one kind from one document, and enough shared rare words (prefix
 * stems, so "accidents"/"accidentalité"/"accidentologie" meet). Parallel FR/EN items are
 * joined beforehand by their position.
 */

const MIN_SIMILARITY = 0.3;
/** Mentions attributed to unrelated bodies (an agency and a ministry) merge only when nearly identical. */
const CROSS_FAMILY_SIMILARITY = 0.55;

function stems(title: string): Set<string> {
  return new Set(contentWords(title).filter((w) => w.length >= 4).map((w) => w.slice(0, 5)));
}

export function clusterCandidates(cands: Candidate[], sameFamily: (a: string, b: string) => boolean, pairs: [number, number][]): number[][] {
  const parent = cands.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const members = new Map<number, number[]>(cands.map((_, i) => [i, [i]]));
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    parent[drop] = keep;
    members.get(keep)!.push(...members.get(drop)!);
    members.delete(drop);
  };
  for (const [a, b] of pairs) union(a, b);

  const sets = cands.map((c) => stems(c.title));
  const df = new Map<string, number>();
  for (const s of sets) for (const t of s) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string): number => Math.log(1 + cands.length / (df.get(t) ?? 1));
  const weight = (s: Set<string>): number => [...s].reduce((n, t) => n + idf(t), 0);
  const weights = sets.map(weight);
  const sim = (i: number, j: number): number => {
    let shared = 0;
    for (const t of sets[i]!) if (sets[j]!.has(t)) shared += idf(t);
    const denom = Math.min(weights[i]!, weights[j]!);
    return denom > 0 ? shared / denom : 0;
  };
  // Two mentions of one kind in one document (two list items, two "défi relevé" sentences) are two défis.
  const clash = (a: number, b: number): boolean => cands[a]!.docId === cands[b]!.docId && cands[a]!.priority === cands[b]!.priority;
  const adminOfGroup = (root: number): string | undefined => members.get(root)!.map((m) => cands[m]!.adminKey).find((k) => k !== undefined);
  const promotionOfGroup = (root: number): number | undefined => members.get(root)!.map((m) => cands[m]!.promotion).find((p) => p !== undefined);

  cands.forEach((c, i) => {
    if (!c.adminKey) return;
    let best = -1;
    let bestScore = MIN_SIMILARITY;
    for (const root of [...members.keys()].sort((a, b) => a - b)) {
      if (root === find(i)) continue;
      const group = members.get(root)!;
      const mine = members.get(find(i))!;
      const other = adminOfGroup(root);
      if (!other) continue;
      const floor = sameFamily(other, c.adminKey!) ? bestScore : Math.max(bestScore, CROSS_FAMILY_SIMILARITY);
      const p = promotionOfGroup(root);
      const q = promotionOfGroup(find(i));
      if (p !== undefined && q !== undefined && p !== q) continue;
      if (mine.some((m) => group.some((n) => clash(m, n)))) continue;
      let score = 0;
      for (const m of group) for (const n of mine) score = Math.max(score, sim(m, n));
      if (score > floor) {
        bestScore = score;
        best = root;
      }
    }
    if (best >= 0) union(best, i);
  });
  // A paraphrase ("défi relevé pour …") whose body has exactly one défi in that promotion is that défi.
  cands.forEach((c, i) => {
    const mine = members.get(find(i))!;
    if (c.priority !== 1 || mine.length !== 1 || !c.adminKey || c.promotion === undefined) return;
    const options = [...members.keys()].filter((root) => {
      if (root === find(i)) return false;
      const group = members.get(root)!;
      const other = adminOfGroup(root);
      return !!other && sameFamily(other, c.adminKey!) && promotionOfGroup(root) === c.promotion && !group.some((m) => clash(m, i));
    });
    if (options.length === 1) union(options[0]!, i);
  });
  return [...members.values()].map((g) => g.sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
}
