import { frenchCognates } from '../../src/index/cognates.js';
import { questionKind } from '../../src/bot/faq.js';
import { indexTermTools } from '../../src/bot/terms.js';
import { nameRuns } from '../../src/bot/question-terms.js';
import { answerType, statesBackground, statesFrequency, statesList, statesUnit, topicText } from '../../src/bot/answer-type.js';
import { analyze } from '../../src/index/analyzer.js';
import { beyondDocuments } from '../../src/bot/scope.js';
import { describe, expect, it } from 'vitest';
import { cleanQuestion, fold, normalizeQuestion, words } from '../../src/bot/normalize.js';
import { matchSmalltalk, stripGreeting } from '../../src/bot/smalltalk.js';
import { followUpIntent, isFollowUp, mergeSlots } from '../../src/bot/conversation.js';
import { countsThing, figureProximity } from '../../src/bot/figure-terms.js';
import { groupMatches, minimalSpan, reweighted, scoreSentence, type TermGroup } from '../../src/bot/sentences.js';
import { agentVerbs, causeClause, citation, quotable, statesDate, statesEnd, statesFigure, statesPlace, statesReason } from '../../src/bot/statements.js';
import { localWeights } from '../../src/bot/retrieval.js';
import { buildCatalog, canonicalWords, defiHandle } from '../../src/bot/catalog.js';
import { aboutOtherPromotions, matchEntities, matchPromotion } from '../../src/bot/entities.js';
import type { Knowledge } from '../../src/ingest/types.js';
import { withFrenchArticle } from '../../src/bot/templates.js';

describe('normalisation and language', () => {
  it('cleans typography and folds accents', () => {
    expect(cleanQuestion('  Quels  défis\u00a0l’Intérieur ? ')).toBe("Quels défis l'Intérieur ?");
    expect(fold('Ministère de l’Économie')).toBe("ministere de l'economie");
    expect(words("Quels défis l'Intérieur a-t-il proposés ?")).toEqual(['quels', 'defis', 'interieur', 'a', 't', 'il', 'proposes']);
  });
  it('reads a mixed question with English function words as English', () => {
    expect(normalizeQuestion('which défis did the Ministry of the Interior propose?').lang).toBe('en');
    expect(normalizeQuestion("Quels défis le ministère de l'Intérieur a-t-il proposés ?").lang).toBe('fr');
  });
  it('keeps the conversation language when a short question is ambiguous, and obeys a forced language', () => {
    expect(normalizeQuestion('Prévisecours ?', undefined, 'en').lang).toBe('en');
    expect(normalizeQuestion('Quels défis ?', 'en').lang).toBe('en');
  });
});

describe('small talk', () => {
  it('recognises greetings, thanks, goodbye and help in both languages', () => {
    expect(matchSmalltalk('Bonjour !')).toBe('greeting');
    expect(matchSmalltalk('hello there')).toBe('greeting');
    expect(matchSmalltalk('Merci beaucoup')).toBe('thanks');
    expect(matchSmalltalk('thank you very much')).toBe('thanks');
    expect(matchSmalltalk('Au revoir')).toBe('goodbye');
    expect(matchSmalltalk('What can you do?')).toBe('help');
    expect(matchSmalltalk('Que sais-tu faire ?')).toBe('help');
  });
  it('does not swallow a real question that starts with a greeting', () => {
    expect(matchSmalltalk('Bonjour, quels défis en 2018 ?')).toBeUndefined();
    expect(stripGreeting('Bonjour, quels défis en 2018 ?')).toBe('quels défis en 2018 ?');
    expect(matchSmalltalk('Merci de me dire combien coûte la JDC')).toBeUndefined();
  });
});

describe('conversation', () => {
  it('detects short follow-ups', () => {
    expect(isFollowUp(fold('Et pour le ministère de la Culture ?'))).toBe(true);
    expect(isFollowUp('and in 2018?')).toBe(true);
    expect(isFollowUp(fold('Quels défis le ministère de la Culture a-t-il proposés ?'))).toBe(false);
  });
  it('carries the intent and replaces the slot the follow-up brings', () => {
    expect(followUpIntent('defis_by_administration', { administration: 'culture' })).toBe('defis_by_administration');
    expect(followUpIntent('defis_by_administration', { year: '2018' })).toBe('defis_by_administration');
    expect(followUpIntent('people_of_defi', { defi: 'x' })).toBe('people_of_defi');
    expect(followUpIntent('defis_of_person', { person: 'y' })).toBe('defis_of_person');
    expect(mergeSlots('defis_by_administration', { administration: 'interieur', promotion: '1' }, { year: '2018' })).toEqual({
      administration: 'interieur',
      year: '2018',
    });
    expect(mergeSlots('defis_by_administration', { administration: 'interieur', year: '2018' }, { administration: 'culture' })).toEqual({
      administration: 'culture',
      year: '2018',
    });
  });
});

