import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/tiny-bert');
const FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'];
const MAX_FIXTURE_BYTES = 300 * 1024;

test('make-tiny-model regenerates the committed fixture byte for byte', async () => {
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kaocha-tiny-bert-'));
  try {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/make-tiny-model.ts', outDir], { cwd: ROOT });
    let total = 0;
    for (const name of FILES) {
      const [generated, committed] = await Promise.all([fs.readFile(path.join(outDir, name)), fs.readFile(path.join(FIXTURE, name))]);
      assert.ok(generated.equals(committed), `${name} differs from the committed fixture`);
      total += generated.length;
    }
    assert.ok(total < MAX_FIXTURE_BYTES, `fixture is ${total} bytes`);
    const config = JSON.parse(await fs.readFile(path.join(outDir, 'config.json'), 'utf8'));
    assert.equal(config.model_type, 'bert');
    assert.equal(config.hidden_size, 32);
  } finally {
    await fs.rm(outDir, { recursive: true, force: true });
  }
});
