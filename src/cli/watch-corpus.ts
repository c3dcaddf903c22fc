/**
 * WATCH_CORPUS=1: files dropped into CORPUS_DIR while the bot runs are ingested (incrementally; unchanged files are
 * no-ops), so they become answerable and appear in the next digest without a restart.
 */
import { watch, type FSWatcher } from 'node:fs';
import type { Config } from '../config.ts';
import type { Embedder } from '../embed/index.ts';
import { ingestInputs } from '../ingest/index.ts';
import type { Logger } from '../log.ts';
import { describeOutcome, summarise } from './ingest-report.ts';

/** Editors and copies write a file in several steps; wait for the folder to be quiet before ingesting. */
const QUIET_MS = 2000;

export interface CorpusWatchOptions {
  config: Config;
  embedder: Embedder;
  log: Logger;
  /** Called after an ingest that changed the index (so the caller can reload at once). */
  onIngested: () => void;
}

/** Starts watching `config.corpusDir`; returns a function that stops it. */
export function watchCorpus(options: CorpusWatchOptions): () => void {
  const { config, embedder, log } = options;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;

  const ingest = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const report = await ingestInputs([config.corpusDir], {
        indexDir: config.indexDir,
        embedder,
        chunk: config.chunk,
        fetch: config.fetch,
      });
      const changed = report.outcomes.filter((o) => o.kind === 'added' || o.kind === 'replaced' || o.kind === 'rejected');
      for (const outcome of changed) log.info(`watch: ${describeOutcome(outcome)}`);
      if (changed.some((o) => o.kind !== 'rejected')) {
        log.info(`watch: ${summarise(report)}`);
        options.onIngested();
      }
    } catch (error) {
      // Another writer (npm run ingest, an upload) may hold the index; the next change retries.
      log.warn(`watch: ingest of ${config.corpusDir} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void ingest(), QUIET_MS);
  };

  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(config.corpusDir, { persistent: false }, schedule);
    watcher.on('error', (error) => log.warn(`watch: ${config.corpusDir}: ${error.message}`));
    log.info(`watch: ingesting new files dropped into ${config.corpusDir}`);
  } catch (error) {
    log.warn(`watch: cannot watch ${config.corpusDir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
