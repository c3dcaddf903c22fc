export { escapeHtml, escapeAttribute, splitHtmlMessage, TELEGRAM_MESSAGE_LIMIT } from './html.ts';
export { createBot, DEFAULT_API_ROOT, RefusalBook, MAX_REFUSED_CHATS, type CreateBotOptions } from './create-bot.ts';
export { budgetedRetry, DEFAULT_RETRY, NEVER_RETRIED, type RetryPolicy, type RetryEvents } from './retry.ts';
export { runBot, BOT_COMMANDS, ADMIN_BOT_COMMANDS, commandMenus, ALLOWED_UPDATES, RecentIds, DEFAULT_START_TIMEOUT_MS, type RunBotOptions, type RunningBot } from './run-bot.ts';
export { createIndexMaintenance, type IndexMaintenanceOptions } from './maintenance.ts';
export {
  DEFAULT_BOT_BEHAVIOUR,
  ShortKeyBook,
  type AskService,
  type BotBehaviour,
  type BotContext,
  type BotFeature,
  type BotServices,
  type IndexMaintenance,
  type KnowledgeSource,
  type LastAnswer,
} from './context.ts';
export { isAdmin, isAllowed, isAddressedToBot, questionText, type AccessPolicy, type AddressedMessage, type ChatKind } from './access.ts';
export { RateLimiter, type RateDecision, type RateLimiterOptions } from './rate-limit.ts';
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
export { answerQuestion } from './features/ask.ts';
export { checkFeature, checkCommands, claimOf, CHECK_MESSAGES, type CheckCommandOptions } from './features/check.ts';
export { digestFeature, digestCommands, describeSubscription, DIGEST_COMMANDS, type DigestCommandOptions } from './features/digest.ts';
export { toursFeature } from './features/tours.ts';
export { builtinFeatures, helpHtml } from './features/help.ts';
export { renderFactCheckHtml } from './factcheck-html.ts';
export { renderDigestHtml } from './digest-html.ts';
export { inlineResults } from './features/inline.ts';
export { DraftReply, sendHtmlMessages, showTyping, type ReplyTarget } from './reply.ts';
export { TEXT, EXAMPLE_QUESTIONS } from './messages.ts';
export { BotError } from './errors.ts';
