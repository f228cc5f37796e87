/**
 * Rule answers over the extracted Knowledge. Each rule returns undefined
 * when the knowledge holds nothing for its slots, so the question can go on
 * to retrieval instead of getting an empty list.
 */
import type { Defi, FactSource, Lang, Person } from '../ingest/types.js';
import { adminGroup, type Catalog } from './catalog.js';
import type { Slots } from './conversation.js';
import type { RuleIntent } from './intents.js';
import type { Source } from './types.js';
import * as t from './templates.js';

export interface RuleAnswer {
  text: string;
  facts: FactSource[];
  confidence: number;
}

const byDefi = (catalog: Catalog, id?: string): Defi[] => {
  const d = id ? catalog.defiById.get(id) : undefined;
  return d ? [d] : [];
};

function inScope(catalog: Catalog, d: Defi, slots: Slots): boolean {
  const year = slots.year ? Number(slots.year) : undefined;
  const promo = slots.promotion ? Number(slots.promotion) : undefined;
  const dYear = d.year ?? (d.promotion !== undefined ? catalog.promotionYear.get(d.promotion) : undefined);
  if (year !== undefined && dYear !== year) return false;
  if (promo !== undefined) {
    if (d.promotion !== undefined) return d.promotion === promo;
    const py = catalog.promotionYear.get(promo);
    return py !== undefined && d.year === py;
  }
  return true;
}

function defisOfAdmin(catalog: Catalog, slots: Slots): Defi[] {
  if (!slots.administration) return [];
  const group = adminGroup(catalog, slots.administration, slots.adminKeys ? slots.adminKeys.split(' ') : []);
  return catalog.defis
    .map((e) => e.item)
    .filter((d) => d.administrationId !== undefined && group.has(d.administrationId) && inScope(catalog, d, slots));
}

const sortKey = (d: Defi): number => d.promotion ?? (d.year ? d.year - 2000 : 99);

/** How many of a défi's sources are quoted under it: all its documents for an administration's few défis, one for a promotion's many. */
const QUOTES_PER_DEFI = { few: 3, many: 1 } as const;
const QUOTE_MAX = 220;

/** A front-matter line ("title: …") is cited by its value. */
const snippetText = (s: FactSource): string => s.snippet.replace(/^[a-z_]+:\s*/i, '').trim();
const short = (s: string): string => (s.length <= QUOTE_MAX ? s : `${s.slice(0, s.lastIndexOf(' ', QUOTE_MAX))} …`);
const same = (a: string, b: string): boolean => a.toLowerCase().replace(/\W+/g, '') === b.toLowerCase().replace(/\W+/g, '');

/** The sources quoted for a défi: distinct documents first, then other passages. */
export function defiSources(d: Defi, max: number): FactSource[] {
  const byDoc = new Set<string>();
  const first = d.sources.filter((s) => !byDoc.has(s.docId) && byDoc.add(s.docId));
  return [...first, ...d.sources.filter((s) => !first.includes(s))].slice(0, max);
}

/** One line per source: the sentence or list item the défi was read from (unless it only repeats the title), and where. */
function sourceLines(lang: Lang, d: Defi, max: number): string[] {
  return defiSources(d, max).map((src) => {
    const said = snippetText(src);
    const quote = said && !same(said, d.title) ? `« ${short(said)} » — ` : '';
    return `  - ${quote}${t.cite(lang, src.title, src.page)}`;
  });
}

