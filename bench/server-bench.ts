/**
 * Server benchmark (`tsx bench/server-bench.ts`, or `npm run bench -- server`):
 * start-to-ready time with a built index, resident memory, and a load run on
 * loopback against the real server in its own process: many WebSocket
 * clients asking questions with a think time, then the HTTP endpoint under
 * concurrent clients. Prints answers/s, p50/p99 latency and errors.
 *
 * Environment (all optional):
 *   RAPPORTEUR_INDEX            index to serve (default: the tests' cached index of the whole
 *                               corpus, corpus/ + ../shared/corpus, built when stale)
 *   BENCH_SERVER_SECONDS        WebSocket phase duration (default 30)
 *   BENCH_SERVER_HTTP_SECONDS   HTTP phase duration (default 10)
 *   BENCH_SERVER_CLIENTS        concurrent WebSocket clients (default 500)
 *   BENCH_SERVER_THINK_MS       mean pause between a client's questions (default 2000)
 *   BENCH_SERVER_UNIQUE         share of questions drawn from random passages of the index, so
 *                               mostly never asked before (default 0.5); the rest are popular
 *                               questions that the server's answer cache may serve
 *   BENCH_SERVER_HTTP_CONCURRENCY  HTTP requests in flight (default 8)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';

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
const REPLY_TIMEOUT_MS = 10_000;

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
  // The whole corpus, ingested once and cached (keyed by corpus and code) with the tests' artifact.
  console.log('using the cached index of corpus/ + ../shared/corpus (ingesting it first when stale)…');
  const { realArtifactPath } = await import('../test/helpers/corpus.js');
  return realArtifactPath();
}

interface Server {
  child: ChildProcess;
  url: string;
  spawnToReadyMs: number;
  loadMs: number;
}

function startChild(index: string): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'src/cli/start.ts'), '--index', index, '--port', '0', '--host', '127.0.0.1'], {
    cwd: repo,
    // Every client is on loopback, one address: no per-client socket cap.
    env: { ...process.env, RAPPORTEUR_HTTP_RATE: '0', RAPPORTEUR_WS_PER_CLIENT: '0', RAPPORTEUR_ADMIN_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  return new Promise((resolvePromise, reject) => {
    let url = '';
    // Every request logs a line: keep reading stdout so the server never blocks on a full pipe.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const event = JSON.parse(line) as { event: string; url?: string; ms?: number };
      if (event.event === 'listening') url = event.url ?? '';
      if (event.event === 'ready') resolvePromise({ child, url, spawnToReadyMs: performance.now() - started, loadMs: event.ms ?? NaN });
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

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface Stats {
  answers: number;
  errors: number;
  latencies: number[];
  errorKinds: Map<string, number>;
}
const newStats = (): Stats => ({ answers: 0, errors: 0, latencies: [], errorKinds: new Map() });
const fail = (s: Stats, kind: string): void => {
  s.errors++;
  s.errorKinds.set(kind, (s.errorKinds.get(kind) ?? 0) + 1);
};

function report(name: string, s: Stats, seconds: number): Record<string, number> {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  const row = {
    answers: s.answers,
    answersPerSecond: Math.round(s.answers / seconds),
    p50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
    p99Ms: Math.round(percentile(sorted, 99) * 10) / 10,
    maxMs: Math.round((sorted.at(-1) ?? NaN) * 10) / 10,
    errors: s.errors,
  };
  const kinds = [...s.errorKinds].map(([k, n]) => `${k}×${n}`).join(', ');
  console.log(
    `${name.padEnd(6)} ${String(row.answers).padStart(7)} answers  ${String(row.answersPerSecond).padStart(5)}/s  ` +
      `p50 ${row.p50Ms} ms  p99 ${row.p99Ms} ms  max ${row.maxMs} ms  errors ${row.errors}${kinds ? ` (${kinds})` : ''}`,
  );
  return row;
}

/** One chat client: hello, then questions with a think time until the deadline. */
async function chatClient(wsUrl: string, id: number, deadline: number, stats: Stats, connected: () => void): Promise<void> {
  const ws = new WebSocket(wsUrl);
  let waiter: ((frame: { type: string } | null) => void) | undefined;
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as { type: string };
    if (frame.type !== 'typing') waiter?.(frame);
  });
  ws.on('close', () => waiter?.(null));
  ws.on('error', () => {});
  const reply = () =>
    new Promise<{ type: string } | null | 'timeout'>((r) => {
      const timer = setTimeout(() => r('timeout'), REPLY_TIMEOUT_MS);
      waiter = (f) => {
        clearTimeout(timer);
        waiter = undefined;
        r(f);
      };
    });
  const opened = await new Promise<boolean>((r) => {
    ws.once('open', () => r(true));
    ws.once('error', () => r(false));
  });
  if (!opened) return fail(stats, 'connect');
  ws.send(JSON.stringify({ type: 'hello' }));
  const welcome = await reply();
  connected();
  if (!welcome || welcome === 'timeout' || welcome.type !== 'message') return fail(stats, 'welcome');
  let turn = id;
  // Stagger the first questions so clients do not ask in lockstep.
  await new Promise((r) => setTimeout(r, Math.random() * THINK_MS));
  while (Date.now() < deadline) {
    const started = performance.now();
    ws.send(JSON.stringify({ type: 'message', text: question(turn++) }));
    const frame = await reply();
    if (frame === 'timeout') fail(stats, 'timeout');
    else if (!frame) return fail(stats, 'closed');
    else if (frame.type !== 'message') fail(stats, `error:${(frame as { code?: string }).code}`);
    else {
      stats.answers++;
      stats.latencies.push(performance.now() - started);
    }
    await new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())));
  }
  ws.close();
}

