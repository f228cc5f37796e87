/**
 * The widget in Chromium against a scripted chat socket (playwright's
 * WebSocket routing): hostile answer content stays text, links are filtered,
 * the live region gets each message once, quick replies work from the
 * keyboard, and the connection goes offline, queues and recovers.
 * The page and bundle are served from disk at a fake origin.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleMessage, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWidgetBuilt, launchChromium, WIDGET_DIR, focusedInWidget, type Browser } from './chromium.js';

const ORIGIN = 'http://widget.test';
const HOSTILE = '<img src=x onerror=alert(1)>';

interface Mock {
  received: Record<string, unknown>[];
  sockets: WebSocketRoute[];
  /** While true, connection attempts are closed at once (server unreachable). */
  down: boolean;
  reply: (text: string, ws: WebSocketRoute) => void;
}

interface PageOptions {
  lang?: string;
  headers?: Record<string, string>;
  /** Serve the demo without its own `<style>`, so that any CSP report is the widget's. */
  noHostStyles?: boolean;
}

async function setup(page: Page, { lang = 'fr', headers = {}, noHostStyles = false }: PageOptions = {}): Promise<Mock> {
  const bundle = await ensureWidgetBuilt();
  let demo = readFileSync(join(WIDGET_DIR, 'demo.html'), 'utf8').replace('<html lang="fr">', `<html lang="${lang}">`);
  if (noHostStyles) demo = demo.replace(/<style>[\s\S]*?<\/style>/, '');
  await page.unrouteAll();
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/') return route.fulfill({ contentType: 'text/html; charset=utf-8', headers, body: demo });
    if (path === '/widget.js') return route.fulfill({ contentType: 'text/javascript', body: readFileSync(bundle) });
    return route.fulfill({ status: 404, body: 'not found' });
  });
  const mock: Mock = { received: [], sockets: [], down: false, reply: () => undefined };
  await page.routeWebSocket(/\/ws(\?|$)/, (ws) => {
    if (mock.down) return void ws.close({ code: 1011, reason: 'down' });
    mock.sockets.push(ws);
    ws.onMessage((data) => {
      const msg = JSON.parse(String(data)) as Record<string, unknown>;
      mock.received.push({ ...msg, url: ws.url() });
      if (msg.type === 'message') mock.reply(String(msg.text), ws);
    });
  });
  await page.goto(`${ORIGIN}/`);
  return mock;
}

const send = (ws: WebSocketRoute, msg: object): void => ws.send(JSON.stringify(msg));