describe('sentence scoring', () => {
  it('tells citations (source lines, captions, rosters, table rows) from statements', () => {
    // Sentences as pdf-parse gives them from the Cour des comptes reports.
    expect(citation('Une pression démographique croissante projection de la population française par classe d’âge Source : Cour des comptes, d’après les données de l’INSEE (scénario central des projections de population 2007–2060), France métropolitaine.')).toBe(true);
    expect(citation('8. Source : « L’intérêt de la personne protégée », colloque des 8 et 9 juin 2016, École des hautes études de santé publique.')).toBe(true);
    expect(citation('Natacha LEMAIRE, adjointe au secrétaire général Philippe BURNEL, délégué à la stratégie Philippe LOUDENOT, fonctionnaire de sécurité')).toBe(true);
    expect(citation('Salaires 756 553,38 € 1 801 326 € 2 015 773 € 2 120 441 € 2 310 982 €')).toBe(true);
    expect(citation('Total 800 027 98,2 % 95,9 % ; Ain 7 245 99,3 % 97,4 % ; Aisne 7 419 98,5 % 98,0 %.')).toBe(true);
    // A space groups thousands only before three digits; a full stop does not make a row a sentence.
    expect(citation('Effectifs 1 250 1 310 1 402 1 515 1 620.')).toBe(true);
    expect(citation('Charges de personnel 12,5 13,1 13,8 14,2 14,9 M€.')).toBe(true);
    expect(citation('Les effectifs ont évolué ainsi : 233, 229, 238, 246, 254.')).toBe(false);
    // A sentence listing a figure per year is a statement, not a table row.
    expect(citation('Les montants prélevés à ce titre à Castelnau-le-Lez s’élevaient à 81 569 € pour 2009, 88 128 € pour 2010, 96 239 € pour 2012 et 81 031 € pour 2014.')).toBe(false);
    // A source line merged with the statement after it is still a statement.
    expect(citation('Durée illimitée Source : CNAMTS, décembre 2015 Un système informatique puissant et modernisé dont la sécurité devra encore être renforcée Un système de grande capacité Les données du SNIIRAM sont traitées, au centre national de traitement informationnel.')).toBe(false);
    expect(citation('L’UNAF, créée par une ordonnance du 3 mars 1945, est le partenaire institutionnel des pouvoirs publics.')).toBe(false);
    expect(quotable('31. À noter que le décret n’a pas été pris.')).toBe(false);
    expect(quotable('L’UNAF, créée par une ordonnance du 3 mars 1945, est le partenaire institutionnel des pouvoirs publics.')).toBe(true);
  });

  const g = (term: string, weight: number, ...forms: string[]): TermGroup => ({ term, weight, forms: new Set([term, ...forms]) });
  it('weighs rare terms more, so an unknown word keeps coverage low', () => {
    const groups = [g('capital', 1), g('australi', 5)];
    const s = scoreSentence(groups, ['capital', 'social', 'entrepris']);
    expect(s.coverage).toBeCloseTo(1 / 6);
  });
  it('rewards compact matches and counts translated forms', () => {
    const groups = [g('interior', 2, 'interieur'), g('logement', 2)];
    const near = scoreSentence(groups, ['logement', 'interieur', 'x', 'y']);
    const far = scoreSentence(groups, ['logement', 'a', 'b', 'c', 'd', 'e', 'f', 'interieur']);
    expect(near.coverage).toBe(1);
    expect(near.score).toBeGreaterThan(far.score);
    expect(minimalSpan([[0, 9], [3]])).toBe(4);
  });
  it('tells figures and dates apart', () => {
    expect(statesFigure('Il y a 735 logements.')).toBe(true);
    expect(statesFigure('Onze lauréats ont été choisis.')).toBe(true);
    expect(statesFigure('Il faut disposer de plusieurs milliers de documents annotés.')).toBe(true);
    // A footnote call glued to its word refers to a note.
    expect(statesFigure('Lorsque j’expliquai au CTO(2) d’une entreprise ce sur quoi je travaillais.')).toBe(false);
    expect(statesFigure('Thousands of files were opened.')).toBe(true);
    expect(statesFigure('La moitié des agents sont partis.')).toBe(true);
    expect(statesFigure('Le programme est piloté par Etalab.')).toBe(false);
    expect(statesFigure('Découvrez la 2ème promotion, lancée en 2018.')).toBe(false);
    // A code article or a clause names a text; a list item's number orders the list; a number after « de » still counts.
    expect(statesFigure('Au sens de l’article L. 300-2 du CRPA, 2° : les documents.')).toBe(false);
    expect(statesFigure('Réf. : S 2016-0954 Objet : la gestion des logements de fonction.')).toBe(false);
    expect(statesFigure('Sur 548 logements de fonction attribués, 321 étaient domaniaux.')).toBe(true);
    expect(statesFigure('4.Au sein du ministère, la direction calcule la dotation : oui. 5.La commission priorise.')).toBe(false);
    expect(statesFigure('Le coût est de 12. Il augmente.')).toBe(true);
    expect(statesDate('Lancé en janvier.')).toBe(true);
    expect(statesDate('Il y a 735 logements.')).toBe(false);
    expect(statesDate('Le courriel part chaque vendredi à 15 heures.')).toBe(true);
    // « marché » is no "march": a month is a whole word.
    expect(statesDate('Nous avons évalué l’offre du marché.')).toBe(false);
    expect(statesReason('En raison des mesures de confinement, le jury s’est tenu en ligne.')).toBe(true);
    expect(statesReason('The jury met online because of the lockdown.')).toBe(true);
    expect(statesReason('Le jury s’est tenu à distance.')).toBe(false);
    // A cause named by what it is due to, or what explains it.
    expect(statesReason('Cela est dû au caractère complexe de ces mesures.')).toBe(true);
    expect(statesReason('Ce retard s’explique par la faible mobilisation des départements.')).toBe(true);
    expect(statesReason('Les résultats de l’enquête sont publiés en annexe.')).toBe(false);
    expect(statesReason('Une baisse de 25 % du temps d’activité, liée en particulier à la diminution du courrier.')).toBe(true);
    // A debt or a link is not a cause.
    expect(statesReason('Le montant dû à l’État a été réglé.')).toBe(false);
    expect(statesReason('Les frais liés à l’informatique sont élevés.')).toBe(false);
    // The clause a connective of cause introduces, and the rest of the sentence (what it explains).
    expect(causeClause('Du fait de la baisse de l’activité des guichets, le nombre des bureaux s’accroît.')).toEqual({
      cause: 'la baisse de l’activité des guichets',
      rest: ', le nombre des bureaux s’accroît.',
    });
    expect(causeClause('Une baisse de 25 % de l’activité, liée en particulier à la diminution du courrier.')?.cause).toBe(
      'la diminution du courrier.',
    );
    expect(causeClause('Le jury s’est tenu à distance.')).toBeUndefined();
    expect(statesEnd('L’appel à projets est ouvert jusqu’au vendredi 15 juin 2018, 17h00.')).toBe(true);
    expect(statesEnd('Applications are open until 15 June 2018.')).toBe(true);
    expect(statesEnd('Le 4 mai 2018, un appel à projets a été publié.')).toBe(false);
    // The day of a date is not a figure; a figure beside a date still is.
    expect(statesFigure('Le 5 mars 2007, une loi a réformé le régime.')).toBe(false);
    expect(statesFigure('Depuis le 1er juillet 2020, tout traitement est concerné.')).toBe(false);
    expect(statesFigure('On March 5, 2019 the team met.')).toBe(false);
    expect(statesFigure('Jury des 24 et 25 mars 2020.')).toBe(false);
    // A number naming one of a series is a label, not a quantity.
    expect(statesFigure('Les EIG des promotions 1 et 2 retiennent plusieurs éléments.')).toBe(false);
    expect(statesFigure('Voir l’article 12 du code.')).toBe(false);
    expect(statesFigure('La promotion 2 compte 28 EIG.')).toBe(true);
    expect(statesFigure('Le 5 mars 2007, 700 000 personnes étaient protégées.')).toBe(true);
  });
});

