/**
 * Shared helpers of the browser tests: Debian's Chromium driven by
 * playwright-core (never a downloaded browser), the widget bundle, axe-core.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildWidget, WIDGET_OUT } from '../../web-widget/build.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WIDGET_DIR = join(REPO, 'web-widget');
export const OUTPUT_DIR = join(REPO, 'test', 'output');

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Fails (never skips) without Chromium: CI installs it, and a skipped browser test proves nothing. */
export async function launchChromium(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'rapporteur-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    locale: 'fr-FR',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const newestMtime = (dir: string): number =>
  Math.max(...readdirSync(dir).map((f) => statSync(join(dir, f)).mtimeMs));

/**
 * Builds the widget only when the bundle is missing or older than its sources:
 * `npm test` builds it first, and other test files may be reading it.
 */
export async function ensureWidgetBuilt(): Promise<string> {
  const stale =
    !existsSync(WIDGET_OUT) ||
    statSync(WIDGET_OUT).mtimeMs < Math.max(newestMtime(join(WIDGET_DIR, 'src')), statSync(join(WIDGET_DIR, 'build.ts')).mtimeMs);
  if (stale) await buildWidget();
  return WIDGET_OUT;
}

export function outputPath(name: string): string {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return join(OUTPUT_DIR, name);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the whole page (it descends into open shadow roots). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    type AxeResult = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
}

export const serious = (violations: AxeViolation[]): AxeViolation[] =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** The element focused inside the widget's shadow root (class or id), or what the page has focused. */
export async function focusedInWidget(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.getElementById('rapporteur-widget');
    if (document.activeElement !== host) return `page:${document.activeElement?.tagName ?? 'none'}`;
    const el = host?.shadowRoot?.activeElement;
    return el ? el.id || el.className : 'none';
  });
}
