import type { Block, RawDocument } from './blocks.js';
import type { Lang, Metadata } from './types.js';
import { parseFrontMatter } from './text/front-matter.js';
import { cleanInline } from './text/inline.js';
import { clip, firstLine, markdownToBlocks } from './text/md-blocks.js';
import { splitSentences } from './sentences.js';
import { hasLanguageBlocks, readWordPress } from './wordpress.js';

/**
 * `.md`, `.markdown`, `.txt` → RawDocument(s): front matter → meta, lead text
 * (`chapeau-text`, `description`) → first paragraphs, Markdown → blocks.
 * WordPress pages with `[:fr]…[:en]…` blocks give one document per language.
 */
export function readText(text: string, fileName: string): RawDocument[] {
  const source = text.replace(/^\ufeff/, '').normalize('NFC');
  const fm = parseFrontMatter(source, fileName);
  const date = fm.date ?? dateFromFileName(fileName);
  const fmTitle = scalar(fm.meta['title']);
  const lead = leadBlocks(fm.meta);
  if (hasLanguageBlocks(fm.body) || (fmTitle && hasLanguageBlocks(fmTitle))) {
    return readWordPress(fm.body, { meta: fm.meta, date, lead, title: fmTitle });
  }
  const title = fmTitle ? clip(cleanInline(fmTitle), 200) : undefined;
  const body = markdownToBlocks(fm.body);
  const blocks = [...dropRepeated(lead, body), ...body];
  const lang = scalar(fm.meta['lang']);
  return [
    {
      kind: 'article',
      title: title || firstLine(fm.body) || stem(fileName),
      ...(lang === 'fr' || lang === 'en' ? { lang: lang as Lang } : {}),
      ...(date ? { date } : {}),
      meta: fm.meta,
      blocks,
    },
  ];
}

/** Jekyll lead fields are the article's opening text, shown above the body. */
const LEAD_FIELDS = ['chapeau-text', 'chapeau', 'description', 'excerpt', 'summary'];

function leadBlocks(meta: Metadata): Block[] {
  const seen = new Set<string>();
  const out: Block[] = [];
  for (const key of LEAD_FIELDS) {
    const value = scalar(meta[key]);
    if (!value) continue;
    for (const para of value.split(/\n\s*\n/)) {
      const text = cleanInline(para);
      const k = letters(text);
      if (text && !seen.has(k)) out.push({ type: 'paragraph', text });
      seen.add(k);
    }
  }
  return out;
}

/**
 * Blog posts often repeat their description in the first paragraphs: lead sentences
 * already present near the top of the body are dropped, so that nothing is indexed twice.
 */
function dropRepeated(lead: Block[], body: Block[]): Block[] {
  const top = letters(body.slice(0, 6).map((b) => b.text).join(' '));
  return lead.flatMap((block) => {
    const kept = splitSentences(block.text).filter((sentence) => {
      const key = letters(sentence);
      return key.length > 0 && !top.includes(key);
    });
    return kept.length ? [{ ...block, text: kept.join(' ') }] : [];
  });
}

function letters(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function scalar(v: Metadata[string] | undefined): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** `2019-12-16-x.md` → 2019-12-16; Jekyll's short form `18-07-23-x.md` → 2018-07-23. */
export function dateFromFileName(fileName: string): string | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const m = /^(\d{4}|\d{2})-(\d{2})-(\d{2})(?![\d])/.exec(base);
  if (!m) return undefined;
  const year = m[1]!.length === 2 ? `20${m[1]}` : m[1]!;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${m[2]}-${m[3]}`;
}

function stem(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.[^.]+$/, '');
}