describe('choosing among candidates', () => {
  const g = (term: string, weight = 1): TermGroup => ({ term, forms: new Set([term]), weight });
  it('weighs a word shared by every candidate (the topic) less than a word few of them hold', () => {
    const groups = [g('jdc'), g('cout')];
    const candidates = [['jdc', 'cout'], ...Array.from({ length: 9 }, () => ['jdc'])].map((terms) => scoreSentence(groups, terms));
    const [topic, rare] = localWeights(groups, candidates);
    expect(rare).toBeGreaterThan((topic ?? 0) * 2);
    // Re-scored under these weights, the sentence with the rare word beats one with the topic alone by far.
    const withRare = reweighted(scoreSentence(groups, ['cout', 'jdc']), [topic ?? 0, rare ?? 0]);
    const topicOnly = reweighted(scoreSentence(groups, ['jdc']), [topic ?? 0, rare ?? 0]);
    expect(withRare).toBeGreaterThan(topicOnly * 3);
  });
  it('prefers a figure next to the asked word', () => {
    const asked = [g('person')];
    expect(figureProximity(['environ', '700000', 'person'], asked, 'figure')).toBe(1);
    const far = ['loi', '68', 'introduit', 'droit', 'civil', 'francais', 'notion', 'majeur', 'effac', 'approch', 'human', 'person'];
    expect(figureProximity(far, asked, 'figure')).toBeLessThan(0.5 + 1e-9);
    expect(figureProximity(['en', '2014', 'person'], asked, 'figure')).toBe(0.5);
    // "le 5 mars, des personnes…": the day is no figure, so nothing sits next to the asked word.
    expect(figureProximity(['5', 'mar', 'person'], asked, 'figure')).toBe(0.5);
  });
  it('knows a figure that counts the thing asked for', () => {
    const days = g('jour');
    expect(countsThing(['absenteism', 'period', '27', '31', 'jour', 'an'], days)).toBe(true);
    expect(countsThing(['nombr', 'jour', 'absenc', 'progress', '17', '%'], days)).toBe(false);
    expect(countsThing(['promot', '2', 'jour'], days)).toBe(false);
    // A number word counts too (« identifier deux mentors »).
    expect(countsThing(['identifi', 'deux', 'mentor', 'operationnel'], g('mentor'))).toBe(true);
    expect(countsThing(['suivent', 'deux', 'model', 'mainten'], g('feu'))).toBe(false);
    // « tenir » stems to "ten", « neuf » is also new: neither counts.
    expect(countsThing(['comit', 'doit', 'ten', 'reunion'], g('reunion'))).toBe(false);
  });
  it('does not take a short stem for a longer word', () => {
    expect(groupMatches(g('quarti'), 'quart')).toBe(false);
    expect(groupMatches(g('instaur'), 'instaure')).toBe(true);
  });
});

