import type { Block, RawDocument } from './blocks.js';
import type { Lang, Metadata } from './types.js';
import { cleanInline } from './text/inline.js';
import { clip, firstLine, markdownToBlocks } from './text/md-blocks.js';

/**
 * WordPress qTranslate pages: `[:fr]…[:en]…[:]` language blocks → one document per language.
 * Text outside any block is shared by all languages (qTranslate's rule), except when it sits
 * right before a run of blocks that lacks exactly one language: editors often drop the opening
 * marker of the first language, so that text belongs to the missing one.
 */

const MARKER = /\[:([a-z]{2})?\]/g;
const LANGS: readonly Lang[] = ['fr', 'en'];

export function hasLanguageBlocks(text: string): boolean {
  return /\[:(?:fr|en)\]/.test(text);
}

interface Segment {
  lang: string | null;
  text: string;
}

function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let lang: string | null = null;
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    out.push({ lang, text: text.slice(last, m.index) });
    lang = m[1] ?? null;
    last = m.index + m[0].length;
  }
  out.push({ lang, text: text.slice(last) });
  return out.filter((s) => s.text.length > 0);
}

/** Body text per language. */
export function splitLanguages(text: string, known: Iterable<Lang> = []): Map<Lang, string> {
  const segs = segments(text);
  const present = new Set([...known, ...segs.map((s) => s.lang).filter((l): l is Lang => LANGS.includes(l as Lang))]);
  const bodies = new Map<Lang, string>([...present].map((l) => [l, '']));
  segs.forEach((seg, i) => {
    if (seg.lang !== null) {
      if (bodies.has(seg.lang as Lang)) bodies.set(seg.lang as Lang, bodies.get(seg.lang as Lang)! + seg.text);
      return;
    }
    if (!seg.text.trim()) return;
    const run = new Set<string>();
    for (let j = i + 1; j < segs.length && segs[j]!.lang !== null; j++) run.add(segs[j]!.lang!);
    const missing = [...present].filter((l) => !run.has(l));
    const owners = run.size > 0 && missing.length === 1 ? missing : [...present];
    for (const l of owners) bodies.set(l, bodies.get(l)! + seg.text);
  });
  return bodies;
}

export interface WordPressBase {
  meta: Metadata;
  date?: string;
  /** Blocks to put first in every language (front-matter lead text). */
  lead?: Block[];
  /** Title from front matter (possibly with language blocks of its own), used when the page's first line has none. */
  title?: string;
}

export function readWordPress(body: string, base: WordPressBase): RawDocument[] {
  // Without a front matter title, a first line holding language blocks, with text after it, is the page title.
  const newline = body.indexOf('\n');
  const head = newline < 0 ? body : body.slice(0, newline);
  const titled = !base.title && hasLanguageBlocks(head) && body.slice(head.length).trim() !== '';
  const shared = base.title && !hasLanguageBlocks(base.title) ? base.title : '';
  const titles = titled ? splitLanguages(head) : splitLanguages(base.title ?? '');
  const bodies = splitLanguages(titled ? body.slice(head.length) : body, titles.keys());
  const docs: RawDocument[] = [];
  for (const lang of LANGS) {
    const text = bodies.get(lang);
    const title = clip(cleanInline(titles.get(lang) ?? shared), 200) || (text ? firstLine(text) : undefined);
    if (text === undefined && !titles.has(lang)) continue;
    const blocks = [...(base.lead ?? []), ...markdownToBlocks(text ?? '')];
    if (!blocks.length) continue;
    docs.push({ kind: 'article', title: title ?? '', lang, langSuffix: lang, date: base.date, meta: { ...base.meta }, blocks });
  }
  return docs;
}
