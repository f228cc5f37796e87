/**
 * Index benchmark: on the shared corpus (`corpus/` + `../shared/corpus`) and on
 * a synthetic corpus 100× larger (passages replicated with perturbed words),
 * prints build time, artifact size, load time, resident memory and query
 * latency p50/p99 over a fixed set of queries (typed, misspelled, English,
 * accentless). The large corpus runs in a child process with a bigger heap.
 *
 *   tsx bench/index-bench.ts            the shared corpus (and the synthetic one if BENCH_SCALE is set)
 *   tsx bench/index-bench.ts --scale N  only the synthetic corpus, N× larger
 *   BENCH_SCALE=100 also runs the synthetic corpus after the shared one: off by default, because
 *   building the 100× index takes minutes (MiniSearch over 300,000 passages).
 *   BENCH_ARTIFACT=/tmp/x.json (with --scale or BENCH_SCALE) keeps the synthetic artifact in that file
 *   and, when it exists, loads and queries it without rebuilding: for iterating on the query side
 *   (scorer, vocabulary, pruning). Delete the file after changing the analyzer, the artifact layout
 *   or the synthetic corpus (an artifact of another analyzer or format version is refused at load).
 */
import { spawnSync } from 'node:child_process';
import { access, mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildArtifact, loadCorpus, saveArtifact } from '../src/index/artifact.js';
import { warmQueries } from '../src/index/warm-queries.js';
import { foldAccents } from '../src/index/analyzer.js';
import type { Artifact } from '../src/index/types.js';
import type { Lang, Passage } from '../src/ingest/types.js';
import { loadQuestions } from '../test/eval/retrieval-metrics.js';
import { realArtifact } from '../test/helpers/corpus.js';
import { random } from '../test/helpers/random.js';

/** One typo: a letter swapped with its neighbour in the longest word. */
function misspell(q: string): string {
  const words = q.split(' ');
  let longest = 0;
  words.forEach((w, i) => {
    if (w.length > (words[longest] ?? '').length) longest = i;
  });
  const w = words[longest] ?? '';
  if (w.length > 4) words[longest] = w.slice(0, 2) + (w[3] ?? '') + (w[2] ?? '') + w.slice(4);
  return words.join(' ');
}

/** The fixed query set: every evaluation question as asked, misspelled, without accents, and half-typed. */
export function benchQueries(): { q: string; lang: Lang }[] {
  const out: { q: string; lang: Lang }[] = [];
  for (const { q, lang } of loadQuestions()) {
    const bare = q.replace(/[?!.]\s*$/, '');
    out.push({ q, lang }, { q: misspell(bare) + ' ?', lang }, { q: foldAccents(q), lang });
    out.push({ q: bare.slice(0, Math.max(4, Math.ceil(bare.length * 0.7))), lang });
  }
  return out;
}

/** `factor` copies of every passage; copies after the first have one word in seven altered. */
export function scaleCorpus(artifact: Artifact, factor: number): Artifact {
  const passages: Passage[] = [];
  const rnd = random(42);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let copy = 0; copy < factor; copy++) {
    for (const p of artifact.passages) {
      const perturb = (s: string) =>
        copy === 0
          ? s
          : s.replace(/\p{L}{4,}/gu, (w) => {
              if (rnd() > 1 / 7) return w;
              const i = 1 + Math.floor(rnd() * (w.length - 2));
              return w.slice(0, i) + letters[Math.floor(rnd() * 26)] + w.slice(i + 1);
            });
      const sentences = p.sentences.map(perturb);
      const docId = copy === 0 ? p.docId : `${p.docId}~${copy}`;
      passages.push({ ...p, id: `${docId}:${p.id.split(':').pop()}`, docId, sentences, text: sentences.join(' ') });
    }
  }
  return { ...artifact, passages };
}

const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const mb = (x: number) => `${(x / 1e6).toFixed(1)} MB`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

/**
 * Builds and saves the artifact, then measures loading and querying it in a fresh process.
 * With `keep`, the artifact is saved there and kept (not deleted) for later runs.
 */
async function measure(label: string, corpus: Artifact, keep?: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'rapporteur-bench-'));
  try {
    const t = performance.now();
    const artifact = buildArtifact(corpus);
    const buildMs = performance.now() - t;
    const path = keep ?? join(dir, 'index.json');
    await saveArtifact(path, artifact);
    const size = (await stat(path)).size;
    console.log(`${label}: ${corpus.passages.length} passages`);
    console.log(`  index build ${ms(buildMs)}  artifact ${mb(size)}`);
    run(['--measure', path]);
    run(['--measure', path, '--cold']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(args: string[]): void {
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=16000', '--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), ...args],
    { stdio: 'inherit' },
  );
  if (child.status !== 0) throw new Error(`bench ${args.join(' ')} failed (exit ${String(child.status)})`);
}

