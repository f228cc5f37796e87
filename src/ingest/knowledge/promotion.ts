import { ORDINALS } from './lexicon.js';
import { fold } from './names.js';

/**
 * Promotion numbers and years as the text states them: "1re promotion", "deuxième promotion",
 * "Promotion 2", "EIG 3", "troisième promotion en 2019".
 */

const NOUNS = '(?:promotions?|programs?|promos?|editions?|generations?|cohortes?|cohorts?|squads?|class|entrepreneur[\\w.·]*|eig)';
const ORD_WORDS = Object.keys(ORDINALS).join('|');
const NUMERIC_ORDINAL = new RegExp(`(?<![\\w])(\\d)\\s?(?:re|ere|er|ers|e|eme|nde|nd|st|rd|th)\\s+${NOUNS}(?![a-z])`);
const WORD_ORDINAL = new RegExp(`(?<![a-z])(${ORD_WORDS})\\s+${NOUNS}(?![a-z])`);
const NUMBERED = /(?<![a-z])(?:promotion|promo|eig)\s?(?:n°\s?)?(\d)(?![\d,.]?\d)/;

const HINT = /promo|eig|[ée]dition|cohort|squad|class|program|entrepreneur|g[ée]n[ée]ration/i;

export function promotionIn(text: string | undefined): number | undefined {
  if (!text || !HINT.test(text)) return undefined;
  const f = fold(text);
  const m = NUMERIC_ORDINAL.exec(f) ?? NUMBERED.exec(f);
  if (m) return Number(m[1]);
  const w = WORD_ORDINAL.exec(f);
  return w ? ORDINALS[w[1]!] : undefined;
}

/** A year tied to a promotion in the same phrase: "Une première promotion en 2017", "promotion 2018". */
export function promotionYearIn(text: string | undefined): number | undefined {
  if (!text || promotionIn(text) === undefined) return undefined;
  const m = /(?:promotion|promo|eig)[^.;:]{0,40}?\b(20\d\d)\b/i.exec(fold(text));
  return m ? Number(m[1]) : undefined;
}

/** Any year in a short text ("project-date: Janvier 2018"). */
export function yearIn(text: string | undefined): number | undefined {
  const m = text ? /\b(19\d\d|20\d\d)\b/.exec(text) : null;
  return m ? Number(m[1]) : undefined;
}

/** Promotion ↔ year, learnt from phrases that state both; the most frequent pairing wins. */
export class PromotionCalendar {
  private counts = new Map<string, number>();

  observe(text: string | undefined): void {
    const p = promotionIn(text);
    const y = promotionYearIn(text);
    if (p === undefined || y === undefined) return;
    const k = `${p}:${y}`;
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }

  private best(pick: (p: number, y: number) => boolean, side: 0 | 1): number | undefined {
    let out: number | undefined;
    let n = 0;
    for (const [k, c] of [...this.counts.entries()].sort()) {
      const [p, y] = k.split(':').map(Number) as [number, number];
      if (pick(p, y) && c > n) {
        n = c;
        out = side === 0 ? p : y;
      }
    }
    return out;
  }

  yearOf(promotion: number): number | undefined {
    return this.best((p) => p === promotion, 1);
  }

  promotionOf(year: number): number | undefined {
    return this.best((_, y) => y === year, 0);
  }
}
