/**
 * Shared fixtures for tests that need the real corpus indexed: a temp INDEX_DIR built from data/articles with the
 * built-in hashed n-gram embedder (no weights, deterministic), plus lookups that find paragraphs by their text so
 * tables can name the evidence the way a reader would ("the paragraph that says 60多家上市企业").
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { parseConfig, type Config } from '../../src/config.ts';
import type { Paragraph } from '../../src/domain.ts';
import { HashedNgramEmbedder, type Embedder } from '../../src/embed/index.ts';
import { ingestInputs, type IngestReport } from '../../src/ingest/index.ts';
import { IndexStore, type LoadedIndex } from '../../src/store/index.ts';
import { openQuestionAnswering, type QuestionAnswering } from '../../src/app.ts';
import { createLogger } from '../../src/log.ts';

/** The repository root (/work/main): CLI children run here and article origins are relative to it. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const ARTICLES_DIR = path.join(ROOT, 'data/articles');

/** The doc ids of the five seed articles (file names without `.txt`). */
export const CORPUS_DOC_IDS = [
  'chenzhou-delegation-guangzhou',
  'hunan-county-leaders-jiangsu-zhejiang',
  'hunan-delegation-guangdong-jiangxi-hubei',
  'hunan-leaders-supervise-cities',
  'zhejiang-delegation-jiangsu-shanghai',
] as const;

const tempDirs: string[] = [];

/** A fresh directory under the OS temp dir; removed by `removeTempDirs` (register it with `after`). */
export async function makeTempDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `kaocha-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

/** Removes every directory made by `makeTempDir` in this test file. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(tempDirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
}

/** Configuration as the product would parse it, pointed at `indexDir`, offline, with optional overrides. */
export function testConfig(indexDir: string, env: Record<string, string> = {}): Config {
  return parseConfig({ INDEX_DIR: indexDir, EMBEDDING_OFFLINE: '1', ...env }, ROOT);
}

export interface CorpusIndex {
  dir: string;
  config: Config;
  embedder: Embedder;
  /** The report of the ingest that built the index. */
  report: IngestReport;
  index: LoadedIndex;
}

/** Ingests data/articles into a new temp INDEX_DIR (origins relative to the repo root) and opens it. */
export async function buildCorpusIndex(prefix = 'corpus'): Promise<CorpusIndex> {
  const dir = await makeTempDir(prefix);
  const config = testConfig(dir);
  const embedder = new HashedNgramEmbedder();
  const report = await ingestInputs([ARTICLES_DIR], { indexDir: dir, embedder, chunk: config.chunk, fetch: config.fetch, baseDir: ROOT });
  const index = await IndexStore.open(dir);
  assert.ok(index, 'the freshly built index opens');
  return { dir, config, embedder, report, index };
}

/**
 * Question answering, as the app composes it, over an index of one fixture directory of invented articles
 * (tests/fixtures/<name>), built in a temp INDEX_DIR with the offline embedder.
 */
export async function openFixtureQa(name: string): Promise<QuestionAnswering> {
  const dir = await makeTempDir(name);
  const config = testConfig(dir);
  const embedder = new HashedNgramEmbedder();
  await ingestInputs([path.join(ROOT, 'tests', 'fixtures', name)], { indexDir: dir, embedder, chunk: config.chunk, fetch: config.fetch, baseDir: ROOT });
  return openQuestionAnswering(config, createLogger('error'), { embedder });
}

/** The one paragraph of `docId` whose text contains `snippet`; fails the test if there is none or several. */
export function paragraphContaining(index: LoadedIndex, docId: string, snippet: string): Paragraph {
  const article = index.corpus.getArticle(docId);
  assert.ok(article, `article ${docId} is indexed`);
  const matches = article.paragraphs.filter((p) => p.text.includes(snippet));
  assert.equal(matches.length, 1, `exactly one paragraph of ${docId} contains "${snippet}"`);
  return matches[0]!;
}

/** Every paragraph id covered by the chunks in `chunks`, in order, without repeats. */
export function paragraphIdsOf(chunks: ReadonlyArray<{ docId: string; paragraphNumbers: readonly number[] }>): string[] {
  return [...new Set(chunks.flatMap((c) => c.paragraphNumbers.map((n) => `${c.docId}#p${n}`)))];
}