/** Wall time per query, and CPU time (not inflated when other processes hold the cores), in query order. */
function pass(search: (q: string, lang: Lang) => unknown, queries: { q: string; lang: Lang }[]): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const { q, lang } of queries) {
    const c = process.cpuUsage();
    const s = performance.now();
    search(q, lang);
    wall.push(performance.now() - s);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  return { wall, cpu };
}

const sorted = (t: number[]) => t.slice().sort((a, b) => a - b);
const line = (t: number[]) => {
  const s = sorted(t);
  return `p50 ${ms(percentile(s, 50))}  p99 ${ms(percentile(s, 99))}  max ${ms(s.at(-1) ?? 0)}`;
};

/**
 * In a fresh process: load time, resident memory once loaded, query latencies. With `cold`, only
 * one pass right after load (what the first users of an unwarmed process would see). Otherwise the
 * index first runs the server's warm-up queries (made from the corpus, src/index/warm-queries.ts),
 * then the benchmark queries, which it has never seen, and then again, warm.
 */
async function loadAndQuery(path: string, cold: boolean): Promise<void> {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const t = performance.now();
  const cpu = process.cpuUsage();
  const loaded = await loadCorpus(path);
  const loadMs = performance.now() - t;
  const loadCpu = process.cpuUsage(cpu);
  global.gc?.();
  const rss = process.memoryUsage().rss;
  const queries = benchQueries();
  const search = (q: string, lang: Lang) => loaded.index.search(q, { lang });
  console.log(`  load ${ms(loadMs)} (CPU ${ms((loadCpu.user + loadCpu.system) / 1000)})  resident memory ${mb(rss)} (${mb(rss - rssBefore)} for the loaded corpus)`);
  if (cold) {
    console.log(`  ${queries.length} queries, first pass right after load, no warm-up: ${line(pass(search, queries).wall)}`);
    return;
  }
  const warmStart = performance.now();
  const warm = warmQueries(loaded.documents, loaded.index);
  pass(search, warm);
  console.log(`  warm-up: ${warm.length} queries made from the corpus in ${ms(performance.now() - warmStart)}`);
  const unseen = pass(search, queries);
  // Each query's median of three warm runs is its latency without the host's scheduling noise
  // (on a shared 2-core host, one pass's p99 moves by a third from run to run).
  const runs = [pass(search, queries), pass(search, queries), pass(search, queries)];
  const median = queries.map((_, i) => sorted(runs.map((r) => r.wall[i] as number))[1] as number);
  console.log(`  ${queries.length} queries, after the warm-up, each seen for the first time: ${line(unseen.wall)}`);
  console.log(`  ${queries.length} queries, warm: ${line(runs[0]!.wall)}`);
  console.log(`  ${queries.length} queries, warm, CPU time: ${line(runs[0]!.cpu)}`);
  console.log(`  ${queries.length} queries, warm, median of 3 runs per query: ${line(median)}`);
  const [load1, load5] = loadavg();
  console.log(`  (machine load average ${load1?.toFixed(1)} / ${load5?.toFixed(1)} on ${cpus().length} cores)`);
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const measureAt = argv.indexOf('--measure');
  if (measureAt >= 0) return loadAndQuery(argv[measureAt + 1] as string, argv.includes('--cold'));
  const at = argv.indexOf('--scale');
  const artifact = await realArtifact();
  if (at >= 0) {
    const factor = Number(argv[at + 1] ?? 100);
    const keep = process.env.BENCH_ARTIFACT;
    if (keep && (await access(keep).then(() => true, () => false))) {
      console.log(`synthetic corpus ${factor}×: reusing ${keep} (index build not measured)`);
      console.log(`  artifact ${mb((await stat(keep)).size)}`);
      run(['--measure', keep]);
      return run(['--measure', keep, '--cold']);
    }
    const t = performance.now();
    const scaled = scaleCorpus(artifact, factor);
    console.log(`  (synthetic passages generated in ${ms(performance.now() - t)})`);
    return measure(`synthetic corpus ${factor}×`, scaled, keep);
  }
  await measure('shared corpus', artifact);
  const factor = Number(process.env.BENCH_SCALE ?? 0);
  if (factor) run(['--scale', String(factor)]);
  else console.log('  (synthetic 100× corpus skipped: its build takes minutes; BENCH_SCALE=100 npm run bench -- index runs it)');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
