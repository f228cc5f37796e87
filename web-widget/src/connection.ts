/**
 * The chat socket: Botkit greeting (`hello` first, `welcome_back` after a
 * reconnection), automatic reconnection with jittered exponential backoff,
 * and a three-state status for the interface.
 *
 * The server's resume token is kept in memory and in the tab's
 * sessionStorage and given back with `welcome_back`, so that the
 * conversation survives a network drop or a reload of the page.
 */
import { backoffDelay } from './backoff.js';
import { encodeClientMessage, isToken, parseServerMessage, type ServerMessage } from './protocol.js';

/** Close code of a socket whose conversation another socket resumed (see docs/server.md). */
const CLOSE_TAKEN_OVER = 4000;

/** sessionStorage may be missing or throw (storage disabled, sandboxed frames): memory still works. */
function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

export type ConnectionState = 'connecting' | 'online' | 'offline';

export interface ConnectionEvents {
  onMessage: (msg: ServerMessage) => void;
  onState: (state: ConnectionState) => void;
}

export class Connection {
  private ws: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private greeted = false;
  private started = false;
  private token: string | undefined;
  private readonly storageKey: string;
  state: ConnectionState = 'offline';

  constructor(
    private readonly url: string,
    private readonly events: ConnectionEvents,
  ) {
    this.storageKey = `rapporteur-chat:${url}`;
    try {
      const stored = storage()?.getItem(this.storageKey);
      if (isToken(stored)) this.token = stored;
    } catch {
      // unreadable storage: start a new conversation
    }
  }

  private setToken(token: string | undefined): void {
    this.token = token;
    try {
      if (token) storage()?.setItem(this.storageKey, token);
      else storage()?.removeItem(this.storageKey);
    } catch {
      // full or disabled storage: the token lives in memory only
    }
  }

  /** Opens the socket once; later calls are no-ops. */
  start(): void {
    if (this.started) return;
    this.started = true;
    // The browser knows before we do when the network comes back.
    window.addEventListener('online', () => this.retryNow());
    this.setState('connecting');
    this.open();
  }

  /** Sends a question; `false` when offline (the caller queues it). */
  send(text: string): boolean {
    if (this.state !== 'online' || !this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(encodeClientMessage({ type: 'message', text }));
    return true;
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    this.events.onState(state);
  }

  private open(): void {
    this.timer = undefined;
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      // A known token resumes the conversation; the server starts a new one if it has forgotten it.
      ws.send(encodeClientMessage(this.token ? { type: 'welcome_back', token: this.token } : { type: this.greeted ? 'welcome_back' : 'hello' }));
      this.greeted = true;
      this.setState('online');
    };
    ws.onmessage = (event: MessageEvent) => {
      if (typeof event.data !== 'string') return;
      const msg = parseServerMessage(event.data);
      if (msg?.type === 'message' && msg.token) this.setToken(msg.token);
      if (msg) this.events.onMessage(msg);
    };
    ws.onclose = (event: CloseEvent) => {
      if (this.ws !== ws) return;
      // Another tab or socket took this conversation over: start our own rather than take it back.
      if (event.code === CLOSE_TAKEN_OVER) this.setToken(undefined);
      this.ws = null;
      this.setState('offline');
      this.scheduleRetry();
    };
    // An error is always followed by a close event, which does the work.
    ws.onerror = () => undefined;
  }

  private scheduleRetry(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => this.open(), backoffDelay(this.attempt++));
  }

  private retryNow(): void {
    if (this.ws || this.timer === undefined) return;
    clearTimeout(this.timer);
    this.attempt = 0;
    this.open();
  }
}