describe('défi handles', () => {
  it('takes the short name before the colon, not a long clause', () => {
    expect(defiHandle('Prévisecours : aider les sapeurs-pompiers')).toBe('Prévisecours');
    expect(defiHandle('b@liseNAV : rendre les trajets en mer plus sûrs')).toBe('b@liseNAV');
    expect(defiHandle('Prévenir les accidents de la route en croisant les données')).toBeUndefined();
  });
});

describe('withFrenchArticle', () => {
  it('puts the right article before an administration name, lower-casing generic heads', () => {
    expect(withFrenchArticle('Ministère de l’Intérieur')).toBe('le ministère de l’Intérieur');
    expect(withFrenchArticle('Agence française de développement')).toBe('l’Agence française de développement');
    expect(withFrenchArticle('Cour des comptes')).toBe('la Cour des comptes');
    expect(withFrenchArticle('Services du Premier Ministre')).toBe('les services du Premier Ministre');
    expect(withFrenchArticle('Bibliothèque nationale de France')).toBe('la Bibliothèque nationale de France');
  });
});

describe('questions beyond any document', () => {
  const beyond = (q: string) => beyondDocuments(fold(q));
  it('refuses the asker’s own case and today’s facts', () => {
    expect(beyond('Quelle est la date de ma journée défense et citoyenneté ?')).toBe(true);
    expect(beyond('How do I reset my email password?')).toBe(true);
    expect(beyond('Comment renouveler ma carte d’identité ?')).toBe(true);
    expect(beyond('Quand ouvre le bureau de poste de mon quartier ?')).toBe(true);
    expect(beyond('Quel est le taux du livret A cette année ?')).toBe(true);
    expect(beyond('What is the price of bitcoin today?')).toBe(true);
    expect(beyond('Quel temps fera-t-il demain ?')).toBe(true);
    expect(beyond('Who is the president of the United States?')).toBe(true);
    expect(beyond('Qui est le ministre de l’Intérieur ?')).toBe(true);
    // The next one after today: a dated document's "next" is long past.
    expect(beyond('Quand auront lieu les prochaines élections municipales ?')).toBe(true);
    expect(beyond('When is the next call for projects?')).toBe(true);
    expect(beyond('When was the next promotion launched after the first one?')).toBe(false);
    expect(beyond('Quelle est la date de publication du rapport et quelles sont les prochaines étapes ?')).toBe(false);
  });
  it('keeps questions about the documents, the asker’s organisation included', () => {
    expect(beyond('Comment mon administration peut-elle proposer un défi ?')).toBe(false);
    expect(beyond('Which défis did my ministry propose?')).toBe(false);
    expect(beyond('Combien coûte la JDC ?')).toBe(false);
    expect(beyond('Quand la première promotion a-t-elle été lancée ?')).toBe(false);
    expect(beyond('Which défis will the next cohort take on?')).toBe(false);
    expect(beyond('Qui est le mentor du défi Prévisecours ?')).toBe(false);
    expect(beyond('Quel est mon rôle de mentor ?')).toBe(false);
    expect(beyond('Comment préparer ma candidature EIG ?')).toBe(false);
    expect(beyond('What is my role as a mentor?')).toBe(false);
    expect(beyond('Quand la rupture conventionnelle a-t-elle été instaurée ?')).toBe(false);
    expect(beyond('Quel est le montant de la mesure en 2015 ?')).toBe(false);
    // A hypothetical about one's own request asks for the rule the documents state.
    expect(beyond('Si une administration ne répond pas à ma demande, combien de temps ai-je pour saisir la CADA ?')).toBe(false);
  });
});

