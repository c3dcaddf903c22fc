/**
 * Secret masking: exact secrets only (a short key never eats letters out of words), in our log lines and in
 * whatever a library prints with console.error — checked in-process and on a real CLI child's stderr.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createLogger, createSecretMasker, maskProcessOutput, type MaskableStream } from '../src/log.ts';
import { ROOT, buildCorpusIndex, removeTempDirs } from './helpers/corpus-index.ts';
import { runCli } from './helpers/run-cli.ts';
import { raw, startScriptedServer } from './answer/llm/openai-compatible-server.ts';

after(removeTempDirs);

describe('createSecretMasker', () => {
  const LONG = 'sk-live-0123456789abcdef';
  const cases: Array<[string, string[], string, string]> = [
    ['a long key anywhere', [LONG], `failed: Incorrect API key ${LONG}.`, 'failed: Incorrect API key ***.'],
    ['a long key inside a URL', [LONG], `https://x/?k=${LONG}&a=1`, 'https://x/?k=***&a=1'],
    ['a one-letter key leaves words alone', ['x'], 'answering extractively: no complete answer', 'answering extractively: no complete answer'],
    ['a one-letter key after Bearer', ['x'], 'Authorization: Bearer x', 'Authorization: Bearer ***'],
    ['a one-letter key as key=', ['x'], 'url?api_key=x&q=1', 'url?api_key=***&q=1'],
    ['a short key as a JSON value', ['abc12'], '{"apiKey": "abc12"}', '{"apiKey": "***"}'],
    ['a short key inside a longer token is not it', ['abc12'], 'Bearer abc123', 'Bearer abc123'],
    ['empty and undefined secrets are ignored', ['', undefined as unknown as string], 'nothing to hide', 'nothing to hide'],
  ];
  for (const [name, secrets, input, expected] of cases) {
    test(name, () => assert.equal(createSecretMasker(secrets)(input), expected));
  }

  test('the logger masks the same way', () => {
    const lines: string[] = [];
    const log = createLogger('debug', ['x', LONG], (line) => lines.push(line));
    log.warn(`extractive fallback; key ${LONG}; Bearer x`);
    assert.deepEqual(lines, ['[warn] extractive fallback; key ***; Bearer ***']);
  });
});

describe('maskProcessOutput', () => {
  test('wraps a stream once and masks strings and bytes written to it, console-style', () => {
    const written: string[] = [];
    const stream: MaskableStream = {
      write: ((chunk: string | Uint8Array) => {
        written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return true;
      }) as MaskableStream['write'],
    };
    maskProcessOutput(['sk-first-secret-000'], [stream]);
    maskProcessOutput(['tok-second-secret-111'], [stream]);
    stream.write('From chunk: data: {"auth":"Bearer sk-first-secret-000"}\n');
    stream.write(Buffer.from('token tok-second-secret-111 here\n'));
    stream.write('extractive\n');
    assert.deepEqual(written, ['From chunk: data: {"auth":"Bearer ***"}\n', 'token *** here\n', 'extractive\n']);
  });

  test('a CLI child never prints the key, even when the OpenAI client console.errors a broken chunk echoing it', async () => {
    const apiKey = 'sk-test-0123456789abcdefSECRET';
    const [corpus, server] = await Promise.all([buildCorpusIndex('log'), startScriptedServer()]);
    try {
      server.reply((request, res) =>
        raw('text/event-stream', `data: {"choices":[{"delta":{"content":"x"}}]}\n\ndata: {broken ${request.authorization}\n\n`)(request, res),
      );
      const run = await runCli('ask', ['湖南省党政代表团看了多少个考察点？'], {
        INDEX_DIR: corpus.dir,
        LLM_BASE_URL: server.baseUrl,
        LLM_MODEL: 'test-model',
        LLM_API_KEY: apiKey,
        LOG_LEVEL: 'debug',
      });
      assert.equal(server.requests.at(-1)?.authorization, `Bearer ${apiKey}`, 'the key was sent and echoed');
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /\*\*\*/, 'the echoed chunk was printed, masked');
      assert.ok(!run.stderr.includes(apiKey) && !run.stdout.includes(apiKey), run.stderr);
    } finally {
      await server.close();
    }
  });
});

describe('maskFatalErrors', () => {
  test('an unhandled rejection quoting the key is printed masked and exits 1', () => {
    const secret = 'sk-fatal-0123456789abcdef';
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'tests/log-fatal-child.ts'], {
      cwd: ROOT,
      env: { ...process.env, SECRET: secret },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(child.status, 1, child.stderr);
    assert.match(child.stderr, /key=\*\*\* failed/);
    assert.ok(!child.stderr.includes(secret), child.stderr);
  });
});
