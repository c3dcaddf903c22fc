/**
 * Turns user inputs (paths and URLs from the CLI, a document uploaded to the bot) into raw documents: bytes plus
 * enough about their origin to decode, clean and name them. Decoding is not done here; the text stage detects
 * encodings from the bytes (Chinese pages often lie in, or omit, their charset).
 *
 * A bad input never stops the others: it becomes a `SourceProblem` with a specific reason in Chinese (staff and
 * admins read it in the CLI and in Telegram), yielded in the input's place. Only programming errors throw.
 */
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { readSourceRecord } from './kept-sources.ts';

export type SourceFormat = 'text' | 'markdown' | 'html';

export interface RawDocument {
  /** Relative file path (relative to the base dir when inside it, else absolute) or the URL as given. */
  origin: string;
  /** File name (or last URL path segment / host), used for the fallback title and the doc id. */
  name: string;
  /** Set for fetched documents: the final URL after redirects. */
  url?: string;
  format: SourceFormat;
  bytes: Uint8Array;
  /** Charset declared in the HTTP Content-Type, passed along as a hint only; the bytes are not decoded here. */
  charset?: string;
  /** Absolute path of the file read, for documents read from disk. */
  path?: string;
  /** Set for a kept copy (see kept-sources.ts): the doc id it was indexed under, which it keeps. */
  docId?: string;
}

/** An input that could not be turned into a document. */
export interface SourceProblem {
  origin: string;
  /** Chinese, specific: "文件为空", "网页无法获取（HTTP 404 Not Found）", "文件超过 5 MB 上限（6.2 MB）", ... */
  reason: string;
}

export interface FetchLimits {
  timeoutMs: number;
  /** Bodies larger than this are aborted while streaming. */
  maxBytes: number;
  maxRedirects?: number;
}

export interface ReadSourcesOptions {
  fetch: FetchLimits;
  /** Files larger than this are reported, not read. Default `DEFAULT_MAX_FILE_BYTES`. */
  maxFileBytes?: number;
  /** Origins of files inside this directory are relative to it. Default: the current directory. */
  baseDir?: string;
}

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The reason given for an empty file or upload. */
export const EMPTY_FILE = '文件为空';
export const DEFAULT_MAX_REDIRECTS = 5;

const FORMAT_BY_EXTENSION = new Map<string, SourceFormat>([
  ['.txt', 'text'],
  ['.md', 'markdown'],
  ['.markdown', 'markdown'],
  ['.html', 'html'],
  ['.htm', 'html'],
]);

const FORMAT_BY_MEDIA_TYPE = new Map<string, SourceFormat>([
  ['text/html', 'html'],
  ['application/xhtml+xml', 'html'],
  ['text/markdown', 'markdown'],
  ['text/x-markdown', 'markdown'],
  ['text/plain', 'text'],
]);

/** Media types that say nothing about the content, so the URL's extension decides. */
const UNINFORMATIVE_MEDIA_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

const HTTP_PROTOCOLS = new Set(['http:', 'https:']);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Anything of the form `scheme://...` is treated as a URL (and refused unless http/https), never as a path. */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The format implied by a file name's extension (case-insensitive), or null when unsupported. */
export function formatForFileName(name: string): SourceFormat | null {
  return FORMAT_BY_EXTENSION.get(path.extname(name).toLowerCase()) ?? null;
}

/** Narrows a `readSources`/`readUpload` result to the problem case. */
export function isSourceProblem(x: RawDocument | SourceProblem): x is SourceProblem {
  return !('bytes' in x);
}

/**
 * Reads every input in order, yielding one document per file or URL, or a problem in its place.
 * Directories are walked recursively in code-point order of names, skipping dotfiles and unsupported
 * extensions silently (an explicitly named unsupported file is a problem). Each real file is read at most
 * once per call, and directory symlink loops are cut.
 */
export async function* readSources(inputs: readonly string[], opts: ReadSourcesOptions): AsyncGenerator<RawDocument | SourceProblem> {
  const walk: WalkContext = {
    baseDir: path.resolve(opts.baseDir ?? process.cwd()),
    maxFileBytes: opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    seenFiles: new Set(),
    seenDirectories: new Set(),
  };
  for (const input of inputs) {
    if (URL_LIKE.test(input.trim())) yield await readUrl(input.trim(), opts.fetch);
    else yield* readPath(input, walk);
  }
}

/**
 * Checks a document uploaded through the bot: supported extension, not empty, at most `maxBytes`.
 * Any directory part of `name` is dropped (upload names are user-controlled).
 */
export function readUpload(name: string, bytes: Uint8Array, maxBytes: number): RawDocument | SourceProblem {
  const fileName = path.posix.basename(name.replace(/\\/g, '/')) || name;
  const format = formatForFileName(fileName);
  if (format === null) return { origin: fileName, reason: unsupportedTypeReason(fileName) };
  if (bytes.byteLength === 0) return { origin: fileName, reason: EMPTY_FILE };
  if (bytes.byteLength > maxBytes) return { origin: fileName, reason: tooLargeReason(maxBytes, bytes.byteLength) };
  return { origin: fileName, name: fileName, format, bytes };
}

