import type { Defi, Person } from '../types.js';
import { editDistance } from '../../text/edit-distance.js';
import { fold, personKey } from './names.js';

/**
 * One person spelt two ways by a typo ("Sophie Milkjovic" / "Sophie Miljkovic") is merged when
 * the names are a small edit apart AND the two share where they worked: the same défi, or, when
 * neither has a défi, the same role and label ("équipe EIG"). Two different people with close
 * names on different défis stay apart.
 */

/** Typos allowed: one per 8 letters, at most 2; short names must match exactly. */
function closeNames(a: string, b: string): boolean {
  const ka = personKey(a);
  const kb = personKey(b);
  if (ka === kb) return true;
  const wa = ka.split(' ');
  const wb = kb.split(' ');
  if (wa.length !== wb.length || ka.length < 10) return false;
  const budget = Math.min(2, Math.floor(Math.min(ka.length, kb.length) / 8));
  return editDistance(ka, kb, budget) <= budget;
}

function sameAffiliation(a: Person, b: Person): boolean {
  const defis = new Set(a.roles.map((r) => r.defiId).filter(Boolean));
  if (b.roles.some((r) => r.defiId && defis.has(r.defiId))) return true;
  if (defis.size || b.roles.some((r) => r.defiId)) return false;
  const label = (r: Person['roles'][number]): string => `${r.role}|${fold(r.label ?? '')}`;
  const labels = new Set(a.roles.filter((r) => r.label).map(label));
  return b.roles.some((r) => r.label && labels.has(label(r)));
}

/** Persons with typo'd names merged into the better-attested spelling; défis' people lists follow. */
export function mergeTypos(persons: Person[], defis: Defi[]): Person[] {
  const sorted = [...persons].sort((a, b) => b.sources.length - a.sources.length || a.id.localeCompare(b.id));
  const kept: Person[] = [];
  for (const p of sorted) {
    const into = kept.find((k) => k.id !== p.id && closeNames(k.name, p.name) && sameAffiliation(k, p));
    if (!into) {
      kept.push(p);
      continue;
    }
    for (const r of p.roles) {
      if (!into.roles.some((x) => x.role === r.role && x.defiId === r.defiId && x.label === r.label)) into.roles.push(r);
    }
    for (const s of p.sources) if (!into.sources.some((x) => x.passageId === s.passageId && x.snippet === s.snippet)) into.sources.push(s);
    for (const d of defis) {
      const at = d.people.indexOf(p.id);
      if (at >= 0) d.people.splice(at, 1, ...(d.people.includes(into.id) ? [] : [into.id]));
    }
  }
  return kept;
}
