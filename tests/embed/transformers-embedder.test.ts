import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { env } from '@xenova/transformers';
import {
  BGE_EN_QUERY_PREFIX,
  BGE_ZH_QUERY_PREFIX,
  EmbedError,
  TransformersEmbedder,
  isLocalModelPath,
  parseTransformersEmbedderId,
  profileForModel,
  transformersEmbedderId,
} from '../../src/embed/index.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/tiny-bert');
const TOLERANCE = 1e-5;

const dot = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * b[i]!, 0);
const maxDifference = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

describe('profileForModel', () => {
  const cases: Array<[string, string, string, string, string]> = [
    // model, profile, pooling, query prefix, passage prefix
    ['Xenova/bge-small-zh-v1.5', 'bge-zh', 'cls', BGE_ZH_QUERY_PREFIX, ''],
    ['BAAI/bge-large-zh', 'bge-zh', 'cls', BGE_ZH_QUERY_PREFIX, ''],
    ['Xenova/bge-base-en-v1.5', 'bge-en', 'cls', BGE_EN_QUERY_PREFIX, ''],
    ['Xenova/bge-m3', 'bge-m3', 'cls', '', ''],
    ['Xenova/multilingual-e5-small', 'e5', 'mean', 'query: ', 'passage: '],
    ['Xenova/all-MiniLM-L6-v2', 'default', 'mean', '', ''],
    ['./models/my-bge-zh/', 'bge-zh', 'cls', BGE_ZH_QUERY_PREFIX, ''],
    // Only the last path segment counts: a parent directory called e5 does not make a model e5.
    ['/opt/e5/text2vec', 'default', 'mean', '', ''],
  ];
  for (const [model, name, pooling, queryPrefix, passagePrefix] of cases) {
    test(`${model} → ${name}`, () => assert.deepEqual(profileForModel(model), { name, pooling, queryPrefix, passagePrefix }));
  }
});

describe('model ids and paths', () => {
  const localCases: Array<[string, boolean]> = [
    ['/abs/model', true],
    ['./models/x', true],
    ['../x', true],
    ['.', true],
    ['Xenova/bge-small-zh-v1.5', false],
    ['models/x', false],
  ];
  for (const [model, local] of localCases) test(`isLocalModelPath(${model}) = ${local}`, () => assert.equal(isLocalModelPath(model), local));

  test('transformers ids round-trip', () => {
    const id = transformersEmbedderId('Xenova/bge-small-zh-v1.5', 'cls');
    assert.equal(id, 'transformers:Xenova/bge-small-zh-v1.5:cls');
    assert.deepEqual(parseTransformersEmbedderId(id), { model: 'Xenova/bge-small-zh-v1.5', pooling: 'cls' });
    assert.equal(parseTransformersEmbedderId('transformers:x:max'), null);
    assert.equal(parseTransformersEmbedderId('builtin:hashed-ngrams-v1-d512'), null);
  });
});

