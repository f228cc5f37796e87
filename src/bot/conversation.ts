/**
 * Conversation carry-over: "Et pour le ministère de la Culture ?" after a
 * défis question is the same question about another administration; "and in
 * 2018?" narrows the last question to a year. Pure functions over plain slots.
 */
import type { Lang, Session } from './types.js';
import type { RuleIntent } from './intents.js';

export type Slots = Record<string, string>;

/** A short question that leans on the previous one ("et…", "and…", "what about…", "pour…"). */
export function isFollowUp(folded: string): boolean {
  const t = folded.replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ').trim();
  if (t.split(' ').length > 9) return false;
  return /^(?:et|and|what about|how about|same for|idem|meme question|pareil|puis|also|aussi|pour|for|en|in|dans|with|avec)\b/.test(
    t,
  );
}

/** Which rule a follow-up continues, given the kind of entity it brings. */
export function followUpIntent(last: RuleIntent, brings: Slots): RuleIntent | undefined {
  if (brings.administration) {
    return last === 'people_of_defi' ? 'people_of_defi' : 'defis_by_administration';
  }
  if (brings.person) return last === 'mentor_of' ? 'mentor_of' : 'defis_of_person';
  if (brings.defi) return last === 'mentor_of' ? 'mentor_of' : 'people_of_defi';
  if (brings.year || brings.promotion) {
    return last === 'defis_by_administration' || last === 'defis_by_promotion' ? last : 'defis_by_promotion';
  }
  return undefined;
}

/**
 * Slots of the follow-up: the new ones replace the old ones of the same
 * kind; a new year drops an old promotion (and vice versa), since they are
 * two ways of naming the same thing.
 */
export function mergeSlots(intent: RuleIntent, last: Slots, brings: Slots): Slots {
  const keep: Record<RuleIntent, string[]> = {
    defis_by_administration: ['administration', 'year', 'promotion'],
    defis_by_promotion: ['year', 'promotion'],
    people_of_defi: ['defi', 'administration'],
    defis_of_person: ['person'],
    mentor_of: ['person', 'defi'],
  };
  const out: Slots = {};
  for (const k of keep[intent]) {
    const v = brings[k] ?? last[k];
    if (v !== undefined) out[k] = v;
  }
  if (brings.year && !brings.promotion) delete out.promotion;
  if (brings.promotion && !brings.year) delete out.year;
  // A named défi is more precise than an administration met in its name ("Lab Santé" / "Santé").
  if (brings.defi && intent === 'people_of_defi') delete out.administration;
  else if (brings.administration && intent === 'people_of_defi') delete out.defi;
  if (brings.person && intent === 'mentor_of') delete out.defi;
  if (brings.defi && intent === 'mentor_of') delete out.person;
  return out;
}

/** Record the turn in the caller's session (mutated in place: it is plain data the caller keeps). */
export function remember(session: Session | undefined, lang: Lang, intent: string, slots?: Slots): void {
  if (!session) return;
  session.turns += 1;
  session.lastLang = lang;
  if (intent === 'greeting' || intent === 'thanks' || intent === 'help' || intent === 'goodbye') return;
  session.lastIntent = intent;
  session.lastSlots = slots ? { ...slots } : {};
}
