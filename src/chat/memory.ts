/**
 * Per-chat, bounded, expiring memory of the last turn (the bot keys it by Telegram chat id, the terminal by one
 * fixed id, `ask --file` by the lines' "chat" ids).
 */
import type { Turn } from './follow-up.ts';

/** What a chat remembers between messages. */
export interface ChatContext<T> {
  /** The last stand-alone question and its subject. */
  turn: Turn;
  /** Whatever the bot keeps about its last answer (e.g. the citations for /source n). */
  value: T;
  at: number;
}

export interface ConversationMemoryOptions {
  /** How long a context lives (ms). */
  ttlMs: number;
  /** Most chats remembered; the least recently used go first. */
  maxChats?: number;
  now?: () => number;
}

export const DEFAULT_MAX_CHATS = 5_000;

/** Per-chat, bounded, expiring memory of the last question and answer. */
export class ConversationMemory<T> {
  readonly #ttlMs: number;
  readonly #maxChats: number;
  readonly #now: () => number;
  readonly #chats = new Map<string | number, ChatContext<T>>();

  constructor(options: ConversationMemoryOptions) {
    this.#ttlMs = options.ttlMs;
    this.#maxChats = options.maxChats ?? DEFAULT_MAX_CHATS;
    this.#now = options.now ?? Date.now;
  }

  /** The chat's context, or undefined when there is none or it expired. */
  get(chatId: string | number): ChatContext<T> | undefined {
    const context = this.#chats.get(chatId);
    if (!context) return undefined;
    if (this.#now() - context.at > this.#ttlMs) {
      this.#chats.delete(chatId);
      return undefined;
    }
    return context;
  }

  set(chatId: string | number, turn: Turn, value: T): void {
    this.#chats.delete(chatId);
    this.#chats.set(chatId, { turn, value, at: this.#now() });
    while (this.#chats.size > this.#maxChats) {
      const oldest = this.#chats.keys().next().value as string | number;
      this.#chats.delete(oldest);
    }
  }

  /** Forgets the chat's context (/new). */
  clear(chatId: string | number): boolean {
    return this.#chats.delete(chatId);
  }

  get size(): number {
    return this.#chats.size;
  }
}
