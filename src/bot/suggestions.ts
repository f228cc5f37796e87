/**
 * Suggested next questions, built from what the knowledge actually holds so
 * that every suggestion is answerable on the loaded corpus.
 */
import type { Lang } from '../ingest/types.js';
import type { Catalog } from './catalog.js';
import { defiHandle } from './catalog.js';
import { withFrenchArticle } from './templates.js';

export type Suggestions = Record<Lang, string[]>;

export function buildSuggestions(catalog: Catalog): Suggestions {
  const fr: string[] = [];
  const en: string[] = [];
  const count = new Map<string, number>();
  for (const e of catalog.defis) {
    const a = e.item.administrationId;
    if (a) count.set(a, (count.get(a) ?? 0) + 1);
  }
  const topAdmin = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const admin = topAdmin ? catalog.adminById.get(topAdmin) : undefined;
  if (admin) {
    fr.push(`Quels sont les défis proposés par ${withFrenchArticle(admin.name)} ?`);
    en.push(`Which défis did ${admin.aliases.find((a) => /\b(?:ministry|agency|court)\b/i.test(a)) ?? admin.name} propose?`);
  }
  const promos = [...new Set(catalog.defis.map((e) => e.item.promotion).filter((p): p is number => p !== undefined))].sort();
  const promo = promos[promos.length - 1];
  if (promo !== undefined) {
    fr.push(`Quels sont les défis de la promotion ${promo} ?`);
    en.push(`Which défis were in promotion ${promo}?`);
  }
  const staffed = catalog.defis.find((e) => e.item.people.length > 0 && defiHandle(e.item.title));
  const handle = staffed ? defiHandle(staffed.item.title) : undefined;
  if (handle) {
    fr.push(`Qui a travaillé sur ${handle} ?`);
    en.push(`Who worked on ${handle}?`);
  }
  fr.push('Que peux-tu faire ?');
  en.push('What can you do?');
  return { fr: fr.slice(0, 4), en: en.slice(0, 4) };
}
