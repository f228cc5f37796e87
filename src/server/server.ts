/**
 * `startServer`: one HTTP server carrying the express app and the chat
 * socket, over a bot loaded (and hot-reloaded) from an index artifact.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { BotHolder, type BotLoader, type ReloadResult } from './bot-holder.js';
import type { RateLimit } from './limits.js';
import { Logger, UnansweredLog } from './logging.js';
import { SessionStore, type SessionStoreOptions } from './sessions.js';
import { warmUp, type WarmUpOptions } from './warm-up.js';
import { ChatServer } from './ws-chat.js';

export interface ServerOptions {
  indexPath: string;
  /** Builds a bot from an artifact path (see `loadBot` in load-bot.ts). */
  loader: BotLoader;
  widgetDir: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 3000; 0 picks a free port. */
  port?: number;
  version?: string;
  corsOrigins?: readonly string[];
  wsOrigins?: readonly string[];
  adminToken?: string;
  logger?: Logger;
  /** Reload when the artifact file changes (default true). */
  watch?: boolean;
  watchDebounceMs?: number;
  /** Per-client HTTP answer rate; null disables (default 20/s, burst 40). */
  httpRateLimit?: RateLimit | null;
  ws?: {
    maxPayload?: number;
    messageRate?: RateLimit;
    maxStrikes?: number;
    maxConnections?: number;
    /** Most sockets from one remote address (default 50; 0 disables: behind a proxy, cap there). */
    maxConnectionsPerClient?: number;
    heartbeatMs?: number;
  };
  /** Bound and idle time of the conversations of each channel (HTTP sessions, chat-socket conversations). */
  sessions?: SessionStoreOptions;
  /** Answers remembered per bot for identical questions in identical states (default 5000; 0 disables). */
  answerCacheSize?: number;
  trustProxy?: boolean | number | string;
  /** Warm each new bot with questions drawn from its corpus (default on; false disables). */
  warmUp?: WarmUpOptions | false;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Resolves once the first index load has been tried (check `holder.state`). */
  ready: Promise<ReloadResult>;
  holder: BotHolder;
  chat: ChatServer;
  close(): Promise<void>;
}

export const DEFAULT_LIMITS = {
  httpRateLimit: { capacity: 40, refillPerSecond: 20 },
  // A question is at most 1,000 characters; 4 bytes each plus JSON fits in 8 KB.
  maxPayload: 8 * 1024,
  messageRate: { capacity: 10, refillPerSecond: 2 },
  maxStrikes: 10,
  maxConnections: 2000,
  maxConnectionsPerClient: 50,
  heartbeatMs: 30_000,
  answerCacheSize: 5000,
} as const;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const logger = options.logger ?? new Logger();
  const warm = options.warmUp === false ? undefined : options.warmUp ?? {};
  const holder = new BotHolder(
    options.indexPath,
    options.loader,
    logger,
    warm && ((loaded, signal) => warmUp(loaded.bot, loaded.corpus, { ...warm, signal })),
  );
  const unanswered = new UnansweredLog();
  const app = createApp({
    holder,
    logger,
    unanswered,
    sessions: new SessionStore(options.sessions),
    version: options.version ?? '0.0.0',
    corsOrigins: options.corsOrigins ?? [],
    adminToken: options.adminToken || undefined,
    answerCacheSize: options.answerCacheSize ?? DEFAULT_LIMITS.answerCacheSize,
    httpRateLimit: options.httpRateLimit === undefined ? DEFAULT_LIMITS.httpRateLimit : options.httpRateLimit,
    widgetDir: options.widgetDir,
    trustProxy: options.trustProxy,
  });
  const ws = options.ws ?? {};
  const chat = new ChatServer({
    holder,
    logger,
    unanswered,
    maxPayload: ws.maxPayload ?? DEFAULT_LIMITS.maxPayload,
    messageRate: ws.messageRate ?? DEFAULT_LIMITS.messageRate,
    maxStrikes: ws.maxStrikes ?? DEFAULT_LIMITS.maxStrikes,
    maxConnections: ws.maxConnections ?? DEFAULT_LIMITS.maxConnections,
    maxConnectionsPerClient: ws.maxConnectionsPerClient ?? DEFAULT_LIMITS.maxConnectionsPerClient,
    conversations: options.sessions,
    allowedOrigins: options.wsOrigins ?? [],
    heartbeatMs: ws.heartbeatMs ?? DEFAULT_LIMITS.heartbeatMs,
    answerCacheSize: options.answerCacheSize ?? DEFAULT_LIMITS.answerCacheSize,
  });

  const server = createServer(app);
  server.on('upgrade', (req, socket, head) => chat.handleUpgrade(req, socket, head));
  // Slow clients must not hold sockets forever.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.log('listening', { url });

  const ready = holder.reload(true).then((result) => {
    if (options.watch !== false) holder.watch(options.watchDebounceMs);
    if (result.ok) logger.log('ready', { url, ms: result.ms });
    return result;
  });

  return {
    url,
    port: address.port,
    ready,
    holder,
    chat,
    async close() {
      holder.close();
      await chat.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
