import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferedSink } from '../../src/server/log-sink.js';

const settle = async (file: string, lines: number): Promise<string[]> => {
  for (let i = 0; i < 200; i++) {
    const text = readFileSync(file, 'utf8');
    if (text.split('\n').length - 1 >= lines) return text.trimEnd().split('\n');
    await new Promise((r) => setTimeout(r, 10));
  }
  return readFileSync(file, 'utf8').trimEnd().split('\n');
};

describe('bufferedSink', () => {
  it('writes every line, in order, without blocking the caller', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rapporteur-sink-')), 'log');
    const fd = openSync(file, 'w');
    const sink = bufferedSink(fd);
    for (let i = 0; i < 1000; i++) sink(JSON.stringify({ i }));
    // Nothing is written synchronously: the caller only queued.
    expect(readFileSync(file, 'utf8')).toBe('');
    const lines = await settle(file, 1000);
    expect(lines.map((l) => (JSON.parse(l) as { i: number }).i)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(sink.dropped).toBe(0);
    closeSync(fd);
  });

  it('drops past its bound, counts the drops and says so in the log; flushSync writes what is queued', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rapporteur-sink-')), 'log');
    const fd = openSync(file, 'w');
    const sink = bufferedSink(fd, 100);
    for (let i = 0; i < 20; i++) sink(`{"line":${i},"pad":"xxxxxxxxxxxxxxxx"}`);
    expect(sink.dropped).toBeGreaterThan(0);
    const kept = 20 - sink.dropped;
    sink.flushSync();
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(kept + 1);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ event: 'log_dropped', lines: sink.dropped, total: sink.dropped });
    closeSync(fd);
  });
});
