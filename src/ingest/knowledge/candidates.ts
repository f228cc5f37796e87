import type { Document, FactSource, Passage } from '../types.js';
import type { AdminRegistry } from './administrations.js';
import { findMinistryMentions, headOf, looksLikeAdministration } from './admin-names.js';
import { WEAK_HEADS } from './lexicon.js';
import { fold, tidyName, words } from './names.js';
import { parseReleve, personLine, type PersonMention } from './people.js';
import { memberships } from './membership.js';
import { promotionIn, promotionYearIn } from './promotion.js';

/**
 * One document's défi mentions ("candidates"), before the same défi met in several documents
 * is merged. Sentences are read in order; a list context opens at a heading or a lead-in
 * sentence about défis/challenges and holds items until two sentences in a row are not items.
 */

export interface Candidate {
  title: string;
  adminKey?: string;
  promotion?: number;
  year?: number;
  source: FactSource;
  docId: string;
  lang: string;
  /** Document order, for deterministic choices. */
  order: number;
  /** 3 défi page, 2 list item, 1 other sentence; the best one names the défi. */
  priority: number;
  /** A list item: list ordinal in the document and position in it (parallel FR/EN lists). */
  list?: { id: string; index: number };
  /** True when nothing but its place in a list makes it a défi. */
  weak?: boolean;
  people: PersonMention[];
}

export function sourceOf(p: Passage, snippet: string): FactSource {
  return { passageId: p.id, docId: p.docId, path: p.path, title: p.title, ...(p.page !== undefined ? { page: p.page } : {}), snippet };
}

