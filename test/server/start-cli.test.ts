/**
 * `src/cli/start.ts` as `npm start` runs it: with no index it indexes corpus/
 * first, then serves the demo page, the API and the socket; it stops cleanly.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { ANALYZER_VERSION } from '../../src/index/analyzer.js';
import { connect, getJson, postJson, repoRoot } from './harness.js';

const start = join(repoRoot, 'src/cli/start.ts');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

function run(args: string[], env: Record<string, string> = {}): { child: ChildProcess; url: Promise<string>; stderr: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', start, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const event = line.startsWith('{') ? (JSON.parse(line) as { event: string; url: string }) : undefined;
      if (event?.event === 'ready') resolve(event.url);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

describe('npm start', () => {
  it('indexes corpus/ when the index is missing, then serves the chatbot', async () => {
    const index = join(mkdtempSync(join(tmpdir(), 'rapporteur-start-')), 'data', 'index.json');
    const server = run(['--index', index, '--port', '0'], { RAPPORTEUR_ADMIN_TOKEN: 'cli-token', RAPPORTEUR_CORS_ORIGINS: 'https://a.example' });
    const url = await server.url;
    expect(existsSync(index)).toBe(true);
    expect(server.stderr()).toMatch(/No index at .*: indexing .*corpus first/);

    const health = await getJson(`${url}/api/health`);
    expect(health.body).toMatchObject({ status: 'ok' });
    expect(health.body.documents as number).toBeGreaterThan(0);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/widget\.js/);

    const answer = await postJson(`${url}/api/answer`, { question: "Quels défis le ministère de l'Intérieur a-t-il proposés ?" }, { origin: 'https://a.example' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://a.example');
    const unanswered = await getJson(`${url}/api/admin/unanswered`, { authorization: 'Bearer cli-token' });
    expect(unanswered.status).toBe(200);
    const c = await connect(url.replace(/^http/, 'ws') + '/ws');
    expect((await c.ask('Bonjour')).type).toBe('message');
    c.close();

    server.child.kill('SIGTERM');
    const code = await new Promise((resolve) => server.child.once('exit', resolve));
    expect(code).toBe(0);

    // After an upgrade that changed the analyzer, the index is rebuilt from the folders it was built from.
    writeFileSync(index, readFileSync(index, 'utf8').replace(/"analyzerVersion":"[^"]*"/, '"analyzerVersion":"older-analyzer"'));
    const again = run(['--index', index, '--port', '0']);
    await again.url;
    expect(again.stderr()).toMatch(/built with analyzer "older-analyzer".*re-indexing .*corpus/);
    expect(readFileSync(index, 'utf8')).toContain(`"analyzerVersion":"${ANALYZER_VERSION}"`);
    again.child.kill('SIGTERM');
    await new Promise((resolve) => again.child.once('exit', resolve));
  });

  it('refuses bad options with a usage message', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', start, '--port', 'abc'], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/invalid port/);
    const unknown = spawnSync(process.execPath, ['--import', 'tsx', start, '--frobnicate'], { cwd: repoRoot, encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/Usage: npm start/);
  });

  it('exits with an error when the index cannot be loaded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapporteur-start-'));
    const index = join(dir, 'index.json');
    writeFileSync(index, '{"not": "an index"}');
    const r = spawnSync(process.execPath, ['--import', 'tsx', start, '--index', index, '--port', '0'], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/could not load .*not a rapporteur index/);
  });
});
