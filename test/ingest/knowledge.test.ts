import { beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { extractKnowledge } from '../../src/ingest/knowledge/index.js';
import { fold } from '../../src/ingest/knowledge/names.js';
import type { Administration, Defi, Knowledge, Person } from '../../src/ingest/types.js';
import { loadPassages, passagesOfText, REPO, SHARED, type Loaded } from '../helpers/knowledge-fixtures.js';

const SEEDS = resolve(REPO, 'corpus/articles');

function ministry(k: Knowledge, portfolio: string): Administration {
  const found = k.administrations.filter((a) => a.keywords?.includes(portfolio) && /^minist/i.test(fold(a.name)));
  expect(found.map((a) => a.name)).toHaveLength(1);
  return found[0]!;
}

function person(k: Knowledge, name: string): Person {
  const p = k.people.find((x) => fold(x.name) === fold(name));
  expect(p, name).toBeDefined();
  return p!;
}

/** Ids of an administration and everything under it. */
function family(k: Knowledge, id: string): Set<string> {
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const a of k.administrations) if (a.parentId && out.has(a.parentId) && !out.has(a.id)) grew = out.add(a.id).size > 0;
  }
  return out;
}

describe('knowledge extraction on the seed articles', () => {
  let loaded: Loaded;
  let k: Knowledge;
  beforeAll(async () => {
    loaded = await loadPassages([SEEDS]);
    k = extractKnowledge(loaded.documents, loaded.passages);
  });

  it('merges the spellings of the Interior ministry, English name included', () => {
    const interior = ministry(k, 'interieur');
    expect(fold(interior.name)).toBe("ministere de l'interieur");
    expect(interior.aliases.map(fold)).toContain('ministry of interior');
    expect(interior.sources.length).toBeGreaterThan(2);
  });

  it("finds both first-promotion défis of the Ministry of the Interior, each cited from several documents", () => {
    const interior = ministry(k, 'interieur');
    const defis = k.defis.filter((d) => d.administrationId === interior.id);
    expect(defis).toHaveLength(2);
    const text = (d: Defi): string => fold([d.title, ...d.sources.map((s) => s.snippet)].join(' '));
    const road = defis.find((d) => /accident/.test(text(d)) && /verbali/.test(text(d)));
    const licence = defis.find((d) => /permis de conduire/.test(text(d)));
    expect(road).toBeDefined();
    expect(licence).toBeDefined();
    expect(road).not.toBe(licence);
    for (const d of [road!, licence!]) {
      expect(d.promotion).toBe(1);
      expect(d.year).toBe(2017);
      expect(new Set(d.sources.map((s) => s.path)).size).toBeGreaterThanOrEqual(3);
      // The FR list, the "projet 1/2" list and the parallel English list are all cited.
      expect(d.sources.some((s) => /^projet \d/i.test(s.snippet) || /^[–-]?\s*projet/i.test(s.snippet) || /monter en qualit|croiser les donn/i.test(s.snippet))).toBe(true);
      expect(d.sources.some((s) => /Ministry of Interior/.test(s.snippet))).toBe(true);
      for (const s of d.sources) expect(s.passageId.startsWith(s.docId)).toBe(true);
    }
    expect(text(road!)).not.toMatch(/permis de conduire/);
    expect(text(licence!)).not.toMatch(/verbali/);
  });

  it('attributes no défi to the wrong ministry', () => {
    const interior = ministry(k, 'interieur');
    for (const d of k.defis) {
      const snippets = d.sources.map((s) => fold(s.snippet));
      const saysInterior = snippets.every((s) => /interieur|interior/.test(s));
      if (saysInterior) expect(d.administrationId, d.title).toBe(interior.id);
      if (d.administrationId === interior.id) {
        for (const s of snippets) expect(s).toMatch(/interieur|interior|^projet \d/);
      } else {
        for (const s of snippets) expect(s).not.toMatch(/\binterieur\b|\binterior\b/);
      }
    }
    const culture = ministry(k, 'culture');
    const cultureDefis = k.defis.filter((d) => d.administrationId === culture.id);
    expect(cultureDefis.length).toBeGreaterThanOrEqual(1);
    for (const d of cultureDefis) expect(fold(d.sources.map((s) => s.snippet).join(' '))).toMatch(/culture/);
    // Nine défis in the first promotion: mentions merge, distinct défis stay apart.
    const first = k.defis.filter((d) => d.promotion === 1);
    expect(first.length).toBeGreaterThanOrEqual(9);
    expect(first.length).toBeLessThanOrEqual(11);
  });

  it('finds the people of the road-safety défi and their mentor at the Interior ministry', () => {
    const interior = ministry(k, 'interieur');
    const road = k.defis.find((d) => d.administrationId === interior.id && /verbali/.test(fold(d.sources.map((s) => s.snippet).join(' '))))!;
    for (const name of ['Tristram Gräbener', 'Francis Chabouis']) {
      const p = person(k, name);
      expect(p.roles).toContainEqual(expect.objectContaining({ role: 'eig', defiId: road.id, administrationId: interior.id }));
      expect(road.people).toContain(p.id);
      expect(p.sources[0]!.snippet).toContain('défi relevé pour');
    }
    const mentor = person(k, 'Daniel Ansellem');
    expect(mentor.roles.filter((r) => r.role === 'mentor').map((r) => r.administrationId)).toContain(interior.id);
    expect(mentor.roles.some((r) => r.role === 'mentor' && r.defiId === road.id)).toBe(true);
    // Sentence-initial and institutional words are never taken for people.
    for (const p of k.people) expect(p.name).not.toMatch(/Minist|Etalab|Agence|Cour des/);
  });

  it('finds acronyms and attaches them to administrations', () => {
    const acr = new Map(k.acronyms.map((a) => [a.short, fold(a.long)]));
    expect(acr.get('AFD')).toBe('agence francaise de developpement');
    expect(acr.get('BnF')).toBe('bibliotheque nationale de france');
    expect(acr.get('SNDS')).toBe('systeme national des donnees de sante');
    const afd = k.administrations.find((a) => a.acronym === 'AFD')!;
    expect(afd.aliases.map(fold)).toContain('french agency for development');
    expect(k.administrations.find((a) => a.acronym === 'BnF')).toBeDefined();
  });

  it('is deterministic whatever the input order', () => {
    const again = extractKnowledge([...loaded.documents].reverse(), [...loaded.passages].reverse());
    expect(again).toEqual(k);
  });
});

