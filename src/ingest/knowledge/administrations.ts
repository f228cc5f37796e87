import type { Administration, FactSource } from '../types.js';
import { adminKey, isBareAcronym, isMinistryName, looksLikeAdministration, portfolioKeywords, stripArticles } from './admin-names.js';
import { fold, slug, tidyName } from './names.js';

/**
 * Collects administrations under merge keys (see `adminKey`), with their spellings, acronyms,
 * parents and sources; variants and English names meet through keys, shared acronyms and
 * explicit merges (parallel FR/EN lists), kept in a union-find.
 */

const MAX_SOURCES = 20;

interface Entry {
  key: string;
  variants: Map<string, number>;
  acronyms: Map<string, number>;
  parents: Set<string>;
  sources: FactSource[];
}

export class AdminRegistry {
  private entries = new Map<string, Entry>();
  private link = new Map<string, string>();
  /** Acronym (as written) → long form, from definitions anywhere in the corpus. */
  private acronymLong = new Map<string, string>();

  /** Acronym definitions learnt beforehand, so that a bare "BnF" resolves to its body. */
  defineAcronym(short: string, long: string): void {
    if (!this.acronymLong.has(short) && looksLikeAdministration(long)) this.acronymLong.set(short, long);
  }

  private find(key: string): string {
    let k = key;
    while (this.link.has(k)) k = this.link.get(k)!;
    return k;
  }

  /** Key of a name (bare acronyms through their definition), or undefined when it is no administration's. */
  keyOf(name: string): string | undefined {
    // As in `add`: "Office X (OX)" is keyed without its acronym.
    const clean = stripArticles(tidyName(name)).replace(/(?<=\S)\s*\([^()]*\)\s*$/, '');
    if (isBareAcronym(clean)) {
      const long = this.acronymLong.get(clean);
      return long ? this.find(adminKey(long)) : undefined;
    }
    if (!looksLikeAdministration(clean)) return undefined;
    return this.find(adminKey(clean));
  }

  /** True when the body was met with a source. */
  has(key: string): boolean {
    return (this.entries.get(this.find(key))?.sources.length ?? 0) > 0;
  }

  /** Records a mention; returns its key, or undefined when the name is not an administration's. */
  add(name: string, source: FactSource | undefined, acronym?: string, loose = false): string | undefined {
    let clean = stripArticles(tidyName(name)).replace(/\s*\([^()]*\)\s*$/, '');
    if (isBareAcronym(clean)) {
      acronym = clean;
      const long = this.acronymLong.get(clean);
      if (!long) return undefined;
      clean = long;
    }
    if (!loose && !looksLikeAdministration(clean)) return undefined;
    const key = this.find(adminKey(clean));
    const entry = this.entry(key);
    entry.variants.set(clean, (entry.variants.get(clean) ?? 0) + 1);
    if (acronym) entry.acronyms.set(acronym, (entry.acronyms.get(acronym) ?? 0) + 1);
    // A few citations are enough for a body; big reports would otherwise repeat the same ministry hundreds of times.
    if (source && entry.sources.length < MAX_SOURCES && !entry.sources.some((s) => s.passageId === source.passageId && s.snippet === source.snippet)) entry.sources.push(source);
    return key;
  }

  /** An English (or other) name of a known administration, given by a parallel text. */
  addAlias(key: string, alias: string): void {
    const clean = stripArticles(tidyName(alias));
    if (!looksLikeAdministration(clean)) return;
    const other = this.find(adminKey(clean));
    const target = this.find(key);
    if (other !== target && this.entries.has(other)) this.merge(target, other);
    const entry = this.entry(target);
    if (!entry.variants.has(clean)) entry.variants.set(clean, 0);
  }

  setParent(childKey: string, parentKey: string): void {
    const c = this.find(childKey);
    const p = this.find(parentKey);
    if (c !== p) this.entry(c).parents.add(p);
  }

  merge(a: string, b: string): void {
    const ka = this.find(a);
    const kb = this.find(b);
    if (ka === kb) return;
    const [keep, drop] = ka < kb ? [ka, kb] : [kb, ka];
    const e = this.entry(keep);
    const d = this.entries.get(drop);
    if (d) {
      for (const [v, n] of d.variants) e.variants.set(v, (e.variants.get(v) ?? 0) + n);
      for (const [v, n] of d.acronyms) e.acronyms.set(v, (e.acronyms.get(v) ?? 0) + n);
      for (const p of d.parents) e.parents.add(p);
      e.sources.push(...d.sources);
      this.entries.delete(drop);
    }
    this.link.set(drop, keep);
  }

