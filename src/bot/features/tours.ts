/**
 * Tour cards in Telegram: `/tours [地区] [年份] [页]` (newest first, ◀/▶ buttons edit the list in place, a button per
 * card), `/tour <关键词>` (one card, a line per field with [n] markers and a button per cited paragraph — the same
 * `p:`/`k:` buttons as answers, handled by sources.ts) and `/compare <甲> <乙>` (two cards field by field). Cards
 * come from the served index generation (`toursOf` derives them once per generation); argument reading and the
 * messages are shared with the terminal chat (src/chat/tours.ts).
 */
import { Composer, GrammyError } from 'grammy';
import {
  lookupComparison,
  lookupTour,
  parseTourListArgs,
  TOUR_TEXT,
  tourExamples,
  tourListPage,
  tourName,
  type TourListRequest,
} from '../../chat/tours.ts';
import type { CorpusReader } from '../../store/index.ts';
import {
  renderCompareHtml,
  renderTourHtml,
  renderTourListHtml,
  TOURS_PAGE_SIZE,
  toursOf,
  type TourButton,
  type TourCard,
} from '../../tours/index.ts';
import type { BotContext, BotFeature } from '../context.ts';
import { BUTTONS_PER_ROW, CALLBACK_DATA_LIMIT, paragraphCallbackData, type InlineButton, type InlineKeyboard } from '../format.ts';
import { escapeHtml, splitHtmlMessage } from '../html.ts';
import { sendHtmlMessages } from '../reply.ts';
import { replyTargetOf } from './ask.ts';

/** Opens a card: `tour:<card id>`, or `tourk:<short key>` when the id does not fit the 64-byte callback data. */
export const TOUR_CALLBACK_PREFIX = 'tour:';
export const TOUR_SHORT_KEY_CALLBACK_PREFIX = 'tourk:';
/** Shows a page of the list: `tours:<page>:<filter>`, or `toursk:<page>:<short key of the filter>`. */
export const TOURS_PAGE_CALLBACK_PREFIX = 'tours:';
export const TOURS_PAGE_SHORT_KEY_CALLBACK_PREFIX = 'toursk:';

/** Menu entries (`setMyCommands`), in Chinese. */
export const TOUR_COMMANDS = [
  { command: 'tours', description: '考察记录列表（可按地区、年份筛选）' },
  { command: 'tour', description: '查看一次考察的卡片（每项带出处）' },
  { command: 'compare', description: '对比两次考察' },
] as const;

export interface ToursFeatureOptions {
  /** Cards per `/tours` page. */
  pageSize?: number;
}

/** The cards and article count of the generation this update is served from. */
function servedTours(ctx: BotContext): { cards: readonly TourCard[]; articleCount: number } {
  const corpus: CorpusReader = ctx.kaocha.services.knowledge.current().index.corpus;
  return { cards: toursOf(corpus), articleCount: corpus.listArticles().length };
}

const shortKeyOf = (ctx: BotContext) => (value: string) => ctx.kaocha.services.shortKeys.keyFor(value);

/** Callback data that carries `value` when it fits, else a short key remembered by the bot. */
function callbackData(prefix: string, shortPrefix: string, value: string, shortKey: (value: string) => string): string {
  const direct = `${prefix}${value}`;
  return Buffer.byteLength(direct, 'utf8') <= CALLBACK_DATA_LIMIT ? direct : `${shortPrefix}${shortKey(value)}`;
}

function tourButton(label: string, tourId: string, shortKey: (value: string) => string): InlineButton {
  return { text: label, callback_data: callbackData(TOUR_CALLBACK_PREFIX, TOUR_SHORT_KEY_CALLBACK_PREFIX, tourId, shortKey) };
}

function pageButton(label: string, page: number, filterText: string, shortKey: (value: string) => string): InlineButton {
  const direct = `${TOURS_PAGE_CALLBACK_PREFIX}${page}:${filterText}`;
  if (Buffer.byteLength(direct, 'utf8') <= CALLBACK_DATA_LIMIT) return { text: label, callback_data: direct };
  return { text: label, callback_data: `${TOURS_PAGE_SHORT_KEY_CALLBACK_PREFIX}${page}:${shortKey(filterText)}` };
}

