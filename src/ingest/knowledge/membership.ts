import type { PersonRole } from '../types.js';
import { findPersonNames, parseNameList, tidyName } from './names.js';
import type { PersonMention } from './people.js';

/**
 * Sentences that tie a person to a défi in running text: "X, entrepreneur d'intérêt général pour
 * le défi Prévisecours", "Laurie Chapotte du défi Gobelins", "Elle relève le défi de la
 * Bibliothèque nationale de France (BnF)". A pronoun subject is resolved only to the one person
 * named before it in the same passage; with two or more people (or none) the sentence says nothing.
 */

/** What a sentence says about one person's défi: a short label, or the body that proposed it. */
export interface Membership extends PersonMention {
  /** "le défi de la BnF": the administration's name as written. */
  adminText?: string;
}

const DEFI = String.raw`[dD][ée]fis?`;
/** "pour le défi", "du défi", "sur le défi", "relève le défi", "participer au défi", "au sein du défi". */
const LEAD = String.raw`(?:[pP]our|[sS]ur|[dD]ans|[dD]e|[dD]u|[aA]u\s+sein\s+du|[dD]ans\s+le\s+cadre\s+du|[rR]el[eèé]v\p{L}*|[rR]ejoin\p{L}*|[iI]nt[ée]gr\p{L}*|[pP]articip\p{L}*|[aA]u)`;
/** A défi's short name: one or two words with a capital letter ("Prévisecours", "dataESR", "Social Connect"). */
const LABEL_WORD = String.raw`(?=[\p{L}\d@]*\p{Lu})[\p{L}\d@][\p{L}\d@’'\-]*`;
const REF = new RegExp(
  String.raw`(?:^|[\s,(])${LEAD}\s+(?:(?:le|ce|un)\s+)?${DEFI}\s+(?:(?:(de\s+la|de\s+l['’]|du|des|de|lanc[ée]\s+par|port[ée]\s+par)\s*)(.+)|(${LABEL_WORD}(?:\s+${LABEL_WORD})?))`,
  'gu', // case-sensitive: a label is told by its capitals
);
const PRONOUN = /^(?:[^,]{0,100},\s*)?(il|elle|he|she)\s/iu;
const NOT_LABEL = /^(?:EIG\d*|EIGs|Etalab|[IVX]+)$/i;

function roleOf(text: string): PersonRole {
  if (/mentor/i.test(text)) return 'mentor';
  if (/\bEIG\b|entrepreneu|general\s+interest/i.test(text)) return 'eig';
  return 'other';
}

/** The défi named in a reference: an administration's name (up to a clause end) or a label. */
function target(m: RegExpMatchArray): { adminText?: string; defiLabel?: string } | undefined {
  if (m[2]) {
    const admin = tidyName(m[2].split(/[,;:!?]|\s[–—-]\s|\.(?:\s|$)|\s(?:pour|afin|qui|où|et\s+(?:il|elle))\s/u)[0]!);
    return admin ? { adminText: admin } : undefined;
  }
  const label = m[3]?.replace(/[’'\-]+$/, '');
  if (!label || NOT_LABEL.test(label)) return undefined;
  return { defiLabel: label };
}

/**
 * People a sentence ties to a défi. `passage`: the sentences of the same passage, for pronouns.
 */
export function memberships(sentence: string, passage: string[]): Membership[] {
  const out: Membership[] = [];
  let prevEnd = 0;
  for (const m of sentence.matchAll(REF)) {
    const t = target(m);
    const before = sentence.slice(prevEnd, m.index);
    prevEnd = m.index + m[0].length;
    if (!t) continue;
    // The name (or "A et B") right before the reference, with at most a short title between them.
    const near = /((?:\p{Lu}[\p{L}’'\-]+\s+)(?:[\p{L}’'\-]+\s+){0,3}?\p{Lu}[\p{L}’'\-]+(?:(?:\s*,\s*|\s+et\s+|\s+and\s+)\p{Lu}[\p{L}’'\-]+(?:\s+[\p{L}’'\-]+){1,3}?)*)\s*(?:,\s*([^,;]{0,70}?))?\s*,?\s*$/u.exec(before);
    if (near) {
      const names = bestNameList(near[1]!);
      const title = near[2] ?? '';
      if (names.length && !findPersonNames(title).length) {
        for (const name of names) out.push({ name, role: roleOf(title), ...t });
        continue;
      }
    }
    // "Elle relève le défi de …": the passage's one person.
    const pronoun = PRONOUN.exec(sentence);
    if (pronoun && pronoun.index + pronoun[0].length <= m.index + 1 && !findPersonNames(sentence).length) {
      // Passages may join paragraphs: only the sentences before the pronoun count, and one person only.
      const at = passage.indexOf(sentence);
      const named = new Set(passage.slice(0, at < 0 ? 0 : at).flatMap((s) => findPersonNames(s)));
      if (named.size === 1) out.push({ name: [...named][0]!, role: roleOf(sentence) === 'mentor' ? 'mentor' : 'eig', ...t });
    }
  }
  return out;
}

/** The longest tail of the text that is a list of people's names ("Merci à A et B" → A, B). */
function bestNameList(text: string): string[] {
  const ws = text.trim().split(/\s+/);
  for (let i = 0; i < ws.length - 1; i++) {
    const names = parseNameList(ws.slice(i).join(' '));
    if (names.length) return names;
  }
  return [];
}
