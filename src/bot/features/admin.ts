/** Admin-only: `/stats`, `/reindex`, and ingesting a `.txt/.md/.html` file sent as a document. */
import path from 'node:path';
import { Composer } from 'grammy';
import type { IngestOutcome, IngestReport } from '../../ingest/index.ts';
import { StoreError } from '../../store/index.ts';
import type { BotContext } from '../context.ts';
import { escapeHtml } from '../html.ts';
import { TEXT } from '../messages.ts';
import { sendHtmlMessages } from '../reply.ts';
import { replyTargetOf } from './ask.ts';

/** Extensions an admin may upload (the ingest stage reads these formats). */
export const UPLOAD_EXTENSIONS = ['.txt', '.md', '.html', '.htm'] as const;

/** `3 天 4 小时`, `5 分钟`: how long ago / how long, coarse enough to read at a glance. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days} 天 ${hours} 小时`;
  if (hours > 0) return `${hours} 小时 ${mins} 分钟`;
  return `${mins} 分钟`;
}

/** One Chinese line per ingest outcome, with the article's date looked up in the reloaded index. */
export function describeUpload(outcome: IngestOutcome, dateOf: (docId: string) => string | null): string {
  switch (outcome.kind) {
    case 'added':
    case 'replaced':
      return [
        `${outcome.kind === 'added' ? '已收录' : '已更新'}：<b>${escapeHtml(outcome.title)}</b>`,
        `日期：${escapeHtml(dateOf(outcome.docId) ?? '日期不详')}`,
        `新增段落：${outcome.paragraphs}（检索块 ${outcome.chunks}）`,
        `编号：<code>${escapeHtml(outcome.docId)}</code>`,
      ].join('\n');
    case 'unchanged':
      return `内容与已收录的 <b>${escapeHtml(outcome.title)}</b> 相同，未做改动。`;
    case 'duplicate':
      return `未收录：与已有文章 <code>${escapeHtml(outcome.of)}</code> 重复（相似度 ${outcome.similarity.toFixed(2)}）。`;
    case 'removed':
      return `已删除 <code>${escapeHtml(outcome.docId)}</code>。`;
    case 'rejected':
      return `未收录 ${escapeHtml(outcome.origin)}：${escapeHtml(outcome.reason)}`;
  }
}

/** Summary of a rebuild. */
function describeRebuild(report: IngestReport): string {
  const count = (kind: IngestOutcome['kind']) => report.outcomes.filter((o) => o.kind === kind).length;
  const counts = report.manifest?.counts;
  return [
    '<b>索引已重建</b>',
    `收录 ${count('added') + count('replaced')} 篇，重复 ${count('duplicate')} 篇，失败 ${count('rejected')} 篇。`,
    counts ? `现有 ${counts.articles} 篇文章、${counts.paragraphs} 个段落。` : '索引无变化。',
  ].join('\n');
}

/** Whether `error` (or one of its causes) is the index writer's lock being held by someone else. */
export function isIndexLocked(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof StoreError && e.code === 'locked') return true;
  }
  return false;
}