/** Rows of at most `perRow` buttons. */
function rows(buttons: readonly InlineButton[], perRow: number): InlineButton[][] {
  const out: InlineButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) out.push(buttons.slice(i, i + perRow));
  return out;
}

const keyboardOf = (buttonRows: InlineButton[][]): InlineKeyboard | undefined =>
  buttonRows.some((row) => row.length > 0) ? { inline_keyboard: buttonRows.filter((row) => row.length > 0) } : undefined;

/** Rendered HTML lines (each with balanced tags) packed into messages of at most 4096 characters. */
const messagesOf = (html: string): string[] => splitHtmlMessage(html.split('\n'));

/** A card as messages with a button per cited paragraph, then buttons to the other cards the keyword named. */
export function tourMessages(card: TourCard, others: readonly TourCard[], shortKey: (value: string) => string): { messages: string[]; keyboard: InlineKeyboard | undefined } {
  const rendered = renderTourHtml(card);
  const citations = rendered.buttons
    .filter((b): b is TourButton & { paragraphId: string } => Boolean(b.paragraphId))
    .map((b) => ({ text: b.label, callback_data: paragraphCallbackData(b.paragraphId, shortKey) }));
  const html = others.length > 0 ? `${rendered.text}\n<i>${escapeHtml(TOUR_TEXT.othersHint(others.length))}</i>` : rendered.text;
  const otherRows = others.map((other) => [tourButton(`其他：${clip(tourName(other), 24)}`, other.id, shortKey)]);
  return { messages: messagesOf(html), keyboard: keyboardOf([...rows(citations, BUTTONS_PER_ROW), ...otherRows]) };
}

/** One page of `/tours` as one message: a line per card, a button per card, ◀/▶ to the neighbouring pages. */
export function tourListMessage(
  cards: readonly TourCard[],
  request: TourListRequest,
  pageSize: number,
  shortKey: (value: string) => string,
): { html: string; keyboard: InlineKeyboard | undefined } | null {
  const page = tourListPage(cards, request, pageSize);
  if (page.total === 0) return null;
  const rendered = renderTourListHtml(page);
  const cardRows: InlineButton[][] = [];
  const pageRow: InlineButton[] = [];
  for (const button of rendered.buttons) {
    if (button.tourId) cardRows.push([tourButton(button.label, button.tourId, shortKey)]);
    else if (button.page !== undefined) pageRow.push(pageButton(button.label, button.page, request.filterText, shortKey));
  }
  // A page is at most `pageSize` short lines; the first message is the page.
  const html = splitHtmlMessage([...rendered.text.split('\n'), `<i>${escapeHtml(TOUR_TEXT.listHint)}</i>`])[0]!;
  return { html, keyboard: keyboardOf([...cardRows, pageRow]) };
}

function clip(text: string, max: number): string {
  return [...text].length > max ? `${[...text].slice(0, max).join('')}…` : text;
}

