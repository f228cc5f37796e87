/**
 * The chat socket at `/ws`, speaking Botkit web-chat messages.
 *
 * Each connection is one conversation whose id and session live here, on the
 * server: a client-sent `user` is ignored, so no visitor can reach another's
 * replies. Limits (origin, connection count, message size and rate) refuse or
 * close only the offending client.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { WebSocket, WebSocketServer } from 'ws';
import { newSession, type Lang, type Session } from '../bot/types.js';
import { ask } from './ask.js';
import type { BotHolder } from './bot-holder.js';
import { answerMessage, chatError, welcomeMessage, type ChatError, type ChatMessage } from './chat-messages.js';
import { TokenBucket, type RateLimit } from './limits.js';
import type { Logger, UnansweredLog } from './logging.js';
import { checkQuestion, isLang } from './validation.js';

export const WS_PATH = '/ws';

export interface ChatOptions {
  holder: BotHolder;
  logger: Logger;
  unanswered: UnansweredLog;
  /** Largest accepted frame in bytes; bigger ones close the socket with 1009. */
  maxPayload: number;
  /** Per-connection message rate. */
  messageRate: RateLimit;
  /** Consecutive rate-limited messages after which the socket is closed with 1008. */
  maxStrikes: number;
  maxConnections: number;
  /** Allowed page origins besides the server's own; `*` allows any. */
  allowedOrigins: readonly string[];
  heartbeatMs: number;
  /** Most answers remembered per bot (0 disables). */
  answerCacheSize: number;
}

interface Conversation {
  id: string;
  session: Session;
  lang: Lang;
  bucket: TokenBucket;
  strikes: number;
  alive: boolean;
  messages: number;
  opened: number;
}

/** Past this much unsent data the client is not reading: drop it rather than buffer without bound. */
const MAX_BUFFERED_BYTES = 1 << 20;

/** Sends if the socket is open; never throws (a socket may close at any time). */
export function safeSend(ws: WebSocket, message: ChatMessage | ChatError | { type: 'typing' }): boolean {
  if (ws.readyState !== WebSocket.OPEN) return false;
  if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
    ws.terminate();
    return false;
  }
  try {
    ws.send(JSON.stringify(message), () => {});
    return true;
  } catch {
    return false;
  }
}

