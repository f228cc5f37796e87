/**
 * The lexicon's load-ready layout, as the artifact stores it: phrases one a line, the stems of
 * their first words as a sorted list pointing at them, and every single-term equivalence worked
 * out. Loading it builds no Map and splits no phrase: a lookup binary-searches the sorted keys and
 * makes only the phrases it reads (7,500 phrases made into objects and 15,000 Map entries at every
 * start were a third of the load time).
 */
import type { Lang } from '../ingest/types.js';
import { stem } from './analyzer.js';
import { decodeVarints, encodeVarints } from './codec.js';
import { Lines } from './lines.js';

export interface Phrase {
  /** Content words, folded, unstemmed (what query words are matched against). */
  words: string[];
  /** Index terms of the phrase, stemmed in its own language. */
  terms: string[];
  lang: Lang;
}

export type Group = Phrase[];

/** A compiled lexicon as the artifact stores it. */
export interface LexiconJSON {
  /** Which static lexicon it was compiled with (a changed lexicon-data.ts recompiles). */
  staticLines: string;
  layout: 2;
  /** Phrases, group after group, one a line: words, terms (space-separated), lang, separated by tabs. */
  phrases: string;
  /** Phrases in each group, in order (varints, base64). */
  groups: string;
  groupCount: number;
  /** `fr:` and `en:` stems of the phrases' first words, sorted, one a line. */
  heads: string;
  /** Phrases under each head (varints), then their numbers, ascending per head (gap varints). */
  headCounts: string;
  headPhrases: string;
  /** `lang:term` of the single-term phrases with equivalents, sorted, one a line… */
  singleKeys: string;
  /** …and on the same line here, those equivalents, space-separated (order kept: it is the expansion order). */
  singleTerms: string;
}

/** The stems of a phrase's first word, under which `match` finds it (its French and English readings). */
export const headKeys = (p: Phrase): [string, string] => {
  const first = p.words[0] as string;
  return [`fr:${stem(first, 'fr')}`, `en:${stem(first, 'en')}`];
};

const sorted = (keys: Iterable<string>): string[] => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function checkField(value: string, what: string): string {
  if (/[\t\n]/.test(value) || value === '') throw new Error(`lexicon ${what} cannot be stored: ${JSON.stringify(value)}`);
  return value;
}

/** Lays out phrase groups (stemming each phrase's first word in both languages). */
export function compileLexicon(groups: readonly Group[], staticLines: string): LexiconJSON {
  const phrases: string[] = [];
  const sizes: number[] = [];
  const byHead = new Map<string, number[]>();
  const singles = new Map<string, Set<string>>();
  for (const group of groups) {
    sizes.push(group.length);
    for (const p of group) {
      const id = phrases.length;
      phrases.push([checkField(p.words.join(' '), 'words'), checkField(p.terms.join(' '), 'terms'), p.lang].join('\t'));
      for (const key of headKeys(p)) {
        const list = byHead.get(key);
        if (list) list.push(id);
        else byHead.set(key, [id]);
      }
      if (p.terms.length !== 1) continue;
      // Every single-term phrase of the group, in group order, across all groups holding this term.
      const key = `${p.lang}:${p.terms[0]}`;
      const set = singles.get(key) ?? new Set<string>();
      for (const other of group) if (other !== p && other.terms.length === 1) set.add(other.terms[0] as string);
      set.delete(p.terms[0] as string);
      singles.set(key, set);
    }
  }
  const heads = sorted(byHead.keys());
  const lists = heads.map((h) => byHead.get(h) as number[]);
  const singleKeys = sorted([...singles].filter(([, set]) => set.size).map(([key]) => key));
  return {
    staticLines,
    layout: 2,
    phrases: Lines.join(phrases).text,
    groups: encodeVarints(sizes),
    groupCount: sizes.length,
    heads: Lines.join(heads).text,
    headCounts: encodeVarints(lists.map((l) => l.length)),
    headPhrases: encodeVarints(lists.flat(), lists.map((l) => l.length)),
    singleKeys: Lines.join(singleKeys).text,
    singleTerms: Lines.join(singleKeys.map((k) => [...(singles.get(k) as Set<string>)].join(' '))).text,
  };
}

const LANGS: readonly string[] = ['fr', 'en'];

/** A compiled lexicon, read in place; throws when the JSON is not a well-formed layout. */
export class LexiconLayout {
  readonly phraseCount: number;
  private readonly phrases: Lines;
  /** First phrase of each group, then the phrase count. */
  readonly groupStart: Int32Array;
  /** The group of each phrase. */
  readonly groupOf: Int32Array;
  private readonly heads: Lines;
  private readonly headStart: Int32Array;
  private readonly headPhrases: Int32Array;
  private readonly singleKeys: Lines;
  private readonly singleTerms: Lines;
  /** Phrases made so far (most never are: a query reads the few under its words' stems). */
  private readonly made: (Phrase | undefined)[];

  constructor(readonly json: LexiconJSON) {
    const text = (key: keyof LexiconJSON): string => {
      const v = json[key];
      if (typeof v !== 'string') throw new Error(`lexicon ${key} is missing`);
      return v;
    };
    this.phrases = new Lines(text('phrases'));
    this.phraseCount = this.phrases.length;
    const sizes = decodeVarints(text('groups'), json.groupCount);
    this.groupStart = new Int32Array(sizes.length + 1);
    this.groupOf = new Int32Array(this.phraseCount);
    for (let g = 0; g < sizes.length; g++) {
      const from = this.groupStart[g] as number;
      const to = (this.groupStart[g + 1] = from + (sizes[g] as number));
      if (to > this.phraseCount) throw new Error('lexicon groups hold more phrases than stored');
      this.groupOf.fill(g, from, to);
    }
    if (this.groupStart[sizes.length] !== this.phraseCount) throw new Error('lexicon groups miss phrases');
    this.heads = new Lines(text('heads'));
    const counts = decodeVarints(text('headCounts'), this.heads.length);
    this.headStart = new Int32Array(counts.length + 1);
    for (let i = 0; i < counts.length; i++) this.headStart[i + 1] = (this.headStart[i] as number) + (counts[i] as number);
    this.headPhrases = decodeVarints(text('headPhrases'), this.headStart[counts.length] as number, counts);
    for (const id of this.headPhrases) if (id >= this.phraseCount) throw new Error('lexicon head points past the phrases');
    this.singleKeys = new Lines(text('singleKeys'));
    this.singleTerms = new Lines(text('singleTerms'));
    if (this.singleTerms.length !== this.singleKeys.length) throw new Error('lexicon single terms do not match their keys');
    this.made = new Array<Phrase | undefined>(this.phraseCount);
  }

  /** Phrase `id`, made on first read. */
  phrase(id: number): Phrase {
    let p = this.made[id];
    if (!p) {
      const [w = '', t = '', lang = ''] = this.phrases.line(id).split('\t');
      if (!LANGS.includes(lang)) throw new Error(`lexicon phrase ${id} has no language`);
      p = this.made[id] = { words: w.split(' '), terms: t.split(' '), lang: lang as Lang };
    }
    return p;
  }

  /** Numbers of the phrases filed under a head key (`fr:stem` or `en:stem`), ascending. */
  underHead(key: string): Int32Array | undefined {
    const i = this.heads.find(key);
    return i < 0 ? undefined : this.headPhrases.subarray(this.headStart[i], this.headStart[i + 1]);
  }

  /** Single-term equivalents of `lang:term`, in expansion order. */
  singles(key: string): string[] {
    const i = this.singleKeys.find(key);
    return i < 0 ? [] : this.singleTerms.line(i).split(' ');
  }
}
