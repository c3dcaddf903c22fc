/**
 * The terminal chat (`npm start` without a token), equal to the bot: the same follow-up context, the same small
 * talk and length messages, and the same commands (/help, /sources, /source n, /check, /tours, /tour, /compare,
 * /new, /quit). Commands are one table; `register` adds more. `handle` is pure of I/O (a line in, the text to print
 * out), so tests drive it without a terminal.
 */
import { renderAnswerText, type Answer, type AnswerOptions, type Citation } from '../answer/index.ts';
import { renderFactCheckText, type FactChecker } from '../factcheck/index.ts';
import type { CorpusReader } from '../store/index.ts';
import { renderCompareText, renderTourListText, renderTourText, TOURS_PAGE_SIZE, toursOf, type TourCard } from '../tours/index.ts';
import { classifyMessage, isGibberishMiss, sharesWords } from './intent.ts';
import { resolveFollowUp, turnAfter, type Turn } from './follow-up.ts';
import { CHAT_TEXT, EXAMPLE_QUESTIONS } from './messages.ts';
import { displayDate } from './sources.ts';
import { lookupComparison, lookupTour, parseTourListArgs, TOUR_TEXT, tourExamples, tourListCommand, tourListPage, tourName } from './tours.ts';

/** What the terminal chat needs of the loaded index. */
export interface TerminalKnowledge {
  /** `understood`: the question as answered (typos corrected); absent means as asked. */
  ask(question: string, options?: AnswerOptions): Promise<{ answer: Answer; understood?: string }>;
  readonly index: { readonly corpus: CorpusReader };
}

export interface TerminalChatOptions {
  knowledge: () => TerminalKnowledge;
  checker?: FactChecker;
  maxQuestionChars: number;
  /** Cards per `/tours` page. */
  toursPageSize?: number;
}

/** A terminal command: `/name args` → the text to print. */
export interface TerminalCommand {
  name: string;
  usage: string;
  run(args: string, chat: TerminalChat): Promise<string> | string;
}

/** The quit signal `handle` returns for /quit. */
export const QUIT = Symbol('quit');

/** Typed right after a paged listing, these run the command for the neighbouring page. */
const PAGE_WORDS = { next: /^(?:下一页|下页)$/u, prev: /^(?:上一页|上页)$/u } as const;

/** The commands that show the pages next to the one just printed. */
export interface TerminalPager {
  next?: string;
  prev?: string;
}

export class TerminalChat {
  #turn: Turn | undefined;
  #citations: Citation[] = [];
  #pager: TerminalPager | undefined;
  readonly commands = new Map<string, TerminalCommand>();

  constructor(readonly options: TerminalChatOptions) {
    for (const command of builtinCommands()) this.register(command);
  }

  /** Adds a command (the seam for /tour, /tours, /compare). */
  register(command: TerminalCommand): void {
    this.commands.set(command.name, command);
  }

  /** Lets 下一页/上一页 (typed as the next input) run these commands; any other input forgets them. */
  setPager(pager: TerminalPager): void {
    this.#pager = pager;
  }

  /** Forgets the conversation (/new). */
  reset(): void {
    this.#turn = undefined;
    this.#citations = [];
  }

  get lastCitations(): readonly Citation[] {
    return this.#citations;
  }

  /** One input line → the text to print, or QUIT. */
  async handle(line: string): Promise<string | typeof QUIT> {
    const text = line.trim();
    if (!text) return '';
    const pager = this.#pager;
    this.#pager = undefined;
    if (pager && PAGE_WORDS.next.test(text)) return pager.next ? this.handle(pager.next) : '已经是最后一页。';
    if (pager && PAGE_WORDS.prev.test(text)) return pager.prev ? this.handle(pager.prev) : '已经是第一页。';
    if (text.startsWith('/')) {
      const [, name = '', args = ''] = /^\/(\S*)\s*([\s\S]*)$/u.exec(text) ?? [];
      if (name === 'quit' || name === 'exit') return QUIT;
      const command = this.commands.get(name);
      return command ? command.run(args.trim(), this) : '没有这个命令。输入 /help 查看可用命令。';
    }
    return this.ask(text);
  }

