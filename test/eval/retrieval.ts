/**
 * `npm run eval:retrieval`: recall@1, recall@5 and MRR of the source document
 * over test/eval/retrieval-questions.json, overall and by language, for our
 * index and for plain MiniSearch (default options) on the same passages.
 * `--misses` lists the questions whose document is not first; `--artifact PATH`
 * re-indexes the passages of an existing artifact instead of ingesting the corpus.
 */
import { buildArtifact, corpusFromArtifact, readArtifact } from '../../src/index/artifact.js';
import { realArtifact } from '../helpers/corpus.js';
import { baselineSearcher, evaluate, loadQuestions, type Metrics, type Question, type Searcher } from './retrieval-metrics.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const row = (label: string, m: Metrics) =>
  `${label.padEnd(22)} n=${String(m.n).padStart(3)}  R@1 ${pct(m.recall1)}  R@5 ${pct(m.recall5)}  MRR ${m.mrr.toFixed(3)}  page@5 ${pct(m.page5)}`;

export async function main(): Promise<void> {
  const at = process.argv.indexOf('--artifact');
  const given = at > 0 ? process.argv[at + 1] : undefined;
  const artifact = given ? buildArtifact(await readArtifact(given)) : await realArtifact();
  const corpus = corpusFromArtifact(artifact);
  const questions = loadQuestions();
  const ours: Searcher = (q, lang) => corpus.index.search(q, { lang, limit: 50 }).map((h) => h.passage);
  const baseline = baselineSearcher(artifact.passages);
  const groups: [string, (q: Question) => boolean][] = [
    ['all', () => true],
    ['French', (q) => q.lang === 'fr'],
    ['English', (q) => q.lang === 'en'],
    ['without accents', (q) => !!q.tags?.includes('noaccent')],
    ['with typos', (q) => !!q.tags?.includes('typo')],
  ];
  console.log(`retrieval: ${questions.length} questions, ${artifact.passages.length} passages\n`);
  for (const [name, searcher] of [['rapporteur index', ours], ['baseline MiniSearch', baseline]] as const) {
    console.log(name);
    for (const [label, keep] of groups) console.log('  ' + row(label, evaluate(searcher, questions.filter(keep))));
  }
  if (process.argv.includes('--misses')) {
    for (const m of evaluate(ours, questions).misses) console.log(`rank ${m.rank}: ${m.q}\n  want ${m.doc}\n  got  ${m.got.join(' | ')}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
