import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ingestInputs } from '../../src/ingest/index.ts';
import { IndexWatcher, watchLoadedIndex } from '../../src/store/index.ts';
import { buildCorpusIndex, makeTempDir, removeTempDirs } from '../helpers/corpus-index.ts';

after(removeTempDirs);

const ARTICLE = '长沙市党政代表团赴成都学习考察\n\n来源:测试日报 2024-05-01\n\n5月1日，长沙市党政代表团赴成都学习考察，参观了天府新区的产业园区和科创企业。\n';

describe('index watcher', () => {
  test('swaps in a new generation only after it is fully loaded, and keeps serving on failure', async () => {
    const corpus = await buildCorpusIndex('watcher');
    const reloads: number[] = [];
    const watcher = watchLoadedIndex(corpus.index, { intervalMs: 20, onReload: (next) => reloads.push(next.manifest.generation) }).start();
    try {
      assert.equal(await watcher.check(), false, 'nothing changed yet');
      const inputDir = await makeTempDir('watcher-input');
      await fs.writeFile(path.join(inputDir, 'changsha-chengdu.txt'), ARTICLE);
      const report = await ingestInputs([inputDir], { indexDir: corpus.dir, embedder: corpus.embedder, chunk: corpus.config.chunk, fetch: corpus.config.fetch });
      assert.ok(report.manifest);
      // The poller notices the new manifest by itself.
      const deadline = Date.now() + 5000;
      while (watcher.current.manifest.generation !== report.manifest.generation && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.equal(watcher.current.manifest.generation, report.manifest.generation);
      assert.equal(watcher.current.corpus.counts.articles, corpus.index.corpus.counts.articles + 1);
      assert.deepEqual(reloads, [report.manifest.generation]);
    } finally {
      watcher.stop();
    }

    // A load that fails (e.g. a generation deleted under us) leaves the old value serving.
    const errors: unknown[] = [];
    const failing = new IndexWatcher({
      dir: corpus.dir,
      initial: { generation: 1 },
      generationOf: (v) => v.generation,
      load: async () => {
        throw new Error('index: half-written');
      },
      onError: (error) => errors.push(error),
    });
    assert.equal(await failing.check(), false);
    assert.deepEqual(failing.current, { generation: 1 });
    assert.equal(errors.length, 1);
  });
});
