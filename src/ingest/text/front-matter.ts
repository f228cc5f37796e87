import matter from 'gray-matter';
import { IngestError } from '../errors.js';
import type { Metadata } from '../types.js';

/**
 * YAML front matter → `Metadata` (scalars and lists of scalars).
 * Conversions, so that every field stays searchable and serialisable:
 * - Dates → ISO strings;
 * - lists of objects and nested objects (Jekyll `files`, `une-ou-diaporama`) → the list of
 *   their human-readable strings (link labels, alt texts); paths and URLs inside them are
 *   dropped, and the key too when nothing readable is left.
 */
export interface FrontMatter {
  meta: Metadata;
  body: string;
  /** `YYYY-MM-DD` as written in the `date` field (before any time-zone shift), when present. */
  date?: string;
}

export function parseFrontMatter(text: string, fileName: string): FrontMatter {
  if (!/^---[ \t]*\r?\n/.test(text)) return { meta: {}, body: text };
  let parsed: { data: Record<string, unknown>; content: string; matter?: string };
  try {
    // Passing options disables gray-matter's unbounded cache keyed by file content.
    parsed = matter(text, {}) as unknown as typeof parsed;
  } catch (error) {
    const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new IngestError(`invalid YAML front matter in ${fileName}: ${detail.trim().replace(/:$/, '')}`, 'front-matter');
  }
  // A list or a bare string between two rules is Markdown (a rule, text, a setext heading), not fields.
  if (!isObject(parsed.data)) return { meta: {}, body: text };
  const meta: Metadata = {};
  for (const [key, value] of Object.entries(parsed.data)) {
    const converted = convert(value);
    if (converted !== undefined) meta[key] = converted;
  }
  const written = /^date:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(parsed.matter ?? '');
  return { meta, body: parsed.content, date: written?.[1] ?? isoDay(parsed.data?.['date']) };
}

function convert(value: unknown): Metadata[string] | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const strings = readable(value);
  if (Array.isArray(value) && value.every((v) => !isObject(v))) return strings;
  return strings.length ? strings : undefined;
}

/** Readable strings of a nested value, skipping paths, URLs and file names. */
function readable(value: unknown): string[] {
  if (value instanceof Date) return [value.toISOString()];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (typeof value === 'string') {
    const s = value.normalize('NFC').trim();
    return s && !looksLikeLocation(s) ? [s] : [];
  }
  if (Array.isArray(value)) return value.flatMap(readable);
  if (isObject(value)) return Object.values(value).flatMap(readable);
  return [];
}

function looksLikeLocation(s: string): boolean {
  return /^(?:[a-z]+:\/\/|\/|\.\.?\/|www\.)/i.test(s) || /^[\w./-]+\.(?:png|jpe?g|gif|svg|webp|pdf|html?|docx?|xlsx?|odt|csv|zip)$/i.test(s);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function isoDay(v: unknown): string | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === 'string') return /^(\d{4}-\d{2}-\d{2})/.exec(v.trim())?.[1];
  return undefined;
}
