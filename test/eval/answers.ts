/**
 * `npm run eval`: the end-to-end answer evaluation on the shared corpus.
 * Prints accuracy (facts present AND an expected source cited), source
 * precision, fallback on out-of-scope questions, fallback precision and the
 * false-fallback rate, overall, by language, by kind and by split (tune /
 * held-out). `--failures` lists the tuning questions that fail;
 * `--failures=all` includes the held-out ones; `--index PATH` uses an
 * existing artifact instead of ingesting; `--questions FILE` evaluates
 * another question file of the same format.
 */
import { createBot } from '../../src/bot/bot.js';
import { loadCorpus } from '../../src/index/artifact.js';
import { loadSharedBotCorpus } from '../helpers/bot-corpus.js';
import { figures, groupBy, loadQuestions, runQuestion, type EvalResult, type Figures } from './answer-scoring.js';

const args = process.argv.slice(2);
const indexArg = args.find((a) => a.startsWith('--index='))?.slice(8) ?? (args.includes('--index') ? args[args.indexOf('--index') + 1] : undefined);
const failures = args.find((a) => a.startsWith('--failures'));
const questionsArg = args.find((a) => a.startsWith('--questions='))?.slice(12) ?? (args.includes('--questions') ? args[args.indexOf('--questions') + 1] : undefined);

const pct = (x: number): string => (Number.isNaN(x) ? '   — ' : `${(x * 100).toFixed(1).padStart(5)}%`);
const row = (label: string, f: Figures): string =>
  `${label.padEnd(16)} ${String(f.n).padStart(4)}  ${pct(f.accuracy)}  ${pct(f.sourcePrecision)}  ${pct(f.fallbackOnOutOfScope)}  ${pct(f.fallbackPrecision)}  ${pct(f.falseFallbackRate)}`;

function table(title: string, groups: Map<string, EvalResult[]>): void {
  console.log(`\n${title}`);
  console.log(`${''.padEnd(16)} ${'n'.padStart(4)}  accuracy  src.prec  oos→fb   fb.prec  false-fb`);
  for (const [k, rs] of [...groups.entries()].sort()) console.log(row(k, figures(rs)));
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const corpus = indexArg ? await loadCorpus(indexArg) : await loadSharedBotCorpus();
  const bot = createBot(corpus);
  const ready = performance.now();
  const results = loadQuestions(questionsArg).map((q) => runQuestion(bot, q));
  console.log(`rapporteur answer evaluation — ${results.length} questions, corpus ready in ${((ready - t0) / 1000).toFixed(1)} s`);
  table('overall', new Map([['all', results]]));
  table('by split', groupBy(results, (r) => r.question.split));
  table('by language', groupBy(results, (r) => r.question.lang));
  table('by kind', groupBy(results, (r) => r.question.kind));
  if (failures) {
    const shown = results.filter((r) => !r.correct && (failures === '--failures=all' || r.question.split === 'tune'));
    console.log(`\nfailures (${shown.length})`);
    for (const r of shown) {
      const why = r.fallback ? 'fallback' : !r.factsOk ? 'facts' : !r.sourceOk ? 'source' : r.answer.kind;
      console.log(`- ${r.question.id} [${r.question.kind}/${r.question.lang}/${r.question.split}] ${why}: ${r.question.q}`);
      console.log(`    → ${r.answer.kind}/${r.answer.intent} ${r.answer.confidence.toFixed(2)} ${r.answer.sources.map((s) => s.path).join(', ')}`);
      console.log(`    ${r.answer.answer.replace(/\s+/g, ' ').slice(0, 300)}`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack ?? err.message : String(err));
  process.exit(1);
});
