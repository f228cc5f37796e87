import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/ingest/language.js';

const lang = (text: string, fallback?: 'fr' | 'en') => detectLanguage(text, fallback).lang;

describe('detectLanguage', () => {
  it('reads questions by their function words', () => {
    expect(lang('Quels défis le ministère de l’Intérieur a-t-il proposés ?')).toBe('fr');
    expect(lang('Which challenges did the Ministry of the Interior propose?')).toBe('en');
    expect(detectLanguage('What is the cost of the service?').confidence).toBe(1);
  });

  it('reads a question mixing French nouns into English as English', () => {
    expect(lang('which défis did the Ministry of the Interior propose?')).toBe('en');
    expect(lang('who worked on the défi Prévisecours?')).toBe('en');
  });

  it('keeps short follow-ups in their own language', () => {
    expect(lang('Et pour la Culture ?', 'en')).toBe('fr');
    expect(lang('and in 2018?', 'fr')).toBe('en');
  });

  it('reads keyword-only English queries by word shape', () => {
    for (const q of [
      'explaining public algorithms',
      'unstructured data collected',
      'monthly salary developers',
      'housing policy rural municipality',
      'weaknesses guardianship',
    ]) {
      const guess = detectLanguage(q, 'fr');
      expect(guess.lang, q).toBe('en');
      expect(guess.confidence, q).toBeGreaterThan(0.5);
      expect(guess.confidence, q).toBeLessThanOrEqual(0.75);
    }
  });

  it('reads keyword-only French queries, accented or not', () => {
    for (const q of ['politique numerique territoires ruraux', 'rémunération développeurs', 'dispositif fiscal entrepreneurs']) {
      expect(lang(q, 'en'), q).toBe('fr');
    }
    // A lone weak English shape ("th" in "algorithmes") does not flip a French default.
    expect(lang('expliquer algorithmes publics', 'fr')).toBe('fr');
  });

  it('stays with the fallback, unsure, when nothing tells the languages apart', () => {
    expect(detectLanguage('Previsecours ?', 'en')).toEqual({ lang: 'en', confidence: 0.5 });
    expect(detectLanguage('Culture 2018', 'fr')).toEqual({ lang: 'fr', confidence: 0.5 });
    // Known limit: keywords without telling shapes keep the fallback.
    expect(detectLanguage('severance payments taxation', 'fr')).toEqual({ lang: 'fr', confidence: 0.5 });
    expect(detectLanguage('', 'en')).toEqual({ lang: 'en', confidence: 0.5 });
    // One weak shape is not enough to override the conversation's language.
    expect(detectLanguage('Justice Interior', 'fr').lang).toBe('fr');
  });
});