// ---- files -------------------------------------------------------------------------------------------------

interface WalkContext {
  baseDir: string;
  maxFileBytes: number;
  /** Real paths of files already yielded (a file named twice, or reached through a symlink, is read once). */
  seenFiles: Set<string>;
  /** Real paths of directories already walked: cuts symlink loops. */
  seenDirectories: Set<string>;
}

async function* readPath(input: string, walk: WalkContext): AsyncGenerator<RawDocument | SourceProblem> {
  const absolute = path.resolve(input);
  const origin = originFor(absolute, walk.baseDir);
  let stats: Stats;
  try {
    stats = await fs.stat(absolute);
  } catch (error) {
    yield { origin, reason: describeFsError(error) };
    return;
  }
  if (stats.isDirectory()) {
    yield* walkDirectory(absolute, walk);
    return;
  }
  if (!stats.isFile()) {
    yield { origin, reason: '不是普通文件或目录' };
    return;
  }
  const format = formatForFileName(absolute);
  if (format === null) {
    yield { origin, reason: unsupportedTypeReason(absolute) };
    return;
  }
  const document = await readFileOnce(absolute, stats, format, walk);
  if (document !== null) yield document;
}

async function* walkDirectory(directory: string, walk: WalkContext): AsyncGenerator<RawDocument | SourceProblem> {
  const origin = originFor(directory, walk.baseDir);
  let names: string[];
  try {
    const real = await fs.realpath(directory);
    if (walk.seenDirectories.has(real)) return;
    walk.seenDirectories.add(real);
    names = await fs.readdir(directory);
  } catch (error) {
    yield { origin, reason: describeFsError(error) };
    return;
  }
  // Code-point order, not localeCompare: the order must not depend on the machine's ICU locale.
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const entry = path.join(directory, name);
    const format = formatForFileName(name);
    let stats: Stats;
    try {
      stats = await fs.stat(entry);
    } catch (error) {
      // A broken link to something we would have read is worth reporting; anything else is just skipped.
      if (format !== null) yield { origin: originFor(entry, walk.baseDir), reason: describeFsError(error) };
      continue;
    }
    if (stats.isDirectory()) {
      yield* walkDirectory(entry, walk);
    } else if (stats.isFile() && format !== null) {
      const document = await readFileOnce(entry, stats, format, walk);
      if (document !== null) yield document;
    }
  }
}

/** Reads a file unless it was already read in this call (then null). */
async function readFileOnce(file: string, stats: Stats, format: SourceFormat, walk: WalkContext): Promise<RawDocument | SourceProblem | null> {
  const origin = originFor(file, walk.baseDir);
  if (stats.size === 0) return { origin, reason: EMPTY_FILE };
  if (stats.size > walk.maxFileBytes) return { origin, reason: tooLargeReason(walk.maxFileBytes, stats.size) };
  try {
    const real = await fs.realpath(file);
    if (walk.seenFiles.has(real)) return null;
    walk.seenFiles.add(real);
    const buffer = await fs.readFile(file);
    // Re-checked: the file may have changed between stat and read.
    if (buffer.byteLength === 0) return { origin, reason: EMPTY_FILE };
    if (buffer.byteLength > walk.maxFileBytes) return { origin, reason: tooLargeReason(walk.maxFileBytes, buffer.byteLength) };
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    // A kept copy of an upload or URL is ingested as what it was: same origin, name, URL and doc id.
    const record = await readSourceRecord(file);
    if (record) return { origin: record.origin, name: record.name, ...(record.url ? { url: record.url } : {}), docId: record.docId, format, bytes, path: file };
    return { origin, name: path.basename(file), format, bytes, path: file };
  } catch (error) {
    return { origin, reason: describeFsError(error) };
  }
}

/** Path relative to `baseDir` (with `/` separators) when inside it, else the absolute path. */
function originFor(absolute: string, baseDir: string): string {
  const relative = path.relative(baseDir, absolute);
  const inside = relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
  return inside ? relative.split(path.sep).join('/') : absolute;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return '找不到该文件或目录';
    case 'ELOOP':
      return '符号链接循环';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限';
    case 'ENOTDIR':
      return '路径中有一部分不是目录';
    default:
      return `无法读取（${error instanceof Error ? error.message : String(error)}）`;
  }
}

function unsupportedTypeReason(name: string): string {
  const extension = path.extname(name).toLowerCase();
  const supported = [...FORMAT_BY_EXTENSION.keys()].join(' ');
  return extension === ''
    ? `不支持的文件类型（没有扩展名；支持：${supported}）`
    : `不支持的文件类型 ${extension}（支持：${supported}）`;
}

function tooLargeReason(maxBytes: number, actualBytes?: number): string {
  return actualBytes === undefined ? `文件超过 ${formatSize(maxBytes)} 上限` : `文件超过 ${formatSize(maxBytes)} 上限（${formatSize(actualBytes)}）`;
}

