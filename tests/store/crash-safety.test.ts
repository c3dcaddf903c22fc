import { after, test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IndexStore, IndexWriter } from '../../src/store/index.ts';
import { TEST_EMBEDDER, indexInputs, makeArticle, makeTempDir, removeTempDirs } from './fixtures/articles.ts';

const CRASH_WRITER = fileURLToPath(new URL('./fixtures/crash-writer.ts', import.meta.url));
const PAUSE_TIMEOUT_MS = 10_000;

/** Runs the crash writer until it reports the pause, then SIGKILLs it; resolves with its pid. */
function killMidCommit(dir: string, stage: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CRASH_WRITER, dir, stage], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`crash writer did not pause within ${PAUSE_TIMEOUT_MS} ms: ${stderr}`));
    }, PAUSE_TIMEOUT_MS);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('paused')) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' && stdout.includes('paused')) resolve(child.pid as number);
      else reject(new Error(`crash writer exited (${code ?? signal}) before pausing: ${stderr}`));
    });
  });
}

describe('crash safety', () => {
  after(removeTempDirs);

  const stages: [string, string, number][] = [
    // stage at which the writer dies, leftover on disk, generation of the next successful commit
    ['afterGenerationWritten', '.tmp-gen-2-', 2],
    ['beforeManifestSwap', 'gen-2', 3],
  ];
  for (const [stage, leftover, nextGeneration] of stages) {
    test(`a writer killed at ${stage} leaves the previous index loadable and its lock takeable`, async () => {
      const dir = await makeTempDir('crash');
      const kept = makeArticle('kept', ['崩溃前已提交的文章。']);
      const writer = await IndexWriter.open(dir, TEST_EMBEDDER);
      const inputs = indexInputs(kept, TEST_EMBEDDER.dimension, 1);
      writer.addArticle(kept.article, kept.chunks, inputs.vectors, inputs.tokens);
      await writer.commit();
      await writer.close();

      const pid = await killMidCommit(dir, stage);
      const names = await fs.readdir(dir);
      assert.ok(names.some((n) => n.startsWith(leftover)), `expected a ${leftover}* leftover in ${names.join(', ')}`);
      assert.equal((await fs.readFile(path.join(dir, '.lock'), 'utf8')).trim().split(' ')[0], String(pid));

      const index = await IndexStore.open(dir);
      assert.equal(index?.manifest.generation, 1);
      assert.deepEqual(index?.corpus.listArticles().map((a) => a.docId), ['kept']);
      assert.equal(index?.lexical.size, 1);

      const next = await IndexWriter.open(dir, TEST_EMBEDDER);
      const added = makeArticle('after', ['恢复后的新文章。']);
      const more = indexInputs(added, TEST_EMBEDDER.dimension, 50);
      next.addArticle(added.article, added.chunks, more.vectors, more.tokens);
      const manifest = await next.commit();
      await next.close();
      assert.equal(manifest.generation, nextGeneration);
      assert.deepEqual((await fs.readdir(dir)).sort(), ['gen-1', `gen-${nextGeneration}`, 'manifest.json']);
      assert.deepEqual((await IndexStore.open(dir))?.corpus.listArticles().map((a) => a.docId), ['kept', 'after']);
    });
  }
});
