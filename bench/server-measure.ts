/**
 * One measured phase of the server bench: the load's latencies, and what the
 * server saw meanwhile, read from the probe preloaded into it
 * (bench/server-probe.ts) and from the answer times it logs.
 */
import type { ChildProcess } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { percentile, round1, type Stats } from './server-load.js';
import type { ProbeReport } from './server-probe.js';

/** Answer times the server logged (bot + cache, without queueing), during the current phase. */
const serverAnswerMs: number[] = [];
/** BENCH_SERVER_TIMELINE=1: per-second answers and bot time of the socket phase (arrival time at the bench). */
const TIMELINE = process.env.BENCH_SERVER_TIMELINE === '1';
const timeline: [number, number][] = [];
/** This process's own event-loop delay: when it is high, the client, not the server, is late. */
const clientLoop = monitorEventLoopDelay({ resolution: 5 });
clientLoop.enable();

/** Called with each answer time (bot + cache) the server logs. */
export function recordAnswer(botMs: number): void {
  serverAnswerMs.push(botMs);
  if (TIMELINE) timeline.push([performance.now(), botMs]);
}

export interface PhaseResult extends Record<string, unknown> {
  answers: number;
  answersPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  serverLoopP99Ms: number;
}

/** Inside the server: event-loop delay, busy share, CPU, GC, stdout blocking (bench/server-probe.ts). */
function probe(child: ChildProcess, message: 'reset' | 'report'): Promise<ProbeReport | undefined> {
  if (message === 'reset') return Promise.resolve(void child.send('reset'));
  return new Promise((resolveReport) => {
    const timer = setTimeout(() => resolveReport(undefined), 5000);
    const onMessage = (m: unknown) => {
      const report = (m as { probe?: ProbeReport }).probe;
      if (!report) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolveReport(report);
    };
    child.on('message', onMessage);
    child.send('report');
  });
}

/** Runs one measured phase: the probes are reset at its start and read at its end. */
export async function measured(name: string, child: ChildProcess, load: () => Promise<Stats>): Promise<PhaseResult> {
  serverAnswerMs.length = 0;
  clientLoop.reset();
  await probe(child, 'reset');
  const started = performance.now();
  timeline.length = 0;
  const stats = await load();
  if (TIMELINE) printTimeline(started);
  const seconds = (performance.now() - started) / 1000;
  const inside = await probe(child, 'report');
  const sorted = [...stats.latencies].sort((a, b) => a - b);
  const bot = [...serverAnswerMs].sort((a, b) => a - b);
  const row: PhaseResult = {
    answers: stats.answers,
    answersPerSecond: Math.round(stats.answers / seconds),
    p50Ms: round1(percentile(sorted, 50)),
    p99Ms: round1(percentile(sorted, 99)),
    maxMs: round1(sorted.at(-1) ?? NaN),
    errors: stats.errors,
    serverLoopP99Ms: inside?.loopP99Ms ?? NaN,
    server: inside,
    serverAnswerP50Ms: round1(percentile(bot, 50)),
    serverAnswerP99Ms: round1(percentile(bot, 99)),
    serverAnswerMaxMs: round1(bot.at(-1) ?? NaN),
    clientLoopP99Ms: round1(clientLoop.percentile(99) / 1e6),
  };
  const kinds = [...stats.errorKinds].map(([k, n]) => `${k}×${n}`).join(', ');
  console.log(
    `${name.padEnd(5)} ${String(row.answers).padStart(6)} answers ${String(row.answersPerSecond).padStart(5)}/s  ` +
      `p50 ${row.p50Ms} ms  p99 ${row.p99Ms} ms  max ${row.maxMs} ms  errors ${row.errors}${kinds ? ` (${kinds})` : ''}  ` +
      `server event-loop delay p99 ${row.serverLoopP99Ms} ms`,
  );
  if (inside) {
    console.log(
      `      inside the server: loop delay p50/p99/max ${inside.loopP50Ms}/${inside.loopP99Ms}/${inside.loopMaxMs} ms, ` +
        `loop busy ${Math.round(inside.utilisation * 100)}%, CPU ${Math.round(inside.cpuMs / 10 / seconds)}% of a core, ` +
        `GC ${inside.gcCount}× ${inside.gcMs} ms (max ${inside.gcMaxMs} ms), blocking stdout writes ${inside.stdoutWrites}: ${inside.stdoutMs} ms (max ${inside.stdoutMaxMs} ms); ` +
        `answer (bot + cache) p50/p99/max ${row.serverAnswerP50Ms}/${row.serverAnswerP99Ms}/${row.serverAnswerMaxMs} ms; ` +
        `bench client loop delay p99 ${row.clientLoopP99Ms} ms`,
    );
    if (inside.stalls.length) console.log(`      longest server stalls (s into the phase: ms): ${inside.stalls.map((s) => `${s.atS}: ${s.ms}`).join(', ')}`);
  }
  return row;
}

function printTimeline(started: number): void {
  const seconds = new Map<number, { n: number; ms: number; max: number }>();
  for (const [at, ms] of timeline) {
    const s = Math.floor((at - started) / 1000);
    const row = seconds.get(s) ?? { n: 0, ms: 0, max: 0 };
    seconds.set(s, { n: row.n + 1, ms: row.ms + ms, max: Math.max(row.max, ms) });
  }
  for (const [s, r] of [...seconds].sort((a, b) => a[0] - b[0])) {
    console.log(`      t=${s}s answers ${r.n} bot ${Math.round(r.ms)} ms (max ${Math.round(r.max)} ms)`);
  }
}