/** Défis as a Markdown list grouped by promotion/year, each with the sentences it was read from. */
function defiList(catalog: Catalog, lang: Lang, defis: Defi[], withAdmin: boolean, quotes: number, except?: string): string {
  const groups = new Map<string, Defi[]>();
  for (const d of [...defis].sort((a, b) => sortKey(a) - sortKey(b))) {
    const year = d.year ?? (d.promotion !== undefined ? catalog.promotionYear.get(d.promotion) : undefined);
    const label = t.groupLabel(lang, d.promotion, year);
    groups.set(label, [...(groups.get(label) ?? []), d]);
  }
  const lines: string[] = [];
  for (const [label, list] of groups) {
    if (groups.size > 1 || list.some((d) => d.promotion !== undefined || d.year !== undefined)) lines.push(`\n**${label}**`);
    for (const d of list) {
      const admin =
        withAdmin && d.administrationId && d.administrationId !== except ? catalog.adminById.get(d.administrationId)?.name : undefined;
      lines.push(`- ${d.title}${admin ? ` (${admin})` : ''}`, ...sourceLines(lang, d, quotes));
    }
  }
  return lines.join('\n');
}

/** Every défi's first source first, so a short source list still covers every défi. */
const interleaved = (defis: Defi[], max: number): FactSource[] => {
  const lists = defis.map((d) => defiSources(d, max));
  const out: FactSource[] = [];
  for (let i = 0; i < max; i++) for (const l of lists) if (l[i]) out.push(l[i] as FactSource);
  return out;
};

function peopleLines(catalog: Catalog, lang: Lang, d: Defi, only?: 'mentor', except?: string): [string[], FactSource[]] {
  const lines: string[] = [];
  const facts: FactSource[] = [];
  const seen = new Set<string>(except ? [except] : []);
  const involved = [
    ...d.people.map((id) => catalog.personById.get(id)).filter((p): p is Person => !!p),
    ...catalog.people.map((e) => e.item).filter((p) => p.roles.some((r) => r.defiId === d.id)),
  ];
  for (const p of involved) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    const role = p.roles.find((r) => r.defiId === d.id)?.role ?? p.roles[0]?.role ?? 'other';
    if (only && role !== only) continue;
    lines.push(`- **${p.name}** — ${t.roleLabel(lang, role)}`);
    facts.push(...p.sources.filter((s) => s.snippet.includes(p.name.split(' ').pop() ?? p.name)).slice(0, 1));
  }
  return [lines, facts];
}

const persons = (catalog: Catalog, id?: string): Person[] => {
  const p = id ? catalog.personById.get(id) : undefined;
  return p ? [p] : [];
};

function defisOfPersonIds(p: Person): string[] {
  return [...new Set(p.roles.map((r) => r.defiId).filter((x): x is string => !!x))];
}

