import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/bot.js';
import { newSession } from '../../src/bot/types.js';
import { fixture, simpleTools } from '../helpers/bot-fixtures.js';

const { corpus } = fixture();
const bot = createBot(corpus, { terms: simpleTools, sourceUrl: (p, page) => `/files/${p}${page ? `#p${page}` : ''}` });

describe('rules over a hand-built knowledge', () => {
  it('lists the défis of a ministry, including those of a directorate under it, grouped by promotion', () => {
    const a = bot.answer('Quels défis le ministère de la Montagne a-t-il proposés ?');
    expect(a.kind).toBe('rule');
    expect(a.intent).toBe('defis_by_administration');
    expect(a.lang).toBe('fr');
    expect(a.answer).toContain('avalanches');
    expect(a.answer).toContain('Glaciologue');
    expect(a.answer).not.toContain('récifs');
    expect(a.answer.indexOf('Promotion 7')).toBeLessThan(a.answer.indexOf('Promotion 8'));
    expect(a.sources.map((s) => s.path)).toEqual(expect.arrayContaining(['articles/promo.md', 'articles/defis/glacier.md']));
    expect(a.sources[0]?.url).toMatch(/^\/files\/articles\//);
    // Each défi is cited with the sentence it was read from, not only the document's title.
    expect(a.answer).toContain('« Le défi Glaciologue est porté par la Direction des neiges éternelles (DNE) du ministère de la Montagne. »');
  });
  it('takes no "portal" for a défi « porté » by the ministry, nor « à propos » for « proposé »', () => {
    expect(bot.answer('Which portal did the Ministry of the Seas open?').intent).not.toBe('defis_by_administration');
    expect(bot.answer('Quels défis sont portés par le ministère des Mers ?').intent).toBe('defis_by_administration');
    // « à propos de » is "about", not « proposé ».
    expect(bot.answer('Que dit le rapport à propos du ministère des Mers ?').intent).not.toBe('defis_by_administration');
  });
  it('understands the English name, an acronym and a typo', () => {
    const en = bot.answer('Which challenges did the Ministry of the Seas propose?');
    expect(en.lang).toBe('en');
    expect(en.answer).toContain('récifs');
    expect(bot.answer('Quels défis la DNE a-t-elle proposés ?').answer).toContain('Glaciologue');
    expect(bot.answer('quels defis le ministere de la Montagen a propose').answer).toContain('avalanches');
  });
  it('answers who worked on a défi, what a person worked on, and a mentor', () => {
    const who = bot.answer('Qui a travaillé sur Glaciologue ?');
    expect(who.intent).toBe('people_of_defi');
    expect(who.answer).toContain('Zoé Martinvalet');
    expect(who.answer).toContain('Octave Brindamour');
    const what = bot.answer('What did Octave Brindamour work on?');
    expect(what.intent).toBe('defis_of_person');
    expect(what.answer).toContain('Glaciologue');
    const mentor = bot.answer('Qui était le mentor de Zoé Martinvalet ?');
    expect(mentor.intent).toBe('mentor_of');
    expect(mentor.answer).toContain('Aglaé Pruneville');
    expect(mentor.answer).not.toContain('Octave');
    // A person's past is not their défi: the text answers it, or nothing does.
    expect(bot.answer('Where did Octave Brindamour work before he became an EIG?').intent).not.toBe('defis_of_person');
    expect(bot.answer('Où travaillait Zoé Martinvalet avant de devenir EIG ?').intent).not.toBe('defis_of_person');
    // A question naming a person but asking about something else is not answered by their défis or mentor.
    expect(bot.answer('Which Emacs add-on does Octave Brindamour maintain?').intent).not.toBe('defis_of_person');
    expect(bot.answer('Quelle conférence Zoé Martinvalet a-t-elle organisée avec son mentor ?').intent).not.toBe('mentor_of');
    expect(bot.answer('Sur quels projets Octave Brindamour a-t-il travaillé ?').intent).toBe('defis_of_person');
  });
  it('lists the défis of a promotion or a year', () => {
    const p = bot.answer('Quels sont les défis de la promotion 7 ?');
    expect(p.intent).toBe('defis_by_promotion');
    expect(p.answer).toContain('récifs');
    expect(p.answer).not.toContain('Glaciologue');
    expect(bot.answer('Which défis were selected in 2024?').answer).toContain('Glaciologue');
  });
  it('answers with the one défi a promotion question names', () => {
    const p = bot.answer('Quel défi la promotion 7 a-t-elle relevé pour cartographier les récifs coralliens ?');
    expect(p.intent).toBe('defis_by_promotion');
    expect(p.answer).toContain('récifs');
    expect(p.answer).not.toContain('avalanches');
    // Named with another promotion: that promotion's list does not answer.
    const other = bot.answer('Quel défi la promotion 8 a-t-elle relevé pour cartographier les récifs coralliens ?');
    expect(other.intent).not.toBe('defis_by_promotion');
    expect(other.answer).not.toContain('Glaciologue');
  });
});

describe('conversation', () => {
  it('carries a défis question over to another administration, then to a year', () => {
    const s = newSession();
    bot.answer('Quels défis le ministère des Mers a-t-il proposés ?', s);
    const next = bot.answer('Et pour le ministère de la Montagne ?', s);
    expect(next.intent).toBe('defis_by_administration');
    expect(next.answer).toContain('avalanches');
    const year = bot.answer('et en 2024 ?', s);
    expect(year.answer).toContain('Glaciologue');
    expect(year.answer).not.toContain('avalanches');
    expect(s.turns).toBe(3);
  });
});

describe('retrieval and fallback', () => {
  it('quotes the sentence that states a figure, with its page', () => {
    const a = bot.answer('Combien de ponts suspendus ont été inspectés ?');
    expect(a.kind).not.toBe('fallback');
    expect(a.answer).toContain('412 à 699');
    expect(a.sources[0]).toMatchObject({ path: 'reports/rapport-ponts.pdf', page: 3 });
  });
  it('falls back on questions about other topics, in the asker language', () => {
    for (const q of ["Quelle est la capitale de l'Australie ?", "What's the weather tomorrow?", 'Combien coûte un billet de train ?']) {
      const a = bot.answer(q);
      expect(a.kind, q).toBe('fallback');
      expect(a.sources).toEqual([]);
    }
    expect(bot.answer("What's the weather tomorrow?").lang).toBe('en');
    expect(bot.answer("Quelle est la capitale de l'Australie ?").answer).toMatch(/Je ne trouve pas/);
    // Today's facts and the asker's own case: no document can state them, and the answer says so.
    const tomorrow = bot.answer('Quel temps fera-t-il demain ?');
    expect([tomorrow.kind, tomorrow.intent]).toEqual(['fallback', 'beyond_documents']);
    expect(tomorrow.answer).toMatch(/votre situation personnelle ni de l’actualité/);
    expect(bot.answer('How do I reset my password?').answer).toMatch(/your own situation/);
  });
  it('answers small talk with suggestions that the rules can answer', () => {
    const hi = bot.answer('Bonjour');
    expect(hi.kind).toBe('smalltalk');
    expect(hi.suggestions.length).toBeGreaterThan(1);
    const first = hi.suggestions[0] ?? '';
    expect(bot.answer(first).kind).toBe('rule');
    expect(bot.answer('What can you do?').intent).toBe('help');
  });
});
