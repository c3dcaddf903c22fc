/** `/sources` (paged article list), `/source <n>` and the "[n] ¶m" buttons under answers. */
import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import { PARAGRAPH_CALLBACK_PREFIX, paragraphMessages, SHORT_KEY_CALLBACK_PREFIX, SOURCES_PAGE_CALLBACK_PREFIX, sourcesPage } from '../format.ts';
import { TEXT } from '../messages.ts';
import { sendHtmlMessages } from '../reply.ts';
import { replyTargetOf } from './ask.ts';

/** The full paragraph `paragraphId` as messages, or null when the current index no longer has it. */
function paragraphView(ctx: BotContext, paragraphId: string, n?: number): string[] | null {
  const corpus = ctx.kaocha.services.knowledge.current().index.corpus;
  const paragraph = corpus.getParagraph(paragraphId);
  const article = paragraph && corpus.getArticle(paragraph.docId);
  if (!paragraph || !article) return null;
  return paragraphMessages(article, paragraph, n);
}

export function sourcesComposer(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command('sources', async (ctx) => {
    const { services } = ctx.kaocha;
    const page = sourcesPage(services.knowledge.current().index.corpus.listArticles(), 0, services.behaviour.sourcesPageSize);
    await sendHtmlMessages(ctx.api, replyTargetOf(ctx), [page.html], page.keyboard);
  });

  composer.callbackQuery(new RegExp(`^${SOURCES_PAGE_CALLBACK_PREFIX}(\\d+)$`), async (ctx) => {
    const { services } = ctx.kaocha;
    const page = sourcesPage(services.knowledge.current().index.corpus.listArticles(), Number(ctx.match[1]), services.behaviour.sourcesPageSize);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(page.html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, reply_markup: page.keyboard });
  });

  composer.command('source', async (ctx) => {
    const target = replyTargetOf(ctx);
    const n = Number(ctx.match.trim());
    if (!Number.isInteger(n) || n < 1) {
      await sendHtmlMessages(ctx.api, target, [TEXT.sourceUsage]);
      return;
    }
    const last = ctx.kaocha.services.memory.get(ctx.chat.id)?.value;
    if (!last || last.citations.length === 0) {
      await sendHtmlMessages(ctx.api, target, [TEXT.noLastAnswer]);
      return;
    }
    const citation = last.citations.find((c) => c.n === n);
    if (!citation) {
      await sendHtmlMessages(ctx.api, target, [TEXT.noSuchSource(n, last.citations.length)]);
      return;
    }
    await sendHtmlMessages(ctx.api, target, paragraphView(ctx, citation.paragraphId, n) ?? [TEXT.paragraphGone]);
  });

  composer.callbackQuery(new RegExp(`^(?:${PARAGRAPH_CALLBACK_PREFIX}|${SHORT_KEY_CALLBACK_PREFIX})`), async (ctx) => {
    const data = ctx.callbackQuery.data;
    const paragraphId = data.startsWith(PARAGRAPH_CALLBACK_PREFIX)
      ? data.slice(PARAGRAPH_CALLBACK_PREFIX.length)
      : ctx.kaocha.services.shortKeys.paragraphIdFor(data.slice(SHORT_KEY_CALLBACK_PREFIX.length));
    const view = paragraphId ? paragraphView(ctx, paragraphId) : null;
    if (!view) {
      await ctx.answerCallbackQuery({ text: TEXT.paragraphGone, show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    const chatId = ctx.callbackQuery.message?.chat.id ?? ctx.from.id;
    await sendHtmlMessages(ctx.api, { chatId, quoteMessageId: ctx.callbackQuery.message?.message_id }, view);
  });

  return composer;
}
