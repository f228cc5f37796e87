/**
 * Conversations of the chat socket, resumable after a reconnection.
 *
 * A conversation starts with a server-issued token, sent to the client once;
 * a client that reconnects presents it (`welcome_back`) to carry on. Only
 * tokens issued here and still alive are honoured, anything else starts a
 * fresh conversation with a new token. A conversation belongs to one socket
 * at a time: a socket presenting its token takes it over, and the previous
 * socket is handed back to the caller to be closed (after a network drop the
 * server may not have noticed yet that the old socket is dead, so refusing
 * the newcomer would break the very reconnection this exists for).
 */
import { newSession, type Session } from '../bot/types.js';
import { newToken, TokenStore, type SessionStoreOptions } from './sessions.js';

export interface ChatConversation<S> {
  readonly token: string;
  session: Session;
  /** The socket reading this conversation, if any. */
  owner: S | undefined;
}

export interface Bound<S> {
  conversation: ChatConversation<S>;
  /** True when an issued token was honoured. */
  resumed: boolean;
  /** The socket that owned the conversation until now (to be closed), if another one. */
  displaced?: S;
}

/** Longest token accepted from a client; longer ones are not looked up. */
export const MAX_TOKEN_CHARS = 100;

export class ChatConversations<S> {
  private readonly store: TokenStore<ChatConversation<S>>;

  constructor(options: SessionStoreOptions = {}) {
    this.store = new TokenStore(options);
  }

  get size(): number {
    return this.store.size;
  }

  /** A new conversation owned by `owner`. */
  create(owner: S): ChatConversation<S> {
    const conversation: ChatConversation<S> = { token: newToken(), session: newSession(), owner };
    this.store.put(conversation.token, conversation);
    return conversation;
  }

  /**
   * The conversation of `token` when it was issued here and is alive, now
   * owned by `owner`; else undefined (the caller starts a fresh one).
   */
  resume(token: unknown, owner: S): Bound<S> | undefined {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS) return undefined;
    const conversation = this.store.get(token);
    if (!conversation) return undefined;
    const previous = conversation.owner;
    conversation.owner = owner;
    return previous !== undefined && previous !== owner
      ? { conversation, resumed: true, displaced: previous }
      : { conversation, resumed: true };
  }

  /** Marks the conversation used (its idle time restarts). */
  touch(conversation: ChatConversation<S>): void {
    this.store.get(conversation.token);
  }

  /** The socket closed: the conversation waits, unowned, for a reconnection. */
  release(conversation: ChatConversation<S>, owner: S): void {
    if (conversation.owner !== owner) return;
    conversation.owner = undefined;
    this.touch(conversation);
  }
}
