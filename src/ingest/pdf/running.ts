/**
 * Running headers, footers and page numbers: lines printed on (almost) every page
 * that say nothing about the page's content and would pollute passages.
 *
 * Only the first and last few lines of each page are candidates, and a line is removed
 * only when the same line (digits ignored) recurs there on many pages, so repeated
 * body text (a recurring table caption in the middle of pages) stays.
 */

/** How many lines at the top and at the bottom of a page may belong to a header/footer. */
const ZONE = 3;

/** Comparison key: case, digits and spacing ignored ("Page 3 sur 45" ≡ "Page 12 sur 45"). */
export function runningKey(line: string): string {
  return line.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * The page number a line stands for when the line is nothing but a page number:
 * "12", "- 12 -", "— 12 —", "12/45", "12 / 45", "Page 12", "Page 12 sur 45", "page 12 of 45", "p. 12".
 */
export function pageNumberValue(line: string): number | undefined {
  const s = line.trim();
  const m =
    /^[-–—]?\s*(\d{1,4})\s*[-–—]?$/.exec(s) ??
    /^(\d{1,4})\s*\/\s*(\d{1,4})$/.exec(s) ??
    /^(?:page|p\.)\s*(\d{1,4})(?:\s*(?:sur|of|de|\/)\s*\d{1,4})?$/i.exec(s);
  if (!m?.[1]) return undefined;
  const n = Number(m[1]);
  const total = m[2] === undefined ? undefined : Number(m[2]);
  if (total !== undefined && total < n) return undefined;
  return n;
}

/** Indices of a page's zone lines (top and bottom `ZONE` lines, without duplicates). */
function zoneIndices(count: number): number[] {
  const out = new Set<number>();
  for (let i = 0; i < Math.min(ZONE, count); i++) out.add(i);
  for (let i = Math.max(0, count - ZONE); i < count; i++) out.add(i);
  return [...out];
}

/** How many pages a header must recur on: most of a short document, a fair share of a long one. */
function minPages(pageCount: number): number {
  return pageCount <= 3 ? 2 : Math.max(3, Math.ceil(pageCount * 0.3));
}

/** Keys of lines that recur in the header/footer zones of enough pages (and rarely elsewhere). */
export function findRunningKeys(pages: readonly (readonly string[])[]): Set<string> {
  const zonePages = new Map<string, Set<number>>();
  const zoneHits = new Map<string, number>();
  const bodyHits = new Map<string, number>();
  pages.forEach((lines, p) => {
    const zone = new Set(zoneIndices(lines.length));
    lines.forEach((line, i) => {
      const key = runningKey(line);
      // Keys need some letters: bare numbers are handled as page numbers, with their own check.
      if ((key.match(/\p{L}/gu) ?? []).length < 3) return;
      if (zone.has(i)) {
        let set = zonePages.get(key);
        if (!set) zonePages.set(key, (set = new Set()));
        set.add(p);
        zoneHits.set(key, (zoneHits.get(key) ?? 0) + 1);
      } else {
        bodyHits.set(key, (bodyHits.get(key) ?? 0) + 1);
      }
    });
  });
  const need = minPages(pages.length);
  const keys = new Set<string>();
  for (const [key, set] of zonePages) {
    if (set.size >= need && (bodyHits.get(key) ?? 0) <= (zoneHits.get(key) ?? 0) / 2) keys.add(key);
  }
  return keys;
}

/**
 * Offsets (printed number − physical page) that page-number lines follow consistently.
 * A lone number at a page edge is a page number only when it agrees with its page's
 * position like the others do; a stray table value at the bottom of one page does not.
 */
export function findPageNumberOffsets(pages: readonly (readonly string[])[]): Set<number> {
  const support = new Map<number, number>();
  pages.forEach((lines, p) => {
    const seen = new Set<number>();
    for (const i of zoneIndices(lines.length)) {
      const n = pageNumberValue(lines[i] ?? '');
      if (n === undefined) continue;
      const offset = n - (p + 1);
      if (seen.has(offset)) continue;
      seen.add(offset);
      support.set(offset, (support.get(offset) ?? 0) + 1);
    }
  });
  const best = Math.max(0, ...support.values());
  const offsets = new Set<number>();
  for (const [offset, count] of support) {
    const enough = pages.length === 1 ? offset === 0 : count >= 2 && count >= best * 0.25;
    if (enough) offsets.add(offset);
  }
  return offsets;
}

/** The pages without their running headers, footers and page-number lines. */
export function removeRunningLines(pages: readonly (readonly string[])[]): string[][] {
  const keys = findRunningKeys(pages);
  const offsets = findPageNumberOffsets(pages);
  return pages.map((lines, p) => {
    const zone = new Set(zoneIndices(lines.length));
    return lines.filter((line, i) => {
      if (!zone.has(i)) return true;
      if (keys.has(runningKey(line))) return false;
      const n = pageNumberValue(line);
      return n === undefined || !offsets.has(n - (p + 1));
    });
  });
}
