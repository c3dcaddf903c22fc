/**
 * Test doubles and data for the digest tests: a hand-moved clock, a transport that records (and can fail or be
 * blocked), and a small in-memory index whose articles are real seed articles re-dated with chosen `addedAt`s.
 */
import assert from 'node:assert/strict';
import type { Article } from '../../src/domain.ts';
import { CorpusStore, type LoadedIndex } from '../../src/store/index.ts';
import { ChatBlockedError, type Clock, type DigestTransport } from '../../src/digest/index.ts';
import { createLogger, type Logger } from '../../src/log.ts';

/** A clock that only moves when told to. */
export class FakeClock implements Clock {
  #now: number;
  constructor(start: string | Date) {
    this.#now = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#now);
  }
  set(instant: string | Date): Date {
    this.#now = new Date(instant).getTime();
    return this.now();
  }
}

export interface SentMessage {
  chatId: number;
  html: string;
  messageId: number;
}

/**
 * Records every send. `failOn(n)` makes the n-th send (1-based, counted over the transport's life) throw a plain
 * error, as a network failure or crash would; `block(chatId)` makes sends to that chat throw `ChatBlockedError`.
 */
export class RecordingTransport implements DigestTransport {
  readonly sent: SentMessage[] = [];
  #attempts = 0;
  #failAt = new Set<number>();
  #blocked = new Set<number>();

  failOn(attempt: number): this {
    this.#failAt.add(attempt);
    return this;
  }

  block(chatId: number): this {
    this.#blocked.add(chatId);
    return this;
  }

  async send(chatId: number, html: string): Promise<{ messageId: number }> {
    this.#attempts += 1;
    if (this.#blocked.has(chatId)) throw new ChatBlockedError(chatId);
    if (this.#failAt.has(this.#attempts)) throw new Error(`simulated failure on send ${this.#attempts}`);
    const messageId = this.sent.length + 1;
    this.sent.push({ chatId, html, messageId });
    return { messageId };
  }

  to(chatId: number): SentMessage[] {
    return this.sent.filter((m) => m.chatId === chatId);
  }
}

/** A logger that keeps its lines (to assert on warnings) instead of printing them. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLogger('debug', [], (line) => lines.push(line)), { lines });
}

/** The seed articles, loaded once from an index built by the shared corpus helper. */
export function seedArticles(index: LoadedIndex): Map<string, Article> {
  return new Map(index.corpus.listArticles().map((a) => [a.docId, a]));
}

/** A copy of `base` under a new doc id, added to the index at `addedAt`. */
export function redated(base: Article, docId: string, addedAt: string): Article {
  return {
    ...base,
    docId,
    addedAt,
    paragraphs: base.paragraphs.map((p) => ({ ...p, id: `${docId}#p${p.n}`, docId })),
  };
}

/** An in-memory index (corpus only: all the digest reads) holding `articles`. */
export function corpusOf(articles: readonly Article[]): { corpus: CorpusStore } {
  const corpus = new CorpusStore();
  for (const article of articles) corpus.addArticle(article, []);
  return { corpus };
}

/** A mutable index provider: tests swap the corpus the way the bot swaps a reloaded index. */
export class SwappableIndex {
  current: { corpus: CorpusStore } | null;
  constructor(articles: readonly Article[] = []) {
    this.current = corpusOf(articles);
  }
  add(...articles: Article[]): void {
    const all = [...(this.current?.corpus.listArticles() ?? []), ...articles];
    this.current = corpusOf(all);
  }
  readonly provider = () => this.current;
}

/** Telegram HTML check: only the tags we emit, properly nested and closed, and no stray `<`, `>` or bare `&`. */
export function assertValidTelegramHtml(html: string): void {
  const allowed = new Set(['b', 'a', 'i', 'code', 'pre', 'blockquote']);
  const stack: string[] = [];
  const withoutTags = html.replace(/<(\/?)([a-z]+)(?:\s+href="[^"<>]*")?>/g, (_whole, closing: string, name: string) => {
    assert.ok(allowed.has(name), `tag <${name}> is allowed in Telegram HTML`);
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the innermost open tag in: ${html.slice(0, 200)}`);
    else stack.push(name);
    return '';
  });
  assert.deepEqual(stack, [], 'every tag is closed');
  assert.ok(!/[<>]/.test(withoutTags), 'no unescaped < or > outside tags');
  assert.ok(!/&(?!(?:amp|lt|gt|quot);)/.test(withoutTags), 'every & starts an entity');
}
