/**
 * The one door to the `natural` package. Its top-level import loads database
 * clients and reads `.env` (about a second), so we require only the single
 * files we use and give them types here.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const lib = 'natural/lib/natural';

interface Stemmer {
  stem(token: string): string;
}

/** A natural classifier (Bayes or logistic regression). */
export interface TextClassifier {
  addDocument(text: string | string[], label: string): void;
  train(): void;
  classify(observation: string | string[]): string;
  getClassifications(observation: string | string[]): { label: string; value: number }[];
}

type ClassifierCtor = new (stemmer?: Stemmer) => TextClassifier;

const frStemmer = require(`${lib}/stemmers/porter_stemmer_fr.js`) as Stemmer;
const enStemmer = require(`${lib}/stemmers/porter_stemmer.js`) as Stemmer;
const jaroWinkler = require(`${lib}/distance/jaro-winkler_distance.js`) as (
  a: string,
  b: string,
  options?: { ignoreCase?: boolean },
) => number;

/** Snowball (Porter) French stemmer. */
export const stemFr = (word: string): string => frStemmer.stem(word);
/** Porter English stemmer. */
export const stemEn = (word: string): string => enStemmer.stem(word);
/** Jaro-Winkler similarity in [0, 1]; 1 means identical. */
export const jaroWinklerSimilarity = (a: string, b: string): number => jaroWinkler(a, b);

/** natural's naive Bayes classifier; pass a stemmer of your own (default: English Porter). */
export const BayesClassifier = require(`${lib}/classifiers/bayes_classifier.js`) as ClassifierCtor;
/** natural's logistic regression classifier. */
export const LogisticRegressionClassifier = require(
  `${lib}/classifiers/logistic_regression_classifier.js`,
) as ClassifierCtor;

/** natural's French stopword list (lowercase, accented). */
export const frenchStopwords = (require(`${lib}/util/stopwords_fr.js`) as { words: string[] }).words;
/** natural's English stopword list. */
export const englishStopwords = (require(`${lib}/util/stopwords.js`) as { words: string[] }).words;
