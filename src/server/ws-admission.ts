/**
 * Who may open the chat socket: an origin allowlist, a total connection cap
 * and a per-client cap, so that one client cannot take every slot.
 *
 * A client is the remote address of the TCP socket (an IPv6 client by its
 * /64, which one machine usually owns whole). Behind a reverse proxy every
 * client has the proxy's address: cap per client at the proxy instead and
 * set the server's per-client cap to 0 (off).
 */
import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';

export interface AdmissionOptions {
  maxConnections: number;
  /** Most sockets open at once from one client; 0 disables the per-client cap. */
  maxPerClient: number;
  /** Allowed page origins besides the server's own; `*` allows any. */
  allowedOrigins: readonly string[];
}

export type Refusal = { code: number; reason: string; log: string };

/** The key a client's sockets are counted under (never logged). */
export function clientKey(address: string | undefined): string {
  if (!address) return '';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export class Admission {
  private readonly perClient = new Map<string, number>();
  private readonly anyOrigin: boolean;
  private readonly origins: Set<string>;
  private total = 0;

  constructor(private readonly options: AdmissionOptions) {
    this.anyOrigin = options.allowedOrigins.includes('*');
    this.origins = new Set(options.allowedOrigins.map((o) => o.replace(/\/+$/, '').toLowerCase()));
  }

  get connections(): number {
    return this.total;
  }

  /** Same origin, no Origin header (not a browser), or an allowed origin. */
  originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined || this.anyOrigin) return true;
    if (this.origins.has(origin.toLowerCase())) return true;
    try {
      return new URL(origin).host.toLowerCase() === (req.headers.host ?? '').toLowerCase();
    } catch {
      return false;
    }
  }

  /** Counts a new socket of `key`, or says why it is refused; call `release` once when it closes. */
  admit(key: string): { ok: true; release: () => void } | { ok: false; refusal: Refusal } {
    if (this.total >= this.options.maxConnections) {
      return { ok: false, refusal: { code: 1013, reason: 'server busy, try again later', log: 'max_connections' } };
    }
    const mine = this.perClient.get(key) ?? 0;
    if (this.options.maxPerClient > 0 && mine >= this.options.maxPerClient) {
      return { ok: false, refusal: { code: 1008, reason: 'too many connections from your address', log: 'max_per_client' } };
    }
    this.total++;
    this.perClient.set(key, mine + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.total--;
        const left = (this.perClient.get(key) ?? 1) - 1;
        if (left > 0) this.perClient.set(key, left);
        else this.perClient.delete(key);
      },
    };
  }
}
