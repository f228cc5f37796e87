/**
 * Server benchmark (`tsx bench/server-bench.ts`, or `npm run bench -- server`):
 * start-to-ready time with a built index, resident memory, and a load run on
 * loopback against the real server in its own process: many WebSocket
 * clients asking questions with a think time, then the HTTP endpoint under
 * concurrent clients. Prints answers/s, p50/p99/max latency, errors, and what
 * the server saw meanwhile (bench/server-probe.ts, preloaded into the server
 * only): its event-loop delay (the key figure: time every answer waited behind
 * other work), busy share, CPU, GC, its longest stalls, and the bot's own time.
 *
 * How latency is measured: from just before a question is sent to the moment
 * its answer frame is read, in a client process apart from the server (the
 * client's own event-loop delay is printed: it bounds the client's error).
 * Sockets are all connected and greeted, and the server has logged the end of
 * its warm-up, before the measured phase. Clients are closed-loop with a
 * think time after each answer, like people: a server stall delays the
 * questions in flight, not questions that would have been sent meanwhile (no
 * coordinated-omission correction is applied; the stalls list shows them). The
 * HTTP phase has no think time: it saturates the server, so its latency is
 * mostly queueing (≈ concurrency / throughput).
 *
 * Environment (all optional):
 *   RAPPORTEUR_INDEX            index to serve (default: the tests' cached index of the whole
 *                               corpus, corpus/ + ../shared/corpus, built when stale)
 *   BENCH_SERVER_CORPUS         `seed`: the seed articles of corpus/ only
 *   BENCH_SERVER_SECONDS        WebSocket phase duration (default 30)
 *   BENCH_SERVER_HTTP_SECONDS   HTTP phase duration (default 10)
 *   BENCH_SERVER_CLIENTS        concurrent WebSocket clients (default 500)
 *   BENCH_SERVER_THINK_MS       mean pause between a client's questions (default 2000)
 *   BENCH_SERVER_UNIQUE         share of questions drawn from random passages of the index, so
 *                               mostly never asked before (default 0.5); the rest are popular
 *                               questions that the server's answer cache may serve
 *   BENCH_SERVER_HTTP_CONCURRENCY  HTTP requests in flight (default 8)
 *   BENCH_SERVER_WARMUP_SECONDS unmeasured socket load before the measured phase (default 0)
 *   BENCH_SERVER_TIMELINE       1: per-second answers and bot time of each phase
 *   BENCH_SERVER_NODE_ARGS      extra node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`
 *   RAPPORTEUR_WARM_UP          0: the server skips its warm-up (to measure what it brings)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { connectAll, httpLoad, newStats, percentile, round1 } from './server-load.js';
import { measured, recordAnswer, type PhaseResult } from './server-measure.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const num = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const WS_SECONDS = num('BENCH_SERVER_SECONDS', 30);
const HTTP_SECONDS = num('BENCH_SERVER_HTTP_SECONDS', 10);
const CLIENTS = Math.min(2000, num('BENCH_SERVER_CLIENTS', 500));
const THINK_MS = num('BENCH_SERVER_THINK_MS', 2000);
const UNIQUE = Math.min(1, Number(process.env.BENCH_SERVER_UNIQUE ?? 0.5));
const HTTP_CONCURRENCY = Math.min(64, num('BENCH_SERVER_HTTP_CONCURRENCY', 8));
const WARMUP_SECONDS = Number(process.env.BENCH_SERVER_WARMUP_SECONDS ?? 0);
const SEED_ONLY = process.env.BENCH_SERVER_CORPUS === 'seed';

const QUESTIONS = [
  "Quels défis le ministère de l'Intérieur a-t-il proposés ?",
  'Et pour la Culture ?',
  "Qu'est-ce que le programme Entrepreneurs d'intérêt général ?",
  'Combien de défis en 2018 ?',
  'Qui sont les mentors ?',
  'Que dit la Cour des comptes sur la dette publique ?',
  'Which challenges did the Ministry of the Interior propose?',
  'What is the EIG programme?',
  'Bonjour',
  'Quelle est la recette de la blanquette de veau ?',
];

/** Question-like fragments of random passages: realistic, mostly distinct retrieval questions. */
function passageQuestions(index: string, count: number): string[] {
  const artifact = JSON.parse(readFileSync(index, 'utf8')) as { passages: { sentences: string[] }[] };
  const sentences = artifact.passages.flatMap((p) => p.sentences).filter((t) => t.split(' ').length >= 6);
  return Array.from({ length: count }, () => {
    const words = sentences[Math.floor(Math.random() * sentences.length)]!.split(' ');
    const start = Math.floor(Math.random() * Math.max(1, words.length - 8));
    return `${words.slice(start, start + 4 + Math.floor(Math.random() * 5)).join(' ')} ?`;
  });
}

