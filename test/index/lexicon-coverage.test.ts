/**
 * The static bilingual lexicon: every line is usable, everyday English question
 * words reach words the French documents really use, and no line lets a word
 * reach the unrelated meaning of a look-alike in the other language (Porter
 * stems of English words meet Snowball stems of French ones).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/ingest/types.js';
import { analyze, stem, words } from '../../src/index/analyzer.js';
import { Lexicon } from '../../src/index/lexicon.js';
import { LEXICON_LINES } from '../../src/index/lexicon-data.js';
import { realArtifact } from '../helpers/corpus.js';

const lexicon = new Lexicon(
  LEXICON_LINES.map((line) => {
    const [en = '', fr = ''] = line.split('|');
    const side = (s: string, lang: Lang) =>
      s.split(',').map((p) => words(p.trim())).filter((w) => w.length).map((w) => ({ words: w, terms: w.map((x) => stem(x, lang)), lang }));
    return [...side(en, 'en'), ...side(fr, 'fr')];
  }),
);

/** Single terms a query word may be searched or scored with through the lexicon (phrase alternatives of one term, and `expandTerm`). */
function reach(word: string, lang: Lang): Set<string> {
  const ws = words(word);
  const out = new Set<string>();
  for (const alt of lexicon.match(ws, 0)?.alternatives ?? []) if (alt.length === 1) out.add(alt[0] as string);
  for (const w of ws) for (const t of lexicon.expandTerm(stem(w, lang), lang)) out.add(t);
  return out;
}

