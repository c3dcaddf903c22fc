/**
 * Stable, readable document ids. Ids appear in citations (`<docId>#p3`), JSON and Telegram messages, so they are
 * ASCII-only (`[a-z0-9-]`); where making a name ASCII loses information (Chinese file names, long names) a short
 * hash of the original keeps distinct names distinct.
 */
import { createHash } from 'node:crypto';

/** Hex characters of sha1 appended to disambiguate (8 hex = 32 bits: ample for a personal corpus). */
export const DOC_ID_HASH_CHARS = 8;
/** Longest slug kept from a file name before a hash is appended instead of the rest. */
export const MAX_FILE_SLUG_CHARS = 60;
/** Longest host+path slug kept from a URL (the hash of the full URL always follows). */
export const MAX_URL_SLUG_CHARS = 48;
/** Prefix for ids whose name has no ASCII letters or digits at all, e.g. `doc-1a2b3c4d`. */
export const HASH_ONLY_PREFIX = 'doc';

/** The identifying parts of a source document (a `RawDocument` fits). */
export interface DocIdSource {
  name: string;
  url?: string;
  origin: string;
}

/**
 * Derives the document id from a source: URL documents (those with `url`, or whose origin is an http(s) URL) get
 * `<host-path-slug>-<hash of URL>`; files get the slug of their file name without extension, with a hash of the
 * file name appended when non-ASCII characters were dropped or the slug was truncated, and `doc-<hash>` when
 * nothing ASCII remains. Deterministic: the same name or URL always gives the same id, so re-ingestion keeps ids.
 */
export function docIdFor(doc: DocIdSource): string {
  const url = doc.url ?? (/^https?:\/\//i.test(doc.origin) ? doc.origin : undefined);
  return url === undefined ? fileDocId(doc.name) : urlDocId(url);
}

function fileDocId(fileName: string): string {
  // NFC first: macOS hands out decomposed (NFD) names, which must hash like the composed ones.
  const name = fileName.normalize('NFC');
  const stem = stripExtension(name);
  const slug = slugify(stem);
  if (slug === '') return `${HASH_ONLY_PREFIX}-${shortHash(name)}`;
  // NFKC turns full-width Latin letters and digits into ASCII, so only genuinely non-ASCII text counts as lost.
  const lostCharacters = /[^\x00-\x7f]/.test(stem.normalize('NFKC'));
  if (!lostCharacters && slug.length <= MAX_FILE_SLUG_CHARS) return slug;
  return `${truncateSlug(slug, MAX_FILE_SLUG_CHARS)}-${shortHash(name)}`;
}

function urlDocId(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${HASH_ONLY_PREFIX}-${shortHash(url)}`;
  }
  // The fragment never changes the fetched document, so `#comments` must not create a second id.
  parsed.hash = '';
  const host = parsed.hostname.replace(/^www\./, '');
  const path = safeDecode(parsed.pathname).replace(/\.[a-z0-9]{1,6}$/i, '');
  const slug = truncateSlug(slugify(`${host}-${path}`), MAX_URL_SLUG_CHARS);
  const hash = shortHash(parsed.href);
  return slug === '' ? `${HASH_ONLY_PREFIX}-${hash}` : `${slug}-${hash}`;
}

function stripExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

function slugify(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function truncateSlug(slug: string, maxChars: number): string {
  return slug.length <= maxChars ? slug : slug.slice(0, maxChars).replace(/-+$/, '');
}

function shortHash(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex').slice(0, DOC_ID_HASH_CHARS);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
