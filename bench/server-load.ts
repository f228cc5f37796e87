/**
 * The server bench's load clients: chat sockets with a think time, and HTTP
 * clients without one. Latency is taken from the moment a question is sent to
 * the moment its answer frame is read (the `typing` frame in between is not
 * the answer). All sockets connect and are greeted before the measured phase
 * starts, so a connection storm is never counted as answer latency.
 */
import { Agent, request } from 'node:http';
import { WebSocket } from 'ws';

export interface Stats {
  answers: number;
  errors: number;
  latencies: number[];
  errorKinds: Map<string, number>;
}
export const newStats = (): Stats => ({ answers: 0, errors: 0, latencies: [], errorKinds: new Map() });
export const fail = (s: Stats, kind: string): void => {
  s.errors++;
  s.errorKinds.set(kind, (s.errorKinds.get(kind) ?? 0) + 1);
};

export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
export const round1 = (n: number): number => Math.round(n * 10) / 10;

export type Question = (turn: number) => string;

type Frame = { type: string; code?: string };
const REPLY_TIMEOUT_MS = 10_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A greeted chat socket, ready to ask. */
export class ChatClient {
  private waiter: ((frame: Frame | null) => void) | undefined;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      if (frame.type !== 'typing') this.waiter?.(frame);
    });
    ws.on('close', () => this.waiter?.(null));
  }

  /** Opens and greets; undefined (and an error counted) when either fails. */
  static async connect(url: string, stats: Stats): Promise<ChatClient | undefined> {
    const ws = new WebSocket(url);
    ws.on('error', () => {});
    const opened = await new Promise<boolean>((r) => {
      ws.once('open', () => r(true));
      ws.once('error', () => r(false));
    });
    if (!opened) return void fail(stats, 'connect');
    const client = new ChatClient(ws);
    const welcome = client.reply();
    ws.send(JSON.stringify({ type: 'hello' }));
    const frame = await welcome;
    if (!frame || frame === 'timeout' || frame.type !== 'message') {
      ws.terminate();
      return void fail(stats, 'welcome');
    }
    return client;
  }

  private reply(): Promise<Frame | null | 'timeout'> {
    return new Promise((r) => {
      const timer = setTimeout(() => r('timeout'), REPLY_TIMEOUT_MS);
      this.waiter = (frame) => {
        clearTimeout(timer);
        this.waiter = undefined;
        r(frame);
      };
    });
  }

  /** Questions with a think time (uniform in 0.5–1.5 × thinkMs) until the deadline. */
  async run(question: Question, firstTurn: number, thinkMs: number, deadline: number, stats: Stats): Promise<void> {
    let turn = firstTurn;
    // Spread the first questions over one think time so that clients do not ask in lockstep.
    await sleep(Math.random() * thinkMs);
    while (Date.now() < deadline) {
      const reply = this.reply();
      const started = performance.now();
      this.ws.send(JSON.stringify({ type: 'message', text: question(turn++) }));
      const frame = await reply;
      if (frame === 'timeout') fail(stats, 'timeout');
      else if (!frame) return fail(stats, 'closed');
      else if (frame.type !== 'message') fail(stats, `error:${frame.code}`);
      else {
        stats.answers++;
        stats.latencies.push(performance.now() - started);
      }
      await sleep(thinkMs * (0.5 + Math.random()));
    }
  }

  close(): void {
    this.ws.close();
  }
}

/**
 * Opens `count` sockets in batches (a burst of hundreds of handshakes would
 * overflow the listen backlog) and greets each; resolves once all are ready.
 */
export async function connectAll(url: string, count: number, stats: Stats): Promise<ChatClient[]> {
  const pending: Promise<ChatClient | undefined>[] = [];
  for (let i = 0; i < count; i++) {
    pending.push(ChatClient.connect(url, stats));
    if (i % 50 === 49) await sleep(50);
  }
  return (await Promise.all(pending)).filter((c): c is ChatClient => c !== undefined);
}

/** One POST over a kept-alive connection; node:http rather than fetch, whose client costs more CPU per request. */
function post(agent: Agent, url: URL, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolvePost, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolvePost({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.setTimeout(REPLY_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** `concurrency` HTTP clients asking back to back (no think time), each carrying its session, until the deadline. */
export async function httpLoad(url: string, question: Question, concurrency: number, deadline: number, stats: Stats): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const endpoint = new URL('/api/answer', url);
  await Promise.all(
    Array.from({ length: concurrency }, async (_, i) => {
      let turn = i;
      let sessionId: string | undefined;
      while (Date.now() < deadline) {
        const t0 = performance.now();
        try {
          const res = await post(agent, endpoint, JSON.stringify({ question: question(turn++), sessionId }));
          const body = JSON.parse(res.text) as { sessionId?: string };
          if (res.status !== 200) fail(stats, `http${res.status}`);
          else {
            sessionId = body.sessionId;
            stats.answers++;
            stats.latencies.push(performance.now() - t0);
          }
        } catch {
          fail(stats, 'request');
        }
      }
    }),
  );
  agent.destroy();
}