export function answerRule(catalog: Catalog, intent: RuleIntent, slots: Slots, lang: Lang): RuleAnswer | undefined {
  switch (intent) {
    case 'defis_by_administration': {
      const defis = defisOfAdmin(catalog, slots);
      const admin = slots.administration ? catalog.adminById.get(slots.administration) : undefined;
      if (!defis.length || !admin) return undefined;
      const head = t.defisOfAdministrationHeader(lang, admin.name, defis.length, t.scopeLabel(lang, slots.promotion, slots.year));
      const quotes = QUOTES_PER_DEFI[defis.length <= 6 ? 'few' : 'many'];
      const text = `${head}\n${defiList(catalog, lang, defis, true, quotes, admin.id)}`;
      return { text, facts: interleaved(defis, quotes), confidence: 0.9 };
    }
    case 'defis_by_promotion': {
      if (!slots.year && !slots.promotion) return undefined;
      const all = catalog.defis.map((e) => e.item).filter((d) => inScope(catalog, d, slots));
      // « Quel défi l'ARS Occitanie a-t-elle proposé à la promotion 1 ? » names the défi it asks about; when
      // that défi is of another promotion, the promotion's list does not answer (retrieval may).
      const named = all.filter((d) => d.id === slots.defi);
      if (slots.defi && !named.length) return undefined;
      const defis = named.length ? named : all;
      if (!defis.length) return undefined;
      const head = t.defisOfPromotionHeader(lang, t.scopeLabel(lang, slots.promotion, slots.year), defis.length);
      const quotes = QUOTES_PER_DEFI[defis.length <= 6 ? 'few' : 'many'];
      return { text: `${head}\n${defiList(catalog, lang, defis, true, quotes)}`, facts: interleaved(defis, quotes), confidence: 0.85 };
    }
    case 'people_of_defi':
    case 'mentor_of': {
      const only = intent === 'mentor_of' ? 'mentor' : undefined;
      let defis = byDefi(catalog, slots.defi);
      // Asked about a person's team (no défi named): the others on the person's défis.
      const teamOf = intent === 'people_of_defi' && !defis.length && slots.person ? catalog.personById.get(slots.person) : undefined;
      if (!defis.length && slots.person) {
        defis = persons(catalog, slots.person).flatMap((p) => defisOfPersonIds(p)).flatMap((id) => byDefi(catalog, id));
      }
      if (!defis.length && slots.administration) defis = defisOfAdmin(catalog, slots);
      const parts: string[] = [];
      const facts: FactSource[] = [];
      for (const d of defis.slice(0, 4)) {
        const [lines, f] = peopleLines(catalog, lang, d, only, teamOf?.id);
        if (!lines.length) continue;
        const who = slots.person && intent === 'mentor_of' ? catalog.personById.get(slots.person)?.name : undefined;
        const head = who
          ? t.mentorHeader(lang, `**${who}**`)
          : teamOf
            ? t.teammatesHeader(lang, `**${teamOf.name}**`, d.title)
            : t.peopleOfDefiHeader(lang, d.title);
        parts.push(`${head}\n${lines.join('\n')}`);
        facts.push(...d.sources.slice(0, 1), ...f);
      }
      if (!parts.length) return undefined;
      return { text: parts.join('\n\n'), facts, confidence: 0.85 };
    }
    case 'defis_of_person': {
      const parts: string[] = [];
      const facts: FactSource[] = [];
      for (const p of persons(catalog, slots.person)) {
        const lines: string[] = [];
        let onDefi = false;
        for (const r of p.roles) {
          const d = r.defiId ? catalog.defiById.get(r.defiId) : undefined;
          const admin = (r.administrationId && catalog.adminById.get(r.administrationId)?.name) ||
            (d?.administrationId && catalog.adminById.get(d.administrationId)?.name);
          // A byline's "pour l'équipe EIG" is the same team as "équipe EIG".
          const what = d?.title ?? r.label?.replace(/^(?:pour|for)\s+(?:l['’]\s*|la\s+|le\s+|les\s+|the\s+)?/i, '');
          if (!what && !admin) continue;
          const role = r.role === 'other' ? '' : ` — ${t.roleLabel(lang, r.role)}`;
          lines.push(`- ${what ?? ''}${admin ? ` (${admin})` : ''}${role}`);
          if (d) (onDefi = true), facts.push(...d.sources.slice(0, 1));
        }
        if (!lines.length) continue;
        // The sentence that names the person says what they did in the document's own words.
        // (a sentence of the text rather than a front-matter line such as "author: …", when there is one).
        const long = p.sources.filter((s) => s.snippet.length > p.name.length + 20);
        const said = long.find((s) => !/^[\w-]+:\s/.test(s.snippet)) ?? long[0];
        const quote = said ? `\n\n> ${said.snippet}\n— ${t.cite(lang, said.title, said.page)}` : '';
        const header = onDefi ? t.defisOfPersonHeader(lang, p.name) : t.personHeader(lang, p.name);
        parts.push(`${header}\n${[...new Set(lines)].join('\n')}${quote}`);
        facts.unshift(...(said ? [said] : p.sources.slice(0, 1)));
      }
      if (!parts.length) return undefined;
      return { text: parts.join('\n\n'), facts, confidence: 0.85 };
    }
  }
}

/** Fact sources → cited sources, one per passage, at most `limit`. */
export function toSources(facts: FactSource[], url: (path: string, page?: number) => string, limit = 8): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const f of facts) {
    if (seen.has(f.passageId) || out.length >= limit) continue;
    seen.add(f.passageId);
    out.push({ id: f.passageId, title: f.title, path: f.path, page: f.page, url: url(f.path, f.page), snippet: f.snippet });
  }
  return out;
}
