/**
 * The widget end to end in Chromium: the real server over an index of the
 * seed articles in `corpus/`, the demo page, the keyboard, the real bot.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArtifact, saveArtifact } from '../../src/index/artifact.js';
import { ingestCorpus } from '../../src/ingest/pipeline.js';
import { loadBot } from '../../src/server/load-bot.js';
import { silentLogger } from '../../src/server/logging.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { axeViolations, ensureWidgetBuilt, focusedInWidget, launchChromium, outputPath, REPO, serious, WIDGET_DIR, type Browser } from './chromium.js';

interface Frame {
  type: string;
  text?: string;
  lang?: string;
  kind?: string;
  intent?: string;
  session?: { token: string; resumed: boolean };
  sources?: { title: string; url?: string; page?: number }[];
}

const HOSTILE = '<img src=x onerror=alert(1)>';

async function start(indexPath: string, port: number): Promise<RunningServer> {
  const server = await startServer({ indexPath, loader: loadBot, widgetDir: WIDGET_DIR, host: '127.0.0.1', port, watch: false, logger: silentLogger });
  const ready = await server.ready;
  if (!ready.ok) throw new Error(`the server could not load the index: ${ready.error}`);
  return server;
}

/**
 * A TCP relay in front of the server, to cut the network under a live page:
 * `drop()` destroys the browser's side only, so the server, like after a
 * real network drop, still holds the old socket until its heartbeat.
 */