describe('lexicon lines', () => {
  it('each holds English and French phrases with content words, and no line is repeated', () => {
    expect(LEXICON_LINES.length).toBeGreaterThan(500);
    for (const line of LEXICON_LINES) {
      const [en, fr, extra] = line.split('|');
      expect(extra, line).toBeUndefined();
      for (const side of [en, fr]) expect(side?.split(',').some((p) => words(p).length > 0), line).toBe(true);
    }
    expect(new Set(LEXICON_LINES).size).toBe(LEXICON_LINES.length);
  });
  it('keeps every capitalised word of a phrase (an acronym the analyzer would read as a stopword: "IT", "US")', () => {
    const lost: string[] = [];
    for (const line of LEXICON_LINES) {
      for (const phrase of line.split(/[|,]/).map((p) => p.trim())) {
        const kept = words(phrase);
        for (const w of phrase.split(/[\s'’-]+/)) if (/^\p{Lu}{2,}$/u.test(w) && !kept.includes(w.toLowerCase())) lost.push(phrase);
      }
    }
    expect(lost).toEqual([]);
  });
});

describe('false friends', () => {
  // [query word, its language, a word of an unrelated meaning (French unless said) whose stem it must not reach]
  const cases: [string, Lang, string, Lang?][] = [
    ['pays', 'fr', 'salaire'], // English "pay" stems like French "pays"
    ['national', 'fr', 'nationalité'], // "nationality" stems to "nation"
    ['place', 'fr', 'lieu'], // « mise en place »
    ['positif', 'fr', 'poste'], // "position"
    ['interne', 'fr', 'stagiaire'], // "intern"
    ['international', 'fr', 'stagiaire'],
    ['usagers', 'fr', 'used', 'en'], // "usage" stems like « usagers »
    ['responsable', 'fr', 'réponse'], // "response"
    ['effet', 'fr', 'effectifs'], // "effect" is the stem of « effectifs »
    ['succès', 'fr', 'successives'], // "success"
    ['chose', 'fr', 'choisir'], // English "chose"
    ['public', 'fr', 'publier'], // "publication" stems to "public"
    ['retard', 'fr', 'délai'], // "delay" stems like « délai »
    ['allocation', 'fr', 'accorder'], // "allocate"
    ['order', 'en', 'ordre'], // « de l'ordre de », « dans un ordre différent »: not a court order
    ['pendant', 'fr', 'attente'], // English "pending" stems like « pendant » (during)
    // French words whose stem is an English lexicon word's: « numérique » is no "numerous", « effectifs » (staff)
    // no "effective", « médicaments » no "medical", « ordinateur » no "ordinance", « former » (train) no "form",
    // « classement » no "class", « sentiment » no "sent", « personnes » no "personalised" (the lexicon reads a
    // term in the asker's language first; plain "form" and "sent" stay out: French has no word of their stems).
    ['numerique', 'fr', 'nombreux'],
    ['effectifs', 'fr', 'efficacité'],
    ['medicaments', 'fr', 'médecin'],
    ['ordinateur', 'fr', 'ordonnance'],
    ['former', 'fr', 'formulaire'],
    ['classement', 'fr', 'promotion'],
    ['sentiment', 'fr', 'envoyer'],
    ['personnes', 'fr', 'personnalisé'],
    // And the other way: "designers" are not appointed (« désigner »), a "vacancy" is no holiday (« vacances »).
    ['designers', 'en', 'nommer'],
    ['vacancy', 'en', 'congés'],
    // « département » (a French county) is no ministry, though English "department" may be one.
    ['departement', 'fr', 'ministère'],
    ['departement', 'fr', 'DSI'],
    ['score', 'en', 'notamment'], // « note » stems like « notamment »
    ['share', 'en', 'partir'], // « part » stems like « partir »
    ['participate', 'en', 'partir'], // "take part" keeps only "part"
    ['resources', 'en', 'moyen'], // « moyens » is also "average"
    ['caregiver', 'en', 'aide'], // « aidant » stems like « aide »
    ['planned', 'en', 'programme'], // « programmé »
    ['premises', 'en', 'local'], // « locaux »
    ['departure', 'en', 'département'], // « départ »
    ['compétences', 'fr', 'concurrence'], // "competing" stems like « compétences »
    ['équipe', 'fr', 'doter'], // "equip" stems like « équipe »
    ['communes', 'fr', 'communauté'], // "community" and "communicate" stem like « communes »
    ['relève', 'fr', 'pertinence'], // "relevance" stems like « relève »
    ['relevant', 'en', 'souligner'],
    ['filles', 'fr', 'remplir'], // "fill" stems like « filles »
    ['visit', 'en', 'viser'], // « viser » stems like "visit" in French
    ['founded', 'en', 'constater'], // "found" is also the past of "find"
    ['créée', 'fr', 'fonds'], // « fondé » stems like « fonds »
    ['provenance', 'fr', 'avérer'], // "proven"
    ['forces', 'fr', 'vigueur'], // "in force"
    ['affectés', 'fr', 'concerner'], // "affected": « affecté » is also "assigned"
    ['complet', 'fr', 'réaliser'], // "completion"
    ['vitale', 'fr', 'essentiel'], // "vital"
    ['server', 'en', 'servir'], // « servir » stems like "server" in French
    ['code', 'en', 'codage'], // « codé » folds to "code"
    ['rente', 'fr', 'location'], // "renting"
    ['drop', 'en', 'décrochage'], // "dropping out"
    ['called', 'en', 'solliciter'], // "called upon"
    ['mobile', 'fr', 'mobiliser'], // "mobilize" stems like « mobile »
    ['scheme', 'en', 'schéma'],
    ['agreement', 'en', 'agrément'], // « agréé » stems like "agreement" in French
    ['programme', 'fr', 'développeur'], // "programmer" stems like « programme »
    ['lecture', 'fr', 'enseignant'], // "lecturer" stems like « lecture »
    ['altération', 'fr', 'modifier'], // "alter"
    ['majoration', 'fr', 'principal'], // "major"
    ['laps', 'fr', 'défaillance'], // "lapse"
    ['procès', 'fr', 'recette'], // "proceeds"
    ['axes', 'fr', 'supprimer'], // "axed"
    ['utile', 'fr', 'utiliser'], // "utilize"
    ['arrêté', 'fr', 'jugement'], // « arrêt » (a ruling) folds and stems like « arrêté »
    ['march', 'en', 'marché'], // the month; « marché » alone is also "market"
    ['accounts', 'en', 'responsabilité'], // "accountable" stems like "accounts"
    ['lodging', 'en', 'déposer'], // "lodge a complaint"
    ['budget', 'en', 'dépassement'], // "over budget" keeps only "budget"
    ['effect', 'en', 'vigueur'], // "came into effect" keeps only "effect"
    ['government', 'en', 'numérisation'], // "e-government" keeps only "government"
    ['work', 'en', 'chômage'], // "out of work" keeps only "work"
    ['know', 'en', 'compétence'], // "know-how" keeps only "know"
    ['aime', 'fr', 'objectif'], // "aims"
    ['copie', 'fr', 'policier'], // "cops"
    ['second', 'fr', 'détachement'], // "secondment"
  ];
  it.each(cases)('%s (%s) does not reach the stem of « %s »', (word, lang, other, otherLang = 'fr') => {
    expect([...reach(word, lang)]).not.toContain(stem(words(other)[0] as string, otherLang));
  });
});

describe('everyday English question words reach the French documents', () => {
  // Generic words people use when asking about reports, administrations and programmes (words spelt and
  // stemmed alike in both languages, e.g. "decision" or "patient", need no lexicon and are not listed).
  const everyday = [
    'people', 'women', 'salary', 'employees', 'hire', 'funding', 'spend', 'receive', 'become', 'held', 'host',
    'took part', 'choose', 'compare', 'support', 'help', 'include', 'belong', 'manage', 'lead', 'launched',
    'training', 'workshop', 'seminar', 'meeting', 'event', 'team', 'jury', 'criteria', 'application', 'winner',
    'study', 'survey', 'sample', 'review', 'law', 'decree', 'rule', 'right', 'grant', 'loan', 'debt',
    'spending', 'savings', 'cost', 'price', 'amount', 'rate', 'share', 'half', 'number', 'billion', 'year', 'month',
    'week', 'hour', 'duration', 'start', 'former', 'country', 'city', 'region', 'children', 'elderly', 'disability',
    'family', 'insured', 'user', 'citizen', 'job', 'contract', 'german', 'italian', 'american', 'british',
    'european', 'automated', 'open', 'private', 'free software', 'call for projects', 'fixed-term contract',
    'framework', 'interest', 'example', 'stakeholders', 'category', 'reason', 'principle',
    'strengthen', 'exchange', 'link', 'field', 'lack', 'commitment', 'define', 'method', 'approach',
    'trend', 'step', 'committee', 'appendix', 'update', 'registration', 'workload', 'implementation',
  ];
  let french: Set<string>;
  beforeAll(async () => {
    const artifact = await realArtifact();
    french = new Set(artifact.passages.filter((p) => p.lang === 'fr').flatMap((p) => analyze(p.text, 'fr')));
  }, 300_000);

  it.each(everyday)('"%s" leads to a French term the corpus uses', (word) => {
    const ws = words(word);
    const own = new Set(ws.flatMap((w) => [stem(w, 'en'), stem(w, 'fr')]));
    const alternatives = [...(lexicon.match(ws, 0)?.alternatives ?? []), ...ws.flatMap((w) => lexicon.expandTerm(stem(w, 'en'), 'en').map((t) => [t]))];
    const found = alternatives.filter((terms) => terms.length && terms.every((t) => french.has(t)) && terms.some((t) => !own.has(t)));
    expect(found.length, `${word} → ${JSON.stringify(alternatives)}`).toBeGreaterThan(0);
  });
});
