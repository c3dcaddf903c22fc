/**
 * Bot commands of the digest feature, as one grammY Composer: /subscribe [HH:MM] [时区], /unsubscribe, /digest,
 * /digest_settings [设置项 值]. In groups only administrators may subscribe, unsubscribe or change settings;
 * anyone may ask for /digest. Replies are plain text; the digest itself is sent as HTML through the service's
 * transport so it is recorded in the delivery ledger.
 */
import { Composer, type Context } from 'grammy';
import { DigestError, localDateTime, parseSettingsChange, SETTINGS_USAGE, type DigestService, type Subscription } from '../../digest/index.ts';
import { createLogger, type Logger } from '../../log.ts';
import type { BotContext, BotFeature } from '../context.ts';

export interface DigestCommandOptions {
  log?: Logger;
}

/** The commands for `setMyCommands`, with Chinese descriptions shown in Telegram's command menu. */
export const DIGEST_COMMANDS: ReadonlyArray<{ command: string; description: string }> = [
  { command: 'subscribe', description: '订阅每日简报（可加时间，如 /subscribe 08:30）' },
  { command: 'digest', description: '立即查看上次简报以来的新文章' },
  { command: 'digest_settings', description: '查看或修改简报时间、时区、筛选' },
  { command: 'unsubscribe', description: '取消每日简报' },
];

const NOT_SUBSCRIBED = '本聊天尚未订阅每日简报。发送 /subscribe 订阅（可加时间，例如 /subscribe 08:30）。';
const ADMINS_ONLY = '只有群管理员可以为本群订阅、取消或修改每日简报。';
const FAILED = '处理简报请求时出错了，请稍后再试。';

/** Human-readable settings of a subscription (Chinese). */
export function describeSubscription(sub: Subscription, next: Date | null): string {
  return [
    '每日简报设置：',
    `推送时间：每天 ${sub.time}（${sub.timezone}）`,
    `关键词筛选：${sub.keyword ?? '无'}`,
    `地区筛选：${sub.region ?? '无'}`,
    `没有新文章时提醒：${sub.notifyEmpty ? '开' : '关'}`,
    ...(next ? [`下次推送：${localDateTime(next, sub.timezone)}`] : []),
  ].join('\n');
}

async function isGroupAdmin(ctx: Context): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat || chat.type === 'private') return true;
  // An anonymous admin posts as the group itself.
  if (ctx.senderChat?.id === chat.id) return true;
  if (!ctx.from) return false;
  const member = await ctx.getChatMember(ctx.from.id);
  return member.status === 'creator' || member.status === 'administrator';
}

/** The digest commands; install after the bot's access-control middleware (works with any extended context). */
export function digestCommands<C extends Context = Context>(service: DigestService, options: DigestCommandOptions = {}): Composer<C> {
  const log = options.log ?? createLogger('warn');
  const composer = new Composer<C>();
  const handle = (name: string, needsAdmin: (ctx: C) => boolean, work: (ctx: C, chatId: number) => Promise<void>) =>
    composer.command(name, async (ctx) => {
      const chatId = ctx.chat.id;
      try {
        if (needsAdmin(ctx) && !(await isGroupAdmin(ctx))) {
          await ctx.reply(ADMINS_ONLY);
          return;
        }
        await work(ctx, chatId);
      } catch (error) {
        if (error instanceof DigestError && error.userMessage) {
          await ctx.reply(error.userMessage);
          return;
        }
        log.error(`digest: /${name} in chat ${chatId} failed: ${error instanceof Error ? error.message : String(error)}`);
        await ctx.reply(FAILED);
      }
    });
  const always = () => true;
  const withArgs = (ctx: C) => String(ctx.match ?? '').trim() !== '';

  handle('subscribe', always, async (ctx, chatId) => {
    const [time, timezone] = String(ctx.match ?? '').trim().split(/\s+/).filter(Boolean);
    const { subscription, created } = service.subscribe(chatId, { time, timezone });
    const next = service.nextDelivery(chatId);
    await ctx.reply(
      [
        `${created ? '已订阅' : '已更新'}每日简报：每天 ${subscription.time}（${subscription.timezone}）推送新增文章的要点和出处。`,
        ...(next ? [`下次推送：${localDateTime(next, subscription.timezone)}`] : []),
        '/digest 立即查看，/digest_settings 修改时间、时区或筛选，/unsubscribe 取消。',
      ].join('\n'),
    );
  });

  handle('unsubscribe', always, async (ctx, chatId) => {
    await ctx.reply(service.unsubscribe(chatId) ? '已取消每日简报。需要时可再发送 /subscribe 订阅。' : NOT_SUBSCRIBED);
  });

  handle('digest', () => false, async (ctx, chatId) => {
    const result = await service.digestNow(chatId);
    if (result.report.outcome === 'pending') await ctx.reply('简报暂时发送失败，稍后会自动重试。');
    else if (result.report.outcome === 'failed') await ctx.reply(FAILED);
  });

  // Showing settings is open to everyone; changing them needs an admin in groups.
  handle('digest_settings', withArgs, async (ctx, chatId) => {
    const args = String(ctx.match ?? '').trim();
    if (args === '') {
      const sub = service.getSubscription(chatId);
      await ctx.reply(sub ? `${describeSubscription(sub, service.nextDelivery(chatId))}\n\n${SETTINGS_USAGE}` : NOT_SUBSCRIBED);
      return;
    }
    const sub = service.updateSettings(chatId, parseSettingsChange(args));
    await ctx.reply(`已更新。\n${describeSubscription(sub, service.nextDelivery(chatId))}`);
  });

  return composer;
}

/** The daily-digest feature. */
export function digestFeature(service: DigestService, options: DigestCommandOptions = {}): BotFeature {
  return {
    name: 'digest',
    composer: digestCommands<BotContext>(service, options),
    commands: DIGEST_COMMANDS,
    help: [
      '/subscribe [时间] — 订阅每日简报，例如：/subscribe 08:30',
      '/digest — 立即查看新增文章的要点',
      '/digest_settings — 查看或修改简报，例如：/digest_settings keyword 签约',
      '/unsubscribe — 取消每日简报',
    ],
  };
}
