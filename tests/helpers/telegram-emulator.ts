/**
 * A small Telegram Bot API emulator on 127.0.0.1 for tests and the bot benchmark. It implements what Kaocha's bot
 * uses (getMe, getUpdates as real long polling with offset/timeout, sendMessage, editMessageText,
 * answerCallbackQuery, answerInlineQuery, sendChatAction, setMyCommands, deleteWebhook, setWebhook, getFile and
 * file downloads) and is strict where Telegram is: HTML parse mode is validated (allowed tags only, balanced,
 * the four named entities only, ≤ 4096 characters of text) and an invalid message is answered 400, as Telegram
 * would, and recorded in `rejections`. Tests inject user messages, callback queries, inline queries and
 * documents, and await the bot's replies. `failNext` makes a method answer 429 (with retry_after) or 500 once.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EmulatedUser {
  id: number;
  first_name: string;
  username?: string;
  is_bot?: false;
}

export interface EmulatedChat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
  first_name?: string;
}

/** A message the bot sent (or edited). */
export interface BotMessage {
  message_id: number;
  chat_id: number;
  text: string;
  parse_mode?: string;
  reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> };
  reply_to_message_id?: number;
  /** Number of times it was edited. */
  edits: number;
  /** When the emulator received it (performance.now()). */
  at: number;
}

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  at: number;
}

export interface Rejection {
  method: string;
  description: string;
  text?: string;
}

export interface InjectedFailure {
  status: 429 | 500;
  /** For 429: seconds the client must wait. */
  retryAfter?: number;
}

interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  bytes: Buffer;
}

export interface EmulatorOptions {
  token: string;
  /** The bot's username (without @). */
  botUsername?: string;
  /** Longest wait of one getUpdates long poll, whatever timeout the bot asks for (keeps tests snappy on stop). */
  maxPollWaitMs?: number;
}

const ALLOWED_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'a', 'code', 'pre', 'blockquote', 'tg-spoiler', 'span']);
const NAMED_ENTITIES = new Set(['lt', 'gt', 'amp', 'quot']);
export const TELEGRAM_TEXT_LIMIT = 4096;
const CALLBACK_DATA_LIMIT = 64;

/**
 * Validates Telegram HTML; returns the visible text on success or throws an Error whose message is the Bot API
 * style description ("can't parse entities: ..."). Stricter than Telegram in one way: attributes must be quoted.
 */
export function parseTelegramHtml(html: string): string {
  const fail = (why: string, at: number): never => {
    throw new Error(`Bad Request: can't parse entities: ${why} at byte offset ${at}`);
  };
  const stack: string[] = [];
  let visible = '';
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '<') {
      const end = html.indexOf('>', i);
      if (end < 0) fail('unclosed start tag', i);
      const raw = html.slice(i + 1, end);
      const closing = raw.startsWith('/');
      const match = /^\/?([a-z-]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*$/.exec(raw);
      if (!match) fail(`unsupported tag "<${raw}>"`, i);
      const name = match![1]!;
      if (!ALLOWED_TAGS.has(name)) fail(`unsupported start tag "${name}"`, i);
      if (closing) {
        if (match![2]) fail('end tag with attributes', i);
        const open = stack.pop();
        if (open !== name) fail(`unmatched end tag "${name}" (expected "${open ?? 'none'}")`, i);
      } else {
        const attributes = [...match![2]!.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => ({ name: m[1]!, value: m[2]! }));
        for (const attribute of attributes) {
          const ok =
            (name === 'a' && attribute.name === 'href') ||
            (name === 'span' && attribute.name === 'class' && attribute.value === 'tg-spoiler') ||
            (name === 'code' && attribute.name === 'class' && attribute.value.startsWith('language-')) ||
            (name === 'blockquote' && attribute.name === 'expandable');
          if (!ok) fail(`unsupported attribute "${attribute.name}" of tag "${name}"`, i);
          parseEntities(attribute.value, i, fail);
        }
        if (name === 'a') {
          const href = attributes.find((a) => a.name === 'href');
          if (!href || !/^(https?|tg):\/\//.test(parseEntities(href.value, i, fail))) fail('bad or missing href', i);
        }
        if (name === 'span' && attributes.length === 0) fail('span without class tg-spoiler', i);
        stack.push(name);
      }
      i = end + 1;
    } else if (ch === '>') {
      fail('unescaped ">"', i);
    } else if (ch === '&') {
      const end = html.indexOf(';', i);
      const name = end < 0 ? '' : html.slice(i + 1, end);
      if (!NAMED_ENTITIES.has(name)) fail('unsupported or unterminated entity', i);
      visible += { lt: '<', gt: '>', amp: '&', quot: '"' }[name as 'lt'];
      i = end + 1;
    } else {
      visible += ch;
      i++;
    }
  }
  if (stack.length > 0) fail(`unclosed tag "${stack.at(-1)}"`, html.length);
  return visible;
}