/** `512 字节`, `1.5 KB`, `5 MB`: sizes as people read them. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${Number(value.toFixed(1))} ${unit}`;
}

// ---- URLs --------------------------------------------------------------------------------------------------

async function readUrl(input: string, limits: FetchLimits): Promise<RawDocument | SourceProblem> {
  const problem = (reason: string): SourceProblem => ({ origin: input, reason });
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return problem('网址无效');
  }
  if (!HTTP_PROTOCOLS.has(url.protocol)) return problem(`不支持的网址协议 ${url.protocol.slice(0, -1)}（只支持 http 和 https）`);

  // One deadline for the whole exchange (every redirect hop and the body), so a slow trickle cannot outlast it.
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const fetched = await fetchFollowingRedirects(url, signal, limits.maxRedirects ?? DEFAULT_MAX_REDIRECTS);
    if (typeof fetched === 'string') return problem(fetched);
    const { response, finalUrl } = fetched;

    if (!response.ok) {
      await response.body?.cancel();
      return problem(`网页无法获取（HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}）`);
    }
    const { mediaType, charset } = parseContentType(response.headers.get('content-type'));
    const format = formatForResponse(mediaType, finalUrl);
    if (typeof format === 'object') {
      await response.body?.cancel();
      return problem(format.reason);
    }
    const body = await readLimitedBody(response, limits.maxBytes);
    if (typeof body === 'string') return problem(body);
    if (body.byteLength === 0) return problem('网页内容为空');

    const document: RawDocument = { origin: input, name: nameForUrl(finalUrl), url: finalUrl.href, format, bytes: body };
    if (charset !== undefined) document.charset = charset;
    return document;
  } catch (error) {
    if (signal.aborted) return problem(`下载超时（${limits.timeoutMs} 毫秒内未完成）`);
    return problem(`下载失败（${networkReason(error)}）`);
  }
}

/** Follows at most `maxRedirects` redirects by hand (fetch's own limit is 20); a string is a problem reason. */
async function fetchFollowingRedirects(
  start: URL,
  signal: AbortSignal,
  maxRedirects: number,
): Promise<{ response: Response; finalUrl: URL } | string> {
  let current = start;
  for (let redirects = 0; ; redirects++) {
    const response = await fetch(current, { redirect: 'manual', signal });
    if (!REDIRECT_STATUSES.has(response.status)) return { response, finalUrl: current };
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (location === null) return `网页重定向缺少目标地址（HTTP ${response.status}）`;
    if (redirects >= maxRedirects) return `重定向次数过多（超过 ${maxRedirects} 次）`;
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      return `重定向到无效网址：${location}`;
    }
    if (!HTTP_PROTOCOLS.has(next.protocol)) return `重定向到不支持的网址协议 ${next.protocol.slice(0, -1)}`;
    current = next;
  }
}

/** Streams the body with a running byte count; a string is a problem reason. */
async function readLimitedBody(response: Response, maxBytes: number): Promise<Uint8Array | string> {
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) {
    await response.body?.cancel();
    return tooLargeReason(maxBytes, Number(declared));
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return tooLargeReason(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function parseContentType(header: string | null): { mediaType: string; charset?: string } {
  if (header === null) return { mediaType: '' };
  const [type = '', ...parameters] = header.split(';');
  const mediaType = type.trim().toLowerCase();
  for (const parameter of parameters) {
    const match = /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(parameter);
    if (match?.[1]) return { mediaType, charset: match[1].toLowerCase() };
  }
  return { mediaType };
}

/**
 * Content-Type decides the format; text/plain on a `.md` URL is taken as markdown because servers (raw file
 * hosts in particular) commonly serve markdown as text/plain. Uninformative or other text types fall back to the
 * URL's extension; binary types are refused before their body is downloaded.
 */
function formatForResponse(mediaType: string, url: URL): SourceFormat | { reason: string } {
  const byExtension = formatForFileName(url.pathname);
  const byMediaType = FORMAT_BY_MEDIA_TYPE.get(mediaType);
  if (byMediaType === 'text' && byExtension === 'markdown') return 'markdown';
  if (byMediaType !== undefined) return byMediaType;
  const informative = !UNINFORMATIVE_MEDIA_TYPES.has(mediaType);
  if (informative && !mediaType.startsWith('text/')) return { reason: `不支持的内容类型 ${mediaType}` };
  if (byExtension !== null) return byExtension;
  return { reason: informative ? `不支持的内容类型 ${mediaType}` : '无法判断内容类型，网址中也没有支持的文件扩展名' };
}

/** Last non-empty path segment (decoded), else the host. */
function nameForUrl(url: URL): string {
  const segment = url.pathname.split('/').filter((part) => part !== '').pop();
  if (segment === undefined) return url.hostname;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** fetch reports network failures as `TypeError: fetch failed` with the useful part in `cause`. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
