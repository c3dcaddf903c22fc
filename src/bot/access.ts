/**
 * Who may talk to the bot, and which group messages are meant for it. Pure checks over plain ids and message
 * fields, so the rules are table-testable without Telegram.
 */

export interface AccessPolicy {
  /** Chats (users or groups) allowed to use the bot; empty = everyone. */
  allowedChatIds: readonly number[];
  /** Users allowed to run admin commands; admins are also allowed in any chat. */
  adminUserIds: readonly number[];
}

/** Whether `userId` is an admin. */
export function isAdmin(policy: AccessPolicy, userId: number | undefined): boolean {
  return userId !== undefined && policy.adminUserIds.includes(userId);
}

/**
 * Whether an update from `userId` in `chatId` may be served. Inline queries have no chat: then the user id is
 * checked against the allow-list (a private chat's id is the user's id, so listing a user covers both).
 */
export function isAllowed(policy: AccessPolicy, chatId: number | undefined, userId: number | undefined): boolean {
  if (policy.allowedChatIds.length === 0) return true;
  if (isAdmin(policy, userId)) return true;
  const id = chatId ?? userId;
  return id !== undefined && policy.allowedChatIds.includes(id);
}

export type ChatKind = 'private' | 'group' | 'supergroup' | 'channel';

/** The parts of a message that decide whether a group message is addressed to the bot. */
export interface AddressedMessage {
  chatType: ChatKind;
  text: string;
  /** Telegram message entities (offsets in UTF-16 code units, as JavaScript strings index). */
  entities?: ReadonlyArray<{ type: string; offset: number; length: number }>;
  /** Author id of the message this one replies to, if any. */
  replyToUserId?: number;
}

/**
 * Whether the bot should treat the message as meant for it: everything in a private chat; in groups only
 * commands (`/ask`, `/ask@thisbot`), mentions of the bot, and replies to the bot's own messages — a bot that
 * answered every group message would drown the conversation.
 */
export function isAddressedToBot(message: AddressedMessage, bot: { id: number; username: string }): boolean {
  if (message.chatType === 'private') return true;
  if (message.replyToUserId === bot.id) return true;
  const mention = `@${bot.username}`.toLowerCase();
  for (const entity of message.entities ?? []) {
    const part = message.text.slice(entity.offset, entity.offset + entity.length).toLowerCase();
    if (entity.type === 'mention' && part === mention) return true;
    if (entity.type === 'bot_command' && entity.offset === 0) {
      // "/ask@otherbot" is for another bot; a bare "/ask" in a group goes to every bot.
      const at = part.indexOf('@');
      if (at < 0 || part.slice(at) === mention) return true;
    }
  }
  return false;
}

/**
 * The question inside an addressed message: the command and mentions of the bot removed, whitespace trimmed.
 * `/ask 问题` → `问题`; `@kaocha_bot 问题` → `问题`.
 */
export function questionText(text: string, botUsername: string): string {
  const mention = new RegExp(`@${botUsername.replace(/[^\w]/g, '')}\\b`, 'gi');
  return text
    .replace(/^\/[a-z_]+(?:@\w+)?/i, '')
    .replace(mention, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
