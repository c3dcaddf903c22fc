/**
 * Runs a CLI entry point (`src/cli/<command>.ts`) as users do — a real child process from the repository root —
 * with an environment scrubbed of every variable the product reads, so the developer's shell or .env never leaks in.
 */
import { spawn } from 'node:child_process';
import { ROOT } from './corpus-index.ts';

/** Variables the product reads (plus the test runner's own); never inherited by a child under test. */
export const CONFIG_VARIABLE =
  /^(INDEX_DIR|CORPUS_DIR|MODELS_DIR|DATA_DIR|EMBEDDING_|MODEL_LOAD_|RETRIEVAL_|ANSWER_|CHUNK_|FETCH_|LOG_LEVEL$|TELEGRAM_|WEBHOOK_|PORT$|ALLOWED_|ADMIN_|RATE_|UPLOAD_|FOLLOW_UP_|MAX_QUESTION|DIGEST_|WATCH_CORPUS$|LLM_|NODE_TEST_CONTEXT$)/;

/** Default time a child may take before it is killed (a hung CLI must fail the test, not hang it). */
const CHILD_TIMEOUT_MS = 30_000;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A copy of our environment without product settings, plus `EMBEDDING_OFFLINE=1` and `extra`. */
export function scrubbedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !CONFIG_VARIABLE.test(name)));
  return Object.assign(env, { EMBEDDING_OFFLINE: '1' }, extra);
}

/** Runs `src/cli/<command>.ts` with `args` and waits for it to exit. */
export function runCli(command: string, args: string[], env: Record<string, string> = {}, timeoutMs = CHILD_TIMEOUT_MS): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `src/cli/${command}.ts`, ...args], {
      cwd: ROOT,
      env: scrubbedEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