async function wsPhase(url: string): Promise<Record<string, number>> {
  const stats = newStats();
  const wsUrl = url.replace(/^http/, 'ws') + '/ws';
  let connected = 0;
  const deadline = Date.now() + WS_SECONDS * 1000;
  const clients: Promise<void>[] = [];
  // Open in batches: a burst of 500 handshakes would overflow the listen backlog.
  for (let i = 0; i < CLIENTS; i++) {
    clients.push(chatClient(wsUrl, i, deadline, stats, () => connected++));
    if (i % 50 === 49) await new Promise((r) => setTimeout(r, 50));
  }
  const started = performance.now();
  await Promise.all(clients);
  const seconds = Math.max((performance.now() - started) / 1000, 1);
  console.log(`websocket: ${connected}/${CLIENTS} clients connected, think time ~${THINK_MS} ms, ${WS_SECONDS} s, ${Math.round(UNIQUE * 100)}% passage-drawn questions`);
  return report('ws', stats, seconds);
}

async function httpPhase(url: string): Promise<Record<string, number>> {
  const stats = newStats();
  const deadline = Date.now() + HTTP_SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: HTTP_CONCURRENCY }, async (_, i) => {
      let turn = i;
      let sessionId: string | undefined;
      while (Date.now() < deadline) {
        const t0 = performance.now();
        try {
          const res = await fetch(`${url}/api/answer`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ question: question(turn++), sessionId }),
            signal: AbortSignal.timeout(REPLY_TIMEOUT_MS),
          });
          const body = (await res.json()) as { sessionId?: string };
          if (res.status !== 200) fail(stats, `http${res.status}`);
          else {
            sessionId = body.sessionId;
            stats.answers++;
            stats.latencies.push(performance.now() - t0);
          }
        } catch {
          fail(stats, 'fetch');
        }
      }
    }),
  );
  console.log(`http: ${HTTP_CONCURRENCY} concurrent clients, no think time, ${HTTP_SECONDS} s`);
  return report('http', stats, (performance.now() - started) / 1000);
}

/** The bot alone, in this process once the server is stopped: how much of the latency is the bot's work. */
async function botAlone(index: string): Promise<Record<string, number>> {
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
  console.log('bot alone: 1000 questions of the same mix, one at a time, no server, no cache');
  return report('bot', stats, (performance.now() - started) / 1000);
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
    const ws = await wsPhase(server.url);
    const http = await httpPhase(server.url);
    const peakKb = memoryKb(pid, 'VmHWM');
    console.log(`memory: peak RSS ${Math.round(peakKb / 1024)} MB`);
    const targets = [
      ['ready < 1 s (index load)', server.loadMs < 1000],
      ['ws p99 < 50 ms', ws.p99Ms! < 50],
      ['http p99 < 50 ms', http.p99Ms! < 50],
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