async function relay(port: number): Promise<{ url: string; drop(): void; close(): Promise<void> }> {
  const browserSide = new Set<Socket>();
  const all = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = tcpConnect(port, '127.0.0.1');
    for (const s of [client, upstream]) {
      all.add(s);
      s.on('error', () => undefined);
      s.on('close', () => all.delete(s));
    }
    browserSide.add(client);
    client.on('close', () => browserSide.delete(client));
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const relayPort = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${relayPort}`,
    drop: () => {
      for (const s of browserSide) {
        s.unpipe();
        s.destroy();
      }
    },
    close: async () => {
      for (const s of all) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Markdown → the text a reader sees, without spaces and emphasis stars (line breaks and list markers vary). */
const visible = (markdown: string): string =>
  markdown
    .replace(/^\s{0,3}(?:[-*•]|\d{1,3}[.)]|#{1,6})\s+/gm, '')
    .replace(/[\s*]+/g, '');

describe('widget on the demo page, against the real server', () => {
  let dir: string;
  let indexPath: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const frames: Frame[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    await ensureWidgetBuilt();
    dir = mkdtempSync(join(tmpdir(), 'rapporteur-widget-e2e-'));
    indexPath = join(dir, 'index.json');
    const corpus = await ingestCorpus({ roots: [join(REPO, 'corpus')] });
    await saveArtifact(indexPath, buildArtifact(corpus));
    server = await start(indexPath, 0);
    browser = await launchChromium();
    page = browser.page;
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('websocket', (ws) =>
      ws.on('framereceived', (f) => {
        if (typeof f.payload === 'string') frames.push(JSON.parse(f.payload) as Frame);
      }),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const messages = (): Frame[] => frames.filter((f) => f.type === 'message' || f.type === 'error');

  /** Types a question in the field, sends it with Enter, and waits for the answer's frame and message. */
  async function ask(question: string): Promise<{ frame: Frame; index: number }> {
    const before = messages().length;
    const shown = await page.locator('.msg.bot').count();
    await page.getByLabel('Votre question').fill(question);
    await page.getByLabel('Votre question').press('Enter');
    await expect.poll(() => messages().length, { timeout: 20_000 }).toBeGreaterThan(before);
    await expect.poll(() => page.locator('.msg.bot').count()).toBeGreaterThan(shown);
    return { frame: messages()[before]!, index: shown };
  }

  /** Checks that the widget shows exactly what the server sent, and that its sources are linked. */
  async function expectRendered(frame: Frame, index: number): Promise<void> {
    const bot = page.locator('.msg.bot').nth(index);
    const text = await bot.evaluate((el) =>
      [...el.querySelectorAll('.bubble > :not(.sources)')].map((n) => n.textContent ?? '').join(''),
    );
    expect(text.replace(/[\s*]+/g, '')).toBe(visible(frame.text ?? ''));
    // Emphasis is rendered, not shown as stars.
    expect(text).not.toMatch(/\*\*|(^|\s)\*\S/);
    if (/\*\*\S/.test(frame.text ?? '')) expect(await bot.locator('.bubble strong').count()).toBeGreaterThan(0);
    expect(await bot.getAttribute('lang')).toBe(frame.lang);
    const hrefs = await bot.locator('.sources a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual((frame.sources ?? []).filter((s) => s.url).map((s) => new URL(s.url!, server.url).href));
  }

  it('opens from the keyboard on the demo page, with no serious axe violation while closed', async () => {
    await page.goto(server.url);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(serious(await axeViolations(page))).toEqual([]);
    const launcher = page.getByRole('button', { name: 'Poser une question' });
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    for (let i = 0; i < 20 && (await focusedInWidget(page)) !== 'launcher'; i++) await page.keyboard.press('Tab');
    expect(await focusedInWidget(page)).toBe('launcher');
    await page.keyboard.press('Enter');
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    const dialog = page.getByRole('dialog', { name: 'Assistant documentaire' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.getAttribute('id')).toBe(await launcher.getAttribute('aria-controls'));
    expect(await focusedInWidget(page)).toBe('rw-input');
    // The server greets first; the status says the chat is connected.
    await expect.poll(() => messages().length).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('En ligne');
  });

  it('answers a question about a ministry with cited, linked sources that open the corpus file', async () => {
    const { frame, index } = await ask('Quels défis le ministère de l’Intérieur a-t-il proposés ?');
    expect(frame.type).toBe('message');
    expect(frame.kind).not.toBe('fallback');
    expect(frame.sources?.length).toBeGreaterThan(0);
    expect(JSON.stringify([frame.text, frame.sources])).toMatch(/int[ée]rieur/i);
    await expectRendered(frame, index);
    await page.screenshot({ path: outputPath('widget.png') });

    const link = page.locator('.msg.bot').nth(index).locator('.sources a').first();
    const href = (await link.getAttribute('href'))!;
    expect(href.startsWith(`${server.url}/corpus/`)).toBe(true);
    const [response] = await Promise.all([
      browser.context.waitForEvent('response', (r) => r.url() === href.split('#')[0]),
      link.click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^(text\/plain|application\/pdf)/);
    expect((await response.body()).length).toBeGreaterThan(100);
    for (const other of browser.context.pages()) if (other !== page) await other.close();
  });

  it('follows up on the conversation ("Et pour la Culture ?")', async () => {
    const { frame, index } = await ask('Et pour la Culture ?');
    expect(frame.kind).not.toBe('fallback');
    expect(frame.lang).toBe('fr');
    expect(JSON.stringify([frame.text, frame.sources])).toMatch(/cultur/i);
    await expectRendered(frame, index);
  });

  it('answers an English question in English', async () => {
    const { frame, index } = await ask('Which défis did the Ministry of the Interior propose?');
    expect(frame.lang).toBe('en');
    expect(frame.kind).not.toBe('fallback');
    expect(frame.sources?.length).toBeGreaterThan(0);
    await expectRendered(frame, index);
    expect(await page.locator('.msg.bot').nth(index).getAttribute('lang')).toBe('en');
  });

  it('shows a question containing HTML as text', async () => {
    const { frame, index } = await ask(`Que dit ${HOSTILE} ?`);
    expect(await page.locator('.msg.user').last().textContent()).toContain(`Que dit ${HOSTILE} ?`);
    if (frame.type === 'message') await expectRendered(frame, index);
    const images = await page.evaluate(
      () => document.querySelectorAll('img').length + document.getElementById('rapporteur-widget')!.shadowRoot!.querySelectorAll('img').length,
    );
    expect(images).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('has no serious axe violation while open, after a conversation', async () => {
    expect(serious(await axeViolations(page))).toEqual([]);
  });

  it('reflows at 320 px wide without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    const sizes = await page.evaluate(() => {
      const root = document.getElementById('rapporteur-widget')!.shadowRoot!;
      const box = (sel: string) => root.querySelector(sel)!.getBoundingClientRect();
      const log = root.querySelector('.log')!;
      return {
        page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
        log: [log.scrollWidth, log.clientWidth],
        panel: [box('.panel').left, box('.panel').right],
        launcher: [box('.launcher').left, box('.launcher').right],
      };
    });
    expect(sizes.page[0]).toBeLessThanOrEqual(sizes.page[1]!);
    expect(sizes.log[0]).toBeLessThanOrEqual(sizes.log[1]!);
    for (const [left, right] of [sizes.panel, sizes.launcher]) {
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(320);
    }
    expect(serious(await axeViolations(page))).toEqual([]);
    await page.screenshot({ path: outputPath('widget-320.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('closes with Escape and gives focus back to the launcher', async () => {
    await page.getByLabel('Votre question').focus();
    await page.keyboard.press('Escape');
    const launcher = page.getByRole('button', { name: 'Poser une question' });
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.panel').isHidden()).toBe(true);
    expect(await focusedInWidget(page)).toBe('launcher');
    await page.keyboard.press('Enter');
    expect(await focusedInWidget(page)).toBe('rw-input');
  });

  it('resumes the conversation after a network drop and after a reload: the follow-up is answered in context', async () => {
    const net = await relay(server.port);
    const tab = await browser.context.newPage();
    const seen: Frame[] = [];
    tab.on('websocket', (ws) =>
      ws.on('framereceived', (f) => {
        if (typeof f.payload === 'string') seen.push(JSON.parse(f.payload) as Frame);
      }),
    );
    const answers = () => seen.filter((f) => f.type === 'message' && f.kind !== 'smalltalk');
    const askHere = async (question: string): Promise<Frame> => {
      const before = answers().length;
      await tab.getByLabel('Votre question').fill(question);
      await tab.getByLabel('Votre question').press('Enter');
      await expect.poll(() => answers().length, { timeout: 20_000 }).toBeGreaterThan(before);
      return answers()[before]!;
    };
    const status = tab.getByRole('status');
    try {
      await tab.goto(net.url);
      await tab.getByRole('button', { name: 'Poser une question' }).click();
      await expect.poll(() => status.textContent()).toBe('En ligne');
      expect((await askHere('Quels défis le ministère de l’Intérieur a-t-il proposés ?')).intent).toBe('defis_by_administration');

      net.drop();
      await expect.poll(() => status.textContent()).toContain('Hors ligne');
      await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe('En ligne');
      // Without its context this question is a plain retrieval; in context it names the Culture's défis.
      const follow = await askHere('Et pour la Culture ?');
      expect(follow).toMatchObject({ kind: 'rule', intent: 'defis_by_administration' });
      expect(follow.text).toMatch(/Culture/);
      expect(follow.sources?.length).toBeGreaterThan(0);

      // A reload of the same tab resumes too (the token is in sessionStorage).
      await tab.reload();
      await tab.getByRole('button', { name: 'Poser une question' }).click();
      await expect.poll(() => status.textContent()).toBe('En ligne');
      const again = await askHere('Et pour l’Intérieur ?');
      expect(again).toMatchObject({ kind: 'rule', intent: 'defis_by_administration' });
      expect(again.text).toMatch(/Intérieur/);
    } finally {
      await tab.close();
      await net.close();
    }
  });

  it('shows an offline state when the server goes away and recovers when it is back', async () => {
    const status = page.getByRole('status');
    const port = server.port;
    await server.close();
    await expect.poll(() => status.textContent()).toContain('Hors ligne');
    await page.getByLabel('Votre question').fill('Quels défis le ministère de l’Intérieur a-t-il proposés ?');
    await page.getByLabel('Votre question').press('Enter');
    expect(await page.locator('.msg.user.is-pending').count()).toBe(1);

    const before = messages().length;
    server = await start(indexPath, port);
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe('En ligne');
    // welcome_back's greeting, then the queued question's answer.
    await expect.poll(() => messages().slice(before).filter((f) => (f.sources?.length ?? 0) > 0).length, { timeout: 20_000 }).toBe(1);
    expect(await page.locator('.msg.user.is-pending').count()).toBe(0);
    // The restarted server did not know the widget's token: a fresh conversation with a new one.
    const sessions = frames.flatMap((f) => (f.session ? [f.session] : []));
    expect(sessions.at(-1)?.resumed).toBe(false);
    expect(sessions.at(-1)?.token).not.toBe(sessions.at(-2)?.token);
  });
});
