import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/ingest/markdown.js';
import { hasLanguageBlocks, readWordPress, splitLanguages } from '../../src/ingest/wordpress.js';

const SEEDS = resolve(dirname(fileURLToPath(import.meta.url)), '../../corpus/articles');

describe('WordPress language blocks', () => {
  it('the seed page yields a French and an English document, each with its own title', () => {
    const name = readdirSync(SEEDS).find((f) => readFileSync(join(SEEDS, f), 'utf8').includes('[:en]'))!;
    const docs = readText(readFileSync(join(SEEDS, name), 'utf8'), name);
    expect(docs.map((d) => [d.lang, d.langSuffix])).toEqual([
      ['fr', 'fr'],
      ['en', 'en'],
    ]);
    const [fr, en] = docs as [(typeof docs)[0], (typeof docs)[0]];
    expect(fr.title).toBe('Rejoignez la 1e promotion d’Entrepreneurs d’Intérêt Général !');
    expect(en.title).toBe('Join the 1st program of « General Interest Entrepreneurs »');
    const frText = fr.blocks.map((b) => b.text).join('\n');
    const enText = en.blocks.map((b) => b.text).join('\n');
    expect(frText).toMatch(/^Santé, culture, développement… : Devenez « entrepreneurs d’intérêt général »/);
    expect(frText).toContain('Prévenir les accidents de la route en croisant les données d’accidentologie');
    expect(frText).not.toContain('Healthcare');
    expect(enText).toMatch(/^Healthcare, culture, development…: become a « general interest entrepreneur »/);
    expect(enText).toContain('Improving data quality in the National Driver System');
    expect(enText).not.toContain('Santé');
    for (const t of [frText, enText, fr.title, en.title]) expect(t).not.toMatch(/\[:[a-z]{0,2}\]/);
    // The pasted upload file name is not prose.
    expect(frText).not.toMatch(/\d{4}-\d{2}-\d{2}-\d{2}_/);
    expect(fr.blocks.find((b) => b.type === 'heading')?.text).toBe('Une promotion et un dispositif de mentoring');
    expect(en.blocks.filter((b) => b.type === 'list-item')).toHaveLength(9);
  });

  it('detects markers only for the languages it knows', () => {
    expect(hasLanguageBlocks('[:fr]Bonjour[:]')).toBe(true);
    expect(hasLanguageBlocks('Un texte [:] sans bloc')).toBe(false);
  });

  it('shares unmarked text with every language, per qTranslate', () => {
    const bodies = splitLanguages('Intro commune. [:fr]Bonjour.[:en]Hello.[:] Fin commune.');
    expect(bodies.get('fr')).toBe('Intro commune. Bonjour. Fin commune.');
    expect(bodies.get('en')).toBe('Intro commune. Hello. Fin commune.');
  });

  it('gives unmarked text before a run lacking one language to that language', () => {
    const bodies = splitLanguages('[:fr]Titre[:en]Title[:]\nTexte français.[:en]English text.');
    expect(bodies.get('fr')).toBe('Titre\nTexte français.');
    expect(bodies.get('en')).toBe('TitleEnglish text.');
  });

  it('ignores languages other than French and English', () => {
    const bodies = splitLanguages('[:fr]Bonjour[:de]Hallo[:en]Hello[:]');
    expect([...bodies.keys()].sort()).toEqual(['en', 'fr']);
    expect(bodies.get('fr')).toBe('Bonjour');
  });

  it('without a title line, each language takes its first line; front matter and lead are shared', () => {
    const docs = readWordPress('[:fr]Premier paragraphe.\n\nSecond.[:en]First paragraph.\n\nSecond.[:]', {
      meta: { tags: ['x'] },
      date: '2016-10-27',
      lead: [{ type: 'paragraph', text: 'Chapeau.' }],
    });
    expect(docs).toHaveLength(2);
    expect(docs[0]).toMatchObject({ lang: 'fr', title: 'Premier paragraphe.', date: '2016-10-27', meta: { tags: ['x'] } });
    expect(docs[1]).toMatchObject({ lang: 'en', title: 'First paragraph.' });
    expect(docs[1]!.blocks.map((b) => b.text)).toEqual(['Chapeau.', 'First paragraph.', 'Second.']);
    // Documents do not share a mutable meta object.
    expect(docs[0]!.meta).not.toBe(docs[1]!.meta);
  });

  it('reads language blocks in a front matter title', () => {
    const docs = readText('---\ntitle: "[:fr]Le titre[:en]The title[:]"\n---\n[:fr]Le texte.[:en]The text.[:]\n', 'p.md');
    expect(docs.map((d) => [d.lang, d.title, d.blocks.map((b) => b.text)])).toEqual([
      ['fr', 'Le titre', ['Le texte.']],
      ['en', 'The title', ['The text.']],
    ]);
    const plain = readText('---\ntitle: Un titre\n---\n[:fr]Le texte.[:en]The text.[:]\n', 'p.md');
    expect(plain.map((d) => d.title)).toEqual(['Un titre', 'Un titre']);
  });

  it('a title line with a body without markers gives the body to both languages', () => {
    const docs = readText('[:fr]Titre[:en]Title[:]\n\nUn seul corps de texte.', 'page.txt');
    expect(docs.map((d) => [d.lang, d.title, d.blocks[0]?.text])).toEqual([
      ['fr', 'Titre', 'Un seul corps de texte.'],
      ['en', 'Title', 'Un seul corps de texte.'],
    ]);
  });
});
