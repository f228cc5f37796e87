/** Sending on the chat socket without ever throwing, and without buffering for a client that does not read. */
import { WebSocket } from 'ws';
import type { ChatError, ChatMessage } from './chat-messages.js';

type Frame = ChatMessage | ChatError | { type: 'typing' };

/** Past this much unsent data the client is not reading: drop it rather than buffer without bound. */
const MAX_BUFFERED_BYTES = 1 << 20;
export const TYPING = JSON.stringify({ type: 'typing' });

/** Sends if the socket is open; never throws (a socket may close at any time). */
export function safeSend(ws: WebSocket, message: Frame | string): boolean {
  if (ws.readyState !== WebSocket.OPEN) return false;
  if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
    ws.terminate();
    return false;
  }
  try {
    ws.send(typeof message === 'string' ? message : JSON.stringify(message), () => {});
    return true;
  } catch {
    return false;
  }
}

