/**
 * `npm run bench`: runs each benchmark in its own process, so that resident
 * memory and start-up figures of one part are not polluted by another.
 * Pass names to run only some: `npm run bench -- index bot`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const all = ['index', 'bot', 'server'] as const;
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const parts = wanted.length ? all.filter((p) => wanted.includes(p)) : [...all];

let failed = 0;
for (const part of parts) {
  const script = join(here, `${part}-bench.ts`);
  if (!existsSync(script)) {
    console.error(`bench ${part}: ${script} is missing`);
    failed++;
    continue;
  }
  console.log(`\n=== ${part} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
