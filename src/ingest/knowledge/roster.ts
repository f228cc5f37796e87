import type { Defi, Document, Passage, Person, PersonRole } from '../types.js';
import { sourceOf, type Candidate } from './candidates.js';
import { fold, personKey, slug } from './names.js';
import { namedItem, parseAuthor, sectionRole, type PersonMention } from './people.js';

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
      for (const name of role?.names ?? []) out.push({ name, role: role!.role });
    }
    if (role?.role !== 'eig') continue;
    for (const s of p.sentences) {
      const name = namedItem(s);
      if (name) out.push({ name, role: 'eig' });
    }
  }
  return out;
}

/** A défi named by a short label ("Prévisecours", "EIG Link"): its title starts with the label. */
function defiByLabel(label: string, defis: Defi[]): Defi | undefined {
  const wanted = [label, label.replace(/^(?:EIG|d[ée]fi)\s+/i, '')].map((l) => fold(l).trim()).filter((l) => l.length >= 3);
  return defis.find((d) => {
    const short = fold(d.title.split(/\s+:\s+|\s+[–—-]\s+/)[0]!).trim();
    return wanted.some((w) => short === w);
  });
}

interface Acc {
  person: Person;
  roleKeys: Set<string>;
}

export function buildPeople(cands: Candidate[], defiOf: Map<number, Defi>, inputs: PeopleInput[], defis: Defi[]): Person[] {
  const byKey = new Map<string, Acc>();
  const add = (name: string, role: PersonRole, source: Person['sources'][number], defi?: Defi, label?: string): void => {
    const key = personKey(name);
    let acc = byKey.get(key);
    if (!acc) {
      acc = { person: { id: slug(name), name, roles: [], sources: [] }, roleKeys: new Set() };
      byKey.set(key, acc);
    }
    const r = { role, ...(defi ? { defiId: defi.id } : {}), ...(defi?.administrationId ? { administrationId: defi.administrationId } : {}), ...(label ? { label } : {}) };
    // One role per défi (its label kept when a later mention gives one); otherwise one per label.
    const rk = defi ? `${role}|${defi.id}` : `${role}||${label ?? ''}`;
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
    for (const m of c.people) add(m.name, m.role, c.source, defiOf.get(i) ?? (m.defiLabel ? defiByLabel(m.defiLabel, defis) : undefined), m.label);
  });
  for (const { doc, passages } of inputs) {
    const author = doc.meta['author'];
    const first = passages[0];
    if (typeof author !== 'string' || !first) continue;
    for (const m of parseAuthor(author).people) {
      add(m.name, m.role, sourceOf(first, `author: ${author}`), m.label ? defiByLabel(m.label, defis) : undefined, m.label);
    }
  }
  return [...byKey.values()].map((a) => a.person).sort((a, b) => a.id.localeCompare(b.id));
}
