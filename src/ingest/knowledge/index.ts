import type { Acronym, Defi, Document, FactSource, Knowledge, Passage, Person } from '../types.js';
import { findAcronymDefinitions } from './acronyms.js';
import { AdminRegistry } from './administrations.js';
import { findMinistryMentions, looksLikeAdministration } from './admin-names.js';
import { documentCandidates, isDefiPage, ownerChain, sourceOf, type Candidate } from './candidates.js';
import { clusterCandidates } from './cluster.js';
import { buildPeople, pagePeople, type PeopleInput } from './roster.js';
import { fold, slug, words } from './names.js';
import { PromotionCalendar, yearIn } from './promotion.js';

/**
 * Structured facts from the text: administrations, défis, people, acronyms. Pure and
 * deterministic: documents are read in path order and every list is sorted.
 */
export function extractKnowledge(documents: Document[], passages: Passage[]): Knowledge {
  const docs = [...documents].sort((a, b) => a.path.localeCompare(b.path) || a.lang.localeCompare(b.lang) || a.id.localeCompare(b.id));
  const byDoc = new Map<string, Passage[]>();
  for (const p of passages) {
    const list = byDoc.get(p.docId);
    if (list) list.push(p);
    else byDoc.set(p.docId, [p]);
  }
  for (const list of byDoc.values()) list.sort((a, b) => ordinal(a.id) - ordinal(b.id));
  const registry = new AdminRegistry();
  const calendar = new PromotionCalendar();

  // 1. Acronyms (needed to resolve a bare "BnF" anywhere) and the promotion calendar.
  const acronyms = new Map<string, Acronym & { count: Map<string, number> }>();
  for (const doc of docs) {
    calendar.observe(doc.title);
    let section = '\u0000';
    for (const p of byDoc.get(doc.id) ?? []) {
      if (p.section !== section) calendar.observe((section = p.section));
      for (const s of p.sentences) {
        calendar.observe(s);
        for (const d of findAcronymDefinitions(s)) {
          const a = acronyms.get(d.short) ?? { short: d.short, long: d.long, sources: [] as FactSource[], count: new Map<string, number>() };
          const k = fold(d.long).replace(/\s+/g, ' ');
          a.count.set(k, (a.count.get(k) ?? 0) + 1);
          if (a.sources.length < 8) a.sources.push(sourceOf(p, s));
          acronyms.set(d.short, a);
          registry.defineAcronym(d.short, d.long);
          if (looksLikeAdministration(d.long)) registry.add(d.long, sourceOf(p, s), d.short);
        }
      }
    }
  }

  // 2. Administrations: défi page owners (with their parents) and ministries named anywhere.
  const pageOwners = new Map<string, string>();
  for (const doc of docs) {
    const first = byDoc.get(doc.id)?.[0];
    const owner = doc.meta['owner'];
    if (first && typeof owner === 'string') {
      const src = sourceOf(first, `owner: ${owner}`);
      let parent: string | undefined;
      for (const part of ownerChain(owner)) {
        const acr = /\(([^()]+)\)\s*$/.exec(part)?.[1];
        // The owner field names administrations by definition: no need for the name to look like one
        // ("Service hydrographique et océanographique de la Marine" has no capital after its head word).
        const key = registry.add(part, src, acr, true);
        if (!key) continue;
        if (parent) registry.setParent(key, parent);
        parent = key;
      }
      if (parent) pageOwners.set(doc.id, parent);
    }
    for (const p of byDoc.get(doc.id) ?? []) {
      for (const s of p.sentences) for (const m of findMinistryMentions(s)) registry.add(m.name, sourceOf(p, s));
    }
  }
  registry.mergeByAcronym();

  // 3. Défi mentions, document by document.
  const cands: Candidate[] = [];
  const people: PeopleInput[] = [];
  docs.forEach((doc, d) => {
    const ps = byDoc.get(doc.id) ?? [];
    const title = doc.meta['title'];
    if (isDefiPage(doc) && ps[0] && typeof title === 'string') {
      const year = yearIn(String(doc.meta['project-date'] ?? '')) ;
      const promotion = year !== undefined ? calendar.promotionOf(year) : undefined;
      const adminKey = pageOwners.get(doc.id);
      cands.push({
        title: title.trim(), ...(adminKey ? { adminKey } : {}), ...(promotion ? { promotion } : {}), ...(year ? { year } : {}),
        source: sourceOf(ps[0], `title: ${title.trim()}`), docId: doc.id, lang: doc.lang, order: d * 1e6, priority: 3, people: pagePeople(ps),
      });
    }
    cands.push(...documentCandidates(doc, ps, registry, d * 1e6));
    people.push({ doc, passages: ps });
  });
  registry.mergeByAcronym();

  // 4. Parallel FR/EN lists of one file: items paired by position, administrations by name.
  const pairs: [number, number][] = [];
  const listItems = (docId: string): Map<string, number[]> => {
    const lists = new Map<string, number[]>();
    cands.forEach((c, i) => c.docId === docId && c.list && lists.set(c.list.id, [...(lists.get(c.list.id) ?? []), i]));
    return lists;
  };
  for (const fr of docs.filter((x) => x.lang === 'fr')) {
    const en = docs.find((x) => x.lang === 'en' && x.path === fr.path && x.root === fr.root);
    if (!en) continue;
    const enLists = [...listItems(en.id).values()];
    for (const fullItems of listItems(fr.id).values()) {
      // Lists of different lengths may differ by stray sentences after the last item.
      const trim = (l: number[], n: number): number[] => (l.length > n && l.slice(n).every((i) => cands[i]!.weak) ? l.slice(0, n) : l);
      const match = enLists.findIndex((l) => fullItems.length > 1 && trim(l, fullItems.length).length === trim(fullItems, l.length).length);
      if (match < 0) continue;
      const other = trim(enLists.splice(match, 1)[0]!, fullItems.length);
      const items = trim(fullItems, other.length);
      items.forEach((i, k) => {
        pairs.push([i, other[k]!]);
        const a = cands[i]!;
        const b = cands[other[k]!]!;
        if (a.adminKey && b.adminKey) registry.merge(a.adminKey, b.adminKey);
        b.adminKey ??= a.adminKey;
        b.promotion ??= a.promotion;
        if (b.adminKey) b.weak = false;
      });
    }
  }

  // 5. Défis from the clusters.
  const groups = clusterCandidates(cands, (a, b) => registry.sameFamily(a, b), pairs).filter((g) => g.some((i) => !cands[i]!.weak && cands[i]!.title));
  const defis: Defi[] = [];
  const defiOf = new Map<number, Defi>();
  const usedIds = new Set<string>();
  for (const g of groups) {
    const members = g.map((i) => cands[i]!);
    const best = [...members].sort((a, b) => b.priority - a.priority || (a.lang === 'fr' ? -1 : 0) - (b.lang === 'fr' ? -1 : 0) || a.order - b.order)[0]!;
    const adminKey = best.adminKey ?? members.find((m) => m.adminKey)?.adminKey;
    const promotion = best.promotion ?? members.find((m) => m.promotion !== undefined)?.promotion;
    const year = members.find((m) => m.year !== undefined && m.priority === 3)?.year ?? (promotion !== undefined ? calendar.yearOf(promotion) : undefined) ?? members.find((m) => m.year !== undefined)?.year;
    let id = slug(best.title, 60) || 'defi';
    for (let n = 2; usedIds.has(id); n++) id = `${slug(best.title, 60)}-${n}`;
    usedIds.add(id);
    const sources = members.sort((a, b) => a.order - b.order).map((m) => m.source);
    const defi: Defi = {
      id,
      title: best.title,
      ...(adminKey ? { administrationId: registry.idOf(adminKey) } : {}),
      ...(promotion !== undefined ? { promotion } : {}),
      ...(year !== undefined ? { year } : {}),
      people: [],
      sources: sources.filter((s, k) => sources.findIndex((x) => x.passageId === s.passageId && x.snippet === s.snippet) === k),
    };
    defis.push(defi);
    for (const i of g) defiOf.set(i, defi);
  }

  const persons: Person[] = buildPeople(cands, defiOf, people, defis, {
    idOf: (key) => registry.idOf(key),
    defisOf: (key, promotion) => {
      const id = registry.idOf(key);
      return defis.filter((d) => d.administrationId === id && (promotion === undefined || d.promotion === undefined || d.promotion === promotion));
    },
  });
  for (const defi of defis) defi.people.sort();
  return {
    administrations: registry.build(),
    defis: defis.sort((a, b) => a.id.localeCompare(b.id)),
    people: persons,
    acronyms: [...acronyms.values()]
      .map(({ count, ...a }) => ({ ...a, long: bestLong(a.long, count, acronyms.get(a.short)!.sources.map((s) => s.snippet)) }))
      .sort((a, b) => a.short.localeCompare(b.short)),
  };
}

function ordinal(id: string): number {
  return Number(id.slice(id.lastIndexOf(':') + 1)) || 0;
}

/** The long form met most often, spelt as first written. */
function bestLong(first: string, count: Map<string, number>, snippets: string[]): string {
  const [top] = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (!top) return first;
  for (const s of snippets) {
    const f = fold(s).replace(/\s+/g, ' ');
    const at = f.indexOf(top[0]);
    if (at >= 0 && fold(s).length === f.length) return s.slice(at, at + top[0].length);
  }
  return words(first).length ? first : top[0];
}
