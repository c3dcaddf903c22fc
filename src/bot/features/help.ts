/** /start, /help and /new. */
import { Composer } from 'grammy';
import { escapeHtml } from '../html.ts';
import type { BotContext } from '../context.ts';
import { EXAMPLE_QUESTIONS, TEXT } from '../messages.ts';
import { sendHtmlMessages } from '../reply.ts';
import { replyTargetOf } from './ask.ts';

export function startComposer(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('start', async (ctx) => {
    const examples = EXAMPLE_QUESTIONS.map((q) => `• ${escapeHtml(q)}`).join('\n');
    await sendHtmlMessages(ctx.api, replyTargetOf(ctx), [`${TEXT.intro}\n${examples}\n\n发送 /help 查看全部命令。`]);
  });
  composer.command('help', (ctx) => sendHtmlMessages(ctx.api, replyTargetOf(ctx), [TEXT.help]));
  composer.command('new', async (ctx) => {
    ctx.kaocha.services.memory.clear(ctx.chat.id);
    await sendHtmlMessages(ctx.api, replyTargetOf(ctx), [TEXT.contextCleared]);
  });
  return composer;
}
