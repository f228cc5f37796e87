/**
 * Sentence splitting for French and English prose. A boundary is `.`, `!`, `?` or `…`
 * (plus closing quotes/brackets) followed by a space and an uppercase letter, a digit or an
 * opening quote — unless the word before the period is an abbreviation or an initial, or
 * the boundary sits inside a short « quotation ».
 */

/** Lower-cased words that take a period without ending a sentence. */
const ABBREVIATIONS = new Set(
  (
    'm mm mme mmes mlle mlles dr drs pr me mr mrs ms st ste sts jr sr prof gén gen col cdt lt cpt ' +
    'art arts al p pp n no nos vol vols chap ch fig figs éd ed eds ibid op cit cf vs v env ' +
    'av bd boul réf ref tél tel hab min max approx ann annexe suiv sq mgr vve inc ltd co corp dept ' +
    'janv févr fév avr juil sept oct nov déc jan feb mar apr jun jul aug sep dec'
  ).split(' '),
);

const BOUNDARY = /([.!?…]+)((?:\s?[»"”’)\]])*)(\s+)(?=[\p{Lu}\p{N}«"“(\[¿¡–—•])/gu;
/** A quotation longer than this is prose of its own and is split inside. */
const SHORT_QUOTE = 250;

export function splitSentences(text: string): string[] {
  const src = text.replace(/\s+/g, ' ').trim();
  if (!src) return [];
  const quoted = quotedRanges(src);
  const out: string[] = [];
  let start = 0;
  for (const m of src.matchAll(BOUNDARY)) {
    const punct = m[1]!;
    const at = m.index;
    const end = at + punct.length + m[2]!.length;
    if (punct === '.' && !endsSentence(src, at, start)) continue;
    // Inside a short quotation, unless the quotation closes right here.
    if (inside(quoted, end)) continue;
    const sentence = src.slice(start, end).trim();
    if (sentence) out.push(sentence);
    start = end + m[3]!.length;
  }
  const rest = src.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** Is the single period at `at` the end of a sentence? Looks at the word before it. */
function endsSentence(src: string, at: number, start: number): boolean {
  const before = src.slice(Math.max(start, at - 30), at);
  const word = /(\S+)$/.exec(before)?.[1] ?? '';
  // A list number opening the sentence: "1. Le premier point", "II. Les constats", "a. …".
  if (before === word && /^(?:\d{1,3}|[IVXLC]{1,6}|\p{L})$/u.test(word)) return false;
  // Leading brackets and French elisions: "(art.", "l’art.".
  const bare = word.replace(/^[(«"“'‘[]+/, '').replace(/^(?:qu|[ldjnsmtc])['’]/i, '');
  if (!bare) return true;
  if (ABBREVIATIONS.has(bare.toLowerCase())) return false;
  // Initials and dotted abbreviations: "F. Hollande", "J.-P.", "e.g.", "U.S.".
  if (/^(?:\p{L}\.-?)*\p{Lu}$/u.test(bare) || /^(?:\p{L}\.)+\p{L}$/u.test(bare)) return false;
  // Ordinal or list numbers before a noun are rare; "art. 12"/"p. 3" are handled above.
  return true;
}

/** Spans of « … » and “ … ” quotations short enough to keep whole. */
function quotedRanges(src: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const [open, close] of [['«', '»'], ['“', '”']] as const) {
    let from = 0;
    for (;;) {
      const a = src.indexOf(open, from);
      if (a < 0) break;
      const b = src.indexOf(close, a + 1);
      if (b < 0) break;
      if (b - a <= SHORT_QUOTE) ranges.push([a, b]);
      from = b + 1;
    }
  }
  return ranges;
}

function inside(ranges: Array<[number, number]>, at: number): boolean {
  return ranges.some(([a, b]) => at > a && at < b);
}
