/**
 * Bounded optimal string alignment distance (Levenshtein plus adjacent transpositions), for typo
 * tolerance: it stops as soon as the bound is passed and keeps three short rows, where natural's
 * Levenshtein fills a whole matrix on every call (the bot compares many hit terms per question).
 */

/** The distance between `a` and `b`, or `max + 1` as soon as it is known to exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = new Int32Array(b.length + 1);
  let prev = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[b.length] as number;
}

/**
 * Is `typed` the word `meant` with one slip of the keyboard: a letter left out inside the word (« exmple »,
 * « inteligence »), or two neighbouring letters swapped? Not a letter more (« plante » is no « plate »),
 * one left out at the end (stems of different words differ there), nor one letter for another
 * (« raquette » / « requête »): these make other words more often than typos.
 */
export function oneSlip(typed: string, meant: string): boolean {
  if (typed.length === meant.length) {
    let i = 0;
    while (i < typed.length && typed[i] === meant[i]) i++;
    return i < typed.length - 1 && typed[i] === meant[i + 1] && typed[i + 1] === meant[i] && typed.slice(i + 2) === meant.slice(i + 2);
  }
  if (meant.length !== typed.length + 1) return false;
  let i = 0;
  while (i < typed.length && typed[i] === meant[i]) i++;
  return i > 0 && i < typed.length && typed.slice(i) === meant.slice(i + 1);
}
