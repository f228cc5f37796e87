/**
 * A log sink that never blocks the event loop. `process.stdout` is
 * synchronous on Linux when it is a pipe or a file: when the reader (a log
 * collector, journald, a terminal) falls behind, every `write` waits, and so
 * does every request. The server bench saw single log writes block for up to
 * 186 ms while its own client read the pipe late.
 *
 * Lines are queued in memory and written by `fs.write` on the thread pool, one
 * batch at a time. The queue is bounded: past it, lines are dropped and counted,
 * and the count is written as a `log_dropped` line once there is room again.
 * `flushSync` writes what is left (at shutdown).
 */
import { write, writeSync } from 'node:fs';

export interface BufferedSink {
  (line: string): void;
  /** Lines dropped since start because the queue was full. */
  readonly dropped: number;
  /** Writes everything queued, synchronously (shutdown). */
  flushSync(): void;
}

/** `fd` 1 is stdout; `maxQueuedBytes` bounds the memory held for a reader that does not keep up. */
export function bufferedSink(fd = 1, maxQueuedBytes = 4 << 20): BufferedSink {
  let queue: string[] = [];
  let queuedBytes = 0;
  let writing = false;
  let dropped = 0;
  let unreported = 0;
  let broken = false;

  const take = (): string => {
    if (unreported) {
      queue.push(JSON.stringify({ ts: new Date().toISOString(), event: 'log_dropped', lines: unreported, total: dropped }) + '\n');
      unreported = 0;
    }
    const text = queue.join('');
    queue = [];
    queuedBytes = 0;
    return text;
  };

  const flush = (): void => {
    if (writing || broken || (!queue.length && !unreported)) return;
    writing = true;
    const data = Buffer.from(take());
    const writeFrom = (offset: number): void => {
      write(fd, data, offset, data.length - offset, null, (err, written) => {
        if (err) {
          // EAGAIN: a non-blocking pipe is full; retry shortly. Anything else: the sink is gone.
          if ((err as NodeJS.ErrnoException).code === 'EAGAIN') return void setTimeout(() => writeFrom(offset), 10).unref();
          broken = true;
          writing = false;
          return;
        }
        if (offset + written < data.length) return writeFrom(offset + written);
        writing = false;
        if (queue.length || unreported) setImmediate(flush);
      });
    };
    writeFrom(0);
  };

  const sink = ((line: string) => {
    const bytes = line.length + 1;
    if (queuedBytes + bytes > maxQueuedBytes) {
      dropped++;
      unreported++;
      return;
    }
    queue.push(line + '\n');
    queuedBytes += bytes;
    // One write per turn of the event loop at most: lines logged meanwhile join the batch.
    if (!writing && queue.length === 1) setImmediate(flush);
  }) as BufferedSink;

  Object.defineProperty(sink, 'dropped', { get: () => dropped });
  sink.flushSync = () => {
    if (broken) return;
    // Even with a batch in flight (its lines may then come out after these): losing the last lines is worse.
    const data = take();
    try {
      if (data) writeSync(fd, data);
    } catch {
      // nowhere to write
    }
  };
  return sink;
}