describe('phrasing', () => {
  const g = (term: string): TermGroup => ({ term, forms: new Set([term]), weight: 1 });
  it('prefers a sentence phrasing the question’s words in its order', () => {
    const groups = [g('cout'), g('moyen'), g('mesur')];
    const phrased = scoreSentence(groups, ['cout', 'annuel', 'moyen', 'mesur', 'eleva']);
    const scattered = scoreSentence(groups, ['moyen', 'cout', '19', 'mesur']);
    expect(phrased.ordered).toBe(1);
    expect(scattered.ordered).toBe(0.5);
    expect(reweighted(phrased, [1, 1, 1])).toBeGreaterThan(reweighted(scattered, [1, 1, 1]));
  });
});

describe('expected answer type', () => {
  const type = (q: string, lang: 'fr' | 'en' = 'fr') => answerType(fold(q), lang, analyze);
  it('asks a date when « quand / when » is the question word, not when it opens a clause', () => {
    for (const q of ['Quand la JDC a-t-elle été créée ?', 'Bonjour, et quand la JDC a-t-elle été créée ?', 'La JDC a été créée quand ?', 'Depuis quand existe la CADA ?']) {
      expect(type(q).attempts[0]).toBe('date');
    }
    expect(type('Do you know when the JDC was created?', 'en').attempts[0]).toBe('date');
    expect(type('Which tool is used when training a model?', 'en').attempts[0]).not.toBe('date');
    expect(type("Que faire quand l'administration ne répond pas ?").attempts[0]).not.toBe('date');
    expect(type('What should civil servants know when they use personal data?', 'en').attempts[0]).not.toBe('date');
    expect(type('Que doit-on savoir quand on demande une aide au logement ?').attempts[0]).not.toBe('date');
  });
  it('asks a figure in the unit its measure implies, counting the noun asked about', () => {
    expect(type('Combien coûte la JDC ?')).toMatchObject({ attempts: ['figure', undefined], unit: 'money' });
    expect(type('Quel est le taux de réussite ?').unit).toBe('percent');
    // What someone earns is money, whether the question names a salary or the verb.
    expect(type('Combien gagne un docteur trois ans après sa thèse ?').unit).toBe('money');
    expect(type('How much do doctors earn?', 'en').unit).toBe('money');
    expect(type('Combien de places la France a-t-elle gagnées ?').unit).toBeUndefined();
    expect(type('What proportion of EIGs ran training sessions?', 'en')).toMatchObject({ attempts: ['figure', undefined], unit: 'percent' });
    expect(type('Quelle part de la population est concernée par les affections de longue durée ?').unit).toBe('percent');
    // Someone's past is told only by a sentence about it: no "any sentence" attempt after it.
    expect(type('Where did Tiphaine work before she became an EIG?', 'en').attempts).toEqual(['background']);
    expect(type('Que faisait-il avant de devenir EIG ?').attempts).toEqual(['background']);
    expect(statesBackground('Tiphaine revient sur son parcours – de Dailymotion à EIG.')).toBe(true);
    expect(statesBackground('Ils étaient auparavant indépendants.')).toBe(true);
    expect(statesBackground('La Cour l’était déjà.')).toBe(false);
    expect(statesBackground('Elle travaille sur le défi Prévisecours.')).toBe(false);
    // A salary or a price is a sum of money, so a quote without one does not answer.
    expect(type('Quel est le salaire d’un juge des tutelles ?')).toMatchObject({ attempts: ['figure', undefined], unit: 'money' });
    expect(type('What is the price of a stamp?', 'en')).toMatchObject({ attempts: ['figure', undefined], unit: 'money' });
    // A threshold is a figure past which something applies: « plus de 3500 habitants », not « 9h-13h ».
    expect(type('À partir de quel seuil faut-il publier ?')).toMatchObject({ attempts: ['figure', undefined], unit: 'threshold' });
    expect(statesUnit('Elle s’applique aux collectivités de plus de 3500 habitants.', 'threshold')).toBe(true);
    expect(statesUnit('Mercredi 7 novembre, 9h-13h : pitch des projets.', 'threshold')).toBe(false);
    // A measure noun asks for a figure, unless the question's form asks for a date.
    expect(type('Quand le budget a-t-il été voté ?').attempts[0]).toBe('date');
    expect(type('Depuis quand les salaires sont-ils gelés ?').attempts[0]).toBe('date');
    // …where it is what is asked: further on it qualifies something else.
    expect(type('Quel est le taux de pauvreté ?').attempts[0]).toBe('figure');
    expect(type('Is poverty lower there, and what’s the local rate?', 'en')).toMatchObject({ attempts: ['figure', undefined], unit: 'percent' });
    expect(type('What cap on exemptions was introduced by the 2009 social security budget law?', 'en').attempts).toEqual([undefined]);
    expect(type('How big is the IT department?', 'en').attempts[0]).toBe('figure');
    // An imperative or a follow-up names the measure it asks for.
    expect(type('Donnez-moi le montant du budget du programme.').attempts[0]).toBe('figure');
    expect(type('Tell me the cost of the programme.', 'en').attempts[0]).toBe('figure');
    expect(type('Et le taux de chômage ?').attempts[0]).toBe('figure');
    // « Qui finance le salaire… ? », "How is the cost shared?" ask who or how, not how much.
    expect(type('Qui finance le salaire des EIG ?').attempts).toEqual(['agent', undefined]);
    expect(type('How is the cost of the programme shared?', 'en').attempts).toEqual([undefined]);
    // "How often" is answered only by a sentence saying how often.
    expect(type('How often do the mentors meet?', 'en').attempts).toEqual(['frequency']);
    expect(type('À quelle fréquence ont lieu les sessions ?').attempts).toEqual(['frequency']);
    expect(statesFrequency('Des sessions seront organisées toutes les deux semaines.')).toBe(true);
    expect(statesFrequency('Le bootcamp a eu lieu du 21 au 25 septembre 2020.')).toBe(false);
    // "Previously" asks about someone's past only when it asks about their work.
    expect(type('What did the Court previously recommend?', 'en').attempts).toEqual([undefined]);
    // An age is a figure in years.
    expect(type('Up to what age can you still do the JDC?', 'en')).toMatchObject({ attempts: ['figure', undefined], unit: 'duration' });
    expect(type('How long are the contracts?', 'en')).toMatchObject({ attempts: ['figure', undefined], unit: 'duration' });
    expect(type('Combien de jours d’absence par agent ?').counted).toBe(analyze('jours', 'fr')[0]);
    expect(type('How many young people took part?', 'en').counted).toBe(analyze('people', 'en')[0]);
    // A possessive's owner is not what is counted.
    expect(type("How many of the fourth cohort's projects published their code?", 'en').counted).toBe(analyze('projects', 'en')[0]);
  });
  it('asks a place for « où » and "where"', () => {
    // Only a sentence stating a place answers « où »: any other one answers something else.
    expect(answerType(fold('Où se trouve le siège de l’UNAF ?'), 'fr', analyze, 'Où se trouve le siège de l’UNAF ?').attempts).toEqual(['place']);
    // « D'où… », "Where… from?" ask for an origin, which need not be a place.
    expect(answerType(fold('D’où viennent les données ?'), 'fr', analyze, 'D’où viennent les données ?').attempts).toEqual([undefined]);
    expect(type('Where does the money in the special fund come from?', 'en').attempts).toEqual([undefined]);
    // Folded, « où » is « ou » ("or"): without the question as typed, no place is asked.
    expect(type('Le siège est-il à Paris ou à Lyon ?').attempts).toEqual([undefined]);
    expect(type('Where is the headquarters of the UNAF?', 'en').attempts).toEqual(['place']);
    expect(statesPlace('L’UNAF dispose, place Saint-Georges, dans le IXème arrondissement, d’un patrimoine exceptionnel.')).toBe(true);
    expect(statesPlace('L’UNAF détient des sièges dans des institutions consultatives.')).toBe(false);
  });
  it('asks who did something for « qui a lancé » and "who funds", not for « qui est » or « qui peut »', () => {
    expect(type('Qui a lancé le programme EIG ?').attempts).toEqual(['agent', undefined]);
    expect(type('Who funds the EIG programme?', 'en').attempts).toEqual(['agent', undefined]);
    expect(type('Qui est Bastien Guerry ?').attempts).toEqual([undefined]);
    expect(type('Qui peut candidater au programme EIG ?').attempts).toEqual([undefined]);
    expect(type('Who can apply?', 'en').attempts).toEqual([undefined]);
    // The participle an agent follows: what was done, by whom.
    expect(agentVerbs('Le programme a été lancé par la Présidence de la République en janvier 2017.')).toEqual(['lancé']);
    expect(agentVerbs('Il est piloté par Etalab et financé par le fonds « Transition numérique ».')).toEqual(['piloté', 'financé']);
    expect(agentVerbs('Le financement du programme par le PIA prendra fin.')).toEqual([]);
  });
  it('asks a date, a closing date or a reason', () => {
    expect(type('Quand la loi a-t-elle été votée ?').attempts).toEqual(['date', undefined]);
    expect(type('Jusqu’à quand l’appel est-il ouvert ?').attempts).toEqual(['end', 'date', undefined]);
    expect(type('Pourquoi le jury s’est-il tenu en ligne ?').attempts).toEqual(['reason', undefined]);
    expect(type('Pourquoi le coût de la mesure a-t-il augmenté ?').attempts).toEqual(['reason', undefined]);
    expect(type('Why did the number of staff grow?', 'en').attempts).toEqual(['reason', undefined]);
    expect(type('Qu’est-ce que la pseudonymisation ?').attempts).toEqual([undefined]);
    expect(type('Quels sont les facteurs de réussite ?')).toMatchObject({ attempts: ['list', undefined], counted: analyze('facteurs', 'fr')[0] });
    expect(statesList('Le code définit 3 obligations :')).toBe(true);
    expect(statesList('Nous avons identifié 6 facteurs de réussite.')).toBe(true);
    expect(statesList('Le jury s’est tenu à distance.')).toBe(false);
  });
  it('drops the words that only say which kind of statement answers', () => {
    expect(topicText('How long is the internship offered?')).toBe('is the internship offered?');
    expect(topicText('How long do EIGs spend in their host administration?')).toBe('do EIGs in their host administration?');
    expect(topicText('En quelle année la mission Etalab a-t-elle été créée ?')).toBe('la mission Etalab a-t-elle été créée ?');
    expect(topicText('Combien de temps dure l’audition ?')).toBe('l’audition ?');
    // Both sides of a comparison are its form: the answer states figures.
    expect(topicText('Is poverty higher or lower in the town than nationally?')).toBe('Is poverty in the town than nationally?');
    expect(topicText('Les dépenses sont-elles en hausse ou en baisse ?')).toBe('Les dépenses sont-elles ?');
    // « plus ou moins pauvres »: the adjective is the topic.
    expect(topicText('Les ménages sont-ils plus ou moins pauvres que la moyenne ?')).toBe('Les ménages sont-ils pauvres que la moyenne ?');
    expect(topicText('Combien de jours a duré le bootcamp ?')).toBe('Combien de jours le bootcamp ?');
    // "How often" / « à quelle fréquence » ask for a frequency; "big" or « fréquence » are not what a passage says.
    expect(topicText('How often do the mentors meet?')).toBe('do the mentors meet?');
    expect(topicText('À quelle fréquence ont lieu les sessions ?')).toBe('ont lieu les sessions ?');
    // A figure question's "per year" says the figure is yearly; « par an » is in many sentences stating another one.
    expect(topicText('Combien coûte la JDC par an ?', 'figure')).toBe('Combien coûte la JDC ?');
    expect(topicText('Que se passe-t-il chaque année ?')).toBe('Que se passe-t-il chaque année ?');
    // Fillers go as written: « généralement » does, the content word « général » it stems like stays.
    expect(topicText('Que fait généralement la direction générale ?')).toBe('Que fait la direction générale ?');
    expect(topicText('What is the actual cost, really?')).toBe('What is the actual cost, ?');
    expect(topicText('Pourquoi la réforme dure-t-elle ?')).toBe('Pourquoi la réforme dure-t-elle ?');
  });
  it('recognises a figure in a unit', () => {
    expect(statesUnit('Le coût moyen était de 1 852 € par mesure.', 'money')).toBe(true);
    // A share said in words is a share.
    expect(statesUnit('Ces informations ne portent que sur un peu moins de la moitié du total.', 'percent')).toBe(true);
    expect(statesUnit('Les deux tiers des EIG restent dans l’administration.', 'percent')).toBe(true);
    expect(statesUnit('Il a été réélu par la majorité municipale en 2014.', 'percent')).toBe(false);
    expect(statesUnit('Les données sont transmises à un tiers sans l’accord du patient.', 'percent')).toBe(false);
    expect(statesUnit('Le dossier est traité en un quart d’heure.', 'percent')).toBe(false);
    expect(statesUnit('La participation représentait 19 % du coût.', 'money')).toBe(false);
    expect(statesUnit('recrutés pour 10 mois', 'duration')).toBe(true);
    // A duration in words is one too; an article alone is not.
    expect(statesUnit('En cas d’absence de réponse dans un délai d’un mois, vous pouvez saisir la CADA.', 'duration')).toBe(true);
    expect(statesUnit('The jury sits for two weeks.', 'duration')).toBe(true);
    expect(statesUnit('Le mois de mars a été chargé.', 'duration')).toBe(false);
    expect(statesUnit('La mesure ne peut excéder un an.', 'duration')).toBe(true);
    expect(statesUnit('un délai de sept jours', 'duration')).toBe(true);
    // « Une journée de formation », "one day the minister came" tell when, not how long.
    expect(statesUnit('Une journée de formation a eu lieu.', 'duration')).toBe(false);
    expect(statesUnit('One day the minister came.', 'duration')).toBe(false);
    expect(statesUnit('In 2019 an audit found gaps.', 'duration')).toBe(false);
  });
});