const PRONOUN_START = /^(?:ce|cet|cette|ces|il|elle|ils|elles|on|nous|vous|celui|celle|this|these|those|it|they|we|you)\b/iu;
const DEFI_WORD = /d[ée]fis?\b|challenges?\b/iu;
const INTRO_WORD = /d[ée]fis?\b|challenges?\b|projets?\b|projects?\b/iu;
const TAIL = /(?:^|\s|,)(?:(?:au|aux|à\s+la|à|dans\s+la|auprès\s+d[eu]s?|auprès\s+de\s+la|de\s+la|du|des|pour\s+la|at\s+the|at|of\s+the|for\s+the|by\s+the|with\s+the)\s+|(?:à|dans|auprès\s+de|de|pour)\s+l['’]\s*)/giu;

/** The administration named at the end of a list item ("… au ministère de l’Intérieur"). */
export function tailAdministration(sentence: string, registry: AdminRegistry, english: boolean): { key: string; name: string; start: number } | undefined {
  const text = sentence.replace(/[\s.;!]+$/, '');
  for (const m of text.matchAll(TAIL)) {
    const name = tidyName(text.slice(m.index + m[0].length));
    if (words(name).length > 16) continue;
    const candidate = english ? englishName(name) : name;
    if (!candidate) continue;
    const key = registry.keyOf(candidate) ?? (english ? registry.add(candidate, undefined, undefined, true) : undefined);
    if (key) return { key, name: candidate, start: m.index };
  }
  return undefined;
}

/** English bodies put adjectives first ("French Agency for Development", "Occitan regional health agency"). */
function englishName(name: string): string | undefined {
  if (looksLikeAdministration(name)) return name;
  if (/^(?:the|a|an)\s/i.test(name)) return undefined;
  const ws = words(name);
  const i = ws.findIndex((w) => /^(?:agency|ministry|court|library|council|office|institute|authority|department|directorate|service|commission)$/.test(w));
  if (i < 1 || i > 3 || !/^\p{Lu}/u.test(name)) return undefined;
  return name;
}

/** "Ministère de l’Intérieur : – projet 1 : …", "BnF : préfigurer …": an administration before the colon. */
function colonItem(sentence: string, registry: AdminRegistry): { key: string; name: string; rest: string } | undefined {
  const m = /^(.{2,140}?)\s*:\s*(.*)$/su.exec(sentence.trim());
  if (!m) return undefined;
  const key = registry.keyOf(m[1]!);
  // A weak head ("Mission …", "Service …") before a colon is a form label unless the body is known.
  if (key && WEAK_HEADS.has(headOf(m[1]!) ?? '') && !registry.has(key)) return undefined;
  return key ? { key, name: m[1]!, rest: m[2]!.trim() } : undefined;
}

interface WalkState {
  section: string;
  intro?: string;
  listId?: string;
  index: number;
  misses: number;
  pendingAdmin?: string;
  lists: number;
}

export function documentCandidates(doc: Document, passages: Passage[], registry: AdminRegistry, orderBase: number): Candidate[] {
  const out: Candidate[] = [];
  const st: WalkState = { section: '\u0000', index: 0, misses: 0, lists: 0 };
  const english = doc.lang === 'en';
  const defiPage = isDefiPage(doc);
  let order = orderBase;
  const openList = (intro?: string): void => {
    st.listId = `${doc.id}#${st.lists++}`;
    st.intro = intro;
    st.index = 0;
    st.misses = 0;
    st.pendingAdmin = undefined;
  };
  const promotionOf = (s: string): number | undefined =>
    promotionIn(s) ?? promotionIn(st.intro) ?? promotionIn(st.section) ?? promotionIn(doc.title);
  const yearOf = (): number | undefined => promotionYearIn(st.section) ?? promotionYearIn(st.intro) ?? promotionYearIn(doc.title);

  for (const p of passages) {
    if (p.section !== st.section) {
      st.section = p.section;
      st.listId = undefined;
      if (DEFI_WORD.test(p.section)) openList();
    }
    for (const s of p.sentences) {
      order++;
      const add = (title: string, adminKey: string | undefined, priority: number, extra: Partial<Candidate> = {}): void => {
        const clean = tidyName(title.replace(/^[–—-]\s*/, ''));
        const n = words(clean).length;
        // A défi is a short phrase, not a glossary or a table row.
        if (n < 3 || n > 60 || (clean.match(/\s:\s/g)?.length ?? 0) > 1) return;
        const promotion = promotionOf(s);
        const year = yearOf();
        out.push({
          title: clean.charAt(0).toUpperCase() + clean.slice(1),
          ...(adminKey ? { adminKey } : {}),
          ...(promotion !== undefined ? { promotion } : {}),
          ...(year !== undefined ? { year } : {}),
          source: sourceOf(p, s),
          docId: doc.id,
          lang: doc.lang,
          order,
          priority,
          people: [],
          ...extra,
        });
      };
      const releve = parseReleve(s);
      if (releve) {
        let key: string | undefined;
        for (const t of releve.adminTexts) key ??= registry.add(t.replace(/\s*\([^()]*\)\s*\.?$/, ''), sourceOf(p, s));
        for (const m of findMinistryMentions(s)) key ??= registry.add(m.name, sourceOf(p, s));
        add(releve.description, key, 1, { people: releve.people });
        continue;
      }
      const trimmed = s.trim();
      const members = DEFI_WORD.test(s) ? memberships(s, p.sentences) : [];
      if (members.length) {
        // A person's défi named in running text: the person goes to the roster, the défi is resolved later.
        const people = members.map(({ adminText, ...m }) => {
          // On a défi page, "le défi du ministère …" is the page's own défi, whose people its sections list.
          const key = adminText && !defiPage ? registry.keyOf(adminText.replace(/\s*\([^()]*\)\s*$/, '')) : undefined;
          return { ...m, ...(key ? { defiAdminKey: key } : {}) };
        }).filter((m) => m.defiLabel || m.defiAdminKey);
        const promotion = promotionOf(s);
        if (people.length) {
          out.push({ title: '', ...(promotion !== undefined ? { promotion } : {}), source: sourceOf(p, s), docId: doc.id, lang: doc.lang, order, priority: 0, weak: true, people });
          continue;
        }
      }
      if (/:\s*$/.test(trimmed) && INTRO_WORD.test(trimmed) && !colonItem(trimmed.replace(/:\s*$/, ': x'), registry)) {
        openList(trimmed);
        continue;
      }
      if (!st.listId) continue;
      const project = /^(?:[–—-]\s*)?(?:projet|project|défi|challenge)\s*n?°?\s*\d+\s*:\s*(.+)$/iu.exec(trimmed);
      if (project && st.pendingAdmin) {
        add(project[1]!, st.pendingAdmin, 2, { list: { id: st.listId, index: st.index++ } });
        st.misses = 0;
        continue;
      }
      const who = personLine(trimmed, /mentor/i.test(`${st.intro ?? ''} ${st.section}`));
      if (who) {
        // A person in a list of défis' people: no défi of its own, the person goes to the roster.
        st.misses = 0;
        out.push({ title: '', source: sourceOf(p, s), docId: doc.id, lang: doc.lang, order, priority: 0, weak: true, people: [who] });
        continue;
      }
      const colon = colonItem(trimmed, registry);
      if (colon) {
        registry.add(colon.name, sourceOf(p, s));
        st.misses = 0;
        if (!colon.rest) st.pendingAdmin = colon.key;
        else add(colon.rest, colon.key, 2, { list: { id: st.listId, index: st.index++ } });
        continue;
      }
      // A défi item opens with a verb or a noun, not a pronoun ("Cet outil continue d’être utilisé par …").
      const tail = /^\p{Lu}/u.test(trimmed) && !PRONOUN_START.test(trimmed) ? tailAdministration(trimmed, registry, english) : undefined;
      if (tail) {
        st.misses = 0;
        if (!english) registry.add(tail.name, sourceOf(p, s));
        const title = /^(?:de\s+la|du|de\s+l|des|of\s+the|for\s+the|with\s+the)\b/iu.test(trimmed.slice(tail.start).trim()) ? trimmed : trimmed.slice(0, tail.start);
        add(title.replace(/,\s*$/, ''), tail.key, 2, { list: { id: st.listId, index: st.index++ } });
        if (english) registry.addAlias(tail.key, tail.name);
        continue;
      }
      if (!/[.!?:]$/.test(trimmed) && words(trimmed).length >= 4 && /^\p{Lu}/u.test(trimmed)) {
        st.misses = 0;
        add(trimmed, undefined, 2, { list: { id: st.listId, index: st.index++ }, weak: true });
        continue;
      }
      if (++st.misses >= 2) st.listId = undefined;
    }
  }
  return out;
}

/** Défi pages: front matter `title` + `owner` (+ `project-date`), layout or category `defi`. */
export function isDefiPage(doc: Document): boolean {
  const m = doc.meta;
  return [m['layout'], m['category'], m['categories'], m['type']].some((v) => (Array.isArray(v) ? v : [v]).some((x) => typeof x === 'string' && /^(?:defi|défi|challenge)s?$/i.test(x.trim())));
}

/** "Ministère de l'Intérieur, Direction générale de la gendarmerie nationale (DGGN)" → its bodies, outermost first. */
export function ownerChain(owner: string): string[] {
  const parts = owner.split(/\s*,\s*/);
  const out: string[] = [];
  for (const part of parts) {
    // A part that starts with a particle continues the previous name ("…, de la Recherche et de l'Innovation").
    if (out.length && (/^(?:de|du|des|d['’]|et)\b/iu.test(part) || !/^\p{Lu}/u.test(part))) out[out.length - 1] += `, ${part}`;
    else out.push(part);
  }
  return out.map((x) => tidyName(x)).filter((x) => fold(x).length > 1);
}
