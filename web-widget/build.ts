/**
 * `npm run build:widget`: bundles web-widget/src into one minified IIFE,
 * `web-widget/dist/widget.js`, and prints its gzipped size (target < 30 KB).
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
export const WIDGET_ENTRY = join(here, 'src', 'main.ts');
export const WIDGET_OUT = join(here, 'dist', 'widget.js');
export const GZIP_TARGET_BYTES = 30 * 1024;

export interface WidgetBuild {
  outfile: string;
  bytes: number;
  gzipBytes: number;
}

export async function buildWidget(outfile: string = WIDGET_OUT): Promise<WidgetBuild> {
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [WIDGET_ENTRY],
    outfile,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2019'],
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  });
  const code = readFileSync(outfile);
  return { outfile, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const r = await buildWidget();
    const verdict = r.gzipBytes < GZIP_TARGET_BYTES ? 'under' : 'OVER';
    console.log(`widget: ${relative(process.cwd(), r.outfile)} ${kb(r.bytes)}, ${kb(r.gzipBytes)} gzipped (${verdict} the ${kb(GZIP_TARGET_BYTES)} target)`);
  } catch (err) {
    console.error(`widget build failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
