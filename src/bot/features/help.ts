/** /start, /help and /new, and the built-in features (ask, sources, admin, inline) with their /help lines. */
import { Composer } from 'grammy';
import { EXAMPLE_QUESTIONS } from '../../chat/messages.ts';
import { escapeHtml } from '../html.ts';
import type { BotContext, BotFeature } from '../context.ts';
import { TEXT } from '../messages.ts';
import { sendHtmlMessages } from '../reply.ts';
import { adminComposer } from './admin.ts';
import { askComposer, replyTargetOf } from './ask.ts';
import { inlineComposer } from './inline.ts';
import { sourcesComposer } from './sources.ts';

/** The features every bot has, in installation order. */
export function builtinFeatures(): BotFeature[] {
  return [
    {
      name: 'ask',
      composer: askComposer(),
      help: [
        `直接发送问题，例如：${escapeHtml(EXAMPLE_QUESTIONS[0])}（群聊中用 /ask、@我 或回复我的消息）`,
        '可以接着追问，例如：那江西呢？ 他们签了什么协议？ — /new 开始新话题',
      ],
    },
    {
      name: 'sources',
      composer: sourcesComposer(),
      help: ['/sources — 已收录的文章', '/source &lt;n&gt; — 上一个回答第 n 条出处的原文，例如：/source 1'],
    },
    {
      name: 'admin',
      composer: adminComposer(),
      adminHelp: ['/stats — 索引状态', '/reindex — 重建索引', '发送 .txt / .md / .html 文件 — 收录新文章'],
    },
    { name: 'inline', composer: inlineComposer() },
  ];
}

/** /help for this user: everyone's lines, and the admin lines only for admins. */
export function helpHtml(features: readonly BotFeature[], isAdmin: boolean): string {
  const lines = ['<b>使用说明</b>', ...features.flatMap((f) => f.help ?? [])];
  const adminLines = features.flatMap((f) => f.adminHelp ?? []);
  if (isAdmin && adminLines.length > 0) lines.push('', '<b>管理员</b>', ...adminLines);
  return lines.join('\n');
}

export function helpComposer(features: readonly BotFeature[]): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command('start', async (ctx) => {
    const examples = EXAMPLE_QUESTIONS.map((q) => `• ${escapeHtml(q)}`).join('\n');
    await sendHtmlMessages(ctx.api, replyTargetOf(ctx), [`${TEXT.intro}\n${examples}\n\n${helpHtml(features, ctx.kaocha.isAdmin)}`]);
  });
  composer.command('help', (ctx) => sendHtmlMessages(ctx.api, replyTargetOf(ctx), [helpHtml(features, ctx.kaocha.isAdmin)]));
  composer.command('new', async (ctx) => {
    ctx.kaocha.services.memory.clear(ctx.chat.id);
    await sendHtmlMessages(ctx.api, replyTargetOf(ctx), [TEXT.contextCleared]);
  });
  return composer;
}
