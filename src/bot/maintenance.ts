/**
 * Index writes requested from chat (admins only): ingest an uploaded file, rebuild from the corpus directory.
 * The same pipeline as `npm run ingest`; the bot reloads the index afterwards.
 */
import type { ChunkSettings, FetchSettings } from '../config.ts';
import type { Embedder } from '../embed/index.ts';
import { ingestDocuments, ingestInputs, readUpload } from '../ingest/index.ts';
import type { IndexMaintenance } from './context.ts';

export interface IndexMaintenanceOptions {
  indexDir: string;
  corpusDir: string;
  embedder: Embedder;
  chunk: ChunkSettings;
  fetch: FetchSettings;
  uploadMaxBytes: number;
}

/** The real maintenance over `indexDir` with the serving embedder (so vectors stay comparable). */
export function createIndexMaintenance(options: IndexMaintenanceOptions): IndexMaintenance {
  // corpusDir: uploads are kept under CORPUS_DIR/uploads/, where /reindex reads them back.
  const ingest = { indexDir: options.indexDir, corpusDir: options.corpusDir, embedder: options.embedder, chunk: options.chunk, fetch: options.fetch };
  return {
    ingestUpload(fileName, bytes) {
      return ingestDocuments([readUpload(fileName, bytes, options.uploadMaxBytes)], ingest);
    },
    rebuild() {
      return ingestInputs([options.corpusDir], { ...ingest, rebuild: true });
    },
  };
}