let drawn: string[] = [];
let drawnAt = 0;
const question = (turn: number): string =>
  Math.random() < UNIQUE && drawn.length ? drawn[drawnAt++ % drawn.length]! : QUESTIONS[turn % QUESTIONS.length]!;

// Hard bound on the whole run, whatever happens.
const hardStop = setTimeout(() => {
  console.error('server bench: time limit reached, stopping');
  process.exit(1);
}, (WS_SECONDS + HTTP_SECONDS + 300) * 1000);
hardStop.unref();

async function indexPath(): Promise<string> {
  const given = process.env.RAPPORTEUR_INDEX;
  if (given) {
    if (!existsSync(given)) throw new Error(`RAPPORTEUR_INDEX: no file at ${given}`);
    return given;
  }
  // The whole corpus (or the seeds), ingested once and cached (keyed by corpus and code) with the tests' artifact.
  const { corpusRoots, realArtifactPath } = await import('../test/helpers/corpus.js');
  const roots = SEED_ONLY ? corpusRoots.slice(0, 1) : corpusRoots;
  console.log(`using the cached index of ${SEED_ONLY ? 'corpus/ (seeds)' : 'corpus/ + ../shared/corpus'} (ingesting it first when stale)…`);
  return realArtifactPath(roots);
}

interface Server {
  child: ChildProcess;
  url: string;
  spawnToReadyMs: number;
  loadMs: number;
  /** Resolves with the server's own warm-up of its bot (questions, ms), or undefined when it logs none. */
  warmed: Promise<{ questions: number; ms: number } | undefined>;
}

