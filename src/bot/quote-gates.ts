/**
 * The confidence gates of a quote, pure: is it anchored (the question's most specific words are in the
 * quote or the heading it sits under) or a mere mention of what is asked? A quote failing them is shown
 * with reduced confidence, so that an honest "I don't know" beats a quote that does not answer.
 */
import type { AnalysedPassage } from './passage-terms.js';
import { nameFound } from './question-terms.js';
import { coverageOf, groupsOf, type TermGroup, YEAR_TERM } from './sentences.js';

/** Share of a question of known words that anchors a quote lacking its rarest word. */
const RELAXED_ANCHOR = 0.7;

export interface QuoteGates {
  /** The question's most specific words (and what it asks about an entity) are shown. */
  anchored: boolean;
  /** The quote only mentions what the question is about. */
  mentionOnly: boolean;
  /** Weighted share of the question in the quote and its heading. */
  quoteCoverage: number;
}

/** The groups of highest weight. */
function strongest(groups: TermGroup[]): TermGroup[] {
  const max = Math.max(...groups.map((g) => g.weight));
  return groups.filter((g) => g.weight >= max - 1e-9);
}

/** A word matching several question words (a name and its translation) counts once; a name's words count as one. */
function unitsOf(groups: TermGroup[], terms: string[]): Set<number> {
  // Plain loops and numbers (a name n is -1 - n): this runs for every candidate quote.
  const units = new Set<number>();
  for (const t of terms) {
    const i = groupsOf(groups, t)[0];
    if (i === undefined) continue;
    const g = groups[i] as TermGroup;
    units.add(g.name !== undefined ? -1 - g.name : i);
  }
  return units;
}

/**
 * Gates of the quoted sentences' terms under their passage's heading; `counted` is the noun the question asks
 * for; `earlier` gives the terms of the passages just before (read only when a name is not in the quote).
 */
export function quoteGates(
  groups: TermGroup[],
  quotedTerms: string[],
  parts: AnalysedPassage,
  counted?: string,
  earlier?: () => string[][],
): QuoteGates {
  // The question's most specific word must be in the quote or the heading it sits under; so must the
  // most specific word of what it asks about an entity ("the mentor of X" needs "mentor", not just X).
  const shown = [...quotedTerms, ...parts.heading];
  const shownGroups = new Set<number>();
  for (const t of shown) for (const i of groupsOf(groups, t)) shownGroups.add(i);
  const inQuote = (g: TermGroup): boolean => shownGroups.has(groups.indexOf(g));
  const asked = groups.filter((g) => !g.subject);
  // A multi-word proper name counts whole: "United States" is not "unité" plus something else.
  // A name the text just before gives counts too: a post introduces whom it quotes, then quotes them.
  // Each name is looked for once, not once per word of it (this runs for every candidate quote).
  const inShown = new Map<number, boolean>();
  const inEarlier = new Map<number, boolean>();
  const namesWhole = groups.every((g) => {
    const n = g.name;
    if (n === undefined) return true;
    const name = (): TermGroup[] => groups.filter((o) => o.name === n);
    let shownHas = inShown.get(n);
    if (shownHas === undefined) inShown.set(n, (shownHas = nameFound(name(), [quotedTerms, parts.heading], groups)));
    if (shownHas) return true;
    if (g.subject !== true || !earlier) return false;
    let earlierHas = inEarlier.get(n);
    if (earlierHas === undefined) inEarlier.set(n, (earlierHas = nameFound(name(), earlier(), groups)));
    return earlierHas;
  });
  // The quote and the heading it sits under must hold a fair share of the question on their own.
  const quoteCoverage = coverageOf(groups, shown).coverage;
  // When every word of the question is a word of the corpus, its rarest one may be a mere verb ("revient"):
  // a quote holding most of the rest is anchored too. An unknown word keeps the strict rule (other topics).
  const relaxed = groups.every((g) => !g.unknown) && quoteCoverage >= RELAXED_ANCHOR;
  const anchored =
    namesWhole &&
    (strongest(groups).some(inQuote) || relaxed) &&
    (asked.length === 0 || asked.length === groups.length || strongest(asked).some(inQuote) || relaxed);
  // One word in common with a question of several is a mention, not an answer ("passeport" in a footnote);
  // so is a quote whose only link to the question is a name ("Météo France" in a list of partners),
  // unless the question asks about nothing but that name ("What is open data?").
  const quoteUnits = [...unitsOf(groups, quotedTerms)];
  const nameOnly = quoteUnits.length === 1 && (quoteUnits[0] as number) < 0;
  const oneName = groups.every((g) => g.name !== undefined && g.name === groups[0]?.name);
  const mention = !oneName && groups.length >= 2 && (unitsOf(groups, shown).size < 2 || nameOnly);
  // What the question asks for by name ("les tarifs", "how many women") must be in the quote or its heading.
  const head = counted !== undefined ? groups.find((g) => g.term === counted) : undefined;
  // A year the question names must be there too: another year's statement does not answer.
  const yearMissing = groups.some((g) => YEAR_TERM.test(g.term) && !inQuote(g));
  // A body or programme the question names by its acronym must be named by the passage (or its heading).
  const unnamed = groups.some((g, i) => g.acronym && !parts.unique.some((t) => groupsOf(groups, t).includes(i)));
  return { anchored, mentionOnly: mention || (head !== undefined && !inQuote(head)) || yearMissing || unnamed, quoteCoverage };
}
