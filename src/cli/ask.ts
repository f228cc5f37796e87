/**
 * `npm run ask -- "question" [--index PATH] [--json] [--lang fr|en]`: one
 * question to the bot on an index artifact, printed as text (answer, then
 * sources) or as the JSON answer contract.
 */
import { parseArgs } from 'node:util';
import { createBot } from '../bot/bot.js';
import { newSession, type Lang } from '../bot/types.js';
import { loadCorpus } from '../index/artifact.js';

const HELP = `Usage: npm run ask -- "question" [--index PATH] [--json] [--lang fr|en]

Answers one question from the index at PATH (default: $RAPPORTEUR_INDEX or data/index.json).
Several questions in a row are asked in one conversation (follow-ups work).

Options:
  -i, --index PATH  index artifact written by \`npm run ingest\`
      --json        print the answer object (answer, lang, kind, intent, confidence, sources, suggestions)
      --lang L      answer in L (fr or en) instead of the question's language
  -h, --help        show this help`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        index: { type: 'string', short: 'i' },
        json: { type: 'boolean', default: false },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}\n\n${HELP}`);
    return 2;
  }
  if (args.values.help) {
    console.log(HELP);
    return 0;
  }
  const questions = args.positionals.filter((q) => q.trim());
  if (!questions.length) {
    console.error(`error: no question given\n\n${HELP}`);
    return 2;
  }
  const lang = args.values.lang;
  if (lang !== undefined && lang !== 'fr' && lang !== 'en') {
    console.error('error: --lang must be fr or en');
    return 2;
  }
  const indexPath = args.values.index ?? process.env.RAPPORTEUR_INDEX ?? 'data/index.json';
  let corpus;
  try {
    corpus = await loadCorpus(indexPath);
  } catch (err) {
    console.error(`error: cannot load the index ${indexPath}: ${err instanceof Error ? err.message : String(err)}`);
    console.error('Build it first with: npm run ingest -- corpus --index ' + indexPath);
    return 1;
  }
  const bot = createBot(corpus);
  const session = newSession();
  for (const q of questions) {
    const answer = bot.answer(q, session, lang ? { lang: lang as Lang } : undefined);
    if (args.values.json) {
      console.log(JSON.stringify(answer, null, 2));
      continue;
    }
    if (questions.length > 1) console.log(`\n> ${q}`);
    console.log(answer.answer);
    for (const s of answer.sources) console.log(`  [source] ${s.title}${s.page !== undefined ? `, p. ${s.page}` : ''} — ${s.path}`);
    console.log(`  (${answer.kind} · ${answer.intent} · confidence ${answer.confidence.toFixed(2)})`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack ?? err.message : String(err));
    process.exit(1);
  },
);
