import type { PersonRole } from '../types.js';
import { isPersonName, parseNameList, tidyName } from './names.js';

/**
 * Parsers for sentences and fields that state who worked on what. They return names and
 * the raw text around them; resolving administrations and défis is the caller's job.
 */

export interface PersonMention {
  name: string;
  role: PersonRole;
  label?: string;
  /** Short name of the défi when the text gives it instead of a description ("– défi Prévisecours"). */
  defiLabel?: string;
  /** Key of the administration whose défi it is ("Elle relève le défi de la BnF"). */
  defiAdminKey?: string;
}

/** A list line about a person: "Daniel Ansellem, administrateur ministériel des données, … – défi Prévisecours". */
export function personLine(sentence: string, mentorContext: boolean): PersonMention | undefined {
  const m = /^(\p{Lu}[^,:]{2,60}?),\s*(.+)$/u.exec(sentence.trim());
  if (!m || !isPersonName(m[1]!.trim())) return undefined;
  const defi = /(?:\s*[–—]|\s-)\s*d[ée]fis?\s+(.+?)\s*[.;]?$/iu.exec(m[2]!);
  const label = tidyName(defi ? m[2]!.slice(0, defi.index) : m[2]!);
  return { name: m[1]!.trim(), role: mentorContext ? 'mentor' : 'other', ...(label ? { label } : {}), ...(defi ? { defiLabel: tidyName(defi[1]!) } : {}) };
}

export interface ReleveSentence {
  /** The défi's description (the sentence's head). */
  description: string;
  people: PersonMention[];
  /** Text that may name the administration: the sentence's tail or the words after "entrepreneur … à la". */
  adminTexts: string[];
}

const RELEVE = /^(.{12,}?),\s*(?:d[ée]fis?\s+relev[ée]e?s?\s+(?:pour|par)|challenges?\s+(?:taken\s+up|tackled|met)\s+by)\s+(.+)$/iu;
const EIG_TITLE = /,?\s*\b(?:entrepreneur(?:e|\.e)?s?|general\s+interest\s+entrepreneurs?)\s+d['’]int[ée]r[êe]t\s+g[ée]n[ée]ral(?:e|\.e)?s?\b|,?\s*\bgeneral\s+interest\s+entrepreneurs?\b|,?\s*\bEIGs?\b/iu;
const MENTOR = /(?:^|,|\s)\s*(?:et|and)?\s*(?:son|sa|leur|leurs|ses|his|her|their)\s+mentor(?:e)?s?\s+/iu;

/** "Réduire …, défi relevé pour X et Y, entrepreneurs d’intérêt général, et leur mentor Z, ministère de …" */
export function parseReleve(sentence: string): ReleveSentence | undefined {
  const m = RELEVE.exec(sentence.trim());
  if (!m) return undefined;
  const description = tidyName(m[1]!);
  let rest = m[2]!;
  const people: PersonMention[] = [];
  const adminTexts: string[] = [];
  const title = EIG_TITLE.exec(rest);
  const mentor = MENTOR.exec(rest);
  const eigEnd = Math.min(title?.index ?? rest.length, mentor?.index ?? rest.length);
  for (const name of parseNameList(rest.slice(0, eigEnd))) people.push({ name, role: 'eig' });
  if (title && (!mentor || title.index < mentor.index)) {
    // "entrepreneur d'intérêt général à la Cour des comptes et …"
    const after = rest.slice(title.index + title[0].length, mentor?.index ?? rest.length);
    const at = /^\s*(?:à|au|aux|auprès|at|dans)(?=\s)\s*(.+?)(?:\s+(?:et|and)\s+\p{Lu}.*)?$/u.exec(after.replace(/^,\s*/, ''));
    if (at) adminTexts.push(at[1]!);
  }
  if (mentor) {
    rest = rest.slice(mentor.index + mentor[0].length);
    const parts = rest.split(/\s*,\s*/);
    const names = parseNameList(parts[0]!);
    for (const name of names) people.push({ name, role: 'mentor' });
    if (parts.length > 1) adminTexts.push(parts.slice(1).join(', '));
  }
  if (!people.length) return undefined;
  return { description, people, adminTexts };
}

/** Blog `author:` fields: "Guillaume Lancrenon, EIG Prévisecours", "A et B, EIG Link", "Soizic Pénicaud, équipe EIG". */
export function parseAuthor(field: string): { people: PersonMention[]; label?: string } {
  const text = tidyName(field.replace(/\((.*)\)\s*$/, ', $1'));
  const comma = text.indexOf(',');
  const namesPart = comma < 0 ? text : text.slice(0, comma);
  let label = comma < 0 ? undefined : tidyName(text.slice(comma + 1));
  // "A, EIG et B, équipe EIG": two authors with their own labels.
  const second = label ? /^(.*?)\s+(?:et|and)\s+(\p{Lu}.*)$/u.exec(label) : null;
  if (second && parseAuthor(second[2]!).people.length) {
    const first = parseAuthor(`${namesPart}, ${second[1]}`);
    return { people: [...first.people, ...parseAuthor(second[2]!).people] };
  }
  const names = parseNameList(namesPart);
  const role: PersonRole = label && /^EIG\b/i.test(label) ? 'eig' : label && /mentor/i.test(label) ? 'mentor' : 'other';
  return { people: names.map((name) => ({ name, role, ...(label ? { label } : {}) })), ...(label ? { label } : {}) };
}

/**
 * Section headings of défi pages: "Les 2 EIG", "Le mentor : Daniel Ansellem", "Votre mentor : X",
 * "Les mentors : A et B", "L'EIG : X", "La mentor : X, commissaire au …" (the title after the comma is a label).
 */
export function sectionRole(section: string): { role: PersonRole; names: string[]; label?: string } | undefined {
  const m = /^(?:(?:les?|la|l['’]|the|nos|our|votre|vos|your|son|sa|leurs?)\s*)?(?:(\d+)\s+)?(mentor(?:e|\.e)?s?|EIGs?|entrepreneur(?:e|\.e)?s?(?:\s+d['’]int[ée]r[êe]t\s+g[ée]n[ée]ral(?:e|\.e)?s?)?)\s*(?::\s*(.+))?$/iu.exec(section.trim());
  if (!m) return undefined;
  const role: PersonRole = /^mentor/i.test(m[2]!) ? 'mentor' : 'eig';
  if (!m[3]) return { role, names: [] };
  const names = parseNameList(m[3]);
  if (names.length) return { role, names };
  // "Stéphanie Schaer, Commissaire au redressement productif": one name, then its title.
  const comma = m[3].indexOf(',');
  const head = comma > 0 ? parseNameList(m[3].slice(0, comma)) : [];
  const label = tidyName(m[3].slice(comma + 1));
  return head.length === 1 ? { role, names: head, ...(label ? { label } : {}) } : { role, names: [] };
}

/** A list item of such a section: "Dora Crisan : Développement" → the name. */
export function namedItem(sentence: string): string | undefined {
  const m = /^([^:]{4,60}?)\s*:\s*\S/u.exec(sentence.trim());
  const name = m ? tidyName(m[1]!) : undefined;
  return name && isPersonName(name) ? name : undefined;
}