describe('TransformersEmbedder on the tiny BERT fixture (real ONNX inference, no network)', () => {
  let modelsDir: string;
  let embedder: TransformersEmbedder;
  const texts = [
    '湖南省党政代表团考察了36个点',
    '浙江省委书记易炼红主持会议',
    'hello world',
    '',
    '粤赣鄂归来，湖南决策层“趁热”开了学习考察总结会。会议强调，要深入学习借鉴先进经验，推动高质量发展。',
  ];

  before(async () => {
    modelsDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaocha-models-'));
    embedder = await TransformersEmbedder.load({ model: FIXTURE, modelsDir, offline: false, loadTimeoutMs: 30_000, batchSize: 2 });
  });
  after(async () => {
    await embedder?.dispose();
    await fs.rm(modelsDir, { recursive: true, force: true });
  });

  test('reports the model id, default pooling and the dimension read from the output', () => {
    assert.deepEqual(embedder.info, { id: `transformers:${FIXTURE}:mean`, dimension: 32 });
  });

  test('vectors are unit length, finite and deterministic', async () => {
    const first = await embedder.embedDocuments(texts);
    const second = await embedder.embedDocuments(texts);
    assert.equal(first.length, texts.length);
    for (const vector of first) {
      assert.equal(vector.length, 32);
      assert.ok(vector.every(Number.isFinite));
      assert.ok(Math.abs(Math.sqrt(dot(vector, vector)) - 1) < TOLERANCE);
    }
    assert.deepEqual(first, second);
    assert.ok(dot(first[0]!, first[1]!) < 0.999, 'different texts must give different vectors');
  });

  test('batching and padding do not change a text’s vector', async () => {
    const batched = await embedder.embedDocuments(texts);
    for (const [i, text] of texts.entries()) {
      const [alone] = await embedder.embedDocuments([text]);
      assert.ok(maxDifference(batched[i]!, alone!) < TOLERANCE, `text ${i} changed when batched`);
    }
  });

  test('a bge-like profile pools CLS and prefixes queries only', async () => {
    const bge = await TransformersEmbedder.load({ model: FIXTURE, modelsDir, offline: true, profile: profileForModel('BAAI/bge-small-zh-v1.5') });
    try {
      assert.equal(bge.info.id, `transformers:${FIXTURE}:cls`);
      const question = '湖南代表团考察了哪些地方';
      const query = await bge.embedQuery(question);
      const [prefixedPassage, plainPassage] = await bge.embedDocuments([BGE_ZH_QUERY_PREFIX + question, question]);
      assert.ok(maxDifference(query, prefixedPassage!) < TOLERANCE);
      assert.ok(maxDifference(query, plainPassage!) > 1e-3);
      // CLS pooling really differs from mean pooling of the same model.
      assert.ok(maxDifference(plainPassage!, (await embedder.embedDocuments([question]))[0]!) > 1e-3);
    } finally {
      await bge.dispose();
    }
  });

  test('an e5-like profile prefixes passages and queries', async () => {
    const e5 = await TransformersEmbedder.load({ model: FIXTURE, modelsDir, offline: true, profile: profileForModel('intfloat/e5-small') });
    try {
      const [passage] = await e5.embedDocuments(['考察']);
      const [manualPassage, manualQuery] = await embedder.embedDocuments(['passage: 考察', 'query: 考察']);
      assert.ok(maxDifference(passage!, manualPassage!) < TOLERANCE);
      assert.ok(maxDifference(await e5.embedQuery('考察'), manualQuery!) < TOLERANCE);
    } finally {
      await e5.dispose();
    }
  });

  test('a relative local path loads too', async () => {
    const relative = `./${path.relative(process.cwd(), FIXTURE)}`;
    const local = await TransformersEmbedder.load({ model: relative, modelsDir, offline: true });
    try {
      assert.equal(local.info.id, `transformers:${relative}:mean`);
      assert.deepEqual(await local.embedQuery('湖南'), await embedder.embedQuery('湖南'));
    } finally {
      await local.dispose();
    }
  });
});

describe('TransformersEmbedder load failures', () => {
  test('a missing local directory is an EmbedError', async () => {
    await assert.rejects(
      TransformersEmbedder.load({ model: path.join(os.tmpdir(), 'kaocha-no-such-model'), modelsDir: os.tmpdir() }),
      (error: unknown) => error instanceof EmbedError && /has no config\.json/.test(error.message),
    );
  });

  test('offline with an uncached hub model fails at once without the network', async () => {
    const modelsDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaocha-models-'));
    try {
      const started = performance.now();
      await assert.rejects(
        TransformersEmbedder.load({ model: 'Xenova/bge-small-zh-v1.5', modelsDir, offline: true }),
        (error: unknown) => error instanceof EmbedError && /not available offline/.test(error.message),
      );
      assert.ok(performance.now() - started < 1000);
      assert.deepEqual(await fs.readdir(modelsDir), []);
    } finally {
      await fs.rm(modelsDir, { recursive: true, force: true });
    }
  });

  test('a download that hangs is cut off by the load timeout', async () => {
    // A hub that accepts connections and never answers: what a blackholed network looks like.
    const server = http.createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const originalHost = env.remoteHost;
    env.remoteHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const modelsDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaocha-models-'));
    try {
      const started = performance.now();
      await assert.rejects(
        TransformersEmbedder.load({ model: 'kaocha/hanging-model', modelsDir, offline: false, loadTimeoutMs: 300 }),
        (error: unknown) => error instanceof EmbedError && /did not load within 300 ms/.test(error.message),
      );
      const elapsed = performance.now() - started;
      assert.ok(elapsed >= 290 && elapsed < 2000, `took ${elapsed} ms`);
    } finally {
      env.remoteHost = originalHost;
      server.closeAllConnections();
      server.close();
      await fs.rm(modelsDir, { recursive: true, force: true });
    }
  });
});
