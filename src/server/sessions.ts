/**
 * Conversations of the HTTP endpoint, keyed by server-assigned ids.
 *
 * Ids are random UUIDs issued here; an id the store does not know (expired,
 * evicted or invented by a client) is never adopted: the caller gets a new
 * one, so nobody can choose or guess their way into another conversation.
 */
import { randomUUID } from 'node:crypto';
import { newSession, type Session } from '../bot/types.js';

export interface SessionStoreOptions {
  /** Most conversations kept; the least recently used goes first. */
  maxSessions?: number;
  /** Idle time after which a conversation is forgotten, in ms. */
  ttlMs?: number;
  now?: () => number;
}

interface Entry {
  session: Session;
  touched: number;
}

export class SessionStore {
  private readonly entries = new Map<string, Entry>();
  private readonly maxSessions: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: SessionStoreOptions = {}) {
    this.maxSessions = options.maxSessions ?? 10_000;
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The conversation for `id` when it is known and alive, else a new one with a new id. */
  resume(id: string | undefined): { id: string; session: Session } {
    if (id !== undefined) {
      const entry = this.entries.get(id);
      if (entry && this.now() - entry.touched <= this.ttlMs) {
        this.entries.delete(id);
        entry.touched = this.now();
        this.entries.set(id, entry);
        return { id, session: entry.session };
      }
      if (entry) this.entries.delete(id);
    }
    return this.create();
  }

  create(): { id: string; session: Session } {
    const id = randomUUID();
    const session = newSession();
    this.put(id, session);
    return { id, session };
  }

  /** Stores the session the bot updated (sessions are plain data and may be replaced). */
  put(id: string, session: Session): void {
    this.entries.delete(id);
    this.evict();
    this.entries.set(id, { session, touched: this.now() });
  }

  /** Drops expired entries, then the least recently used ones above the bound. */
  private evict(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      // Map order is least recently used first: stop at the first fresh entry.
      if (now - entry.touched <= this.ttlMs) break;
      this.entries.delete(id);
    }
    while (this.entries.size >= this.maxSessions) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
