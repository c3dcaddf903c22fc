/**
 * What went wrong, as a machine-readable tag: `invalid-input` (a user typed a bad time, timezone or setting;
 * `userMessage` holds the Chinese text to show), `not-subscribed`, `chat-blocked` (Telegram 403: the chat
 * blocked or removed the bot), `database` (the state file cannot be opened or migrated), `io` (everything else).
 */
export type DigestErrorCode = 'invalid-input' | 'not-subscribed' | 'chat-blocked' | 'database' | 'io';

/** Failure in the digest stage. Messages are prefixed `digest:`; `userMessage` is what a chat user may see. */
export class DigestError extends Error {
  readonly code: DigestErrorCode;
  /** Short Simplified Chinese explanation for the user, when the failure is theirs to fix. */
  readonly userMessage: string | undefined;

  constructor(message: string, options: { cause?: unknown; code?: DigestErrorCode; userMessage?: string } = {}) {
    super(`digest: ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DigestError';
    this.code = options.code ?? 'io';
    this.userMessage = options.userMessage;
  }
}

/** Telegram refused delivery with 403 (bot blocked, kicked from the group, user deactivated). Never retried. */
export class ChatBlockedError extends DigestError {
  readonly chatId: number;

  constructor(chatId: number, cause?: unknown) {
    super(`chat ${chatId} blocked the bot or removed it (Telegram 403)`, { code: 'chat-blocked', cause });
    this.name = 'ChatBlockedError';
    this.chatId = chatId;
  }
}
