export { escapeHtml, escapeAttribute, splitHtmlMessage, TELEGRAM_MESSAGE_LIMIT } from './html.ts';
export { createBot, DEFAULT_API_ROOT, RefusalBook, MAX_REFUSED_CHATS, type CreateBotOptions } from './create-bot.ts';
export { budgetedRetry, DEFAULT_RETRY, NEVER_RETRIED, type RetryPolicy, type RetryEvents } from './retry.ts';
export { runBot, BOT_COMMANDS, ALLOWED_UPDATES, RecentIds, DEFAULT_START_TIMEOUT_MS, type RunBotOptions, type RunningBot } from './run-bot.ts';
export { createIndexMaintenance, type IndexMaintenanceOptions } from './maintenance.ts';
export {
  DEFAULT_BOT_BEHAVIOUR,
  ShortKeyBook,
  type AskService,
  type BotBehaviour,
  type BotContext,
  type BotServices,
  type IndexMaintenance,
  type KnowledgeSource,
  type LastAnswer,
} from './context.ts';
export { isAdmin, isAllowed, isAddressedToBot, questionText, type AccessPolicy, type AddressedMessage, type ChatKind } from './access.ts';
export { RateLimiter, type RateDecision, type RateLimiterOptions } from './rate-limit.ts';
export { resolveFollowUp, subjectOf, ConversationMemory, type FollowUpResolution, type ChatContext } from './follow-up.ts';
export {
  answerBlocks,
  answerBodyHtml,
  sourceLineHtml,
  renderAnswerMessages,
  citationKeyboard,
  paragraphMessages,
  sourcesPage,
  type InlineKeyboard,
} from './format.ts';
export { answerQuestion } from './commands/ask.ts';
export { inlineResults } from './commands/inline.ts';
export { DraftReply, sendHtmlMessages, showTyping, type ReplyTarget } from './reply.ts';
export { TEXT, EXAMPLE_QUESTIONS } from './messages.ts';
export { BotError } from './errors.ts';
