import type { Defi, Document, Passage, Person, PersonRole } from '../types.js';
import { sourceOf, type Candidate } from './candidates.js';
import { fold, personKey, slug } from './names.js';
import { namedItem, parseAuthor, sectionRole, type PersonMention } from './people.js';
import { editDistance } from '../../text/edit-distance.js';
import { mergeTypos } from './typos.js';

/** People and their roles, gathered from défi mentions, défi pages and article authors. */

export interface PeopleInput {
  doc: Document;
  passages: Passage[];
}

/** Défi pages: "Les 2 EIG" items ("Dora Crisan : Développement") and "Le mentor : X" headings. */
export function pagePeople(passages: Passage[]): PersonMention[] {
  const out: PersonMention[] = [];
  let section = '\u0000';
  let role: ReturnType<typeof sectionRole>;
  for (const p of passages) {
    if (p.section !== section) {
      section = p.section;
      role = sectionRole(section);
      for (const name of role?.names ?? []) out.push({ name, role: role!.role, ...(role!.label ? { label: role!.label } : {}) });
    }
    if (role?.role !== 'eig') continue;
    for (const s of p.sentences) {
      const name = namedItem(s);
      if (name) out.push({ name, role: 'eig' });
    }
  }
  return out;
}

/**
 * A défi named by a short label ("Prévisecours", "EIG Link", "Social Connect", "Coach Elèves/AssisProf"):
 * its title's handle (before " : ") or a part of it, spaces ignored, one typo allowed on long labels.
 */
function defiByLabel(label: string, defis: Defi[]): Defi | undefined {
  const squash = (t: string): string => fold(t).replace(/[\s\-–—'’.]+/g, '').trim();
  const wanted = [label, label.replace(/^(?:EIG|d[ée]fi)\s+/i, ''), ...label.split('/')].map(squash).filter((l) => l.length >= 3);
  const close = (a: string, b: string): boolean => a === b || (Math.min(a.length, b.length) >= 6 && editDistance(a, b, 1) <= 1);
  const found = defis.filter((d) => {
    const handle = d.title.split(/\s+:\s+/)[0]!;
    const parts = [handle, ...handle.split(/\s+[–—-]\s+|\//)].map(squash);
    return wanted.some((w) => parts.some((p) => close(p, w)));
  });
  return found.length === 1 ? found[0] : undefined;
}

/** How a mention names its défi's body: its key → its id, and the défis it proposed (one promotion when given). */
export interface AdminLookup {
  idOf(key: string): string;
  defisOf(key: string, promotion?: number): Defi[];
}

interface Acc {
  person: Person;
  roleKeys: Set<string>;
}

export function buildPeople(cands: Candidate[], defiOf: Map<number, Defi>, inputs: PeopleInput[], defis: Defi[], admins: AdminLookup): Person[] {
  const byKey = new Map<string, Acc>();
  const add = (name: string, role: PersonRole, source: Person['sources'][number], defi?: Defi, label?: string, adminId?: string): void => {
    const key = personKey(name);
    let acc = byKey.get(key);
    if (!acc) {
      acc = { person: { id: slug(name), name, roles: [], sources: [] }, roleKeys: new Set() };
      byKey.set(key, acc);
    } else if (capitals(acc.person.name) > capitals(name)) acc.person.name = name; // "Thanh Ha LE" → "Thanh Ha Le"
    adminId ??= defi?.administrationId;
    const r = { role, ...(defi ? { defiId: defi.id } : {}), ...(adminId ? { administrationId: adminId } : {}), ...(label ? { label } : {}) };
    // One role per défi (its label kept when a later mention gives one); otherwise one per label.
    const rk = defi ? `${role}|${defi.id}` : `${role}|${adminId ?? ''}|${label ?? ''}`;
    const same = defi ? acc.person.roles.find((x) => x.role === role && x.defiId === defi.id) : undefined;
    if (same && label && !same.label) same.label = label;
    if (!acc.roleKeys.has(rk)) {
      // A role with a défi makes the same role without one redundant.
      if (defi) acc.person.roles = acc.person.roles.filter((x) => !(x.role === role && !x.defiId && !x.label));
      if (!(!defi && !label && acc.person.roles.some((x) => x.role === role))) acc.person.roles.push(r);
      acc.roleKeys.add(rk);
    }
    if (!acc.person.sources.some((s) => s.passageId === source.passageId && s.snippet === source.snippet)) acc.person.sources.push(source);
    if (defi && !defi.people.includes(acc.person.id)) defi.people.push(acc.person.id);
  };

  cands.forEach((c, i) => {
    for (const m of c.people) {
      let defi = defiOf.get(i) ?? (m.defiLabel ? defiByLabel(m.defiLabel, defis) : undefined);
      let adminId: string | undefined;
      if (!defi && m.defiAdminKey) {
        // "le défi de la BnF": that body's défi when it proposed only one (in that promotion).
        const options = admins.defisOf(m.defiAdminKey, c.promotion);
        if (options.length === 1) defi = options[0];
        else adminId = admins.idOf(m.defiAdminKey);
      }
      // An unknown défi's label still says what the person worked on ("défi CartoBio").
      const label = m.label ?? (!defi && m.defiLabel ? `défi ${m.defiLabel}` : undefined);
      add(m.name, m.role, c.source, defi, label, adminId);
    }
  });
  for (const { doc, passages } of inputs) {
    const author = doc.meta['author'];
    const first = passages[0];
    if (typeof author !== 'string' || !first) continue;
    for (const m of parseAuthor(author).people) {
      add(m.name, m.role, sourceOf(first, `author: ${author}`), m.label ? defiByLabel(m.label, defis) : undefined, m.label);
    }
  }
  const persons = mergeTypos([...byKey.values()].map((a) => a.person), defis);
  for (const p of persons) {
    // A vague role on a défi adds nothing next to the EIG's or the mentor's role on it.
    p.roles = p.roles.filter((r) => !(r.role === 'other' && r.defiId && p.roles.some((x) => x.role !== 'other' && x.defiId === r.defiId)));
  }
  return persons.sort((a, b) => a.id.localeCompare(b.id));
}

function capitals(name: string): number {
  return name.split(/\s+/).filter((w) => w.length > 1 && w === w.toUpperCase()).length;
}
