/**
 * Preloaded into the server under test by the server bench (`node --import
 * ./bench/server-probe.ts`), never by `npm start`: measures, inside the
 * server process, what the clients cannot see. Over IPC the bench sends
 * `reset` at the start of a phase and `report` at its end; the probe answers
 * with the event-loop delay (how late timers and I/O callbacks ran: every
 * millisecond here is added to some answer), event-loop utilisation, CPU
 * time, GC pauses and the time spent blocked writing log lines to stdout.
 */
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';

export interface ProbeReport {
  loopP50Ms: number;
  loopP99Ms: number;
  loopMaxMs: number;
  /** Share of wall time the event loop was busy (0..1). */
  utilisation: number;
  cpuMs: number;
  gcCount: number;
  gcMs: number;
  gcMaxMs: number;
  stdoutWrites: number;
  stdoutMs: number;
  stdoutMaxMs: number;
  /** The longest stalls (timer over 50 ms late): seconds since the reset, and length. */
  stalls: { atS: number; ms: number }[];
}

if (process.send) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let elu = performance.eventLoopUtilization();
  let cpu = process.cpuUsage();
  let gc = { count: 0, ms: 0, max: 0 };
  let out = { writes: 0, ms: 0, max: 0 };
  let since = performance.now();
  let stalls: { atS: number; ms: number }[] = [];
  let tick = performance.now();
  setInterval(() => {
    const now = performance.now();
    const late = now - tick - 10;
    tick = now;
    if (late > 50) stalls.push({ atS: Math.round((now - late - since) / 100) / 10, ms: Math.round(late) });
  }, 10).unref();

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count++;
      gc.ms += entry.duration;
      gc.max = Math.max(gc.max, entry.duration);
    }
  }).observe({ entryTypes: ['gc'] });

  // stdout to a pipe is synchronous on Linux: a slow reader blocks the server here.
  const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
  process.stdout.write = ((...args: unknown[]) => {
    const t0 = performance.now();
    const ok = write(...args);
    const ms = performance.now() - t0;
    out.writes++;
    out.ms += ms;
    out.max = Math.max(out.max, ms);
    return ok;
  }) as typeof process.stdout.write;

  const round = (n: number): number => Math.round(n * 100) / 100;
  process.on('message', (message: unknown) => {
    if (message === 'reset') {
      loop.reset();
      elu = performance.eventLoopUtilization();
      cpu = process.cpuUsage();
      gc = { count: 0, ms: 0, max: 0 };
      out = { writes: 0, ms: 0, max: 0 };
      since = performance.now();
      stalls = [];
    } else if (message === 'report') {
      const used = process.cpuUsage(cpu);
      const report: ProbeReport = {
        loopP50Ms: round(loop.percentile(50) / 1e6),
        loopP99Ms: round(loop.percentile(99) / 1e6),
        loopMaxMs: round(loop.max / 1e6),
        utilisation: round(performance.eventLoopUtilization(elu).utilization),
        cpuMs: Math.round((used.user + used.system) / 1000),
        gcCount: gc.count,
        gcMs: Math.round(gc.ms),
        gcMaxMs: round(gc.max),
        stdoutWrites: out.writes,
        stdoutMs: Math.round(out.ms),
        stdoutMaxMs: round(out.max),
        stalls: [...stalls].sort((a, b) => b.ms - a.ms).slice(0, 8),
      };
      process.send?.({ probe: report });
    }
  });
  // The channel must not keep a stopped server alive.
  process.channel?.unref();
}
