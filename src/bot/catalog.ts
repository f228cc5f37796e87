/**
 * The entity catalogue built once per corpus: every administration, défi and
 * person of the extracted Knowledge reduced to folded key words, with the
 * rarity of each word, the hierarchy of administrations and a vocabulary for
 * typo-tolerant lookup. Built at bot creation so answering stays cheap.
 */
import type { Administration, Defi, Knowledge, Person } from '../ingest/types.js';
import { jaroWinklerSimilarity } from '../text/natural.js';
import { fold, words } from './normalize.js';
import { EN_PHRASES_TO_FR, EN_TO_FR, lightStem, STOP } from './vocabulary.js';

export interface KeyedEntity<T> {
  item: T;
  /** Distinctive key words (light-stemmed, folded). */
  keys: string[];
  /** Other spellings, each its own key list (aliases, English names). */
  alternates: string[][];
}

export interface Catalog {
  admins: KeyedEntity<Administration>[];
  adminById: Map<string, Administration>;
  /** Direct children of each administration (by `parentId`). */
  children: Map<string, string[]>;
  /** Acronyms (folded) → administration ids. */
  acronyms: Map<string, string[]>;
  defis: KeyedEntity<Defi>[];
  defiById: Map<string, Defi>;
  people: KeyedEntity<Person>[];
  personById: Map<string, Person>;
  /** Key word → weight (log inverse frequency among entities of its kind). */
  adminWeight: Map<string, number>;
  defiWeight: Map<string, number>;
  /** Every key word, by first letter, for fuzzy lookup of misspelt words. */
  vocabulary: Map<string, string[]>;
  /** promotion → year, as stated together by défis. */
  promotionYear: Map<number, number>;
}

/** Key words of a name: folded, grammar and generic words removed, light-stemmed. */
export function keyWords(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (STOP.has(w) || w.length < 2) continue;
    const k = lightStem(w);
    if (!out.includes(k)) out.push(k);
  }
  return out;
}

/** The handle before " : " in "Prévisecours : aider…" (a short name people use). */
export function defiHandle(title: string): string | undefined {
  const m = /^(.{2,60}?)\s*[:–—-]\s+\S/.exec(title);
  if (!m?.[1]) return undefined;
  const handle = m[1].trim();
  return handle.split(/\s+/).length <= 4 ? handle : undefined;
}

function weights(entities: KeyedEntity<unknown>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const e of entities) {
    const seen = new Set([...e.keys, ...e.alternates.flat()]);
    for (const k of seen) df.set(k, (df.get(k) ?? 0) + 1);
  }
  const n = Math.max(entities.length, 1);
  const out = new Map<string, number>();
  for (const [k, d] of df) out.set(k, Math.log(1 + n / d));
  return out;
}

export function buildCatalog(knowledge: Knowledge): Catalog {
  const admins = knowledge.administrations.map((a) => ({
    item: a,
    keys: keyWords(a.name),
    alternates: a.aliases.map(keyWords).filter((k) => k.length > 0),
  }));
  const children = new Map<string, string[]>();
  const acronyms = new Map<string, string[]>();
  for (const a of knowledge.administrations) {
    if (a.parentId) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a.id]);
    if (a.acronym) {
      const k = fold(a.acronym);
      acronyms.set(k, [...(acronyms.get(k) ?? []), a.id]);
    }
  }
  const defis = knowledge.defis.map((d) => {
    const handle = defiHandle(d.title);
    return { item: d, keys: keyWords(d.title), alternates: handle ? [keyWords(handle)] : [] };
  });
  const people = knowledge.people.map((p) => ({
    item: p,
    keys: words(p.name).filter((w) => w.length >= 2 && !STOP.has(w)),
    alternates: [],
  }));
  const vocabulary = new Map<string, string[]>();
  const addWord = (w: string): void => {
    if (w.length < 4) return;
    const bucket = vocabulary.get(w[0] ?? '') ?? [];
    if (!bucket.includes(w)) bucket.push(w);
    vocabulary.set(w[0] ?? '', bucket);
  };
  for (const e of [...admins, ...defis, ...people]) for (const k of [...e.keys, ...e.alternates.flat()]) addWord(k);
  for (const fr of [...Object.values(EN_TO_FR), ...Object.values(EN_PHRASES_TO_FR).flat()].flat()) addWord(lightStem(fr));

  const promotionYear = new Map<number, number>();
  for (const d of knowledge.defis) {
    if (d.promotion !== undefined && d.year !== undefined && !promotionYear.has(d.promotion)) {
      promotionYear.set(d.promotion, d.year);
    }
  }
  return {
    admins,
    adminById: new Map(knowledge.administrations.map((a) => [a.id, a])),
    children,
    acronyms,
    defis,
    defiById: new Map(knowledge.defis.map((d) => [d.id, d])),
    people,
    personById: new Map(knowledge.people.map((p) => [p.id, p])),
    adminWeight: weights(admins),
    defiWeight: weights(defis),
    vocabulary,
    promotionYear,
  };
}

/**
 * The catalogue word a question word stands for: itself, its English →
 * French translation, or a known word within a small typo distance
 * (Jaro-Winkler, only for words of five letters or more).
 */
export function canonicalWords(catalog: Catalog, questionWords: string[]): string[][] {
  // Words of an English phrase take the phrase's translation instead of their own.
  const phrased = new Map<number, string[]>();
  questionWords.forEach((w, i) => {
    const words = EN_PHRASES_TO_FR[`${w} ${questionWords[i + 1] ?? ''}`];
    if (words) words.forEach((fr, k) => phrased.set(i + k, fr));
  });
  return questionWords.map((w, i) => {
    const out = new Set<string>([lightStem(w)]);
    for (const fr of phrased.get(i) ?? EN_TO_FR[w] ?? []) out.add(lightStem(fr));
    const stem = lightStem(w);
    const bucket = catalog.vocabulary.get(stem[0] ?? '');
    if (stem.length >= 5 && bucket && !bucket.includes(stem)) {
      let best = '';
      let bestScore = 0.92;
      for (const v of bucket) {
        if (Math.abs(v.length - stem.length) > 2) continue;
        const s = jaroWinklerSimilarity(stem, v);
        if (s > bestScore) [best, bestScore] = [v, s];
      }
      if (best) out.add(best);
    }
    return [...out];
  });
}

/** The administration, the bodies under it, and names containing all its key words. */
export function adminGroup(catalog: Catalog, adminId: string, keys: string[]): Set<string> {
  const group = new Set<string>([adminId]);
  if (keys.length) for (const e of catalog.admins) if (keys.every((k) => e.keys.includes(k))) group.add(e.item.id);
  const stack = [...group];
  while (stack.length) {
    for (const child of catalog.children.get(stack.pop() ?? '') ?? []) {
      if (!group.has(child)) {
        group.add(child);
        stack.push(child);
      }
    }
  }
  return group;
}
