/** Test harness: a server over the fake bot in a temp dir, an HTTP helper and a socket client. */
import { mkdtempSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket, type ClientOptions } from 'ws';
import type { BotLoader } from '../../src/server/bot-holder.js';
import { Logger } from '../../src/server/logging.js';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/server.js';
import { fakeLoader, type FakeArtifact } from './fake-bot.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const widgetDir = join(repoRoot, 'web-widget');

export interface TestServer {
  server: RunningServer;
  url: string;
  wsUrl: string;
  dir: string;
  root: string;
  indexPath: string;
  logs: Record<string, unknown>[];
  writeArtifact(tag: string, extra?: Partial<FakeArtifact>): void;
  close(): Promise<void>;
}

/** Writes like saveArtifact: a temp file renamed over the target, so readers never see half a file. */
export function writeAtomic(path: string, text: string): void {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

export async function startFake(
  overrides: Partial<ServerOptions> & { loader?: BotLoader; waitReady?: boolean } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-server-'));
  const root = join(dir, 'corpus');
  mkdirSync(join(root, 'reports'), { recursive: true });
  mkdirSync(join(root, 'articles'), { recursive: true });
  writeFileSync(join(root, 'reports', 'rapport annuel.pdf'), '%PDF-1.4 fake');
  writeFileSync(join(root, 'articles', 'été.txt'), 'Un article.');
  mkdirSync(join(dir, 'data'));
  const indexPath = join(dir, 'data', 'index.json');
  const writeArtifact = (tag: string, extra: Partial<FakeArtifact> = {}) =>
    writeAtomic(
      indexPath,
      JSON.stringify({
        tag,
        builtAt: new Date().toISOString(),
        roots: [root],
        documents: [
          { root: 0, path: 'reports/rapport annuel.pdf', pages: 3, title: 'Rapport' },
          { root: 0, path: 'articles/été.txt', title: 'Été' },
        ],
        ...extra,
      } satisfies FakeArtifact),
    );
  writeArtifact('v1');
  const logs: Record<string, unknown>[] = [];
  const { waitReady = true, ...options } = overrides;
  const server = await startServer({
    indexPath,
    loader: fakeLoader(),
    widgetDir,
    port: 0,
    watch: false,
    // The fake bot counts its answers; tests that want the warm-up turn it on.
    warmUp: false,
    logger: new Logger((line) => logs.push(JSON.parse(line) as Record<string, unknown>)),
    ...options,
  });
  if (waitReady) await server.ready;
  return {
    server,
    url: server.url,
    wsUrl: server.url.replace(/^http/, 'ws') + '/ws',
    dir,
    root,
    indexPath,
    logs,
    writeArtifact,
    close: () => server.close(),
  };
}

export interface HttpResult {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpResult> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export async function getJson(url: string, headers: Record<string, string> = {}): Promise<HttpResult> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export type Frame = Record<string, unknown> & { type: string };

/** A socket client that queues incoming frames and lets a test await them in order. */
export class ChatClient {
  readonly ws: WebSocket;
  readonly frames: Frame[] = [];
  private waiters: (() => void)[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;

  constructor(url: string, options: ClientOptions = {}) {
    this.ws = new WebSocket(url, options);
    this.ws.on('error', () => {});
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      this.ws.once('error', reject);
    });
    this.closed = new Promise((resolve) =>
      this.ws.once('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        this.wake();
      }),
    );
    this.ws.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()) as Frame);
      this.wake();
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next frame of one of these types (earlier frames of other types are dropped). */
  async next(types: string | string[] = ['message', 'error'], timeoutMs = 5000): Promise<Frame> {
    const wanted = Array.isArray(types) ? types : [types];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.frames.findIndex((f) => wanted.includes(f.type));
      if (index >= 0) return this.frames.splice(0, index + 1).pop()!;
      if (this.ws.readyState === WebSocket.CLOSED) throw new Error(`socket closed while waiting for ${wanted.join('|')}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${wanted.join('|')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async ask(text: string, extra: Record<string, unknown> = {}): Promise<Frame> {
    this.send({ type: 'message', text, ...extra });
    return this.next();
  }

  close(): void {
    this.ws.close();
  }
}

export async function connect(url: string, options: ClientOptions = {}): Promise<ChatClient> {
  const client = new ChatClient(url, options);
  await client.opened;
  return client;
}
