/** The chat stage: conversation logic shared by the Telegram bot, the terminal chat and `ask --file` chats. */
export { resolveFollowUp, subjectOf, turnOf, turnAfter, delegationIn, placesIn, DEFAULT_FOLLOW_UP_MAX_CHARS, type Turn, type FollowUpResolution } from './follow-up.ts';
export { ConversationMemory, DEFAULT_MAX_CHATS, type ChatContext, type ConversationMemoryOptions } from './memory.ts';
export { classifyMessage, isGibberishMiss, sharesWords, type MessageIntent } from './intent.ts';
export { CHAT_TEXT, EXAMPLE_QUESTIONS } from './messages.ts';
export { sourceLines, sourceLineText, shortenTitle, displayDate, SOURCE_TITLE_MAX_CHARS, type CitedParagraph, type SourceLine } from './sources.ts';
export { withMonths } from './dates.ts';
export { displaySentence } from './answer-text.ts';