const refuse = (socket: Duplex, status: number, reason: string): void => {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

export class ChatServer {
  private readonly wss: WebSocketServer;
  private readonly conversations = new Map<WebSocket, Conversation>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly anyOrigin: boolean;
  private readonly origins: Set<string>;

  constructor(private readonly options: ChatOptions) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload, perMessageDeflate: false });
    this.anyOrigin = options.allowedOrigins.includes('*');
    this.origins = new Set(options.allowedOrigins.map((o) => o.replace(/\/+$/, '').toLowerCase()));
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs);
    this.heartbeat.unref();
  }

  get connections(): number {
    return this.conversations.size;
  }

  /** Handles the HTTP server's `upgrade` event. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => {}); // a reset during the handshake must not crash the server
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== WS_PATH) return refuse(socket, 404, 'Not Found');
    if (!this.originAllowed(req)) {
      this.options.logger.log('ws_refused', { reason: 'origin' });
      return refuse(socket, 403, 'Forbidden');
    }
    const queryLang = url.searchParams.get('lang');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      if (this.conversations.size >= this.options.maxConnections) {
        this.options.logger.log('ws_refused', { reason: 'max_connections' });
        ws.close(1013, 'server busy, try again later');
        return;
      }
      this.open(ws, isLang(queryLang) ? queryLang : 'fr');
    });
  }

  /** Same origin, no Origin header (not a browser), or an allowed origin. */
  private originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined || this.anyOrigin) return true;
    if (this.origins.has(origin.toLowerCase())) return true;
    try {
      return new URL(origin).host.toLowerCase() === (req.headers.host ?? '').toLowerCase();
    } catch {
      return false;
    }
  }

  private open(ws: WebSocket, lang: Lang): void {
    const conversation: Conversation = {
      id: randomUUID(),
      session: newSession(),
      lang,
      bucket: new TokenBucket(this.options.messageRate),
      strikes: 0,
      alive: true,
      messages: 0,
      opened: Date.now(),
    };
    this.conversations.set(ws, conversation);
    ws.on('pong', () => (conversation.alive = true));
    ws.on('error', (err) => this.options.logger.log('ws_error', { message: err.message }));
    ws.on('close', (code) => {
      this.conversations.delete(ws);
      this.options.logger.log('ws_close', { code, messages: conversation.messages, seconds: Math.round((Date.now() - conversation.opened) / 1000) });
    });
    ws.on('message', (data, isBinary) => this.receive(ws, conversation, data, isBinary));
    this.options.logger.log('ws_open', { connections: this.conversations.size });
  }

  private receive(ws: WebSocket, conv: Conversation, data: WebSocket.RawData, isBinary: boolean): void {
    if (!conv.bucket.take()) {
      conv.strikes++;
      if (conv.strikes >= this.options.maxStrikes) {
        this.options.logger.log('ws_abuse', { reason: 'rate' });
        ws.close(1008, 'message rate exceeded');
      } else {
        safeSend(ws, chatError('rate_limited', conv.lang));
      }
      return;
    }
    conv.strikes = 0;
    conv.messages++;
    if (isBinary) return void safeSend(ws, chatError('bad_message', conv.lang));
    let message: unknown;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return void safeSend(ws, chatError('invalid_json', conv.lang));
    }
    if (!message || typeof message !== 'object' || Array.isArray(message)) {
      return void safeSend(ws, chatError('bad_message', conv.lang));
    }
    const { type, text, lang } = message as Record<string, unknown>;
    if (isLang(lang)) conv.lang = lang;
    if (type === 'hello' || type === 'welcome_back') {
      return void safeSend(ws, welcomeMessage(this.options.holder.current?.bot, conv.lang, type === 'welcome_back'));
    }
    if (type !== 'message') {
      return void safeSend(ws, chatError(typeof type === 'string' ? 'unsupported_type' : 'bad_message', conv.lang));
    }
    const question = checkQuestion(text, 'text');
    if (!question.ok) return void safeSend(ws, chatError('bad_request', conv.lang, question.error.message));
    safeSend(ws, { type: 'typing' });
    // Answer on the next turn of the event loop so that many sockets are served fairly.
    setImmediate(() => this.answer(ws, conv, question.value, isLang(lang) ? lang : undefined));
  }

  private answer(ws: WebSocket, conv: Conversation, question: string, lang: Lang | undefined): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    const inService = this.options.holder.current; // read once: a reload does not affect this answer
    if (!inService) return void safeSend(ws, chatError('not_ready', conv.lang));
    try {
      const asked = ask(this.options, inService.bot, question, conv.session, lang ? { lang } : {});
      conv.lang = asked.answer.lang;
      safeSend(ws, answerMessage(asked.answer));
      this.options.logger.log('answer', { channel: 'ws', ...asked.fields });
    } catch (err) {
      this.options.logger.log('error', { channel: 'ws', message: err instanceof Error ? err.message : String(err) });
      safeSend(ws, chatError('internal_error', conv.lang));
    }
  }

  /** Drops sockets that did not answer the previous ping. */
  private beat(): void {
    for (const [ws, conv] of this.conversations) {
      if (!conv.alive) {
        ws.terminate();
        continue;
      }
      conv.alive = false;
      try {
        ws.ping();
      } catch {
        // closing socket: the next beat terminates it
      }
    }
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const ws of this.conversations.keys()) ws.close(1001, 'server shutting down');
    const closed = new Promise<void>((resolve) => this.wss.close(() => resolve()));
    // Give clients a moment to finish the closing handshake, then cut the rest.
    const grace = new Promise<void>((resolve) => setTimeout(resolve, 500).unref());
    await Promise.race([closed, grace]);
    for (const ws of this.wss.clients) ws.terminate();
    await closed;
  }
}
