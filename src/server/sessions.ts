/**
 * Conversations kept on the server, keyed by server-issued tokens: the HTTP
 * endpoint's `sessionId` and the chat socket's resume token.
 *
 * Tokens are 128 random bits issued here; a token the store does not know
 * (expired, evicted or invented by a client) is never adopted: the caller
 * gets a new one, so nobody can choose or guess their way into another
 * conversation. Bounded (least recently used out first) and idle entries expire.
 */
import { randomBytes } from 'node:crypto';
import { newSession, type Session } from '../bot/types.js';

export interface SessionStoreOptions {
  /** Most conversations kept; the least recently used goes first. */
  maxSessions?: number;
  /** Idle time after which a conversation is forgotten, in ms. */
  ttlMs?: number;
  now?: () => number;
}

/** An unguessable token: 16 random bytes, base64url (22 characters). */
export const newToken = (): string => randomBytes(16).toString('base64url');

interface Entry<T> {
  value: T;
  touched: number;
}

/** A bounded, expiring map from issued tokens to values. */
export class TokenStore<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly maxSessions: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: SessionStoreOptions = {}) {
    this.maxSessions = Math.max(1, options.maxSessions ?? 10_000);
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value of a live token (and marks it used), else undefined; never creates. */
  get(token: unknown): T | undefined {
    if (typeof token !== 'string') return undefined;
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    this.entries.delete(token);
    if (this.now() - entry.touched > this.ttlMs) return undefined;
    entry.touched = this.now();
    this.entries.set(token, entry);
    return entry.value;
  }

  /** Stores `value` under a new token. */
  issue(value: T): string {
    const token = newToken();
    this.put(token, value);
    return token;
  }

  /** Stores (or replaces) the value of an issued token and marks it used. */
  put(token: string, value: T): void {
    this.entries.delete(token);
    this.evict();
    this.entries.set(token, { value, touched: this.now() });
  }

  /** Drops expired entries, then the least recently used ones above the bound. */
  private evict(): void {
    const now = this.now();
    for (const [token, entry] of this.entries) {
      // Map order is least recently used first: stop at the first fresh entry.
      if (now - entry.touched <= this.ttlMs) break;
      this.entries.delete(token);
    }
    while (this.entries.size >= this.maxSessions) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

/** The HTTP endpoint's conversations: a bot session per `sessionId`. */
export class SessionStore {
  private readonly store: TokenStore<Session>;

  constructor(options: SessionStoreOptions = {}) {
    this.store = new TokenStore(options);
  }

  get size(): number {
    return this.store.size;
  }

  /** The conversation for `id` when it is known and alive, else a new one with a new id. */
  resume(id: string | undefined): { id: string; session: Session } {
    const session = this.store.get(id);
    return session && id !== undefined ? { id, session } : this.create();
  }

  create(): { id: string; session: Session } {
    const session = newSession();
    return { id: this.store.issue(session), session };
  }

  /** Stores the session the bot updated (sessions are plain data and may be replaced). */
  put(id: string, session: Session): void {
    this.store.put(id, session);
  }
}
