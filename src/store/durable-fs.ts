/**
 * Small file-system helpers for crash-safe writes. A rename is only durable once the directory holding it is
 * fsynced, and file contents only once the file is; skipping either can leave a renamed-but-empty file after a
 * power loss, which is exactly what the generation scheme exists to prevent.
 */
import fs from 'node:fs/promises';

/** Writes `data` to `file` and fsyncs it before returning. */
export async function writeFileDurable(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Fsyncs an existing file (e.g. one written by a native library that does not sync). */
export async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Fsyncs a directory so that renames and new entries in it survive a crash. Some platforms (Windows) cannot
 * open a directory for syncing; there the rename is as durable as the OS makes it and we carry on.
 */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw error;
  } finally {
    await handle?.close();
  }
}

/** True for "no such file or directory". */
export function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
