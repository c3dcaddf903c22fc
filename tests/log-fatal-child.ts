/** Child process for tests/log.test.ts (not a test file): masks its secret, then dies of an unhandled rejection quoting it. */
import { maskFatalErrors, maskProcessOutput } from '../src/log.ts';

const secret = process.env.SECRET!;
maskProcessOutput([secret]);
maskFatalErrors([secret]);
void Promise.reject(new Error(`request to https://api.example.com/?key=${secret} failed`));
