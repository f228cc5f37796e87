/**
 * The chat socket at `/ws`, speaking Botkit web-chat messages.
 *
 * Conversations and their ids live here, on the server: a client-sent `user`
 * is ignored, so no visitor can reach another's replies. A conversation may
 * outlive its socket: the client gets a resume token (`session` on the welcome) and
 * presents it after a reconnection (see chat-sessions.ts). Limits (origin,
 * connection counts, message size and rate) refuse or close only the
 * offending client.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Lang } from '../bot/types.js';
import { ask } from './ask.js';
import type { BotHolder } from './bot-holder.js';
import { answerFrame, answerMessage, chatError, welcomeMessage, type ChatSession } from './chat-messages.js';
import { ChatConversations, type ChatConversation } from './chat-sessions.js';
import { TokenBucket, type RateLimit } from './limits.js';
import type { Logger, UnansweredLog } from './logging.js';
import type { SessionStoreOptions } from './sessions.js';
import { checkQuestion, isLang } from './validation.js';
import { Admission, clientKey } from './ws-admission.js';
import { safeSend, TYPING } from './ws-send.js';

export { safeSend };

export const WS_PATH = '/ws';

/** Close code of a socket whose conversation was resumed by another socket. */
export const CLOSE_TAKEN_OVER = 4000;

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
  /** Most sockets open at once from one remote address (0: no per-client cap). */
  maxConnectionsPerClient: number;
  /** Allowed page origins besides the server's own; `*` allows any. */
  allowedOrigins: readonly string[];
  heartbeatMs: number;
  /** Most answers remembered per bot (0 disables). */
  answerCacheSize: number;
  /** Bound and idle time of resumable conversations. */
  conversations?: SessionStoreOptions;
}

/** One socket: its limits and the conversation it reads (none before its first greeting or question). */
interface Link {
  lang: Lang;
  bucket: TokenBucket;
  strikes: number;
  alive: boolean;
  messages: number;
  opened: number;
  conversation: ChatConversation<WebSocket> | undefined;
  /** The conversation's token still has to reach the client (it asked without greeting). */
  announce: boolean;
}

