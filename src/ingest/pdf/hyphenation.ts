/**
 * Line-end hyphens: "at-⏎teindre" is one word cut by typesetting (→ "atteindre"), while
 * "Saint-⏎Étienne" or "contre-⏎rapporteur" is a compound that happens to break at its
 * hyphen (→ kept). The document itself is the best dictionary: a form seen elsewhere in
 * it wins; otherwise typographic and lexical rules decide.
 */

/** A word: letters/digits with inner hyphens or apostrophes ("sous-direction", "aujourd’hui"). */
const WORD_RE = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** Line ends with a hyphen that follows a letter or digit (not a dash after a space). */
const HYPHEN_END_RE = /[\p{L}\p{N}]-$/u;

/** French first elements that are (nearly) always followed by a hyphen. */
const COMPOUND_PREFIXES = new Set([
  'sous', 'vice', 'non', 'contre', 'porte', 'demi', 'semi', 'mi', 'ex', 'après', 'avant', 'arrière',
  'garde', 'grand', 'grande', 'quasi', 'outre', 'haut', 'haute', 'belle', 'beau', 'nord', 'sud', 'peut',
  'celle', 'celles', 'celui', 'ceux', 'elle', 'elles', 'lui', 'eux', 'moi', 'toi', 'soi', 'nous', 'vous',
  'est', 'c’est', "c'est", 'au', 'ci', 'là', 'e',
]);

/** Second elements that are (nearly) always preceded by a hyphen ("celle-ci", "peut-être", "vous-mêmes"). */
const COMPOUND_SUFFIXES = new Set([
  'ci', 'là', 'même', 'mêmes', 'être', 'dire', 'il', 'ils', 'elle', 'elles', 'on', 'vous', 'nous', 'je',
  'tu', 'y', 'en', 'clé', 'clés', 'type', 'types', 'midi', 'delà', 'dessus', 'dessous', 'après',
]);

export type HyphenChoice = 'join' | 'keep';

/** What the rest of the document says about words (line-edge fragments excluded). */
export interface HyphenContext {
  /** Lower-cased words and their counts, hyphenated compounds whole and split into parts. */
  words: Map<string, number>;
}

/** Whether a line ends with a word-breaking hyphen. */
export function endsWithHyphen(line: string): boolean {
  return HYPHEN_END_RE.test(line.trimEnd());
}

function add(words: Map<string, number>, word: string): void {
  const w = word.toLowerCase();
  words.set(w, (words.get(w) ?? 0) + 1);
  if (w.includes('-')) for (const part of w.split('-')) words.set(part, (words.get(part) ?? 0) + 1);
}

/**
 * Collect the words of a document's lines, leaving out the two fragments around each
 * line-end hyphen (they are what we must decide about, not evidence).
 */
export function buildHyphenContext(pages: readonly (readonly string[])[]): HyphenContext {
  const words = new Map<string, number>();
  for (const lines of pages) {
    let skipFirst = false;
    for (const line of lines) {
      const found = line.match(WORD_RE) ?? [];
      const hyphenated = endsWithHyphen(line);
      const from = skipFirst ? 1 : 0;
      const to = hyphenated ? found.length - 1 : found.length;
      for (let i = from; i < to; i++) add(words, found[i] as string);
      skipFirst = hyphenated;
    }
  }
  return { words };
}

/** The word fragment just before a line-end hyphen ("l’auto-" → "auto", "Hauts-de-" → "Hauts-de"). */
function leftFragment(line: string): string {
  const m = /([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)-$/u.exec(line.trimEnd());
  return m?.[1] ?? '';
}

/** The word at the start of the next line, punctuation excluded. */
function rightFragment(line: string): string {
  const m = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/u.exec(line.trimStart());
  return m?.[0] ?? '';
}

/** Decide a line-end hyphen between `line` (ending with '-') and `next`. */
export function hyphenChoice(line: string, next: string, ctx: HyphenContext): HyphenChoice {
  const left = leftFragment(line);
  const right = rightFragment(next);
  // URLs, e-mail addresses, number ranges ("2013-⏎2014"), "n° 2015-⏎146": the hyphen is real.
  const lastToken = line.trimEnd().split(/\s+/).pop() ?? '';
  if (/[/@]|www\./i.test(lastToken) || /\d$/.test(left) || !/^\p{L}/u.test(right)) return 'keep';
  const lastPart = left.split('-').pop() ?? left;
  const lower = lastPart.toLowerCase();
  const rightLower = right.toLowerCase();
  const joinedCount = ctx.words.get(lower + rightLower) ?? 0;
  const hyphenCount = ctx.words.get(`${lower}-${rightLower}`) ?? 0;
  if (joinedCount > hyphenCount) return 'join';
  if (hyphenCount > 0) return 'keep';
  // A capital after the break starts a proper noun: "Saint-⏎Étienne", "Armée-⏎Nation".
  if (/^\p{Lu}/u.test(right)) return 'keep';
  // Already a compound before the break ("Hauts-de-⏎Seine", "c’est-à-⏎dire").
  if (left.includes('-')) return 'keep';
  const lowerNoElision = lower.replace(/^[a-z]['’]/, '');
  if (COMPOUND_PREFIXES.has(lowerNoElision) || COMPOUND_SUFFIXES.has(rightLower)) return 'keep';
  // Both halves are words of their own in this document: "sapeurs-⏎pompiers", "formateurs-⏎relais".
  if ((ctx.words.get(lowerNoElision) ?? 0) > 0 && (ctx.words.get(rightLower) ?? 0) > 0 && lowerNoElision.length > 2) {
    return 'keep';
  }
  return 'join';
}

/**
 * Join two lines of one paragraph: a word-breaking hyphen is resolved (no space), any
 * other line break becomes a space.
 */
export function joinLines(line: string, next: string, ctx: HyphenContext): string {
  const a = line.trimEnd();
  const b = next.trimStart();
  if (!a) return b;
  if (!b) return a;
  if (endsWithHyphen(a)) {
    return hyphenChoice(a, b, ctx) === 'join' ? a.slice(0, -1) + b : a + b;
  }
  return `${a} ${b}`;
}