export function adminComposer(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  // One index write at a time per bot (the index writer's lock would refuse a second one anyway).
  let busy = false;
  const exclusively = async (ctx: BotContext, work: () => Promise<void>): Promise<void> => {
    if (busy) {
      await sendHtmlMessages(ctx.api, replyTargetOf(ctx), [TEXT.busy]);
      return;
    }
    busy = true;
    try {
      await work();
    } catch (error) {
      // Another process (npm run ingest, a second bot) holds the index writer's lock: say so, not a generic apology.
      if (!isIndexLocked(error)) throw error;
      ctx.kaocha.services.log.info(`bot: index write refused, the index is locked: ${error instanceof Error ? error.message : String(error)}`);
      await sendHtmlMessages(ctx.api, replyTargetOf(ctx), [TEXT.indexLocked]);
    } finally {
      busy = false;
    }
  };
  // Everything below is admin-only; others get one polite line (the admin check is in the access middleware).
  const adminOnly = composer.filter((ctx) => ctx.kaocha.isAdmin);
  const refuse = (ctx: BotContext) => sendHtmlMessages(ctx.api, replyTargetOf(ctx), [TEXT.adminOnly]);

  adminOnly.command('stats', async (ctx) => {
    const { services } = ctx.kaocha;
    const qa = services.knowledge.current();
    const { manifest } = qa.index;
    const now = services.now();
    const lines = [
      '<b>索引状态</b>',
      `文章：${manifest.counts.articles}`,
      `段落：${manifest.counts.paragraphs}（检索块 ${manifest.counts.chunks}）`,
      `嵌入模型：<code>${escapeHtml(qa.embedder.info.id)}</code>`,
      `索引版本：第 ${manifest.generation} 版，更新于 ${formatDuration(now - Date.parse(manifest.updatedAt))}前`,
      `运行时间：${formatDuration(now - services.startedAt)}`,
    ];
    await sendHtmlMessages(ctx.api, replyTargetOf(ctx), [lines.join('\n')]);
  });

  adminOnly.command('reindex', async (ctx) => {
    const { services } = ctx.kaocha;
    const maintenance = services.maintenance;
    if (!maintenance) {
      await sendHtmlMessages(ctx.api, replyTargetOf(ctx), [TEXT.noMaintenance]);
      return;
    }
    await exclusively(ctx, async () => {
      await sendHtmlMessages(ctx.api, replyTargetOf(ctx), [TEXT.reindexStarted]);
      const report = await maintenance.rebuild();
      await services.knowledge.reload();
      await sendHtmlMessages(ctx.api, replyTargetOf(ctx), [describeRebuild(report)]);
    });
  });

  adminOnly.on('message:document', async (ctx) => {
    const { services } = ctx.kaocha;
    const target = replyTargetOf(ctx);
    const maintenance = services.maintenance;
    const document = ctx.msg.document;
    const fileName = document.file_name ?? 'upload.txt';
    if (!maintenance) return sendHtmlMessages(ctx.api, target, [TEXT.noMaintenance]).then(() => undefined);
    if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(path.extname(fileName).toLowerCase())) {
      await sendHtmlMessages(ctx.api, target, [TEXT.uploadUnsupported]);
      return;
    }
    const maxBytes = services.telegram.uploadMaxBytes;
    if (document.file_size !== undefined && document.file_size > maxBytes) {
      await sendHtmlMessages(ctx.api, target, [TEXT.uploadTooLarge(maxBytes)]);
      return;
    }
    await exclusively(ctx, async () => {
      await sendHtmlMessages(ctx.api, target, [TEXT.ingesting(fileName)]);
      let bytes: Uint8Array;
      try {
        const file = await ctx.api.getFile(document.file_id);
        if (!file.file_path) throw new Error('getFile returned no file_path');
        bytes = await services.downloadFile(file.file_path, maxBytes);
      } catch (error) {
        services.log.warn(`bot: download of ${fileName} failed: ${error instanceof Error ? error.message : String(error)}`);
        await sendHtmlMessages(ctx.api, target, [TEXT.uploadFailed]);
        return;
      }
      const report = await maintenance.ingestUpload(fileName, bytes);
      await services.knowledge.reload();
      const corpus = services.knowledge.current().index.corpus;
      const dateOf = (docId: string) => corpus.getArticle(docId)?.meta.publishedAt ?? null;
      const lines = report.outcomes.map((o) => describeUpload(o, dateOf));
      services.log.info(`bot: upload ${fileName} by ${ctx.from?.id}: ${report.outcomes.map((o) => o.kind).join(', ')}`);
      await sendHtmlMessages(ctx.api, target, [lines.join('\n\n') || '文件中没有可收录的内容。']);
    });
  });

  composer.command(['stats', 'reindex'], refuse);
  composer.on('message:document', async (ctx) => {
    if (ctx.chat.type === 'private') await refuse(ctx);
  });
  return composer;
}