const refuse = (socket: Duplex, status: number, reason: string): void => {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

export class ChatServer {
  private readonly wss: WebSocketServer;
  private readonly links = new Map<WebSocket, Link>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly admission: Admission;
  private readonly chats: ChatConversations<WebSocket>;

  constructor(private readonly options: ChatOptions) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload, perMessageDeflate: false });
    this.admission = new Admission({
      maxConnections: options.maxConnections,
      maxPerClient: options.maxConnectionsPerClient,
      allowedOrigins: options.allowedOrigins,
    });
    this.chats = new ChatConversations(options.conversations);
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs);
    this.heartbeat.unref();
  }

  get connections(): number {
    return this.links.size;
  }

  /** Conversations kept for resumption (live and waiting). */
  get conversations(): number {
    return this.chats.size;
  }

  /** Handles the HTTP server's `upgrade` event. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => {}); // a reset during the handshake must not crash the server
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== WS_PATH) return refuse(socket, 404, 'Not Found');
    if (!this.admission.originAllowed(req)) {
      this.options.logger.log('ws_refused', { reason: 'origin' });
      return refuse(socket, 403, 'Forbidden');
    }
    const queryLang = url.searchParams.get('lang');
    const key = clientKey(req.socket.remoteAddress);
    // Counted after the handshake, so that a refused client gets a close code and a reason it can show.
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const admitted = this.admission.admit(key);
      if (!admitted.ok) {
        this.options.logger.log('ws_refused', { reason: admitted.refusal.log });
        ws.close(admitted.refusal.code, admitted.refusal.reason);
        return;
      }
      ws.once('close', admitted.release);
      this.open(ws, isLang(queryLang) ? queryLang : 'fr');
    });
  }

  private open(ws: WebSocket, lang: Lang): void {
    const link: Link = {
      lang,
      bucket: new TokenBucket(this.options.messageRate),
      strikes: 0,
      alive: true,
      messages: 0,
      opened: Date.now(),
      conversation: undefined,
      announce: false,
    };
    this.links.set(ws, link);
    ws.on('pong', () => (link.alive = true));
    ws.on('error', (err) => this.options.logger.log('ws_error', { message: err.message }));
    ws.on('close', (code) => {
      this.links.delete(ws);
      if (link.conversation) this.chats.release(link.conversation, ws);
      this.options.logger.log('ws_close', { code, messages: link.messages, seconds: Math.round((Date.now() - link.opened) / 1000) });
    });
    ws.on('message', (data, isBinary) => this.receive(ws, link, data, isBinary));
    this.options.logger.log('ws_open', { connections: this.links.size });
  }

  private receive(ws: WebSocket, link: Link, data: WebSocket.RawData, isBinary: boolean): void {
    if (!link.bucket.take()) {
      link.strikes++;
      if (link.strikes >= this.options.maxStrikes) {
        this.options.logger.log('ws_abuse', { reason: 'rate' });
        ws.close(1008, 'message rate exceeded');
      } else {
        safeSend(ws, chatError('rate_limited', link.lang));
      }
      return;
    }
    link.strikes = 0;
    link.messages++;
    if (isBinary) return void safeSend(ws, chatError('bad_message', link.lang));
    let message: unknown;
    try {
      message = JSON.parse(data.toString());
    } catch {
      return void safeSend(ws, chatError('invalid_json', link.lang));
    }
    if (!message || typeof message !== 'object' || Array.isArray(message)) {
      return void safeSend(ws, chatError('bad_message', link.lang));
    }
    const { type, text, lang, token } = message as Record<string, unknown>;
    if (isLang(lang)) link.lang = lang;
    if (type === 'hello' || type === 'welcome_back') return this.greet(ws, link, type === 'welcome_back', token);
    if (type !== 'message') {
      return void safeSend(ws, chatError(typeof type === 'string' ? 'unsupported_type' : 'bad_message', link.lang));
    }
    const question = checkQuestion(text, 'text');
    if (!question.ok) return void safeSend(ws, chatError('bad_request', link.lang, question.error.message));
    // A client that asks without greeting first still gets a conversation; its token comes with the answer.
    let conversation = link.conversation;
    if (!conversation) {
      conversation = this.startConversation(ws, link, false);
      link.announce = true;
    }
    safeSend(ws, TYPING);
    // Answer on the next turn of the event loop so that many sockets are served fairly.
    setImmediate(() => this.answer(ws, link, conversation, question.value, isLang(lang) ? lang : undefined));
  }

  /** `hello` / `welcome_back`: resumes the presented token's conversation if it may, then greets with the token. */
  private greet(ws: WebSocket, link: Link, back: boolean, token: unknown): void {
    const bound = token === undefined ? undefined : this.chats.resume(token, ws);
    if (bound) {
      if (link.conversation && link.conversation !== bound.conversation) this.chats.release(link.conversation, ws);
      link.conversation = bound.conversation;
      if (bound.displaced) this.displace(bound.displaced);
      this.options.logger.log('ws_session', { resumed: true, takeover: bound.displaced !== undefined });
    } else if (!link.conversation) {
      // Unknown, expired or forged tokens start afresh: a client-chosen id is never adopted.
      this.startConversation(ws, link, token !== undefined);
    }
    link.announce = false;
    const session: ChatSession = { token: link.conversation!.token, resumed: bound !== undefined };
    safeSend(ws, { ...welcomeMessage(this.options.holder.current?.bot, link.lang, back), session });
  }

  private startConversation(ws: WebSocket, link: Link, refused: boolean): ChatConversation<WebSocket> {
    const conversation = this.chats.create(ws);
    link.conversation = conversation;
    this.options.logger.log('ws_session', { resumed: false, ...(refused ? { tokenRefused: true } : {}) });
    return conversation;
  }

  /** The conversation moved to another socket: this one must not read it any more. */
  private displace(old: WebSocket): void {
    const link = this.links.get(old);
    if (link) link.conversation = undefined;
    old.close(CLOSE_TAKEN_OVER, 'conversation resumed on another connection');
  }

  private answer(ws: WebSocket, link: Link, conversation: ChatConversation<WebSocket>, question: string, lang: Lang | undefined): void {
    // Closed, or its conversation taken over meanwhile: the question is dropped, not answered elsewhere.
    if (ws.readyState !== WebSocket.OPEN || conversation.owner !== ws) return;
    const inService = this.options.holder.current; // read once: a reload does not affect this answer
    if (!inService) return void safeSend(ws, chatError('not_ready', link.lang));
    try {
      const asked = ask(this.options, inService.bot, question, conversation.session, lang ? { lang } : {});
      this.chats.touch(conversation);
      link.lang = asked.answer.lang;
      if (link.announce && link.conversation === conversation) {
        link.announce = false;
        safeSend(ws, { ...answerMessage(asked.answer), session: { token: conversation.token, resumed: false } });
      } else {
        safeSend(ws, answerFrame(asked.answer));
      }
      this.options.logger.log('answer', { channel: 'ws', ...asked.fields });
    } catch (err) {
      this.options.logger.log('error', { channel: 'ws', message: err instanceof Error ? err.message : String(err) });
      safeSend(ws, chatError('internal_error', link.lang));
    }
  }

  /** Drops sockets that did not answer the previous ping. */
  private beat(): void {
    for (const [ws, link] of this.links) {
      if (!link.alive) {
        ws.terminate();
        continue;
      }
      link.alive = false;
      try {
        ws.ping();
      } catch {
        // closing socket: the next beat terminates it
      }
    }
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const ws of this.links.keys()) ws.close(1001, 'server shutting down');
    const closed = new Promise<void>((resolve) => this.wss.close(() => resolve()));
    // Give clients a moment to finish the closing handshake, then cut the rest.
    const grace = new Promise<void>((resolve) => setTimeout(resolve, 500).unref());
    await Promise.race([closed, grace]);
    for (const ws of this.wss.clients) ws.terminate();
    await closed;
  }
}
