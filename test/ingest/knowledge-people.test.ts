import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractKnowledge } from '../../src/ingest/knowledge/index.js';
import { fold, isPersonName } from '../../src/ingest/knowledge/names.js';
import type { Knowledge, Person } from '../../src/ingest/types.js';
import { loadPassages, passagesOfText, REPO, SHARED, type Loaded } from '../helpers/knowledge-fixtures.js';

const SEEDS = resolve(REPO, 'corpus/articles');
const DEFI_PAGES = resolve(SHARED, 'articles/eig-defis-2018');

function person(k: Knowledge, name: string): Person {
  const p = k.people.find((x) => fold(x.name) === fold(name));
  expect(p, name).toBeDefined();
  return p!;
}

/** "## Les 2 EIG" items and "## Le mentor : A" / "## Les mentors : A et B" / "## L'EIG : A" headings, read from the raw Markdown. */
function expectedPeople(md: string): [string, 'eig' | 'mentor'][] {
  const out: [string, 'eig' | 'mentor'][] = [];
  let section = '';
  for (const line of md.split('\n')) {
    const h = /^## (.*)$/.exec(line);
    if (h) {
      section = h[1]!;
      const named = /^(?:Les?|La|Votre|L')\s*(mentors?|EIG)\s*:\s*([^,]+)/.exec(section);
      for (const n of named ? named[2]!.split(/ et /) : []) out.push([n.trim(), /mentor/.test(named![1]!) ? 'mentor' : 'eig']);
      continue;
    }
    const item = /^\* \*\*([^:*]+?)\s*:/.exec(line);
    if (item && /^Les \d+ EIG/.test(section)) out.push([item[1]!.trim(), 'eig']);
  }
  return out;
}

describe('people of the défi pages, running text and authors', () => {
  let loaded: Loaded;
  let k: Knowledge;
  beforeAll(async () => {
    loaded = await loadPassages([SEEDS, resolve(SHARED, 'articles'), resolve(SHARED, 'reports/eig/EIG-promotion2_reglement_programme_VFF.pdf')], { pdf: true });
    k = extractKnowledge(loaded.documents, loaded.passages);
  }, 60_000);

  it('finds every EIG and mentor of the 13 défi pages, with the role and the défi of the page', () => {
    const pages = readdirSync(DEFI_PAGES).filter((f) => f.endsWith('.md'));
    expect(pages).toHaveLength(13);
    let total = 0;
    const misses: string[] = [];
    for (const f of pages) {
      const defi = k.defis.find((d) => d.sources.some((s) => s.path.endsWith(f) && s.snippet.startsWith('title:')));
      expect(defi, f).toBeDefined();
      for (const [name, role] of expectedPeople(readFileSync(resolve(DEFI_PAGES, f), 'utf8'))) {
        total++;
        const p = k.people.find((x) => fold(x.name) === fold(name));
        if (!p?.roles.some((r) => r.role === role && r.defiId === defi!.id)) misses.push(`${f}: ${name} (${role})`);
        else expect(defi!.people).toContain(p.id);
      }
    }
    expect(total).toBeGreaterThanOrEqual(45);
    expect(misses).toEqual([]);
    // A short final surname and a surname that is also a city.
    expect(person(k, 'Delphine Lê').roles[0]!.role).toBe('mentor');
    expect(person(k, 'Julien Paris').roles.some((r) => r.role === 'eig')).toBe(true);
  });

  it('gives a pronoun subject the one person named in the same passage ("Elle relève le défi de la BnF")', () => {
    const c = person(k, 'Constance de Quatrebarbes');
    const bnf = k.administrations.find((a) => a.acronym === 'BnF')!;
    const defi = k.defis.find((d) => d.administrationId === bnf.id)!;
    expect(c.roles).toContainEqual(expect.objectContaining({ role: 'eig', defiId: defi.id, administrationId: bnf.id }));
    expect(c.sources.map((s) => s.snippet)).toContain('Elle relève le défi de la Bibliothèque nationale de France (BnF).');
    expect(defi.people).toContain(c.id);
  });

  it('reads "X, entrepreneur d’intérêt général pour le défi Y" and "X du défi Y" in blog posts', () => {
    const augusti = person(k, 'Antoine Augusti');
    const predi = k.defis.find((d) => /^PrédiSauvetage/.test(d.title))!;
    expect(augusti.roles).toContainEqual(expect.objectContaining({ role: 'eig', defiId: predi.id }));
    expect(augusti.sources.some((s) => /pour le défi Prédisauvetage/.test(s.snippet) && !s.path.includes('defis-2018'))).toBe(true);
    // A person of an unknown défi keeps its name as a label; no vague role doubles a known one.
    expect(person(k, 'Lucas Bchini').roles).toContainEqual(expect.objectContaining({ role: 'eig', label: 'défi CartoBio' }));
    const schmidt = person(k, 'Victor Schmidt');
    expect(schmidt.roles.filter((r) => r.defiId)).toHaveLength(1);
    // A jury list line "X, title, body– défi Hopkins" with the label glued to the body's name.
    const hopkins = k.defis.find((d) => /^Hopkins/.test(d.title))!;
    expect(person(k, 'Delphine Lê').roles.every((r) => r.defiId === hopkins.id)).toBe(true);
  });

  it('merges a typo’d name with the right spelling when both share where they work, and keeps the better-attested one', () => {
    expect(k.people.find((p) => fold(p.name) === fold('Sophie Milkjovic'))).toBeUndefined();
    const sophie = person(k, 'Sophie Miljkovic');
    expect(sophie.sources.some((s) => s.snippet === 'author: Sophie Milkjovic, équipe EIG')).toBe(true);
    // "Thanh Ha Le" and "Thanh Ha LE" are one person, spelt in lower case.
    expect(k.people.filter((p) => fold(p.name) === 'thanh ha le').map((p) => p.name)).toEqual(['Thanh Ha Le']);
  });

  it('cites the sentence, list item or front-matter line each fact was read from', () => {
    const byId = new Map(loaded.passages.map((p) => [p.id, p]));
    const sources = [...k.defis, ...k.people, ...k.administrations].flatMap((x) => x.sources);
    expect(sources.length).toBeGreaterThan(200);
    for (const s of sources) {
      const p = byId.get(s.passageId)!;
      if (/^(?:title|owner|author): /.test(s.snippet)) continue;
      expect(p.sentences, s.snippet).toContain(s.snippet);
    }
    // Bullet items of the seed lists are cited as such, never the passage's first sentence.
    const road = k.defis.find((d) => d.sources.some((s) => /accidents de la route/.test(s.snippet)))!;
    const item = road.sources.find((s) => /accidents de la route/.test(s.snippet))!;
    expect(item.snippet).toMatch(/^Prévenir les accidents de la route .* au ministère de l’Intérieur$/);
    expect(byId.get(item.passageId)!.sentences[0]).not.toBe(item.snippet);
  });
});

describe('names and pronouns on documents written here', () => {
  it('accepts short or capitalised final surnames only where a name is expected', () => {
    for (const n of ['Delphine Lê', 'Thanh Ha LE', 'Thanh Ha Le', 'Julien Paris', 'Eric Le Guen']) expect(isPersonName(n), n).toBe(true);
    // Picked out of running text, such closing words are refused.
    for (const n of ['Découvrez Paris', 'Bienvenue Le']) expect(isPersonName(n, true), n).toBe(false);
    for (const n of ['Le Ministère', 'Photo EIG', 'Ministère Le']) expect(isPersonName(n), n).toBe(false);
  });

  const text = `---
title: La sixième promotion
---

## Les défis de la sixième promotion

Les défis proposés cette année :

- Cartographier les phares automatisés des côtes bretonnes à l’Office national des phares et balises (ONPB)
- Prédire l’ensablement des chenaux au Service hydrographique des estuaires (SHE)

## Les entrepreneurs

Zoé Marchand est géographe. Elle relève le défi de l’Office national des phares et balises.

Hugo Lefèvre et Paul Vernier sont développeurs. Il relève le défi du Service hydrographique des estuaires.

Jeanne Dupont, entrepreneure d’intérêt général pour le défi de l’Office national des phares et balises, code en Rust.

Jeanne Dupond, entrepreneure d’intérêt général pour le défi du Service hydrographique des estuaires, code en Go.
`;

  it('resolves a pronoun only to a single person, and keeps close names on different défis apart', () => {
    const a = passagesOfText(text, 'fictif/sixieme.md');
    const k = extractKnowledge(a.documents, a.passages);
    const onpb = k.administrations.find((x) => x.acronym === 'ONPB')!;
    const phares = k.defis.find((d) => d.administrationId === onpb.id)!;
    // A list item "… à l’Office … (ONPB)" names the body known by that acronym.
    expect(phares.title).toMatch(/^Cartographier les phares/);
    expect(person(k, 'Zoé Marchand').roles).toContainEqual(expect.objectContaining({ role: 'eig', defiId: phares.id }));
    // Two people named before "Il": nobody gets the défi from that sentence.
    for (const p of k.people) for (const s of p.sources) expect(s.snippet).not.toMatch(/^Il relève/);
    // One letter apart but on two défis: two people.
    const jeannes = k.people.filter((p) => /^Jeanne Dupon[dt]$/.test(p.name));
    expect(jeannes).toHaveLength(2);
    expect(new Set(jeannes.map((p) => p.roles[0]!.defiId)).size).toBe(2);
    expect(person(k, 'Jeanne Dupont').roles[0]!.defiId).toBe(phares.id);
  });
});

describe('portfolios: a ministry found under each of its portfolios', () => {
  it('names every ministry that held health with it, and does not take public accounts for the economy', async () => {
    const loaded = await loadPassages([SEEDS, resolve(SHARED, 'articles')]);
    const k = extractKnowledge(loaded.documents, loaded.passages);
    // The bot finds bodies by the words of their names: renamed ministries holding health must each say it,
    // "Ministère des affaires sociales" taking its fuller form "… et de la santé" met in the seeds.
    const health = k.administrations.filter((a) => a.keywords?.includes('sante'));
    expect(health.length).toBeGreaterThanOrEqual(2);
    for (const a of health) expect(fold(a.name)).toMatch(/sante/);
    const social = health.find((a) => /affaires sociales/.test(fold(a.name)))!;
    expect(k.defis.some((d) => d.administrationId === social.id && /SNDS/.test(d.title))).toBe(true);
    const accounts = k.administrations.find((a) => /comptes publics/i.test(a.name))!;
    expect(accounts.keywords).not.toContain('economie');
    expect(accounts.keywords).not.toContain('finances');
    expect(k.administrations.filter((a) => a.keywords?.includes('economie')).map((a) => a.id)).not.toContain(accounts.id);
  }, 60_000);
});
