/**
 * The chat socket: Botkit greeting (`hello` first, `welcome_back` after a
 * reconnection), automatic reconnection with jittered exponential backoff,
 * and a three-state status for the interface.
 */
import { backoffDelay } from './backoff.js';
import { encodeClientMessage, parseServerMessage, type ServerMessage } from './protocol.js';

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
  state: ConnectionState = 'offline';

  constructor(
    private readonly url: string,
    private readonly events: ConnectionEvents,
  ) {}

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
      ws.send(encodeClientMessage({ type: this.greeted ? 'welcome_back' : 'hello' }));
      this.greeted = true;
      this.setState('online');
    };
    ws.onmessage = (event: MessageEvent) => {
      if (typeof event.data !== 'string') return;
      const msg = parseServerMessage(event.data);
      if (msg) this.events.onMessage(msg);
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
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
