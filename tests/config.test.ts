import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, parseConfig } from '../src/config.ts';
import { DEFAULT_FEATURE_WEIGHTS } from '../src/answer/index.ts';

const CWD = '/srv/kaocha';

describe('parseConfig defaults', () => {
  test('an empty environment gives the documented defaults', () => {
    assert.deepEqual(parseConfig({}, CWD), {
      indexDir: '/srv/kaocha/index',
      corpusDir: '/srv/kaocha/data/articles',
      modelsDir: '/srv/kaocha/models',
      embeddingModel: 'Xenova/bge-small-zh-v1.5',
      embeddingOffline: false,
      modelLoadTimeoutMs: 60_000,
      retrieval: {
        rrfK: 60,
        candidatesPerRetriever: 50,
        maxChunksPerDocInWindow: 3,
        diversityWindow: 5,
        denseWeightBuiltIn: 0.1,
        denseWeightModel: 0.6,
        coverageWeight: 1,
        contextWeight: 1,
        expansionWeight: 0.4,
      },
      answer: { refusalFloor: 0.25, maxSentences: 3, minContextCoverage: 0.2, typoMaxParagraphs: 20000, weights: DEFAULT_FEATURE_WEIGHTS },
      chunk: { maxChars: 300, minChars: 0 },
      fetch: { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024 },
      logLevel: 'info',
      maxQuestionChars: 500,
      dataDir: '/srv/kaocha/data/state',
      telegram: {
        token: undefined,
        apiRoot: undefined,
        webhookUrl: undefined,
        webhookSecret: undefined,
        port: 8080,
        allowedChatIds: [],
        adminUserIds: [],
        rateLimitPerMinute: 20,
        uploadMaxBytes: 2 * 1024 * 1024,
        followUpTtlMs: 30 * 60_000,
      },
      digest: { defaultTime: '08:00', defaultTimezone: 'Asia/Shanghai', watchCorpus: false },
      llm: { baseUrl: undefined, model: undefined, apiKey: undefined, timeoutMs: 30_000, maxTokens: 800 },
    });
  });

  test('empty and blank values fall back to the default', () => {
    const config = parseConfig({ RETRIEVAL_RRF_K: '', LOG_LEVEL: '   ', INDEX_DIR: ' ', EMBEDDING_OFFLINE: '' }, CWD);
    assert.equal(config.retrieval.rrfK, 60);
    assert.equal(config.logLevel, 'info');
    assert.equal(config.indexDir, '/srv/kaocha/index');
    assert.equal(config.embeddingOffline, false);
  });
});

describe('parseConfig reads valid values', () => {
  const booleans: Array<[string, boolean]> = [
    ['1', true],
    ['true', true],
    ['YES', true],
    [' on ', true],
    ['0', false],
    ['false', false],
    ['no', false],
    ['Off', false],
  ];
  for (const [raw, expected] of booleans) {
    test(`EMBEDDING_OFFLINE=${JSON.stringify(raw)} → ${expected}`, () => {
      assert.equal(parseConfig({ EMBEDDING_OFFLINE: raw }, CWD).embeddingOffline, expected);
    });
  }

  test('numbers, including the bounds and fractional settings', () => {
    const config = parseConfig(
      {
        RETRIEVAL_RRF_K: '1000',
        RETRIEVAL_CANDIDATES: '5',
        RETRIEVAL_DENSE_WEIGHT_BUILTIN: '0',
        RETRIEVAL_CONTEXT_WEIGHT: '2.5',
        ANSWER_WEIGHTS: 'coverage=0.7, slot=0',
        ANSWER_REFUSAL_FLOOR: '0.4',
        ANSWER_MAX_SENTENCES: '10',
        CHUNK_MAX_CHARS: ' 500 ',
        CHUNK_MIN_CHARS: '0',
        FETCH_MAX_BYTES: '1024',
        LOG_LEVEL: 'debug',
        EMBEDDING_MODEL: 'Xenova/multilingual-e5-small',
      },
      CWD,
    );
    assert.equal(config.retrieval.rrfK, 1000);
    assert.equal(config.retrieval.candidatesPerRetriever, 5);
    assert.equal(config.retrieval.denseWeightBuiltIn, 0);
    assert.equal(config.retrieval.contextWeight, 2.5);
    assert.equal(config.answer.weights.coverage, 0.7);
    assert.equal(config.answer.weights.slot, 0);
    assert.equal(config.answer.weights.rank, DEFAULT_FEATURE_WEIGHTS.rank);
    assert.equal(config.answer.refusalFloor, 0.4);
    assert.equal(config.answer.maxSentences, 10);
    assert.equal(config.chunk.maxChars, 500);
    assert.equal(config.chunk.minChars, 0);
    assert.equal(config.fetch.maxBytes, 1024);
    assert.equal(config.logLevel, 'debug');
    assert.equal(config.embeddingModel, 'Xenova/multilingual-e5-small');
  });
});