describe('names in questions', () => {
  it('finds multi-word proper names, with particles and hyphens', () => {
    expect(nameRuns('Quels sont les tarifs pour visiter la Manufacture des Gobelins ?')).toEqual(['Manufacture des Gobelins']);
    expect(nameRuns('How much does a Météo-France subscription cost?')).toEqual(['Météo France']);
    expect(nameRuns('Who is the president of the United States?')).toEqual(['United States']);
    expect(nameRuns('Quel est le rôle de la Cour des comptes ?')).toEqual([]);
    // Two acronyms, or a word after an elided article, start another name.
    expect(nameRuns("Auprès de combien d'UDAF l'ONPMP recueille-t-il des données ?")).toEqual([]);
  });
});

describe('English phrases of administrations', () => {
  it('translates an English phrase as a whole before its words', () => {
    const catalog = buildCatalog({ administrations: [], defis: [], people: [], acronyms: [] } as unknown as Knowledge);
    const [higher, education, research] = canonicalWords(catalog, ['higher', 'education', 'research']);
    expect(education).toEqual(expect.arrayContaining(['enseignement', 'superieur']));
    expect(higher).toEqual(expect.arrayContaining(['enseignement', 'superieur']));
    expect(research).toContain('recherch');
    expect(canonicalWords(catalog, ['education'])[0]).not.toContain('enseignement');
  });
});

