/**
 * Questions: `/ask <问题>`, any text in a private chat, and in groups mentions of the bot or replies to it. This
 * composer's catch-all text handler must be installed after every other command (see create-bot.ts).
 */
import { Composer } from 'grammy';
import { isAddressedToBot, questionText, type ChatKind } from '../access.ts';
import type { BotContext } from '../context.ts';
import { answerBlocks, citationKeyboard, draftPreviewHtml } from '../format.ts';
import { splitHtmlMessage } from '../html.ts';
import { CHAT_TEXT, classifyMessage, isGibberishMiss, resolveFollowUp, sharesWords, turnAfter } from '../../chat/index.ts';
import { escapeHtml } from '../html.ts';
import { TEXT } from '../messages.ts';
import { DraftReply, sendHtmlMessages, showTyping, type ReplyTarget } from '../reply.ts';

/** Where to reply: in groups the answer quotes the asker's message, in private chats it just follows. */
export function replyTargetOf(ctx: BotContext): ReplyTarget {
  const message = ctx.msg!;
  const inGroup = ctx.chat!.type !== 'private';
  return {
    chatId: ctx.chat!.id,
    quoteMessageId: inGroup ? message.message_id : undefined,
    threadId: message.is_topic_message ? message.message_thread_id : undefined,
  };
}

/**
 * Answers `rawQuestion` in the current chat: checks length, resolves a follow-up against the chat's context,
 * shows "typing…", asks, and sends the cited answer. Rate limiting happened in the middleware.
 */
export async function answerQuestion(ctx: BotContext, rawQuestion: string): Promise<void> {
  const { services } = ctx.kaocha;
  const target = replyTargetOf(ctx);
  const asked = rawQuestion.trim();
  if (asked.length === 0) {
    await sendHtmlMessages(ctx.api, target, [TEXT.emptyQuestion]);
    return;
  }
  if (asked.length > services.maxQuestionChars) {
    await sendHtmlMessages(ctx.api, target, [TEXT.tooLong(services.maxQuestionChars, asked.length)]);
    return;
  }
  const chatId = ctx.chat!.id;
  const intent = classifyMessage(asked);
  if (intent.kind === 'reply') {
    await sendHtmlMessages(ctx.api, target, [escapeHtml(intent.text)]);
    return;
  }
  const context = services.memory.get(chatId);
  const resolved = resolveFollowUp(asked, context?.turn);
  // Best effort and never awaited: a slow or failing indicator must not hold up the answer (or the chat's queue).
  void showTyping(ctx.api, target, services.log.warn);

  const reply = new DraftReply(ctx.api, target, {
    intervalMs: services.behaviour.draftEditIntervalMs,
    now: services.now,
    preview: (draft) => draftPreviewHtml(draft, services.behaviour.draftPreviewChars),
    warn: services.log.warn,
  });
  const { answer, understood = resolved.question } = await services.knowledge.current().ask(resolved.question, { onDraft: reply.onDraft, near: resolved.near });
  if (!answer.found && isGibberishMiss(asked, sharesWords(asked, answer.nearest.map((c) => c.text)))) {
    await reply.finish([escapeHtml(CHAT_TEXT.gibberish)]);
    return;
  }
  const blocks = answerBlocks(answer);
  // Say how a follow-up or a typo was understood, so a wrong guess is visible instead of silently answered.
  if (resolved.rewritten || understood !== resolved.question) blocks.unshift(TEXT.followUp(understood));
  const messages = splitHtmlMessage(blocks);
  const cited = answer.found ? answer.citations : answer.nearest;
  const keyboard = citationKeyboard(cited, (id) => services.shortKeys.keyFor(id));
  await reply.finish(messages, keyboard);
  services.memory.set(chatId, turnAfter(understood, answer), { citations: cited });
}

/** The message's text fields as the group rules need them. */
export function addressedFields(ctx: BotContext) {
  const message = ctx.msg!;
  return {
    chatType: ctx.chat!.type as ChatKind,
    text: message.text ?? message.caption ?? '',
    entities: message.entities ?? message.caption_entities,
    replyToUserId: message.reply_to_message?.from?.id,
  };
}

export function askComposer(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('ask', (ctx) => answerQuestion(ctx, ctx.match));
  return composer;
}

/** The catch-all: plain text (and unknown commands). Installed last. */
export function questionComposer(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('message:text', async (ctx) => {
    const text = ctx.msg.text;
    if (!isAddressedToBot(addressedFields(ctx), ctx.me)) return;
    if (text.startsWith('/')) {
      // A command nobody handled; in groups only when it was explicitly ours.
      await sendHtmlMessages(ctx.api, replyTargetOf(ctx), [TEXT.unknownCommand]);
      return;
    }
    await answerQuestion(ctx, questionText(text, ctx.me.username));
  });
  composer.on('message', async (ctx) => {
    if (ctx.chat.type !== 'private') return;
    await sendHtmlMessages(ctx.api, replyTargetOf(ctx), [TEXT.nonText]);
  });
  return composer;
}