  /** Merges bodies that share an acronym (the long name and its variants). */
  mergeByAcronym(): void {
    const byAcronym = new Map<string, string>();
    for (const e of [...this.entries.values()].sort((x, y) => x.key.localeCompare(y.key))) {
      for (const a of e.acronyms.keys()) {
        const prev = byAcronym.get(a);
        if (prev && this.find(prev) !== this.find(e.key)) this.merge(prev, e.key);
        else byAcronym.set(a, e.key);
      }
    }
  }

  /** The outermost body above this one (itself when it has no parent). */
  rootOf(key: string): string {
    let k = this.find(key);
    const seen = new Set<string>();
    while (!seen.has(k)) {
      seen.add(k);
      const p = [...(this.entries.get(k)?.parents ?? [])].map((x) => this.find(x)).sort()[0];
      if (!p || p === k) break;
      k = p;
    }
    return k;
  }

  /** Same body family: one root, or two ministries sharing a portfolio (a ministry renamed or merged). */
  sameFamily(a: string, b: string): boolean {
    const ra = this.rootOf(a);
    const rb = this.rootOf(b);
    if (ra === rb) return true;
    const ka = this.keywordsOf(ra);
    return ka.length > 0 && this.keywordsOf(rb).some((k) => ka.includes(k));
  }

  private keywordsOf(key: string): string[] {
    const e = this.entries.get(this.find(key));
    if (!e) return [];
    const names = [...e.variants.keys()].filter(isMinistryName);
    return names.flatMap(portfolioKeywords);
  }

  idOf(key: string): string {
    return slug(this.find(key)) || 'administration';
  }

  build(): Administration[] {
    const out: Administration[] = [];
    for (const e of this.entries.values()) {
      if (!e.sources.length) continue;
      const names = [...e.variants.entries()].sort((a, b) => score(b) - score(a) || a[0].localeCompare(b[0])).map(([v]) => v);
      const name = capitalise(fullerName(names));
      const acronym = [...e.acronyms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
      const aliases = dedupe(names.slice(1).map(capitalise)).filter((a) => fold(a) !== fold(name));
      const parents = [...e.parents].map((p) => this.find(p)).filter((p) => p !== e.key && this.entries.get(p)?.sources.length).sort();
      const keywords = isMinistryName(name) ? dedupe(names.flatMap(portfolioKeywords)).sort() : [];
      out.push({
        id: this.idOf(e.key),
        name,
        ...(acronym ? { acronym } : {}),
        aliases,
        ...(parents[0] ? { parentId: this.idOf(parents[0]) } : {}),
        ...(keywords.length ? { keywords } : {}),
        sources: e.sources,
      });
    }
    return out.sort((a, b) => a.id.localeCompare(b.id));
  }

  private entry(key: string): Entry {
    let e = this.entries.get(key);
    if (!e) {
      e = { key, variants: new Map(), acronyms: new Map(), parents: new Set(), sources: [] };
      this.entries.set(key, e);
    }
    return e;
  }
}

/**
 * A ministry's short form in running text ("ministère des Affaires sociales") gives way to its fuller
 * form met elsewhere ("… et de la Santé"), so that every portfolio it held is in its name.
 */
function fullerName(names: string[]): string {
  const top = names[0]!;
  if (!isMinistryName(top)) return top;
  const base = fold(top).replace(/\s+/g, ' ');
  const n = portfolioKeywords(top).length;
  let best = top;
  let most = n;
  for (const v of names) {
    const k = portfolioKeywords(v).length;
    const f = fold(v).replace(/\s+/g, ' ');
    if (k > most && f.startsWith(base) && /^[ ,]/.test(f.slice(base.length))) [best, most] = [v, k];
  }
  return best;
}

/** Most frequent spelling first; capitalised, French-looking and typographic spellings break ties. */
function score([v, n]: [string, number]): number {
  return n * 10 + (/^\p{Lu}/u.test(v) ? 3 : 0) + (/[’]/.test(v) ? 1 : 0) + (/\b(?:of|the)\b/.test(v) ? -2 : 0);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function dedupe(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = fold(x).replace(/\s+/g, ' ');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