function startChild(index: string): Promise<Server> {
  const started = performance.now();
  const probeModule = join(repo, 'bench/server-probe.ts');
  // BENCH_SERVER_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`: extra node flags for the server only.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', '--import', probeModule, join(repo, 'src/cli/start.ts'), '--index', index, '--port', '0', '--host', '127.0.0.1'], {
    cwd: repo,
    // Every client is on loopback, one address: no per-client socket cap.
    env: { ...process.env, RAPPORTEUR_HTTP_RATE: '0', RAPPORTEUR_WS_PER_CLIENT: '0', RAPPORTEUR_ADMIN_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  let onWarmed: (w: { questions: number; ms: number } | undefined) => void = () => {};
  const warmed = new Promise<{ questions: number; ms: number } | undefined>((r) => {
    onWarmed = r;
    setTimeout(() => r(undefined), 20_000).unref();
  });
  return new Promise((resolvePromise, reject) => {
    let url = '';
    // Every request logs a line: keep reading stdout so the server never blocks on a full pipe.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const event = JSON.parse(line) as { event: string; url?: string; ms?: number; botMs?: number; questions?: number };
      if (event.botMs !== undefined) recordAnswer(event.botMs);
      if (event.event === 'index_warmed') onWarmed({ questions: event.questions ?? 0, ms: event.ms ?? NaN });
      if (event.event === 'listening') url = event.url ?? '';
      if (event.event === 'ready') {
        resolvePromise({ child, url, spawnToReadyMs: performance.now() - started, loadMs: event.ms ?? NaN, warmed });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before ready:\n${stderr}`)));
  });
}

function memoryKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : NaN;
  } catch {
    return NaN;
  }
}

async function wsPhase(server: Server): Promise<PhaseResult> {
  const wsUrl = server.url.replace(/^http/, 'ws') + '/ws';
  const connectStats = newStats();
  const t0 = performance.now();
  const clients = await connectAll(wsUrl, CLIENTS, connectStats);
  console.log(
    `websocket: ${clients.length}/${CLIENTS} clients connected and greeted in ${Math.round(performance.now() - t0)} ms (not measured); ` +
      `think time ~${THINK_MS} ms, ${WS_SECONDS} s, ${Math.round(UNIQUE * 100)}% passage-drawn questions`,
  );
  if (WARMUP_SECONDS) {
    const deadline = Date.now() + WARMUP_SECONDS * 1000;
    await Promise.all(clients.map((c, i) => c.run(question, i, THINK_MS, deadline, newStats())));
    console.log(`websocket: ${WARMUP_SECONDS} s of unmeasured warm-up load`);
  }
  const row = await measured('ws', server.child, async () => {
    const stats = newStats();
    const deadline = Date.now() + WS_SECONDS * 1000;
    await Promise.all(clients.map((c, i) => c.run(question, i, THINK_MS, deadline, stats)));
    return stats;
  });
  for (const c of clients) c.close();
  row.errors += connectStats.errors;
  return row;
}

async function httpPhase(server: Server): Promise<PhaseResult> {
  console.log(`http: ${HTTP_CONCURRENCY} concurrent clients, no think time (saturating: latency is mostly queueing), ${HTTP_SECONDS} s`);
  return measured('http', server.child, async () => {
    const stats = newStats();
    await httpLoad(server.url, question, HTTP_CONCURRENCY, Date.now() + HTTP_SECONDS * 1000, stats);
    return stats;
  });
}

/** The bot alone, in this process once the server is stopped: how much of the latency is the bot's work. */
async function botAlone(index: string): Promise<void> {
  const { loadBot } = await import('../src/server/load-bot.js');
  const { newSession } = await import('../src/bot/types.js');
  const { bot } = await loadBot(index);
  const stats = newStats();
  const started = performance.now();
  for (let i = 0; i < 1000; i++) {
    const t0 = performance.now();
    bot.answer(i % 2 ? drawn[i]! : QUESTIONS[i % QUESTIONS.length]!, newSession());
    stats.answers++;
    stats.latencies.push(performance.now() - t0);
  }
  const sorted = stats.latencies.sort((a, b) => a - b);
  const seconds = (performance.now() - started) / 1000;
  console.log('bot alone: 1000 questions of the same mix, one at a time, no server, no cache');
  console.log(
    `bot   ${String(stats.answers).padStart(6)} answers ${String(Math.round(stats.answers / seconds)).padStart(5)}/s  ` +
      `p50 ${round1(percentile(sorted, 50))} ms  p99 ${round1(percentile(sorted, 99))} ms  max ${round1(sorted.at(-1) ?? NaN)} ms`,
  );
}

async function main(): Promise<void> {
  // A private copy: an ingestion running meanwhile must not hot-reload the server under test.
  const index = join(mkdtempSync(join(tmpdir(), 'rapporteur-bench-')), 'index.json');
  copyFileSync(await indexPath(), index);
  drawn = passageQuestions(index, 50_000);
  const server = await startChild(index);
  const pid = server.child.pid!;
  try {
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { documents: number; passages: number };
    const idleKb = memoryKb(pid, 'VmRSS');
    console.log(`index: ${index} (${health.documents} documents, ${health.passages} passages)`);
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other work skews every figure below)`);
    console.log(`start: spawn to ready ${Math.round(server.spawnToReadyMs)} ms (index load + bot build ${server.loadMs} ms); idle RSS ${Math.round(idleKb / 1024)} MB`);
    const warm = await server.warmed;
    console.log(
      warm
        ? `warm-up: the server warmed its bot with ${warm.questions} corpus-drawn questions in ${warm.ms} ms after ready (load starts after it)`
        : 'warm-up: none logged by the server',
    );
    const ws = await wsPhase(server);
    const http = await httpPhase(server);
    const peakKb = memoryKb(pid, 'VmHWM');
    console.log(`memory: RSS idle ${Math.round(idleKb / 1024)} MB, peak ${Math.round(peakKb / 1024)} MB`);
    const targets = [
      ['ready < 1 s (index load)', server.loadMs < 1000],
      ['ws p99 < 50 ms', ws.p99Ms < 50],
      ['http p99 < 50 ms', http.p99Ms < 50],
      ['0 errors', ws.errors === 0 && http.errors === 0],
    ] as const;
    console.log('targets: ' + targets.map(([name, ok]) => `${ok ? 'met' : 'MISSED'}: ${name}`).join('; '));
    console.log(
      JSON.stringify({
        bench: 'server',
        loadAverage: loadavg()[0],
        spawnToReadyMs: Math.round(server.spawnToReadyMs),
        loadMs: server.loadMs,
        idleRssMb: Math.round(idleKb / 1024),
        peakRssMb: Math.round(peakKb / 1024),
        ws: { clients: CLIENTS, seconds: WS_SECONDS, ...ws },
        http: { concurrency: HTTP_CONCURRENCY, seconds: HTTP_SECONDS, ...http },
      }),
    );
    if (ws.errors || http.errors) process.exitCode = 1;
  } finally {
    server.child.kill('SIGTERM');
  }
  await new Promise((r) => server.child.once('exit', r));
  await botAlone(index);
}

await main();
