/**
 * What every handler can reach: the bot's context type (grammY `Context` plus `ctx.kaocha`) and the services it
 * carries. Extra feature composers (fact-check, digest) are typed `Composer<BotContext>` and see the same.
 */
import type { Composer, Context } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { Answer, AnswerOptions, Citation } from '../answer/index.ts';
import type { TelegramSettings } from '../config.ts';
import type { EmbedderInfo } from '../embed/index.ts';
import type { IngestReport } from '../ingest/index.ts';
import type { Logger } from '../log.ts';
import type { LoadedIndex } from '../store/index.ts';
import type { ConversationMemory } from '../chat/index.ts';
import type { RateLimiter } from './rate-limit.ts';

/** One loaded index generation that can answer questions (`QuestionAnswering` from src/app.ts fits). */
export interface AskService {
  readonly index: LoadedIndex;
  readonly embedder: { readonly info: EmbedderInfo };
  /** `understood`: the question as answered (typos corrected); absent means as asked. */
  ask(question: string, options?: AnswerOptions): Promise<{ answer: Answer; understood?: string }>;
}

/** The current generation, swapped when the index changes on disk. */
export interface KnowledgeSource {
  current(): AskService;
  /** Checks the index on disk now and swaps in a new generation if there is one; true when it swapped. */
  reload(): Promise<boolean>;
}

/** Admin operations that write the index (the bot process becomes the index writer for their duration). */
export interface IndexMaintenance {
  /** Ingests one uploaded file (already size-checked by the caller as well). */
  ingestUpload(fileName: string, bytes: Uint8Array): Promise<IngestReport>;
  /** Rebuilds the index from the corpus directory. */
  rebuild(): Promise<IngestReport>;
}

/** What a chat remembers about its last answer (for follow-ups, /source n and the buttons). */
export interface LastAnswer {
  citations: Citation[];
}

/** Tunables of the bot's behaviour (not user settings: defaults suit Telegram's limits). */
export interface BotBehaviour {
  /** Minimum time between two edits of a streaming draft: Telegram allows about one edit per second per chat. */
  draftEditIntervalMs: number;
  /** Longest draft preview shown while an answer streams. */
  draftPreviewChars: number;
  /** Articles per `/sources` page. */
  sourcesPageSize: number;
  /** Inline-mode results per query (Telegram shows a list; three short answers is plenty). */
  inlineResults: number;
  /** Longest answer body in an inline result. */
  inlineBodyChars: number;
  /** How long an unauthorised chat is not refused again (one refusal, not one per message). */
  refusalCooldownMs: number;
}

export const DEFAULT_BOT_BEHAVIOUR: BotBehaviour = {
  draftEditIntervalMs: 1_200,
  draftPreviewChars: 600,
  sourcesPageSize: 8,
  inlineResults: 3,
  inlineBodyChars: 600,
  refusalCooldownMs: 10 * 60_000,
};

/** Shared by all handlers of one bot. */
export interface BotServices {
  readonly knowledge: KnowledgeSource;
  readonly maintenance: IndexMaintenance | undefined;
  readonly telegram: TelegramSettings;
  readonly maxQuestionChars: number;
  readonly log: Logger;
  readonly now: () => number;
  readonly startedAt: number;
  readonly behaviour: BotBehaviour;
  readonly memory: ConversationMemory<LastAnswer>;
  readonly rateLimiter: RateLimiter;
  /** Remembers long paragraph ids behind short callback keys (callback data is limited to 64 bytes). */
  readonly shortKeys: ShortKeyBook;
  /** Downloads a file by its Bot API `file_path` (the token stays inside). */
  readonly downloadFile: (filePath: string, maxBytes: number) => Promise<Uint8Array>;
}

/** grammY context of this bot. */
export type BotContext = Context & {
  kaocha: {
    services: BotServices;
    /** The sender is in ADMIN_USER_IDS. */
    isAdmin: boolean;
  };
};

/** Bounded two-way map paragraph id ↔ short key. */
export class ShortKeyBook {
  readonly #byKey = new Map<string, string>();
  readonly #byId = new Map<string, string>();
  #next = 0;
  constructor(private readonly maxEntries = 10_000) {}

  keyFor(paragraphId: string): string {
    const known = this.#byId.get(paragraphId);
    if (known) return known;
    const key = (this.#next++).toString(36);
    this.#byKey.set(key, paragraphId);
    this.#byId.set(paragraphId, key);
    if (this.#byKey.size > this.maxEntries) {
      const [oldKey, oldId] = this.#byKey.entries().next().value as [string, string];
      this.#byKey.delete(oldKey);
      this.#byId.delete(oldId);
    }
    return key;
  }

  paragraphIdFor(key: string): string | undefined {
    return this.#byKey.get(key);
  }
}

/**
 * One feature of the bot (bot/features/*.ts): its Composer, installed after access control and rate limiting,
 * and the commands it adds to the menu (admin commands appear only in admins' menus and /help).
 */
export interface BotFeature {
  readonly name: string;
  readonly composer: Composer<BotContext>;
  readonly commands?: readonly BotCommand[];
  readonly adminCommands?: readonly BotCommand[];
  /** Lines for /help (HTML, escaped): one usage line with an example each. */
  readonly help?: readonly string[];
  readonly adminHelp?: readonly string[];
}
