/**
 * Inline mode: `@bot 问题` in any chat offers up to three short cited answers; when the query names a tour (a
 * delegation, its home and destination, a leader, or a keyword like /tour's), its card is offered beside the answer.
 */
import { Composer } from 'grammy';
import type { InlineQueryResultArticle } from 'grammy/types';
import { NOT_FOUND_TEXT, type Answer, type Citation } from '../../answer/index.ts';
import { sourceLines, type CitedParagraph } from '../../chat/sources.ts';
import { tourName } from '../../chat/tours.ts';
import type { Article } from '../../domain.ts';
import { cardsMatching, dateSpanText, findTours, renderTourHtml, toursOf, type TourCard } from '../../tours/index.ts';
import type { BotContext } from '../context.ts';
import { answerBodyHtml, LABELS, sourceLineHtml } from '../format.ts';
import { escapeHtml, splitHtmlMessage } from '../html.ts';
import { TEXT } from '../messages.ts';

/** Inline results are cached by Telegram; the index can change, so keep it short. */
const INLINE_CACHE_SECONDS = 60;

/** Cuts plain text to `max` characters for a result description. */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * The inline results for an answer: the answer itself with its sources, then single cited quotes (each a
 * short answer on its own, with its source), at most `limit` in all. Each message is one valid HTML message.
 */
export function inlineResults(answer: Answer, limit: number, bodyChars: number): InlineQueryResultArticle[] {
  const sources = answer.found ? answer.citations : answer.nearest;
  const heading = `<b>${escapeHtml(answer.found ? LABELS.sources : LABELS.nearest)}</b>`;
  const bodyPlain = answer.found ? answer.sentences.map((s) => s.text).join('') : NOT_FOUND_TEXT;
  const main = splitHtmlMessage([`<b>问：</b>${escapeHtml(answer.question)}`, answerBodyHtml(answer), heading, ...sourceLines(sources).map(sourceLineHtml)])[0]!;
  const results: InlineQueryResultArticle[] = [
    {
      type: 'article',
      id: 'answer',
      title: answer.found ? clip(bodyPlain, 60) : '资料中找不到答案',
      description: answer.found ? `${answer.citations.length} 条出处` : clip(bodyPlain, 100),
      input_message_content: { message_text: main, parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
    },
  ];
  if (answer.found) {
    for (const citation of answer.citations.slice(0, Math.max(0, limit - 1))) results.push(quoteResult(answer, citation, bodyChars));
  }
  return results.slice(0, limit);
}

function quoteResult(answer: Answer, citation: Citation, bodyChars: number): InlineQueryResultArticle {
  const quote = clip(citation.quote, bodyChars);
  const html = [`<b>问：</b>${escapeHtml(answer.question)}`, `${escapeHtml(quote)}[${citation.n}]`, ...sourceLines([citation]).map(sourceLineHtml)].join('\n');
  return {
    type: 'article',
    id: `quote-${citation.n}`,
    title: `[${citation.n}] ${clip(citation.quote, 50)}`,
    description: `${citation.title} ¶${citation.paragraph}`,
    input_message_content: { message_text: splitHtmlMessage([html])[0]!, parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
  };
}

/** Most tour cards offered for one query (the answer stays first; cards come before single quotes). */
export const INLINE_TOUR_RESULTS = 2;

/**
 * The cards an inline query is about: those a question names (`cardsMatching`), else those a short keyword names
 * (`findTours`, as /tour reads it), best first.
 */
export function inlineTourCards(cards: readonly TourCard[], query: string, max: number = INLINE_TOUR_RESULTS): TourCard[] {
  const named = cardsMatching(cards, query);
  return (named.length > 0 ? named : findTours(cards, query)).slice(0, max);
}

/**
 * A card as an inline result: the card's lines with their [n] markers, then compact source lines saying which
 * article and paragraph each [n] is (an inline message is sent by the user, so it carries no buttons of ours).
 */
export function tourResult(card: TourCard, n: number, articleOf: (docId: string) => Article | undefined): InlineQueryResultArticle {
  const rendered = renderTourHtml(card);
  const cited: CitedParagraph[] = rendered.buttons.flatMap((button, i) => {
    const match = button.paragraphId ? /^(.*)#p(\d+)$/.exec(button.paragraphId) : null;
    if (!match) return [];
    const docId = match[1]!;
    const meta = articleOf(docId)?.meta;
    return [{ n: i + 1, docId, title: meta?.title ?? card.titles[docId] ?? docId, paragraph: Number(match[2]), url: meta?.url ?? null, date: meta?.publishedAt ?? null, source: meta?.source ?? null }];
  });
  const blocks = [...rendered.text.split('\n'), ...(cited.length > 0 ? [`<b>${escapeHtml(LABELS.sources)}</b>`, ...sourceLines(cited).map(sourceLineHtml)] : [])];
  const where = card.destinations.length > 0 ? `赴${card.destinations.join('、')}` : '';
  return {
    type: 'article',
    // Result ids are limited to 64 bytes and a card id may be longer: the card's place among the results is enough.
    id: `tour-${n}`,
    title: `考察卡片：${clip(tourName(card), 40)}`,
    description: clip(`${where}${where ? ' · ' : ''}${dateSpanText(card)}`, 100),
    input_message_content: { message_text: splitHtmlMessage(blocks)[0]!, parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
  };
}

/** The answer first, then the named tours' cards, then single quotes, at most `limit` in all. */
export function inlineResultsWithTours(answer: Answer, tours: readonly InlineQueryResultArticle[], limit: number, bodyChars: number): InlineQueryResultArticle[] {
  const [main, ...quotes] = inlineResults(answer, limit, bodyChars);
  return [main!, ...tours, ...quotes].slice(0, Math.max(limit, 1));
}

export function inlineComposer(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('inline_query', async (ctx) => {
    const { services } = ctx.kaocha;
    const question = ctx.inlineQuery.query.trim();
    if (question.length === 0 || question.length > services.maxQuestionChars) {
      await ctx.answerInlineQuery([], { cache_time: INLINE_CACHE_SECONDS, button: { text: TEXT.inlineEmpty, start_parameter: 'inline' } });
      return;
    }
    const served = services.knowledge.current();
    const { answer } = await served.ask(question);
    const { inlineResults: limit, inlineBodyChars } = services.behaviour;
    const corpus = served.index.corpus;
    const tours = inlineTourCards(toursOf(corpus), question, Math.min(INLINE_TOUR_RESULTS, limit - 1)).map((card, i) => tourResult(card, i + 1, (docId) => corpus.getArticle(docId)));
    await ctx.answerInlineQuery(inlineResultsWithTours(answer, tours, limit, inlineBodyChars), { cache_time: INLINE_CACHE_SECONDS });
  });
  return composer;
}
