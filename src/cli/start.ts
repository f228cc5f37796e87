/**
 * `npm start -- [--index PATH] [--port N] [--host H]`: serves the chatbot.
 * When the index is missing it first indexes `corpus/`, so a fresh clone
 * answers right away at http://localhost:3000/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Artifact } from '../index/types.js';
import { parseOrigins } from '../server/cors.js';
import { parseRateLimit } from '../server/limits.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const HELP = `Usage: npm start -- [--index PATH] [--port N] [--host H]

Serves the chat widget's demo page at /, the widget at /widget.js, the chat
socket at /ws, the HTTP API at /api (see /api/openapi.json) and the indexed
files at /corpus. The index is reloaded when its file changes.

Options (and environment variables):
  -i, --index PATH   index artifact (RAPPORTEUR_INDEX, default data/index.json);
                     when missing, corpus/ is indexed first
  -p, --port N       port (PORT, default 3000; 0 picks a free one)
      --host H       interface (HOST, default 127.0.0.1)
  -h, --help         show this help

Environment:
  RAPPORTEUR_CORS_ORIGINS  origins allowed to call the HTTP API (comma-separated, * for any)
  RAPPORTEUR_WS_ORIGINS    pages allowed to open the chat socket besides this server's own
  RAPPORTEUR_ADMIN_TOKEN   bearer token of POST /api/admin/reload and GET /api/admin/unanswered
  RAPPORTEUR_HTTP_RATE     per-client answer rate of the HTTP API, e.g. 20/s,40 (0 disables)
  RAPPORTEUR_WS_PER_CLIENT most chat sockets open at once from one address (default 50; 0 disables,
                           e.g. behind a reverse proxy, where every client has the proxy's address)
  RAPPORTEUR_TRUST_PROXY   behind a reverse proxy: hops to trust (e.g. 1) or trusted addresses
  RAPPORTEUR_WARM_UP       0 skips warming a new index's bot with questions drawn from its corpus`;

const say = (text: string): void => void process.stderr.write(text + '\n');

/** Express reads a number as a hop count and a string as a list of trusted addresses. */
const trustProxy = (value: string): boolean | number | string =>
  value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value;

/**
 * The index is built from corpus/ when missing, and rebuilt from the folders it was built from when an
 * upgrade changed the analyzer (its terms would no longer match questions; unchanged files are reused).
 */
async function ensureIndex(indexPath: string): Promise<boolean> {
  // Loaded here, not at the top: usage errors and --help stay instant.
  const { ANALYZER_VERSION } = await import('../index/analyzer.js');
  const { buildArtifact, readArtifact, recordedAnalyzer, saveArtifact } = await import('../index/artifact.js');
  let roots = [resolve('corpus')];
  let previous: Artifact | undefined;
  if (existsSync(indexPath)) {
    const recorded = await recordedAnalyzer(indexPath).catch(() => undefined);
    if (recorded === undefined || recorded === ANALYZER_VERSION) return true;
    previous = await readArtifact(indexPath).catch(() => undefined);
    if (!previous) return true; // loading it reports what is wrong
    roots = previous.roots;
    say(`${indexPath} was built with analyzer "${recorded}"; this version uses "${ANALYZER_VERSION}": re-indexing ${roots.join(', ')}…`);
  } else say(`No index at ${indexPath}: indexing ${roots[0]} first…`);
  const missing = roots.filter((r) => !existsSync(r));
  if (missing.length) {
    say(`error: cannot build ${indexPath}: no folder ${missing.join(', ')}`);
    return false;
  }
  const started = Date.now();
  const { ingestCorpus } = await import('../ingest/pipeline.js');
  const corpus = await ingestCorpus({
    roots,
    ...(previous ? { previous } : {}),
    onFile: (report, done, total) => say(`  [${done}/${total}] ${report.status.padEnd(7)} ${report.path}`),
  });
  if (!corpus.documents.length) {
    say(`error: none of the files under ${roots.join(', ')} could be indexed`);
    return false;
  }
  mkdirSync(dirname(resolve(indexPath)), { recursive: true });
  await saveArtifact(indexPath, buildArtifact(corpus));
  say(`Indexed ${corpus.documents.length} documents in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return true;
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        index: { type: 'string', short: 'i' },
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    say(`error: ${err instanceof Error ? err.message : String(err)}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const env = process.env;
  const indexPath = resolve(values.index ?? env.RAPPORTEUR_INDEX ?? 'data/index.json');
  const port = Number(values.port ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    say(`error: invalid port "${values.port ?? env.PORT}"`);
    return 2;
  }
  let httpRateLimit;
  try {
    httpRateLimit = env.RAPPORTEUR_HTTP_RATE === undefined ? undefined : parseRateLimit(env.RAPPORTEUR_HTTP_RATE);
  } catch (err) {
    say(`error: RAPPORTEUR_HTTP_RATE: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  const perClient = env.RAPPORTEUR_WS_PER_CLIENT;
  if (perClient !== undefined && !/^\d+$/.test(perClient)) {
    say(`error: RAPPORTEUR_WS_PER_CLIENT must be a whole number (0 disables), got "${perClient}"`);
    return 2;
  }
  if (!(await ensureIndex(indexPath))) return 1;

  const { loadBot } = await import('../server/load-bot.js');
  const { startServer } = await import('../server/server.js');
  const { Logger } = await import('../server/logging.js');
  const { bufferedSink } = await import('../server/log-sink.js');
  // Log lines must never make a request wait for a slow stdout reader.
  const sink = bufferedSink();
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string };
  const server = await startServer({
    indexPath,
    loader: loadBot,
    widgetDir: join(repo, 'web-widget'),
    logger: new Logger(sink),
    host: values.host ?? env.HOST ?? '127.0.0.1',
    port,
    version: pkg.version,
    corsOrigins: parseOrigins(env.RAPPORTEUR_CORS_ORIGINS),
    wsOrigins: parseOrigins(env.RAPPORTEUR_WS_ORIGINS),
    adminToken: env.RAPPORTEUR_ADMIN_TOKEN,
    ...(httpRateLimit !== undefined ? { httpRateLimit } : {}),
    ...(perClient !== undefined ? { ws: { maxConnectionsPerClient: Number(perClient) } } : {}),
    ...(env.RAPPORTEUR_TRUST_PROXY ? { trustProxy: trustProxy(env.RAPPORTEUR_TRUST_PROXY) } : {}),
    ...(env.RAPPORTEUR_WARM_UP === '0' ? { warmUp: false as const } : {}),
  });
  const result = await server.ready;
  if (!result.ok) {
    say(`error: could not load ${indexPath}: ${result.error}`);
    await server.close();
    sink.flushSync();
    return 1;
  }
  say(`rapporteur is ready at ${server.url}/`);
  await new Promise<void>((resolveStop) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolveStop());
  });
  say('stopping…');
  await server.close();
  sink.flushSync();
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