describe('widget rendering and connection (scripted socket)', () => {
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    page = browser.page;
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  afterAll(async () => browser?.close());

  it('shows hostile answer text as text, renders light Markdown, keeps only safe links', async () => {
    const mock = await setup(page);
    mock.reply = (_text, ws) => {
      send(ws, { type: 'typing' });
      send(ws, {
        type: 'message',
        text: `Voici ${HOSTILE} et **gras**\n\n- <script>alert(2)</script>\n- second\n\n[lien](javascript:alert(3))`,
        lang: 'fr',
        kind: 'rule',
        quick_replies: [{ title: HOSTILE, payload: 'x' }],
        sources: [
          { id: '1', title: HOSTILE, path: 'a', url: 'javascript:alert(5)', snippet: '<b>gras</b>' },
          { id: '2', title: 'Rapport', path: 'r.pdf', page: 3, url: '/corpus/r%20x.pdf#page=3', snippet: 'Extrait.' },
          { id: '3', title: 'Externe', path: 'e', url: 'https://example.org/e.pdf', snippet: '' },
          { id: '4', title: 'Relatif', path: 'p', url: '//evil.example/corpus/x', snippet: '' },
          { id: '5', title: 'Remonte', path: 'q', url: '/corpus/../api/admin/reload', snippet: '' },
        ],
      });
    };
    await page.getByRole('button', { name: 'Poser une question' }).click();
    await page.getByLabel('Votre question').fill(HOSTILE);
    await page.keyboard.press('Enter');
    const bot = page.locator('.msg.bot').last();
    await bot.locator('.sources').waitFor();

    expect(mock.received[0]?.type).toBe('hello');
    expect(mock.received[1]).toMatchObject({ type: 'message', text: HOSTILE });
    expect(await page.locator('.msg.user').last().textContent()).toContain(HOSTILE);
    const tags = await page.evaluate(() => {
      const root = document.getElementById('rapporteur-widget')!.shadowRoot!;
      return [...root.querySelectorAll('img, script, b, iframe'), ...document.querySelectorAll('img, iframe')].map((e) => e.tagName);
    });
    expect(tags).toEqual([]);
    expect(await bot.locator('.bubble > p').first().textContent()).toBe(`Voici ${HOSTILE} et gras`);
    expect(await bot.locator('.bubble > p strong').textContent()).toBe('gras');
    expect(await bot.locator('.bubble > ul > li').allTextContents()).toEqual(['<script>alert(2)</script>', 'second']);
    expect(await bot.locator('.sources li').count()).toBe(5);
    const hrefs = await bot.locator('.sources a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual([`${ORIGIN}/corpus/r%20x.pdf#page=3`, 'https://example.org/e.pdf']);
    expect(await bot.locator('.sources li').nth(1).textContent()).toContain('page 3');
    expect(await page.locator('.quick button').textContent()).toBe(HOSTILE);
    expect(dialogs).toEqual([]);
  });

  it('appends each message to the log once; the typing indicator stays out of live regions', async () => {
    const mock = await setup(page);
    let release: (() => void) | undefined;
    mock.reply = (text, ws) => {
      send(ws, { type: 'typing' });
      release = () => send(ws, { type: 'message', text: `Réponse : ${text}`, quick_replies: [], sources: [], lang: 'fr', kind: 'rule' });
    };
    await page.getByRole('button', { name: 'Poser une question' }).focus();
    await page.keyboard.press('Enter');
    expect(await focusedInWidget(page)).toBe('rw-input');
    await page.locator('.log').evaluate((log) => {
      const w = window as unknown as { logMutations: string[] };
      w.logMutations = [];
      new MutationObserver((records) => {
        for (const r of records) w.logMutations.push(`${r.type}:${r.addedNodes.length}:${r.target === log ? 'log' : 'inner'}`);
      }).observe(log, { childList: true, subtree: true, characterData: true, attributes: true });
    });
    await page.keyboard.type('Une question');
    await page.keyboard.press('Enter');
    const typing = page.locator('.typing');
    await typing.waitFor({ state: 'visible' });
    expect(await typing.evaluate((el) => el.closest('[aria-live], [role=log], [role=status]'))).toBeNull();
    release?.();
    await page.getByText('Réponse : Une question').waitFor();
    await typing.waitFor({ state: 'hidden' });
    const mutations = await page.evaluate(() => (window as unknown as { logMutations: string[] }).logMutations);
    // One addition for the visitor's message, one for the answer: nothing re-rendered or edited in place.
    expect(mutations).toEqual(['childList:1:log', 'childList:1:log']);
    const log = page.locator('[role=log]');
    expect(await log.getAttribute('aria-live')).toBe('polite');
  });

  it('sends a quick reply chosen with the keyboard and keeps focus in the panel', async () => {
    const mock = await setup(page);
    mock.reply = (text, ws) =>
      send(ws, {
        type: 'message',
        text: `Vu : ${text}`,
        quick_replies: [
          { title: 'Première suite', payload: 'suite 1' },
          { title: 'Deuxième suite', payload: 'suite 2' },
        ],
        sources: [],
        lang: 'fr',
        kind: 'rule',
      });
    await page.getByRole('button', { name: 'Poser une question' }).click();
    await page.keyboard.type('Bonjour');
    await page.keyboard.press('Enter');
    await page.getByText('Vu : Bonjour').waitFor();
    await page.keyboard.press('Shift+Tab'); // from the field back to the last suggestion
    expect(await page.evaluate(() => document.getElementById('rapporteur-widget')!.shadowRoot!.activeElement?.textContent)).toBe('Deuxième suite');
    await page.keyboard.press('Enter');
    await page.getByText('Vu : suite 2').waitFor();
    expect(mock.received.filter((m) => m.type === 'message').map((m) => m.text)).toEqual(['Bonjour', 'suite 2']);
    expect(await page.locator('.msg.user').last().textContent()).toContain('Deuxième suite');
    expect(await focusedInWidget(page)).toBe('rw-input');
  });

  it('shows an offline state, queues questions, and says welcome_back when the socket returns', async () => {
    const mock = await setup(page);
    mock.reply = (text, ws) => send(ws, { type: 'message', text: `Vu : ${text}`, quick_replies: [], sources: [], lang: 'fr', kind: 'rule' });
    await page.getByRole('button', { name: 'Poser une question' }).click();
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toBe('En ligne');

    mock.down = true;
    await mock.sockets[0]!.close({ code: 1001, reason: 'bye' });
    await expect.poll(() => status.textContent()).toContain('Hors ligne');
    expect(await status.getAttribute('class')).toContain('is-offline');
    const input = page.getByLabel('Votre question');
    expect(await input.isEnabled()).toBe(true);
    await input.fill('Question hors ligne');
    await page.keyboard.press('Enter');
    const pending = page.locator('.msg.user.is-pending');
    expect(await pending.textContent()).toContain('en attente d’envoi');

    mock.down = false;
    await page.getByText('Vu : Question hors ligne').waitFor({ timeout: 30_000 });
    expect(await status.textContent()).toBe('En ligne');
    expect(await pending.count()).toBe(0);
    expect(mock.received.map((m) => m.type)).toEqual(['hello', 'welcome_back', 'message']);
    expect(mock.received.every((m) => String(m.url).endsWith('/ws?lang=fr'))).toBe(true);
  });

  it('gives the server-issued token back on reconnection and after a reload, and forgets it when taken over', async () => {
    const TOKEN = 'Tk3n_-abcdefghijklmnopq';
    const mock = await setup(page);
    const status = page.getByRole('status');
    const launcher = page.getByRole('button', { name: 'Poser une question' });
    try {
      await launcher.click();
      await expect.poll(() => status.textContent()).toBe('En ligne');
      const welcome = { type: 'message', text: 'Bienvenue', quick_replies: [], sources: [], lang: 'fr', kind: 'smalltalk' };
      send(mock.sockets[0]!, { ...welcome, session: { token: TOKEN, resumed: false } });
      send(mock.sockets[0]!, { ...welcome, session: { token: '<not a token>' } }); // ignored, not stored
      await expect.poll(() => page.locator('.msg.bot').count()).toBe(2);
      expect(await page.evaluate(() => Object.values(sessionStorage))).toEqual([TOKEN]);

      await mock.sockets[0]!.close({ code: 1006, reason: 'network' });
      await expect.poll(() => mock.received.length, { timeout: 30_000 }).toBe(2);
      expect(mock.received[1]).toMatchObject({ type: 'welcome_back', token: TOKEN });

      await page.reload();
      await launcher.click();
      await expect.poll(() => mock.received.length).toBe(3);
      expect(mock.received[2]).toMatchObject({ type: 'welcome_back', token: TOKEN });

      // Another socket resumed this conversation: start a new one rather than take it back.
      await mock.sockets.at(-1)!.close({ code: 4000, reason: 'conversation resumed on another connection' });
      await expect.poll(() => mock.received.length, { timeout: 30_000 }).toBe(4);
      expect(mock.received[3]).toEqual({ type: 'welcome_back', url: expect.any(String) });
      expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    } finally {
      await page.evaluate(() => sessionStorage.clear());
    }
  });

  it('is not restyled by the host page, and honours reduced motion', async () => {
    await setup(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const launcher = page.getByRole('button', { name: 'Poser une question' });
    // demo.html styles every button red, upper-case and letter-spaced, and shrinks the root font to 10 px.
    expect(await launcher.evaluate((b) => {
      const c = getComputedStyle(b);
      return [c.backgroundColor, c.textTransform, c.letterSpacing, parseFloat(c.fontSize) >= 16];
    })).toEqual(['rgb(0, 0, 145)', 'none', 'normal', true]);
    await launcher.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('.panel').evaluate((p) => getComputedStyle(p).animationName)).toBe('none');
    await page.keyboard.press('Tab'); // to the send button
    await page.keyboard.press('Tab'); // out of the panel, to the launcher below it
    expect(await focusedInWidget(page)).toBe('launcher');
    await page.keyboard.press('Escape');
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('works under a strict Content-Security-Policy with Trusted Types enforced', async () => {
    const violations: string[] = [];
    const onConsole = (m: ConsoleMessage) => {
      if (/Content.Security.Policy|TrustedHTML|Trusted Type/i.test(m.text())) violations.push(m.text());
    };
    const onError = (e: Error) => violations.push(e.message); // e.g. a TrustedHTML assignment throwing
    page.on('console', onConsole);
    page.on('pageerror', onError);
    const csp = `default-src 'none'; script-src ${ORIGIN}; connect-src ws://widget.test; style-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'`;
    const mock = await setup(page, { headers: { 'Content-Security-Policy': csp }, noHostStyles: true });
    mock.reply = (text, ws) =>
      send(ws, { type: 'message', text: `**Vu** : ${text}`, quick_replies: [{ title: 'Suite', payload: 'Suite' }], sources: [], lang: 'fr', kind: 'rule' });
    const launcher = page.getByRole('button', { name: 'Poser une question' });
    expect(await launcher.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(0, 0, 145)');
    await launcher.click();
    await page.getByLabel('Votre question').fill(HOSTILE);
    await page.keyboard.press('Enter');
    await page.locator('.msg.bot').getByText(`: ${HOSTILE}`).waitFor();
    expect(await page.locator('.msg.bot strong').last().textContent()).toBe('Vu');
    page.off('console', onConsole);
    page.off('pageerror', onError);
    expect(violations).toEqual([]);
  });

  it('speaks English on an English page', async () => {
    const mock = await setup(page, { lang: 'en' });
    await page.getByRole('button', { name: 'Ask a question' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Online');
    expect(await page.getByLabel('Your question').isVisible()).toBe(true);
    expect(await page.getByRole('dialog', { name: 'Document assistant' }).isVisible()).toBe(true);
    expect(String(mock.received[0]?.url)).toMatch(/\/ws\?lang=en$/);
  });
});
