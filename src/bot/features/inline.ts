/** Inline mode: `@bot 问题` in any chat offers up to three short cited answers. */
import { Composer } from 'grammy';
import type { InlineQueryResultArticle } from 'grammy/types';
import { NOT_FOUND_TEXT, type Answer, type Citation } from '../../answer/index.ts';
import { sourceLines } from '../../chat/sources.ts';
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

export function inlineComposer(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on('inline_query', async (ctx) => {
    const { services } = ctx.kaocha;
    const question = ctx.inlineQuery.query.trim();
    if (question.length === 0 || question.length > services.maxQuestionChars) {
      await ctx.answerInlineQuery([], { cache_time: INLINE_CACHE_SECONDS, button: { text: TEXT.inlineEmpty, start_parameter: 'inline' } });
      return;
    }
    const { answer } = await services.knowledge.current().ask(question);
    const { inlineResults: limit, inlineBodyChars } = services.behaviour;
    await ctx.answerInlineQuery(inlineResults(answer, limit, inlineBodyChars), { cache_time: INLINE_CACHE_SECONDS });
  });
  return composer;
}
