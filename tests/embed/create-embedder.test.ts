import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { env } from '@xenova/transformers';
import {
  EmbedError,
  HashedNgramEmbedder,
  TransformersEmbedder,
  createEmbedder,
  createEmbedderById,
  type Embedder,
} from '../../src/embed/index.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/tiny-bert');

async function dispose(embedder: Embedder): Promise<void> {
  if (embedder instanceof TransformersEmbedder) await embedder.dispose();
}

describe('createEmbedder', () => {
  let modelsDir: string;
  before(async () => {
    modelsDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaocha-models-'));
  });
  after(async () => {
    await fs.rm(modelsDir, { recursive: true, force: true });
  });

  test('offline and not cached: the built-in embedder, with exactly one warning', async () => {
    const warnings: string[] = [];
    const embedder = await createEmbedder({
      modelsDir,
      embeddingModel: 'Xenova/bge-small-zh-v1.5',
      embeddingOffline: true,
      modelLoadTimeoutMs: 60_000,
      warn: (message) => warnings.push(message),
    });
    assert.ok(embedder instanceof HashedNgramEmbedder);
    assert.equal(embedder.info.id, 'builtin:hashed-ngrams-v1-d512');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /^embed: model Xenova\/bge-small-zh-v1\.5 not available offline \(not cached in .+\/\); using built-in hashed n-gram embedder/);
    assert.doesNotMatch(warnings[0]!, /\n/);
  });

  test('pointed at a local model directory: the transformers embedder, no warning', async () => {
    const warnings: string[] = [];
    const embedder = await createEmbedder({
      modelsDir,
      embeddingModel: FIXTURE,
      embeddingOffline: true,
      modelLoadTimeoutMs: 30_000,
      warn: (message) => warnings.push(message),
    });
    try {
      assert.ok(embedder instanceof TransformersEmbedder);
      assert.deepEqual(embedder.info, { id: `transformers:${FIXTURE}:mean`, dimension: 32 });
      assert.deepEqual(warnings, []);
    } finally {
      await dispose(embedder);
    }
  });

  test('online but the download hangs: falls back once the load timeout passes', async () => {
    const server = http.createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const originalHost = env.remoteHost;
    env.remoteHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const warnings: string[] = [];
      const embedder = await createEmbedder({
        modelsDir,
        embeddingModel: 'kaocha/hanging-model',
        embeddingOffline: false,
        modelLoadTimeoutMs: 250,
        warn: (message) => warnings.push(message),
      });
      assert.ok(embedder instanceof HashedNgramEmbedder);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]!, /did not load within 250 ms; using built-in hashed n-gram embedder/);
    } finally {
      env.remoteHost = originalHost;
      server.closeAllConnections();
      server.close();
    }
  });

  test('online but the hub refuses: falls back with the download failure as reason', async () => {
    const server = http.createServer((_, response) => response.writeHead(404).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const originalHost = env.remoteHost;
    env.remoteHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const warnings: string[] = [];
      const embedder = await createEmbedder({
        modelsDir,
        embeddingModel: 'kaocha/missing-model',
        embeddingOffline: false,
        modelLoadTimeoutMs: 10_000,
        warn: (message) => warnings.push(message),
      });
      assert.ok(embedder instanceof HashedNgramEmbedder);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]!, /^embed: model kaocha\/missing-model is not cached and could not be downloaded \(/);
    } finally {
      env.remoteHost = originalHost;
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('createEmbedderById', () => {
  const options = { modelsDir: os.tmpdir(), embeddingOffline: true, modelLoadTimeoutMs: 30_000 };

  test('built-in ids give the hashed embedder of that dimension', async () => {
    const embedder = await createEmbedderById('builtin:hashed-ngrams-v1-d256', options);
    assert.ok(embedder instanceof HashedNgramEmbedder);
    assert.deepEqual(embedder.info, { id: 'builtin:hashed-ngrams-v1-d256', dimension: 256 });
  });

  test('transformers ids load that model with that pooling', async () => {
    for (const pooling of ['cls', 'mean']) {
      const id = `transformers:${FIXTURE}:${pooling}`;
      const embedder = await createEmbedderById(id, options);
      try {
        assert.equal(embedder.info.id, id);
      } finally {
        await dispose(embedder);
      }
    }
  });

  const failures: Array<[string, RegExp]> = [
    ['builtin:hashed-ngrams-v0-d512', /another version of the built-in algorithm/],
    ['transformers:Xenova/bge-small-zh-v1.5:cls', /not available offline/],
    ['openai:text-embedding-3-small', /unknown embedder id/],
    ['', /unknown embedder id/],
  ];
  for (const [id, message] of failures) {
    test(`"${id}" is refused with an EmbedError`, async () => {
      await assert.rejects(createEmbedderById(id, options), (error: unknown) => error instanceof EmbedError && message.test(error.message));
    });
  }
});