export function toursComposer(options: ToursFeatureOptions = {}): Composer<BotContext> {
  const pageSize = options.pageSize ?? TOURS_PAGE_SIZE;
  const composer = new Composer<BotContext>();
  const say = (ctx: BotContext, text: string) => sendHtmlMessages(ctx.api, replyTargetOf(ctx), [escapeHtml(text)]);

  composer.command('tours', async (ctx) => {
    const { cards, articleCount } = servedTours(ctx);
    if (cards.length === 0) return void (await say(ctx, TOUR_TEXT.noTours(articleCount)));
    const request = parseTourListArgs(ctx.match);
    const list = tourListMessage(cards, request, pageSize, shortKeyOf(ctx));
    if (!list) return void (await say(ctx, TOUR_TEXT.noneMatching(request.filterText)));
    await sendHtmlMessages(ctx.api, replyTargetOf(ctx), [list.html], list.keyboard);
  });

  composer.command('tour', async (ctx) => {
    const { cards, articleCount } = servedTours(ctx);
    const keyword = ctx.match.trim();
    if (cards.length === 0) return void (await say(ctx, TOUR_TEXT.noTours(articleCount)));
    if (!keyword) return void (await say(ctx, TOUR_TEXT.tourUsage(tourExamples(cards).one)));
    const { card, others } = lookupTour(cards, keyword);
    if (!card) return void (await say(ctx, TOUR_TEXT.notFound(keyword)));
    const { messages, keyboard } = tourMessages(card, others, shortKeyOf(ctx));
    await sendHtmlMessages(ctx.api, replyTargetOf(ctx), messages, keyboard);
  });

  composer.command('compare', async (ctx) => {
    const { cards, articleCount } = servedTours(ctx);
    if (cards.length === 0) return void (await say(ctx, TOUR_TEXT.noTours(articleCount)));
    const outcome = lookupComparison(cards, ctx.match);
    if (outcome.kind === 'usage') return void (await say(ctx, TOUR_TEXT.compareUsage(tourExamples(cards).pair)));
    if (outcome.kind === 'not-found') return void (await say(ctx, TOUR_TEXT.notFound(outcome.keyword)));
    if (outcome.kind === 'same') return void (await say(ctx, TOUR_TEXT.sameTour(tourName(outcome.card))));
    const rendered = renderCompareHtml(outcome.a, outcome.b);
    const shortKey = shortKeyOf(ctx);
    const buttons = rendered.buttons.filter((b) => b.tourId).map((b) => tourButton(clip(b.label, 24), b.tourId!, shortKey));
    await sendHtmlMessages(ctx.api, replyTargetOf(ctx), messagesOf(rendered.text), keyboardOf(rows(buttons, 1)));
  });

  // A card button (from a list, a comparison or "其他"): the card as new messages under the pressed one.
  composer.callbackQuery(new RegExp(`^(?:${TOUR_CALLBACK_PREFIX}|${TOUR_SHORT_KEY_CALLBACK_PREFIX})(.+)$`, 's'), async (ctx) => {
    const data = ctx.callbackQuery.data;
    const tourId = data.startsWith(TOUR_CALLBACK_PREFIX) ? ctx.match[1] : ctx.kaocha.services.shortKeys.paragraphIdFor(ctx.match[1]!);
    // By id only: the data names a card, never a keyword to search for.
    const card = tourId ? servedTours(ctx).cards.find((c) => c.id === tourId) : undefined;
    if (!card) {
      await ctx.answerCallbackQuery({ text: TOUR_TEXT.staleTour, show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    const { messages, keyboard } = tourMessages(card, [], shortKeyOf(ctx));
    const chatId = ctx.callbackQuery.message?.chat.id ?? ctx.from.id;
    await sendHtmlMessages(ctx.api, { chatId, quoteMessageId: ctx.callbackQuery.message?.message_id }, messages, keyboard);
  });

  // ◀/▶: the list message is edited in place, like /sources.
  composer.callbackQuery(new RegExp(`^(?:${TOURS_PAGE_CALLBACK_PREFIX}|${TOURS_PAGE_SHORT_KEY_CALLBACK_PREFIX})(\\d+):(.*)$`, 's'), async (ctx) => {
    const data = ctx.callbackQuery.data;
    const filterText = data.startsWith(TOURS_PAGE_CALLBACK_PREFIX) ? ctx.match[2] : ctx.kaocha.services.shortKeys.paragraphIdFor(ctx.match[2]!);
    const { cards } = servedTours(ctx);
    const list = filterText === undefined ? null : tourListMessage(cards, { filterText, page: Number(ctx.match[1]) }, pageSize, shortKeyOf(ctx));
    if (!list) {
      await ctx.answerCallbackQuery({ text: TOUR_TEXT.staleTour, show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    try {
      await ctx.editMessageText(list.html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, reply_markup: list.keyboard });
    } catch (error) {
      // A second press before the client shows the new page asks for the page already shown: nothing to do.
      if (!(error instanceof GrammyError && /message is not modified/.test(error.description))) throw error;
    }
  });

  return composer;
}

/** The tours feature: its commands join the menu and /help. */
export function toursFeature(options: ToursFeatureOptions = {}): BotFeature {
  return {
    name: 'tours',
    composer: toursComposer(options),
    commands: TOUR_COMMANDS,
    help: [
      '/tours [地区] [年份] — 考察记录，最新在前，可翻页，例如：/tours 2023',
      '/tour &lt;关键词&gt; — 一次考察的卡片（代表团、地名或带队领导），每项带出处；只发 /tour 会给出可用的例子',
      '/compare &lt;甲&gt; &lt;乙&gt; — 两次考察并排对比；只发 /compare 会给出可用的例子',
    ],
  };
}
