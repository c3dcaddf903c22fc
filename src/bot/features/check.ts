/**
 * The chat command: `/check <断言>`, or `/check` sent as a reply to a message (checks that message's text).
 * One grammY Composer; the bot mounts it after its access control.
 */
import { Composer, type Context } from 'grammy';
import type { FactChecker } from '../../factcheck/index.ts';
import type { Logger } from '../../log.ts';
import type { BotContext, BotFeature } from '../context.ts';
import { renderFactCheckHtml } from '../factcheck-html.ts';

/** Options of the /check command. */
export interface CheckCommandOptions {
  /** Longer claims get a clear message instead of a check (config.maxQuestionChars). */
  maxClaimChars: number;
  log?: Logger;
}

/** What users see for input the command cannot check. */
export const CHECK_MESSAGES = {
  usage: '用法：/check 要核查的句子\n例如：/check 湖南省党政代表团共考察了36个点\n也可以回复一条消息并发送 /check，核查那条消息。',
  tooLong: (max: number) => `这段文字太长了（上限 ${max} 字）。请只发送要核查的那一句。`,
  failed: '核查时出错了，请稍后再试。',
} as const;

/** The claim a /check message asks about: its argument, else the text (or caption) of the message it replies to. */
export function claimOf(ctx: Context): string {
  const argument = typeof ctx.match === 'string' ? ctx.match.trim() : '';
  if (argument) return argument;
  const replied = ctx.msg?.reply_to_message;
  return (replied?.text ?? replied?.caption ?? '').trim();
}

/** A Composer handling /check with the given checker. */
export function checkCommands(checker: FactChecker, options: CheckCommandOptions): Composer<Context> {
  const composer = new Composer<Context>();
  composer.command('check', async (ctx) => {
    const claim = claimOf(ctx);
    const replyTo = ctx.msg?.message_id ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } } : {};
    if (!claim) {
      await ctx.reply(CHECK_MESSAGES.usage, replyTo);
      return;
    }
    if ([...claim].length > options.maxClaimChars) {
      await ctx.reply(CHECK_MESSAGES.tooLong(options.maxClaimChars), replyTo);
      return;
    }
    // Best effort, not awaited: the check must not wait for the indicator.
    void ctx.replyWithChatAction('typing').catch(() => undefined);
    let messages: string[];
    try {
      messages = renderFactCheckHtml(await checker.check(claim));
    } catch (error) {
      options.log?.error(`factcheck: /check failed: ${error instanceof Error ? error.message : String(error)}`);
      await ctx.reply(CHECK_MESSAGES.failed, replyTo);
      return;
    }
    for (const [i, html] of messages.entries()) {
      await ctx.reply(html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(i === 0 ? replyTo : {}) });
    }
  });
  return composer;
}

/** The /check feature. */
export function checkFeature(checker: FactChecker, options: CheckCommandOptions): BotFeature {
  return {
    name: 'check',
    composer: checkCommands(checker, options) as unknown as Composer<BotContext>,
    commands: [{ command: 'check', description: '核查一句话是否与资料相符' }],
    help: ['/check &lt;一句话&gt; — 核查是否与资料相符，例如：/check 湖南省党政代表团共考察了36个点'],
  };
}