describe('administrations named in part', () => {
  const catalog = buildCatalog({
    administrations: [
      { id: 'cdc', name: 'Cour des comptes', aliases: [], sources: [] },
      { id: 'spm', name: 'Services du Premier ministre', aliases: [], sources: [] },
    ],
    defis: [],
    people: [],
    acronyms: [],
  } as unknown as Knowledge);
  const admins = (q: string) => matchEntities(catalog, fold(q), words(q)).admins.map((a) => a.admin.id);
  it('takes a key word alone for the body, but not where it starts another name', () => {
    expect(admins('Quels défis la Cour a-t-elle proposés ?')).toEqual(['cdc']);
    expect(admins('Quels défis la Cour des comptes a-t-elle proposés ?')).toEqual(['cdc']);
    expect(admins('Quels défis la Cour de cassation a-t-elle proposés ?')).toEqual([]);
    expect(admins('What jobs did the Cour de cassation create?')).toEqual([]);
    expect(admins("Quels postes la Cour d'appel de Paris a-t-elle créés ?")).toEqual([]);
    expect(admins('What jobs did the Court of Appeal create?')).toEqual([]);
    // « d' » before an adverb or a month starts no name.
    expect(admins("Que recommande la Cour d'abord ?")).toEqual(['cdc']);
    expect(admins("Qu'a dit la Cour d'octobre 2022 sur les EIG ?")).toEqual(['cdc']);
    // An ordinal before a series noun is a rank: « la première promotion » names no Premier ministre.
    expect(admins('Quels défis la première promotion a-t-elle relevés ?')).toEqual([]);
    expect(admins('Quels défis le ministère des Armées a-t-il proposés à la première cohorte ?')).not.toContain('spm');
    expect(admins('Quels défis les services du Premier ministre ont-ils proposés ?')).toEqual(['spm']);
  });
});

