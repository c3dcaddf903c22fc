/**
 * Kept copies of ingested sources that are not files (a document uploaded to the bot, a fetched URL), so that a
 * rebuild, which reads only the corpus directory, does not lose them.
 *
 *   <dir>/<name>                 the bytes as ingested, under the original file name (made unique if taken)
 *   <dir>/<name>.source.json     SourceRecord: the original origin, name, URL and doc id
 *
 * `<dir>` is `CORPUS_DIR/uploads/`, or `INDEX_DIR/uploads/` when the caller did not say where the corpus is. A
 * rebuild reads the record beside each kept file, so the article keeps its doc id, origin and URL (paragraph ids
 * and citations survive the rebuild). Files are written temp-then-rename, record first: a crash leaves at worst a
 * record without its file, which is ignored.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { formatForFileName, type RawDocument, type SourceFormat } from './sources.ts';

/** Folder (inside the corpus or index directory) holding kept copies. */
export const UPLOADS_DIR = 'uploads';
/** Suffix of the record written beside a kept copy. */
export const SOURCE_RECORD_SUFFIX = '.source.json';

/** Where a kept copy came from; enough to ingest it again as the same article. */
export interface SourceRecord {
  /** The origin as first ingested: the upload's file name or the URL as given. */
  origin: string;
  /** The original file name (or last URL segment), which titles an article that has no title. */
  name: string;
  /** Final URL after redirects, for fetched documents. */
  url?: string;
  /** The doc id the article was indexed under. */
  docId: string;
}

const EXTENSION_BY_FORMAT: Readonly<Record<SourceFormat, string>> = { text: '.txt', markdown: '.md', html: '.html' };

/** Reads and validates the record beside a kept copy; null when there is none or it is unreadable. */
export async function readSourceRecord(keptFile: string): Promise<SourceRecord | null> {
  let value: unknown;
  try {
    value = JSON.parse(await fs.readFile(`${keptFile}${SOURCE_RECORD_SUFFIX}`, 'utf8'));
  } catch {
    return null;
  }
  const record = value as Partial<SourceRecord> | null;
  if (!record || typeof record !== 'object') return null;
  if (typeof record.origin !== 'string' || typeof record.name !== 'string' || typeof record.docId !== 'string') return null;
  if (!/^[a-z0-9-]+$/.test(record.docId) || (record.url !== undefined && typeof record.url !== 'string')) return null;
  return { origin: record.origin, name: record.name, docId: record.docId, ...(record.url ? { url: record.url } : {}) };
}

/** A file name safe to create in one folder: no directory parts, no control characters, not hidden. */
function safeFileName(name: string, format: SourceFormat): string {
  let base = path.posix.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '_').replace(/^\.+/, '');
  if (base === '') base = 'source';
  // A URL's last segment may have no extension (or the wrong one): the copy must be read back in its format.
  if (formatForFileName(base) !== format) base += EXTENSION_BY_FORMAT[format];
  return base;
}

async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(file), `.tmp-${process.pid}-${path.basename(file)}`);
  await fs.writeFile(temp, data);
  await fs.rename(temp, file);
}

async function sameBytes(file: string, bytes: Uint8Array): Promise<boolean> {
  try {
    return Buffer.from(bytes).equals(await fs.readFile(file));
  } catch {
    return false;
  }
}

/** The kept copies in one folder, indexed by doc id once per ingest run. */
export class KeptSources {
  readonly dir: string;
  #byDocId: Map<string, string> | null = null;

  constructor(dir: string) {
    this.dir = dir;
  }

  /**
   * Keeps `raw` (ingested as `docId`) in the folder: under its original name, or `<stem>-<docId>` when a copy of
   * another article has that name. Replaces an earlier copy of the same article. Returns the kept file's path.
   */
  async keep(raw: RawDocument, docId: string): Promise<string> {
    const byDocId = await this.#index();
    await fs.mkdir(this.dir, { recursive: true });
    const name = safeFileName(raw.name, raw.format);
    let file = path.join(this.dir, name);
    const holder = await readSourceRecord(file);
    const taken = holder !== null ? holder.docId !== docId : await fs.stat(file).then(() => true, () => false);
    if (taken) {
      const extension = path.extname(name);
      file = path.join(this.dir, `${name.slice(0, name.length - extension.length)}-${docId}${extension}`);
    }
    const record: SourceRecord = { origin: raw.origin, name: raw.name, docId, ...(raw.url ? { url: raw.url } : {}) };
    const recordText = `${JSON.stringify(record, null, 2)}\n`;
    const recordFile = `${file}${SOURCE_RECORD_SUFFIX}`;
    const unchanged = (await sameBytes(recordFile, new TextEncoder().encode(recordText))) && (await sameBytes(file, raw.bytes));
    if (!unchanged) {
      await writeAtomically(recordFile, recordText);
      await writeAtomically(file, raw.bytes);
    }
    const previous = byDocId.get(docId);
    if (previous !== undefined && previous !== file) await this.#delete(previous);
    byDocId.set(docId, file);
    return file;
  }

  /** Deletes the kept copy of `docId` and its record; the path deleted, or null when there was none. */
  async forget(docId: string): Promise<string | null> {
    const file = (await this.#index()).get(docId);
    if (file === undefined) return null;
    await this.#delete(file);
    this.#byDocId?.delete(docId);
    return file;
  }

  async #delete(file: string): Promise<void> {
    await fs.rm(file, { force: true });
    await fs.rm(`${file}${SOURCE_RECORD_SUFFIX}`, { force: true });
  }

  async #index(): Promise<Map<string, string>> {
    if (this.#byDocId) return this.#byDocId;
    const byDocId = new Map<string, string>();
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith(SOURCE_RECORD_SUFFIX) && !n.startsWith('.'))) {
      const file = path.join(this.dir, name.slice(0, -SOURCE_RECORD_SUFFIX.length));
      const record = await readSourceRecord(file);
      if (record) byDocId.set(record.docId, file);
    }
    this.#byDocId = byDocId;
    return byDocId;
  }
}