describe('knowledge extraction on the shared articles and a report', () => {
  let k: Knowledge;
  beforeAll(async () => {
    const loaded = await loadPassages(
      [SEEDS, resolve(SHARED, 'articles'), resolve(SHARED, 'reports/cour-des-comptes/2016-01-29-la-journee-defense-et-citoyennete-jdc.pdf')],
      { pdf: true },
    );
    k = extractKnowledge(loaded.documents, loaded.passages);
  }, 60_000);

  it('gives the gendarmerie directorate (DGGN) the Interior ministry as parent, and its défi', () => {
    const interior = ministry(k, 'interieur');
    const dggn = k.administrations.find((a) => a.acronym === 'DGGN');
    expect(dggn?.parentId).toBe(interior.id);
    const defis = k.defis.filter((d) => d.administrationId === dggn!.id);
    expect(defis.length).toBe(1);
    expect(defis[0]!.promotion).toBe(2);
    expect(defis[0]!.year).toBe(2018);
    expect(defis[0]!.sources[0]!.snippet).toMatch(/^title: /);
    expect(family(k, interior.id).size).toBeGreaterThanOrEqual(3);
    // The Interior ministry's défis, bodies under it included: two of 2017, at least two of 2018.
    const all = k.defis.filter((d) => d.administrationId && family(k, interior.id).has(d.administrationId));
    expect(all.filter((d) => d.promotion === 1)).toHaveLength(2);
    expect(all.filter((d) => d.promotion === 2).length).toBeGreaterThanOrEqual(2);
  });

  it('takes every body of a défi page owner field as an administration, even one whose name has no capital after its head', () => {
    const shom = k.administrations.find((a) => a.acronym === 'Shom');
    expect(shom?.name).toBe('Service hydrographique et océanographique de la Marine');
    expect(k.administrations.find((a) => a.id === shom?.parentId)?.name).toMatch(/^Ministère des Armées$/);
    expect(k.defis.filter((d) => d.administrationId === shom!.id).map((d) => d.title)).toEqual([expect.stringMatching(/^b@liseNAV/)]);
  });

  it('reads people from défi pages and blog authors', () => {
    const crisan = person(k, 'Dora Crisan');
    const brigade = k.defis.find((d) => d.id === crisan.roles[0]!.defiId)!;
    expect(brigade.title).toMatch(/^Brigade Num/);
    const lancrenon = person(k, 'Guillaume Lancrenon');
    const prevision = lancrenon.roles.find((r) => r.role === 'eig')!;
    expect(k.defis.find((d) => d.id === prevision.defiId)?.title).toMatch(/^Prévisecours/);
    expect(lancrenon.sources.some((s) => s.snippet.startsWith('author:'))).toBe(true);
    const ansellem = person(k, 'Daniel Ansellem');
    expect(ansellem.roles.filter((r) => r.role === 'mentor').map((r) => r.defiId)).toContain(prevision.defiId);
  });

  it('finds acronyms in PDF reports, with their page', () => {
    const jdc = k.acronyms.find((a) => a.short === 'JDC');
    expect(fold(jdc!.long)).toBe('journee defense et citoyennete');
    expect(jdc!.sources.some((s) => typeof s.page === 'number')).toBe(true);
  });
});

