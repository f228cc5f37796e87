/**
 * The bot in service, behind a swappable reference.
 *
 * A reload loads the new artifact completely and builds a new bot before
 * swapping the reference in one assignment; a request reads the reference
 * once, so questions in flight finish on the bot they started with. A broken
 * artifact is refused (logged) and the old bot stays in service.
 *
 * A new bot is warmed (see warm-up.ts) before a reload swaps it in, while the
 * old one keeps serving; the first bot goes into service at once (ready stays
 * fast) and is warmed in the background.
 */
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Bot } from '../bot/types.js';
import type { LoadedCorpus } from '../index/types.js';
import { CorpusFiles } from './corpus-files.js';
import type { Logger } from './logging.js';
import type { WarmUpResult } from './warm-up.js';

export interface LoadedBot {
  bot: Bot;
  corpus: LoadedCorpus;
}

/** Loads an artifact and builds its bot; throws when the artifact is unusable. */
export type BotLoader = (indexPath: string) => Promise<LoadedBot>;

/** Warms a built bot before it takes traffic (must not throw). */
export type BotWarmer = (loaded: LoadedBot, signal: AbortSignal) => Promise<WarmUpResult>;

export interface BotInService extends LoadedBot {
  files: CorpusFiles;
  loadedAt: string;
  passages: number;
  /** Identity of the artifact file, to skip reloading an unchanged one. */
  fingerprint: string;
}

export type HolderState = 'loading' | 'ready' | 'failed';

export interface ReloadResult {
  ok: boolean;
  /** True when the file had not changed and nothing was done (watch only). */
  unchanged?: boolean;
  error?: string;
  builtAt?: string;
  ms: number;
}

export class BotHolder {
  private active: BotInService | undefined;
  private running: Promise<ReloadResult> | undefined;
  private next: { force: boolean; promise: Promise<ReloadResult> } | undefined;
  private watcher: FSWatcher | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private lastError: string | undefined;
  private attempted = false;
  private readonly closing = new AbortController();

  constructor(
    readonly indexPath: string,
    private readonly loader: BotLoader,
    private readonly logger: Logger,
    private readonly warm?: BotWarmer,
  ) {}

  /** The bot in service; read it once per question. */
  get current(): BotInService | undefined {
    return this.active;
  }

  get state(): HolderState {
    if (this.active) return 'ready';
    return this.attempted ? 'failed' : 'loading';
  }

  get error(): string | undefined {
    return this.lastError;
  }

  /**
   * Loads the artifact and swaps it in. Loads never overlap: a call made while
   * one runs waits for it, and all such calls share one follow-up load.
   * `force: false` skips an artifact whose file is unchanged (file watch).
   */
  reload(force = true): Promise<ReloadResult> {
    if (!this.running) return this.start(force);
    if (this.next) {
      this.next.force ||= force;
      return this.next.promise;
    }
    const next: { force: boolean; promise: Promise<ReloadResult> } = { force, promise: Promise.resolve({ ok: false, ms: 0 }) };
    next.promise = this.running.then(() => {
      this.next = undefined;
      return this.start(next.force);
    });
    this.next = next;
    return next.promise;
  }

  private start(force: boolean): Promise<ReloadResult> {
    const run: Promise<ReloadResult> = this.loadOnce(force).finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async loadOnce(force: boolean): Promise<ReloadResult> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    const first = !this.active;
    try {
      const fingerprint = await fileFingerprint(this.indexPath);
      if (!force && this.active?.fingerprint === fingerprint) return { ok: true, unchanged: true, ms: ms() };
      const loaded = await this.loader(this.indexPath);
      // A reload warms the new bot while the old one serves: the swap brings no burst of cold, slow answers.
      if (!first && this.warm) this.logWarm(await this.warm(loaded, this.closing.signal), false);
      const next: BotInService = {
        ...loaded,
        files: CorpusFiles.fromCorpus(loaded.corpus),
        loadedAt: new Date().toISOString(),
        passages: loaded.corpus.index.passageCount,
        fingerprint,
      };
      this.active = next; // the swap: one assignment
      this.lastError = undefined;
      this.attempted = true;
      this.logger.log(first ? 'index_loaded' : 'index_reloaded', {
        builtAt: next.corpus.builtAt,
        documents: next.corpus.documents.length,
        passages: next.passages,
        ms: ms(),
      });
      if (first && this.warm) void this.warm(loaded, this.closing.signal).then((w) => this.logWarm(w, true));
      return { ok: true, builtAt: next.corpus.builtAt, ms: ms() };
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      this.lastError = error;
      this.attempted = true;
      this.logger.log(first ? 'index_load_failed' : 'index_reload_refused', {
        error,
        kept: this.active?.corpus.builtAt ?? null,
        ms: ms(),
      });
      return { ok: false, error, ms: ms() };
    }
  }

  private logWarm(result: WarmUpResult, inService: boolean): void {
    this.logger.log('index_warmed', { questions: result.questions, ms: result.ms, inService });
  }

  /**
   * Watches the artifact's folder (the artifact is replaced by a rename, so
   * the file itself cannot be watched) and reloads after writes settle.
   */
  watch(debounceMs = 300): void {
    if (this.watcher) return;
    const name = basename(this.indexPath);
    try {
      this.watcher = watch(dirname(this.indexPath), { persistent: false }, (_event, file) => {
        if (file !== null && file.toString() !== name) return;
        clearTimeout(this.debounce);
        this.debounce = setTimeout(() => void this.reload(false), debounceMs);
      });
      this.watcher.on('error', (err) => this.logger.log('index_watch_error', { error: err.message }));
    } catch (err) {
      this.logger.log('index_watch_error', { error: err instanceof Error ? err.message : String(err) });
    }
  }

  close(): void {
    this.closing.abort();
    clearTimeout(this.debounce);
    this.watcher?.close();
    this.watcher = undefined;
  }
}

async function fileFingerprint(path: string): Promise<string> {
  const s = await stat(path);
  return `${s.ino}:${s.size}:${s.mtimeMs}`;
}