describe('parseConfig refuses invalid values with the variable named', () => {
  const invalid: Array<[string, string]> = [
    ['EMBEDDING_OFFLINE', 'maybe'],
    ['RETRIEVAL_RRF_K', '0'],
    ['RETRIEVAL_RRF_K', '1001'],
    ['RETRIEVAL_RRF_K', '1.5'],
    ['RETRIEVAL_RRF_K', 'abc'],
    ['RETRIEVAL_CANDIDATES', '4'],
    ['RETRIEVAL_CONTEXT_WEIGHT', '-0.1'],
    ['RETRIEVAL_EXPANSION_WEIGHT', '2'],
    ['ANSWER_WEIGHTS', 'nonsense=1'],
    ['ANSWER_WEIGHTS', 'coverage=11'],
    ['ANSWER_WEIGHTS', 'coverage'],
    ['ANSWER_REFUSAL_FLOOR', '2'],
    ['ANSWER_REFUSAL_FLOOR', 'NaN'],
    ['ANSWER_MAX_SENTENCES', '0'],
    ['CHUNK_MAX_CHARS', 'abc'],
    ['CHUNK_MAX_CHARS', '49'],
    ['FETCH_TIMEOUT_MS', 'Infinity'],
    ['MODEL_LOAD_TIMEOUT_MS', '1e9'],
    ['LOG_LEVEL', 'loud'],
    ['LOG_LEVEL', 'INFO'],
    ['EMBEDDING_MODEL', '../../etc/passwd'],
    ['EMBEDDING_MODEL', 'bge small'],
  ];
  for (const [name, value] of invalid) {
    test(`${name}=${JSON.stringify(value)}`, () => {
      assert.throws(
        () => parseConfig({ [name]: value }, CWD),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError, `expected ConfigError, got ${String(error)}`);
          assert.match(error.message, /^config: /);
          assert.ok(error.message.includes(name), `message names ${name}: ${error.message}`);
          assert.ok(error.message.includes(value.trim()), `message shows the bad value: ${error.message}`);
          return true;
        },
      );
    });
  }
});

describe('directories', () => {
  test('relative directories resolve against cwd, absolute ones are kept', () => {
    const config = parseConfig({ INDEX_DIR: 'var/idx', CORPUS_DIR: '../shared/corpus', MODELS_DIR: '/opt/models' }, CWD);
    assert.equal(config.indexDir, '/srv/kaocha/var/idx');
    assert.equal(config.corpusDir, '/srv/shared/corpus');
    assert.equal(config.modelsDir, '/opt/models');
  });

  test('the default cwd is the process working directory', () => {
    assert.equal(parseConfig({ INDEX_DIR: 'idx' }).indexDir, path.resolve(process.cwd(), 'idx'));
  });
});

describe('loadConfig', () => {
  const touched = ['RETRIEVAL_DIVERSITY_WINDOW', 'ANSWER_MAX_SENTENCES'] as const;
  const saved = Object.fromEntries(touched.map((name) => [name, process.env[name]]));
  let dir = '';
  after(async () => {
    for (const name of touched) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  test('reads .env from cwd, real environment variables win, dirs resolve against that cwd', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaocha-config-'));
    await fs.writeFile(path.join(dir, '.env'), 'RETRIEVAL_DIVERSITY_WINDOW=7\nANSWER_MAX_SENTENCES=4\n');
    delete process.env.RETRIEVAL_DIVERSITY_WINDOW;
    process.env.ANSWER_MAX_SENTENCES = '2';
    const config = loadConfig(dir);
    assert.equal(config.retrieval.diversityWindow, 7, 'value from .env');
    assert.equal(config.answer.maxSentences, 2, 'the real environment wins over .env');
  });
});

describe('bot, digest and LLM settings', () => {
  test('id lists accept commas and spaces, negative group ids included', () => {
    const config = parseConfig({ ALLOWED_CHAT_IDS: '123, -1001234567890 42', ADMIN_USER_IDS: '7' }, CWD);
    assert.deepEqual(config.telegram.allowedChatIds, [123, -1001234567890, 42]);
    assert.deepEqual(config.telegram.adminUserIds, [7]);
  });

  test('a trailing slash is dropped from URLs and a time is zero-padded', () => {
    const config = parseConfig({ TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/', DIGEST_DEFAULT_TIME: '7:30' }, CWD);
    assert.equal(config.telegram.apiRoot, 'http://127.0.0.1:8081');
    assert.equal(config.digest.defaultTime, '07:30');
  });

  const invalid: Array<[Record<string, string>, RegExp]> = [
    [{ TELEGRAM_BOT_TOKEN: '"123:abc"' }, /TELEGRAM_BOT_TOKEN/],
    [{ ALLOWED_CHAT_IDS: '12,abc' }, /ALLOWED_CHAT_IDS.*"abc"/],
    [{ WEBHOOK_URL: 'ftp://example.org/hook', WEBHOOK_SECRET: 's' }, /WEBHOOK_URL/],
    [{ WEBHOOK_URL: 'https://example.org/hook' }, /WEBHOOK_SECRET is required/],
    [{ WEBHOOK_SECRET: 'has space' }, /WEBHOOK_SECRET/],
    [{ DIGEST_DEFAULT_TIME: '24:00' }, /DIGEST_DEFAULT_TIME/],
    [{ DIGEST_DEFAULT_TIMEZONE: 'Mars/Olympus' }, /DIGEST_DEFAULT_TIMEZONE/],
    [{ LLM_BASE_URL: 'http://127.0.0.1:11434/v1' }, /LLM_MODEL is required/],
    [{ PORT: '70000' }, /PORT/],
  ];
  for (const [env, message] of invalid) {
    test(`${JSON.stringify(env)} is rejected naming the variable`, () => {
      assert.throws(() => parseConfig(env, CWD), (error: unknown) => error instanceof ConfigError && message.test(error.message));
    });
  }

  test('the token never appears in a validation error', () => {
    assert.throws(() => parseConfig({ TELEGRAM_BOT_TOKEN: '123456:secret value' }, CWD), (error: unknown) =>
      error instanceof ConfigError && !error.message.includes('secret value'));
  });
});