function parseEntities(value: string, at: number, fail: (why: string, at: number) => never): string {
  return value.replace(/&([a-z]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';') || !NAMED_ENTITIES.has(name)) fail('unsupported entity in attribute', at);
    return { lt: '<', gt: '>', amp: '&', quot: '"' }[name as 'lt'];
  });
}

class ApiFailure extends Error {
  constructor(
    readonly status: number,
    description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

type Update = Record<string, unknown> & { update_id: number };

/** The emulator. Create with `TelegramEmulator.start()`, stop with `close()`. */
export class TelegramEmulator {
  readonly token: string;
  readonly bot: { id: number; is_bot: true; first_name: string; username: string; can_join_groups: boolean; can_read_all_group_messages: boolean; supports_inline_queries: boolean };
  /** Every successful message the bot sent, in order (edits update the entry). */
  readonly messages: BotMessage[] = [];
  readonly calls: ApiCall[] = [];
  readonly rejections: Rejection[] = [];
  readonly callbackAnswers: Array<{ callback_query_id: string; text?: string }> = [];
  readonly inlineAnswers: Array<{ inline_query_id: string; results: Array<Record<string, unknown>> }> = [];
  commands: unknown[] = [];

  #server!: http.Server;
  #port = 0;
  #updates: Update[] = [];
  #nextUpdateId = 1;
  #nextMessageId = 1;
  #nextCallbackId = 1;
  #files = new Map<string, StoredFile>();
  #failures = new Map<string, InjectedFailure[]>();
  #pollWaiters = new Set<() => void>();
  #messageWaiters = new Set<() => void>();
  readonly #maxPollWaitMs: number;
  /** Messages users sent, by chat and id (so replies to the bot can reference them). */
  #userMessages = new Map<string, Record<string, unknown>>();

  private constructor(options: EmulatorOptions) {
    this.token = options.token;
    const id = Number(options.token.split(':')[0]);
    this.bot = {
      id,
      is_bot: true,
      first_name: '考察通',
      username: options.botUsername ?? 'kaocha_test_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: true,
    };
    this.#maxPollWaitMs = options.maxPollWaitMs ?? 1_000;
  }

  static async start(options: EmulatorOptions): Promise<TelegramEmulator> {
    const emulator = new TelegramEmulator(options);
    emulator.#server = http.createServer((request, response) => void emulator.#handle(request, response));
    await new Promise<void>((resolve) => emulator.#server.listen(0, '127.0.0.1', resolve));
    emulator.#port = (emulator.#server.address() as AddressInfo).port;
    return emulator;
  }

  /** What to pass as TELEGRAM_API_ROOT. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  async close(): Promise<void> {
    for (const wake of this.#pollWaiters) wake();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  // ---- injection ----------------------------------------------------------------------------------------

  /** Makes the next call(s) of `method` fail once each with the given status. */
  failNext(method: string, failure: InjectedFailure): void {
    const queue = this.#failures.get(method) ?? [];
    queue.push(failure);
    this.#failures.set(method, queue);
  }

  /**
   * A user sends text. Entities are derived like Telegram does: a leading `/command` becomes a `bot_command`
   * entity, `@name` a `mention`. `replyTo` is the id of a message in the same chat (the bot's or a user's).
   */
  sendText(chat: EmulatedChat, from: EmulatedUser, text: string, options: { replyTo?: number } = {}): Record<string, unknown> {
    const entities: Array<{ type: string; offset: number; length: number }> = [];
    const command = /^\/[a-z_]+(?:@\w+)?/i.exec(text);
    if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
    for (const mention of text.matchAll(/@\w{3,}/g)) {
      if (!command || mention.index! >= command[0].length) entities.push({ type: 'mention', offset: mention.index!, length: mention[0].length });
    }
    return this.#pushMessage(chat, from, { text, ...(entities.length ? { entities } : {}) }, options.replyTo);
  }

  /** A user sends a document; the bytes are downloadable through getFile + /file/bot<token>/<path>. */
  sendDocument(chat: EmulatedChat, from: EmulatedUser, fileName: string, content: string | Buffer, caption?: string): Record<string, unknown> {
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const n = this.#files.size + 1;
    const file: StoredFile = { file_id: `file-${n}`, file_unique_id: `u${n}`, file_path: `documents/file_${n}${fileName.slice(fileName.lastIndexOf('.'))}`, bytes };
    this.#files.set(file.file_id, file);
    const document = { file_name: fileName, mime_type: 'text/plain', file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: bytes.byteLength };
    return this.#pushMessage(chat, from, { document, ...(caption ? { caption } : {}) });
  }

  /** A user presses an inline button under a bot message; returns the callback query id. */
  pressButton(from: EmulatedUser, message: BotMessage, data: string): string {
    const id = String(this.#nextCallbackId++);
    const chat = { id: message.chat_id, type: message.chat_id > 0 ? 'private' : 'group' };
    this.#push({
      callback_query: {
        id,
        from: { is_bot: false, ...from },
        chat_instance: `ci-${message.chat_id}`,
        data,
        message: { message_id: message.message_id, date: now(), chat, from: this.bot, text: message.text },
      },
    });
    return id;
  }

  /** A user types `@bot query` in any chat; returns the inline query id. */
  inlineQuery(from: EmulatedUser, query: string): string {
    const id = `iq-${this.#nextCallbackId++}`;
    this.#push({ inline_query: { id, from: { is_bot: false, ...from }, query, offset: '' } });
    return id;
  }

  // ---- observation --------------------------------------------------------------------------------------

  /** Messages the bot sent to `chatId`, in order. */
  messagesTo(chatId: number): BotMessage[] {
    return this.messages.filter((m) => m.chat_id === chatId);
  }

  /** Resolves when `predicate` holds (checked after every bot API call); rejects after `timeoutMs`. */
  async waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
    const first = predicate();
    if (first) return first;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#messageWaiters.delete(check);
        reject(new Error(`emulator: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const check = () => {
        const value = predicate();
        if (!value) return;
        clearTimeout(timer);
        this.#messageWaiters.delete(check);
        resolve(value);
      };
      this.#messageWaiters.add(check);
    });
  }

  /** Waits until the bot has sent at least `count` messages to `chatId` after `afterIndex` (a `messages.length`). */
  waitForMessages(chatId: number, count: number, options: { after?: number; timeoutMs?: number } = {}): Promise<BotMessage[]> {
    const after = options.after ?? 0;
    return this.waitFor(
      () => {
        const found = this.messages.slice(after).filter((m) => m.chat_id === chatId);
        return found.length >= count ? found : undefined;
      },
      options.timeoutMs,
      `${count} message(s) to chat ${chatId}`,
    );
  }

  /** Calls of `method` so far. */
  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** How many updates the bot has not yet confirmed (fetched with a higher offset). */
  get pendingUpdates(): number {
    return this.#updates.length;
  }

  // ---- internals ----------------------------------------------------------------------------------------

  #pushMessage(chat: EmulatedChat, from: EmulatedUser, content: Record<string, unknown>, replyTo?: number): Record<string, unknown> {
    const message: Record<string, unknown> = { message_id: this.#nextMessageId++, date: now(), chat, from: { is_bot: false, ...from }, ...content };
    if (replyTo !== undefined) {
      const bot = this.messages.find((m) => m.chat_id === chat.id && m.message_id === replyTo);
      message.reply_to_message = bot
        ? { message_id: bot.message_id, date: now(), chat, from: this.bot, text: bot.text }
        : this.#userMessages.get(`${chat.id}:${replyTo}`);
    }
    this.#userMessages.set(`${chat.id}:${message.message_id}`, message);
    this.#push({ message });
    return message;
  }

  #push(update: Record<string, unknown>): void {
    this.#updates.push({ update_id: this.#nextUpdateId++, ...update });
    for (const wake of this.#pollWaiters) wake();
  }

  #notify(): void {
    for (const check of [...this.#messageWaiters]) check();
  }

  async #handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.apiRoot);
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileMatch) {
      const file = [...this.#files.values()].find((f) => f.file_path === decodeURIComponent(fileMatch[2]!));
      if (fileMatch[1] !== this.token || !file) {
        send(404, { ok: false, error_code: 404, description: 'Not Found' });
        return;
      }
      response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file.bytes);
      return;
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!match) {
      send(404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    if (match[1] !== this.token) {
      send(401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    const method = match[2]!;
    let params: Record<string, unknown>;
    try {
      params = await readParams(request, url);
    } catch {
      send(400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' });
      return;
    }
    const call: ApiCall = { method, params, at: performance.now() };
    this.calls.push(call);
    const failure = this.#failures.get(method)?.shift();
    try {
      if (failure) {
        if (failure.status === 429) throw new ApiFailure(429, `Too Many Requests: retry after ${failure.retryAfter ?? 1}`, { retry_after: failure.retryAfter ?? 1 });
        throw new ApiFailure(500, 'Internal Server Error');
      }
      const result = await this.#dispatch(method, params, response);
      if (!response.destroyed) send(200, { ok: true, result });
    } catch (error) {
      if (error instanceof ApiFailure) {
        if (error.status === 400) this.rejections.push({ method, description: error.message, text: typeof params.text === 'string' ? params.text : undefined });
        send(error.status, { ok: false, error_code: error.status, description: error.message, ...(error.parameters ? { parameters: error.parameters } : {}) });
      } else {
        send(500, { ok: false, error_code: 500, description: `Internal Server Error: ${error instanceof Error ? error.message : String(error)}` });
      }
    } finally {
      this.#notify();
    }
  }

  async #dispatch(method: string, params: Record<string, unknown>, response: http.ServerResponse): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return this.bot;
      case 'getUpdates':
        return this.#getUpdates(params, response);
      case 'deleteWebhook':
      case 'setWebhook':
      case 'sendChatAction':
        return true;
      case 'setMyCommands':
        this.commands = params.commands as unknown[];
        return true;
      case 'sendMessage':
        return this.#sendMessage(params);
      case 'editMessageText':
        return this.#editMessageText(params);
      case 'answerCallbackQuery':
        this.callbackAnswers.push({ callback_query_id: String(params.callback_query_id), text: params.text as string | undefined });
        return true;
      case 'answerInlineQuery':
        return this.#answerInlineQuery(params);
      case 'getFile': {
        const file = this.#files.get(String(params.file_id));
        if (!file) throw new ApiFailure(400, 'Bad Request: invalid file_id');
        return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.bytes.byteLength, file_path: file.file_path };
      }
      default:
        throw new ApiFailure(404, `Not Found: method ${method} is not emulated`);
    }
  }

  async #getUpdates(params: Record<string, unknown>, response: http.ServerResponse): Promise<Update[]> {
    const offset = Number(params.offset ?? 0);
    const limit = Math.min(100, Number(params.limit ?? 100));
    // Confirm (drop) everything below the offset, as Telegram does.
    if (offset > 0) this.#updates = this.#updates.filter((u) => u.update_id >= offset);
    const available = () => this.#updates.filter((u) => u.update_id >= offset).slice(0, limit);
    if (available().length > 0) return available();
    const waitMs = Math.min(Number(params.timeout ?? 0) * 1000, this.#maxPollWaitMs);
    if (waitMs <= 0) return [];
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.#pollWaiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, waitMs);
      this.#pollWaiters.add(wake);
      // The client gave up (the bot is stopping): stop waiting.
      response.once('close', wake);
    });
    return available();
  }

  #checkText(params: Record<string, unknown>): string {
    const text = params.text;
    if (typeof text !== 'string') throw new ApiFailure(400, 'Bad Request: message text is empty');
    let visible = text;
    if (params.parse_mode === 'HTML') {
      try {
        visible = parseTelegramHtml(text);
      } catch (error) {
        throw new ApiFailure(400, (error as Error).message);
      }
    } else if (params.parse_mode !== undefined) {
      throw new ApiFailure(400, `Bad Request: unsupported parse_mode ${String(params.parse_mode)}`);
    }
    if (visible.trim().length === 0) throw new ApiFailure(400, 'Bad Request: message text is empty');
    if (visible.length > TELEGRAM_TEXT_LIMIT) throw new ApiFailure(400, 'Bad Request: message is too long');
    this.#checkKeyboard(params.reply_markup);
    return text;
  }

  #checkKeyboard(markup: unknown): void {
    if (markup === undefined) return;
    const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
    if (!Array.isArray(rows)) throw new ApiFailure(400, 'Bad Request: bad reply_markup');
    for (const button of rows.flat() as Array<{ text?: string; callback_data?: string }>) {
      if (!button.text) throw new ApiFailure(400, 'Bad Request: button text is empty');
      if (button.callback_data !== undefined && Buffer.byteLength(button.callback_data) > CALLBACK_DATA_LIMIT) {
        throw new ApiFailure(400, 'Bad Request: BUTTON_DATA_INVALID');
      }
    }
  }

  #sendMessage(params: Record<string, unknown>): Record<string, unknown> {
    const text = this.#checkText(params);
    const chatId = Number(params.chat_id);
    const replyTo = (params.reply_parameters as { message_id?: number } | undefined)?.message_id ?? (params.reply_to_message_id as number | undefined);
    const message: BotMessage = {
      message_id: this.#nextMessageId++,
      chat_id: chatId,
      text,
      parse_mode: params.parse_mode as string | undefined,
      reply_markup: params.reply_markup as BotMessage['reply_markup'],
      reply_to_message_id: replyTo,
      edits: 0,
      at: performance.now(),
    };
    this.messages.push(message);
    return { message_id: message.message_id, date: now(), chat: { id: chatId, type: chatId > 0 ? 'private' : 'group' }, from: this.bot, text };
  }

  #editMessageText(params: Record<string, unknown>): Record<string, unknown> {
    const text = this.#checkText(params);
    const message = this.messages.find((m) => m.chat_id === Number(params.chat_id) && m.message_id === Number(params.message_id));
    if (!message) throw new ApiFailure(400, 'Bad Request: message to edit not found');
    if (message.text === text && JSON.stringify(message.reply_markup) === JSON.stringify(params.reply_markup)) {
      throw new ApiFailure(400, 'Bad Request: message is not modified');
    }
    message.text = text;
    message.reply_markup = params.reply_markup as BotMessage['reply_markup'];
    message.edits++;
    message.at = performance.now();
    return { message_id: message.message_id, date: now(), chat: { id: message.chat_id, type: message.chat_id > 0 ? 'private' : 'group' }, text };
  }

  #answerInlineQuery(params: Record<string, unknown>): boolean {
    const results = (params.results ?? []) as Array<Record<string, unknown>>;
    if (results.length > 50) throw new ApiFailure(400, 'Bad Request: too many results');
    for (const result of results) {
      if (typeof result.id !== 'string' || Buffer.byteLength(result.id) > 64) throw new ApiFailure(400, 'Bad Request: RESULT_ID_INVALID');
      const content = result.input_message_content as Record<string, unknown> | undefined;
      if (!content) throw new ApiFailure(400, 'Bad Request: no input_message_content');
      this.#checkText({ text: content.message_text, parse_mode: content.parse_mode });
    }
    this.inlineAnswers.push({ inline_query_id: String(params.inline_query_id), results });
    return true;
  }
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

/** Bot API parameters come as JSON, form data or query string; grammY sends JSON. */
async function readParams(request: http.IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
  if (body && (request.headers['content-type'] ?? '').includes('application/json')) Object.assign(params, JSON.parse(body));
  return params;
}
