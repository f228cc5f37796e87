/**
 * Nothing about the seed corpus is written in the bot: a document written
 * here, about a fictitious ministry, défi and people, becomes answerable as
 * soon as it is ingested.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/bot.js';
import { newSession, type Bot } from '../../src/bot/types.js';
import { buildArtifact, corpusFromArtifact } from '../../src/index/artifact.js';
import { ingestCorpus } from '../../src/ingest/pipeline.js';

const DEFI_PAGE = `---
layout: defi
title: "Marégraphe : prévoir les marées d'équinoxe grâce aux capteurs côtiers"
owner: Ministère de la Mer, Direction des phares lointains (DPL)
project-date: Janvier 2031
---
## La problématique

Les marées d'équinoxe inondent chaque année les quais du port de Plouzévet. En 2029, la capitainerie a recensé 37 inondations des quais.

## Le défi : prévoir les marées d'équinoxe vingt-quatre heures à l'avance

Le modèle croisera les relevés des capteurs côtiers avec les prévisions de vent. Le Réseau des observatoires marégraphiques côtiers (ROMC) publie ces relevés chaque heure.

## Les 2 EIG

* **Ysolde Karadec : Datascience**

Ysolde est statisticienne et a travaillé sur les houles de l'Atlantique.

* **Tugdual Penmarch : Développement**

Tugdual est développeur et a construit des tableaux de bord pour des ports de pêche.

## Le mentor : Gwenolé Quéré
`;

let dir: string;
let bot: Bot;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rapporteur-bot-'));
  mkdirSync(join(dir, 'defis'));
  writeFileSync(join(dir, 'defis', 'maregraphe.md'), DEFI_PAGE);
  const ingested = await ingestCorpus({ roots: [dir] });
  bot = createBot(corpusFromArtifact(buildArtifact(ingested)));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a document written in the test', () => {
  it('answers which défis its ministry proposed, citing the page', () => {
    const a = bot.answer('Quels défis le ministère de la Mer a-t-il proposés ?');
    expect(a.kind).toBe('rule');
    expect(a.answer).toContain('Marégraphe');
    expect(a.sources.map((s) => s.path)).toContain('defis/maregraphe.md');
  });
  it('answers in English too, and for the directorate by its acronym', () => {
    expect(bot.answer('Which défis did the Ministry of the Sea propose?').answer).toContain('Marégraphe');
    expect(bot.answer('Quels défis la DPL a-t-elle proposés ?').answer).toContain('Marégraphe');
  });
  it('answers who worked on the défi and what a person worked on', () => {
    const who = bot.answer('Qui a travaillé sur Marégraphe ?');
    expect(who.answer).toContain('Ysolde Karadec');
    expect(who.answer).toContain('Tugdual Penmarch');
    expect(bot.answer('What did Ysolde Karadec work on?').answer).toContain('Marégraphe');
  });
  it('quotes the sentence stating a figure, and follows the conversation', () => {
    const s = newSession();
    const fig = bot.answer('Combien d’inondations des quais la capitainerie a-t-elle recensées en 2029 ?', s);
    expect(fig.kind).not.toBe('fallback');
    expect(fig.answer).toContain('37 inondations');
    expect(fig.sources[0]?.path).toBe('defis/maregraphe.md');
  });
  it('says what an acronym defined in it stands for, citing the page', () => {
    const fr = bot.answer('Que signifie ROMC ?');
    expect(fr.intent).toBe('acronym_meaning');
    expect(fr.answer).toContain('Réseau des observatoires marégraphiques côtiers');
    expect(fr.sources[0]?.path).toBe('defis/maregraphe.md');
    expect(bot.answer('What does ROMC stand for?').answer).toContain('stands for “Réseau des observatoires marégraphiques côtiers”');
    expect(bot.answer('que veut dire romc').intent).toBe('acronym_meaning');
    expect(bot.answer('Que signifie le mot marée ?').intent).not.toBe('acronym_meaning');
    // « significatif » is not « signifie »; "what does X mean for…" asks about consequences; a lower-case
    // word in a longer question is an ordinary word.
    expect(bot.answer('Le ROMC a-t-il eu un impact significatif ?').intent).not.toBe('acronym_meaning');
    expect(bot.answer('What does the ROMC mean for the ports?').intent).not.toBe('acronym_meaning');
    expect(bot.answer('What does ROMC mean?').intent).toBe('acronym_meaning');
    expect(bot.answer('Que veut dire romc pour les ports de pêche ?').intent).not.toBe('acronym_meaning');
    // What the body does is a question for the text, not for the letters.
    expect(bot.answer('Que fait le ROMC ?').intent).not.toBe('acronym_meaning');
  });
  it('still says it does not know about other topics', () => {
    expect(bot.answer("Quelle est la capitale de l'Australie ?").kind).toBe('fallback');
    expect(bot.answer('Who won the football world cup?').kind).toBe('fallback');
  });
});