describe('knowledge extraction on a document it has never seen', () => {
  const text = `---
title: La cinquième promotion des entrepreneurs d’intérêt général
date: 2024-01-10
---

## Les défis de la cinquième promotion

Les défis proposés cette année :

- Cartographier les phares automatisés des côtes bretonnes à l’Office national des phares et balises
- Prédire l’ensablement des chenaux de navigation au ministère de la Mer

## Bilan

Cartographier les phares automatisés avec un outil ouvert, défi relevé pour Zoé Marchand et Hugo Lefèvre, entrepreneurs d’intérêt général, et leur mentor Paul-Henri Vernier, Office national des phares et balises (ONPB).
`;

  const other = `Programme EIG : la 5e promotion

Les défis retenus pour la 5e promotion :

- Ministère de la Mer :
  - projet 1 : prédire l’ensablement des chenaux de navigation grâce aux relevés bathymétriques.
  - projet 2 : numériser les registres des gardiens de phare.
`;

  it('extracts the new administration, its acronym, défis, promotion and people', () => {
    const a = passagesOfText(text, 'fictif/phares.md');
    const b = passagesOfText(other, 'fictif/programme.txt');
    const k = extractKnowledge([...a.documents, ...b.documents], [...a.passages, ...b.passages]);
    const onpb = k.administrations.find((a) => a.acronym === 'ONPB');
    expect(fold(onpb!.name)).toBe('office national des phares et balises');
    const mer = k.administrations.find((a) => fold(a.name) === 'ministere de la mer');
    expect(mer).toBeDefined();

    const onpbDefis = k.defis.filter((d) => d.administrationId === onpb!.id);
    expect(onpbDefis).toHaveLength(1);
    expect(onpbDefis[0]!.promotion).toBe(5);
    expect(onpbDefis[0]!.sources.length).toBe(2);

    const merDefis = k.defis.filter((d) => d.administrationId === mer!.id);
    expect(merDefis.map((d) => d.title).sort()).toEqual([
      expect.stringMatching(/^Numériser les registres/),
      expect.stringMatching(/^Prédire l’ensablement/),
    ]);
    // The bullet and "projet 1" (another document) describe one défi, "projet 2" another.
    expect(merDefis.find((d) => /ensablement/.test(d.title))!.sources).toHaveLength(2);

    const zoe = person(k, 'Zoé Marchand');
    expect(zoe.roles).toContainEqual(expect.objectContaining({ role: 'eig', defiId: onpbDefis[0]!.id, administrationId: onpb!.id }));
    expect(person(k, 'Hugo Lefèvre').roles[0]!.role).toBe('eig');
    expect(person(k, 'Paul-Henri Vernier').roles).toContainEqual(expect.objectContaining({ role: 'mentor', defiId: onpbDefis[0]!.id }));
    expect(onpbDefis[0]!.people).toHaveLength(3);
  });
});