describe('ordinals of a series', () => {
  it('lets « deuxième promotion » meet « promotion 2 », and only before a series noun', () => {
    const tools = indexTermTools();
    const forms = (q: string, lang: 'fr' | 'en' = 'fr') => tools.question!(q, lang).map((t) => [...t.forms]);
    expect(forms('la deuxième promotion')[0]).toContain('2');
    expect(forms('the second cohort', 'en')[0]).toContain('2');
    expect(forms('le deuxième rapport')[0]).not.toContain('2');
    // Number words count in their own language: a French « four » is an oven.
    expect(forms('four', 'en')[0]).toContain('4');
    expect(forms('four')[0]).not.toContain('4');
    expect(forms('quatre')[0]).toContain('4');
  });
  it('reads the promotion a question or a sentence names, the noun elided or after "EIG"', () => {
    expect(matchPromotion(fold('How many challenges did the third EIG cohort take on?'))).toBe(3);
    expect(matchPromotion(fold('Quels défis la deuxième promotion a-t-elle relevés ?'))).toBe(2);
    // « La première, » stands for a promotion when promotions were named before it.
    const first = fold('Deux promotions ont déjà été constituées. La première, constituée à l’automne 2016, a réuni 11 EIG pour résoudre 9 défis.');
    expect(aboutOtherPromotions(first, 3)).toBe(true);
    expect(aboutOtherPromotions(first, 1)).toBe(false);
    expect(aboutOtherPromotions(fold('Trois ateliers ont eu lieu : le premier, sur le design, a réuni 40 EIG.'), 3)).toBe(false);
    expect(aboutOtherPromotions(fold('Le jury a retenu 15 défis.'), 3)).toBe(false);
  });
});

describe('kinds of questions', () => {
  it('tells a definition from a when, a which or a how', () => {
    expect(questionKind('Qu’est-ce que la mention explicite ?')).toBe('what');
    expect(questionKind('3.1 Dans quels cas l’obligation s’applique-t-elle ?')).toBe('when');
    expect(questionKind('Quels sont les objectifs de ce partenariat ?')).toBe('which');
    expect(questionKind('Comment candidater ?')).toBe('how');
    expect(questionKind('Êtes-vous concerné ?')).toBe('yesno');
  });
});

describe('English → French cognates', () => {
  it('spells an English word the French way by its ending', () => {
    expect(frenchCognates('contributors')).toContain('contributeurs');
    expect(frenchCognates('inventory')).toContain('inventaire');
    expect(frenchCognates('quality')).toContain('qualite');
    expect(frenchCognates('strategy')).toContain('strategie');
    expect(frenchCognates('economic')).toContain('economique');
    expect(frenchCognates('data')).toEqual([]);
  });
});
