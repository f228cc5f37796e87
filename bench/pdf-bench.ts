/**
 * PDF reader benchmark: reads every PDF under a folder (default ../shared/corpus/reports)
 * one after the other, twice (cold, then warm), and prints per-file and total times.
 * Usage: `npx tsx bench/pdf-bench.ts [DIR]`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IngestError } from '../src/ingest/errors.js';
import { readPdf } from '../src/ingest/pdf.js';

const here = dirname(fileURLToPath(import.meta.url));
const dir = resolve(process.argv[2] ?? join(here, '../../shared/corpus/reports'));
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.toLowerCase().endsWith('.pdf'))
  .sort();
const inputs = files.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));

async function pass(label: string, verbose: boolean): Promise<void> {
  const start = performance.now();
  let pages = 0;
  let blocks = 0;
  for (const { name, bytes } of inputs) {
    const t0 = performance.now();
    let outcome: string;
    try {
      const doc = await readPdf(bytes, name);
      pages += doc.pages;
      blocks += doc.blocks.length;
      outcome = `${doc.pages} pages, ${doc.blocks.length} blocks`;
    } catch (error) {
      outcome = error instanceof IngestError ? `${error.reason}: ${error.message}` : String(error);
    }
    if (verbose) console.log(`  ${(performance.now() - t0).toFixed(0).padStart(6)} ms  ${name}  (${outcome})`);
  }
  const total = performance.now() - start;
  console.log(`${label}: ${inputs.length} PDFs, ${pages} pages, ${blocks} blocks in ${total.toFixed(0)} ms`);
}

await pass('cold', true);
await pass('warm', false);
const rss = process.memoryUsage().rss / 1024 / 1024;
console.log(`rss ${rss.toFixed(0)} MiB`);
