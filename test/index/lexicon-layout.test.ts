/**
 * The lexicon read in place from its compiled layout answers exactly like the Map-built lexicon
 * it replaced (test/index/lexicon-reference.ts), over every phrase of the real corpus' lexicon and
 * every word of every evaluation question.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge, Lang } from '../../src/ingest/types.js';
import { words } from '../../src/index/analyzer.js';
import { knowledgeGroups, Lexicon, staticGroups, type Phrase } from '../../src/index/lexicon.js';
import { ByteLines, Lines } from '../../src/index/lines.js';
import { encodeVarints } from '../../src/index/codec.js';
import { realArtifact } from '../helpers/corpus.js';
import { ReferenceLexicon } from './lexicon-reference.js';

const evalDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'eval');

/** Every question of every evaluation set (retrieval and answer sets alike). */
function evalQuestions(): string[] {
  const out: string[] = [];
  for (const name of readdirSync(evalDir).filter((n) => n.endsWith('.json'))) {
    const json = JSON.parse(readFileSync(join(evalDir, name), 'utf8')) as unknown;
    const items = (Array.isArray(json) ? json : (json as { questions?: unknown[] }).questions ?? []) as { q?: unknown }[];
    for (const item of items) if (typeof item.q === 'string') out.push(item.q);
  }
  return out;
}

describe('lexicon layout', () => {
  let groups: Phrase[][];
  let reference: ReferenceLexicon;
  let built: Lexicon;
  let loaded: Lexicon;
  let knowledge: Knowledge;

  beforeAll(async () => {
    knowledge = (await realArtifact()).knowledge;
    groups = [...staticGroups(), ...knowledgeGroups(knowledge)];
    reference = new ReferenceLexicon(groups);
    built = new Lexicon(groups);
    loaded = Lexicon.fromJSON(JSON.parse(JSON.stringify(built.toJSON())));
  }, 600_000);

  it('matches every phrase as the Map-built lexicon did, alone and inside a longer query', () => {
    let matched = 0;
    for (const p of groups.flat()) {
      const queries: [string[], number][] = [
        [p.words, 0],
        [['de', ...p.words, 'public'], 1],
        [p.words.slice(0, -1), 0],
        ...p.words.map((_, i): [string[], number] => [p.words, i]),
      ];
      for (const [q, at] of queries) {
        const want = reference.match(q, at);
        expect(built.match(q, at), `${q.join(' ')} @${at}`).toEqual(want);
        expect(loaded.match(q, at), `${q.join(' ')} @${at}`).toEqual(want);
        if (want && want.alternatives.length) matched++;
      }
    }
    expect(matched).toBeGreaterThan(groups.flat().length);
  });

  it('matches every word of every evaluation question as the Map-built lexicon did', () => {
    const questions = evalQuestions();
    expect(questions.length).toBeGreaterThan(300);
    let matched = 0;
    for (const q of questions) {
      const ws = words(q);
      for (let at = 0; at <= ws.length; at++) {
        const want = reference.match(ws, at);
        expect(loaded.match(ws, at), `${q} @${at}`).toEqual(want);
        if (want) matched++;
      }
    }
    expect(matched).toBeGreaterThan(questions.length / 2);
  });

  it('expands every term of every phrase, in both languages and in the same order', () => {
    let expanded = 0;
    const terms = new Set(groups.flat().flatMap((p) => [...p.terms, ...p.words]));
    for (const term of terms) {
      for (const lang of ['fr', 'en'] as Lang[]) {
        const want = reference.expandTerm(term, lang);
        expect(loaded.expandTerm(term, lang), `${term} (${lang})`).toEqual(want);
        if (want.length) expanded++;
      }
    }
    expect(expanded).toBeGreaterThan(1000);
  });

  it('rebuilds from the knowledge when the stored layout is damaged', () => {
    const json = { ...built.toJSON(), headPhrases: 'AAAA' };
    const q = words('agence française de développement');
    expect(Lexicon.fromJSON(json, knowledge).match(q, 0)).toEqual(reference.match(q, 0));
    expect(Lexicon.fromJSON({ ...built.toJSON(), layout: 1 }, knowledge).expandTerm('ministr', 'en')).toEqual(reference.expandTerm('ministr', 'en'));
  });
});

describe('Lines', () => {
  const sorted = ['', 'a', 'ab', 'abc', 'b', 'zz', 'Ä', 'é', 'ü'].filter(Boolean).sort();

  it('reads lines by position and finds each sorted line, nothing else', () => {
    const lines = Lines.join(sorted);
    expect(lines.length).toBe(sorted.length);
    sorted.forEach((s, i) => {
      expect(lines.line(i)).toBe(s);
      expect(lines.find(s)).toBe(i);
    });
    for (const absent of ['', 'aa', 'abcd', 'c', 'e', 'z', 'zzz', '\u00e9a', 'ü\u0301']) expect(lines.find(absent)).toBe(-1);
  });

  it('holds no line when empty, and refuses lines it could not give back', () => {
    expect(new Lines('').length).toBe(0);
    expect(new Lines('').find('a')).toBe(-1);
    expect(() => Lines.join(['a\nb'])).toThrow(/newline/);
    expect(() => Lines.join([''])).toThrow();
    expect(new Lines('a\n\nb').line(1)).toBe('');
  });
});

describe('ByteLines', () => {
  const bytes = Buffer.from('ab,\n\u00e9t\u00e9,\nz', 'utf8');

  it('decodes each line, ASCII or UTF-8, whether their lengths are given or scanned for', () => {
    for (const lines of [ByteLines.of(bytes), ByteLines.of(bytes, encodeVarints([3, 5, 1]), 3)]) {
      expect([0, 1, 2].map((i) => lines.line(i))).toEqual(['ab,', '\u00e9t\u00e9,', 'z']);
    }
  });

  it('scans for the line ends when the given lengths do not fall on them', () => {
    for (const wrong of [encodeVarints([2, 6, 1]), encodeVarints([3, 5]), encodeVarints([3, 5, 2]), 'not base64 varints']) {
      const lines = ByteLines.of(bytes, wrong, 3);
      expect(lines.length).toBe(3);
      expect(lines.line(1)).toBe('\u00e9t\u00e9,');
    }
  });
});