  async ask(asked: string): Promise<string> {
    const max = this.options.maxQuestionChars;
    if (asked.length > max) return CHAT_TEXT.tooLong(max, asked.length);
    const intent = classifyMessage(asked);
    if (intent.kind === 'reply') return intent.text;
    const resolved = resolveFollowUp(asked, this.#turn);
    const { answer, understood = resolved.question } = await this.options.knowledge().ask(resolved.question, { near: resolved.near });
    if (!answer.found && isGibberishMiss(asked, sharesWords(asked, answer.nearest.map((c) => c.text)))) return CHAT_TEXT.gibberish;
    this.#turn = turnAfter(understood, answer);
    this.#citations = answer.found ? answer.citations : answer.nearest;
    const body = renderAnswerText(answer);
    return resolved.rewritten || understood !== resolved.question ? `${CHAT_TEXT.followUp(understood)}\n${body}` : body;
  }
}

/** /help text for the terminal. */
export function terminalHelp(commands: Iterable<TerminalCommand>): string {
  return [
    '使用说明',
    `直接输入问题，例如：${EXAMPLE_QUESTIONS[0]}`,
    '可以接着追问，例如：那江西呢？ 他们签了什么协议？',
    ...[...commands].map((c) => c.usage),
    '/quit — 退出',
  ].join('\n');
}

function builtinCommands(): TerminalCommand[] {
  return [
    { name: 'help', usage: '/help — 使用说明', run: (_args, chat) => terminalHelp(chat.commands.values()) },
    { name: 'start', usage: '/start — 使用说明', run: (_args, chat) => terminalHelp(chat.commands.values()) },
    {
      name: 'sources',
      usage: '/sources — 已收录的文章',
      run: (_args, chat) => {
        const articles = [...chat.options.knowledge().index.corpus.listArticles()].sort((a, b) => (b.meta.publishedAt ?? '').localeCompare(a.meta.publishedAt ?? ''));
        return [`资料库：共 ${articles.length} 篇文章`, ...articles.map((a, i) => `${i + 1}. ${a.meta.title} — ${a.meta.source ?? '来源不详'} · ${displayDate(a.meta.publishedAt)}`)].join('\n');
      },
    },
    {
      name: 'source',
      usage: '/source <n> — 上一个回答第 n 条出处的原文，例如：/source 1',
      run: (args, chat) => {
        const n = Number(args);
        if (!Number.isInteger(n) || n < 1) return '用法：/source <n>，n 是上一个回答中的出处编号，例如 /source 1';
        const citations = chat.lastCitations;
        if (citations.length === 0) return '还没有可查看的出处，请先提一个问题。';
        const citation = citations.find((c) => c.n === n);
        if (!citation) return `上一个回答没有第 ${n} 条出处（共 ${citations.length} 条）。`;
        const corpus = chat.options.knowledge().index.corpus;
        const paragraph = corpus.getParagraph(citation.paragraphId);
        const article = paragraph && corpus.getArticle(paragraph.docId);
        if (!paragraph || !article) return '这段原文已不在资料库中（索引可能已更新）。';
        const meta = article.meta;
        return [`[${n}] ${meta.title}`, `${meta.source ?? '来源不详'} · ${displayDate(meta.publishedAt)} · ¶${paragraph.n}`, paragraph.text, ...(meta.url ? [meta.url] : [])].join('\n');
      },
    },
    {
      name: 'check',
      usage: '/check <一句话> — 核查是否与资料相符，例如：/check 湖南省党政代表团共考察了36个点',
      run: async (args, chat) => {
        const checker = chat.options.checker;
        if (!checker) return '这个模式不支持核查。';
        if (!args) return '用法：/check 要核查的句子\n例如：/check 湖南省党政代表团共考察了36个点';
        if ([...args].length > chat.options.maxQuestionChars) return `这段文字太长了（上限 ${chat.options.maxQuestionChars} 字）。请只发送要核查的那一句。`;
        return renderFactCheckText(await checker.check(args));
      },
    },
    ...tourCommands(),
    {
      name: 'new',
      usage: '/new — 开始新话题',
      run: (_args, chat) => {
        chat.reset();
        return CHAT_TEXT.contextCleared;
      },
    },
  ];
}

/** The cards and article count of the loaded index. */
function servedTours(chat: TerminalChat): { cards: readonly TourCard[]; articleCount: number } {
  const corpus = chat.options.knowledge().index.corpus;
  return { cards: toursOf(corpus), articleCount: corpus.listArticles().length };
}

/** /tours, /tour and /compare as plain text, with the bot's argument reading and messages (src/chat/tours.ts). */
export function tourCommands(): TerminalCommand[] {
  return [
    {
      name: 'tours',
      usage: '/tours [地区] [年份] [页码] — 考察记录，最新在前，例如：/tours 2023、/tours 2023 2（列表后输入“下一页”翻页）',
      run: (args, chat) => {
        const { cards, articleCount } = servedTours(chat);
        if (cards.length === 0) return TOUR_TEXT.noTours(articleCount);
        const request = parseTourListArgs(args);
        const page = tourListPage(cards, request, chat.options.toursPageSize ?? TOURS_PAGE_SIZE);
        if (page.total === 0) return TOUR_TEXT.noneMatching(request.filterText);
        const pager: TerminalPager = {
          next: page.page < page.pages ? tourListCommand(request.filterText, page.page + 1) : undefined,
          prev: page.page > 1 ? tourListCommand(request.filterText, page.page - 1) : undefined,
        };
        chat.setPager(pager);
        const paging = [pager.prev ? `上一页：${pager.prev}` : '', pager.next ? `下一页：${pager.next}（或输入“下一页”）` : ''].filter(Boolean).join('；');
        return [renderTourListText(page), ...(paging ? [paging] : []), '查看卡片：/tour 关键词，或 /tour 方括号里的编号'].join('\n');
      },
    },
    {
      name: 'tour',
      usage: '/tour <关键词> — 一次考察的卡片（代表团、地名或带队领导），每项带出处；只输入 /tour 会给出可用的例子',
      run: (args, chat) => {
        const { cards, articleCount } = servedTours(chat);
        if (cards.length === 0) return TOUR_TEXT.noTours(articleCount);
        if (!args) return TOUR_TEXT.tourUsage(tourExamples(cards).one);
        const { card, others } = lookupTour(cards, args);
        if (!card) return TOUR_TEXT.notFound(args);
        const more = others.length > 0 ? ['', '其他相关记录：', ...others.map((other) => `• ${tourName(other)}：/tour ${other.id}`)] : [];
        return [renderTourText(card), ...more].join('\n');
      },
    },
    {
      name: 'compare',
      usage: '/compare <甲> <乙> — 两次考察并排对比；只输入 /compare 会给出可用的例子',
      run: (args, chat) => {
        const { cards, articleCount } = servedTours(chat);
        if (cards.length === 0) return TOUR_TEXT.noTours(articleCount);
        const outcome = lookupComparison(cards, args);
        if (outcome.kind === 'usage') return TOUR_TEXT.compareUsage(tourExamples(cards).pair);
        if (outcome.kind === 'not-found') return TOUR_TEXT.notFound(outcome.keyword);
        if (outcome.kind === 'same') return TOUR_TEXT.sameTour(tourName(outcome.card));
        return renderCompareText(outcome.a, outcome.b);
      },
    },
  ];
}
