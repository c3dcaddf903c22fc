/**
 * Article cleaning: copied web pages → metadata + verbatim paragraphs. Paragraph text is never rewritten beyond
 * whitespace (quotes shown to users must match the article character for character), so cleaning works by
 * deciding, line by line, whether a line is page chrome (dropped), metadata (recorded, dropped), the title, a
 * caption, a heading or body text.
 */
import type { ArticleMeta, CleanParagraph, CleanedArticle, ParagraphKind } from '../domain.ts';
import { htmlToText, markdownToText, type HtmlHints } from './html.ts';
import { NEWS_AGENCIES, foldScript } from './lexicon.ts';

export type ArticleFormat = 'text' | 'html' | 'markdown';

/** What the caller knows about the article besides its text. */
export interface CleanHints {
  /** File name; its extension selects the format and its stem is the last-resort title. */
  fileName?: string;
  /** URL the article was fetched from (fallback for meta.url). */
  url?: string;
  /** Overrides format detection. */
  format?: ArticleFormat;
  /** Page metadata when the caller already parsed the HTML; merged over what `htmlToText` finds. */
  htmlHints?: HtmlHints;
}

export interface CleanOptions {
  /** A first line longer than this is body text, not a title. */
  maxTitleChars: number;
  /** Lines up to this length without sentence-ending punctuation are headings (学了什么?, 时间表). */
  maxHeadingChars: number;
  /** Lines ending in a colon are headings only up to this length (第一组: yes; 沈晓明强调了“九要”: no). */
  maxColonHeadingChars: number;
  /** Caption rules only apply to lines (or each half of a duplicated line) up to this length. */
  maxCaptionChars: number;
  /** Byline/metadata lines are at most this long; longer lines are content. */
  maxBylineChars: number;
  /** With an HTML title hint, look this many lines ahead for the visible title line to consume. */
  titleSearchLines: number;
  /** Title when neither the text, the page nor the file name gives one. */
  untitled: string;
}

export const DEFAULT_CLEAN_OPTIONS: Readonly<CleanOptions> = {
  maxTitleChars: 64,
  maxHeadingChars: 24,
  maxColonHeadingChars: 6,
  maxCaptionChars: 120,
  maxBylineChars: 80,
  titleSearchLines: 8,
  untitled: '(无标题)',
};

/**
 * Page chrome: whole lines that are never article content. Each pattern is anchored to the whole line (or its
 * start plus a label-specific shape) so that real sentences that merely mention 分享, 编辑 or 阅读 survive.
 */
export const BOILERPLATE_PATTERNS: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /^(?:当前|您的|你的|所在)位置\s*[:：]?/, why: 'breadcrumb label (当前位置: 首页 > …, 您的位置：…)' },
  { pattern: /^(?:首页|主页|网站首页)\s*[>＞›»]/, why: 'breadcrumb (首页 > 新闻 > 湖南要闻)' },
  { pattern: /^[^\s>＞›»。,，]{1,12}(?:\s*[>＞›»]\s*[^\s>＞›»。,，]{1,12}){2,}$/, why: 'breadcrumb without 首页' },
  { pattern: /^(?:登[录陆]|注册)\s*[/|丨]?\s*(?:注册|登[录陆])?$/, why: 'login widget (登陆注册)' },
  { pattern: /^分享到\s*(?:微信|朋友圈|微博|QQ)/i, why: 'share widget (分享到微信朋友圈)' },
  { pattern: /^[—–\-~\s]*分享[—–\-~\s]*$/, why: 'share widget (—分享—)' },
  { pattern: /^打开微信.{0,40}扫一扫.{0,40}$/, why: 'WeChat share instructions' },
  { pattern: /^时刻新闻$/, why: 'rednet app banner' },
  { pattern: /^[\u4e00-\u9fa5]{2,4}导读$/, why: 'column label (湘伴导读)' },
  { pattern: /^(?:阅读下一篇|阅读上一篇|下一篇|上一篇)(?:\s*[:：].*)?$/, why: 'pagination' },
  { pattern: /^(?:返回\S{0,12}首页\s*)+$/, why: 'navigation (返回红网首页 返回湖南频道首页)' },
  { pattern: /^(?:相关(?:稿件|新闻|阅读|文章|推荐|链接)|推荐阅读|延伸阅读|热门推荐|更多精彩)$/, why: 'related-article list' },
  { pattern: /^(?:评论列表|发表评论|我要评论|网友评论|全部评论)$/, why: 'comment widget' },
  { pattern: /^共\s*[(（]?\s*\d+\s*[)）]?\s*条(?:评论)?$/, why: 'comment counter (共(0)条)' },
  { pattern: /^\d+\s*阅读\s*[:：]\s*\d+$/, why: 'read counter (1 阅读:872)' },
  { pattern: /^(?:阅读|浏览|点击)(?:量|数)?\s*[:：]?\s*\d+$/, why: 'read counter' },
  { pattern: /^\d{1,6}$/, why: 'bare counter (581, 0000)' },
  { pattern: /^(?:图片|图|视频|image|img|photo)$/i, why: 'image placeholder' },
  { pattern: /^工作图片\s*[:：]/, why: 'image placeholder (工作图片:螃蟹结尾.gif)' },
  { pattern: /^\S{0,40}\.(?:gif|jpe?g|png|webp|bmp)$/i, why: 'image file name' },
  {
    pattern: /^(?:责任编辑|编辑|值班总编辑|总编辑|主编|审核|校对|终审|初审|复审|监制|统筹|策划|制作|美编)\s*[:：]/,
    why: 'editor credit (编辑:陈星晓)',
  },
  {
    pattern: /^[^。！？!?]{0,40}(?:责任编辑|值班总编辑)\s*[:：]?\s*[\u4e00-\u9fa5]{2,4}$/,
    why: 'editor credits ending a line (…审核 值班总编辑张国军 责任编辑华光)',
  },
  { pattern: /^本文(?:为|系|是).{0,30}(?:原创|独家).{0,40}转载/, why: 'copyright notice (本文为…原创…转载…)' },
  { pattern: /^(?:版权所有|copyright|©|未经.{0,20}(?:授权|许可).{0,20}(?:转载|使用|复制))/i, why: 'copyright notice' },
  { pattern: /^(?:本文|原文|文章)?(?:链接|地址)\s*[:：]?\s*$/, why: 'link label without a URL' },
  { pattern: /^[^\p{L}\p{N}]+$/u, why: 'punctuation-only line (……)' },
];

/** `本文链接:https://…` and friends: the URL goes to meta.url, the line is dropped. */
const URL_LINE = /^(?:本文链接|原文链接|原文地址|文章链接|本文地址|链接)\s*[:：]\s*(https?:\/\/\S+)$/i;

/** A full date with year, optionally with a time; seconds are two digits (新京报2023-04-15 15:32:520 → :52). */
const DATE_TIME =
  /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s]*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{2}))?)?/;

const BYLINE_KEY = /(来源|作者|责任编辑|编辑|发布时间|发布日期|时间|日期|记者|通讯员|撰文)\s*[:：]/g;

/** `中国访谈网11月18日讯(…)…`, `新华社北京3月5日电`: the outlet of a dateline; the line itself is content. */
const DATELINE = /^([\u4e00-\u9fa5]{2,12}?)(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:电|讯)(?=[\s(（【:：—,，]|$)/;
/** News agencies whose datelines append the city (新华社北京…电): keep just the agency. */
const AGENCY = new RegExp(`^(${NEWS_AGENCIES.join('|')})`);

const OUTLET_LIKE = /^[\u4e00-\u9fa5A-Za-z·]{2,16}$/;
const NAME_LIST = /^[\u4e00-\u9fa5·]{2,4}(?:[\s、,，]+[\u4e00-\u9fa5·]{2,4})*$/;

const pad = (value: number) => String(value).padStart(2, '0');

function formatDate(year: number, month: number, day: number, hour?: number, minute?: number, second?: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (hour === undefined || minute === undefined) return date;
  if (hour > 23 || minute > 59 || (second ?? 0) > 59) return date;
  return `${date} ${pad(hour)}:${pad(minute)}:${pad(second ?? 0)}`;
}

/**
 * Normalises a publish date as written in bylines or page metadata to `YYYY-MM-DD` or `YYYY-MM-DD HH:mm:ss`:
 * `2023-09-30 11:07:33`, `2023年9月30日 11:07`, `2023/9/30`, ISO `2023-09-30T11:07:33+08:00` (the wall-clock time
 * as written; the offset is dropped). Null when there is no full date with a year or it is out of range.
 */
export function normalisePublishDate(text: string): string | null {
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  return formatDate(Number(y), Number(mo), Number(d), h === undefined ? undefined : Number(h), mi === undefined ? undefined : Number(mi), s === undefined ? undefined : Number(s));
}

/** Metadata found on a byline line. */
interface Byline {
  source?: string;
  author?: string;
  publishedAt?: string;
}

/**
 * Recognises byline/metadata lines: `来源:红网 作者:刘玉先 王义正 编辑:陈星晓 2023-09-30 11:07:33`,
 * `新浪财经 2025-03-03 11:39:04`, `新京报2023-04-15 15:32:520`, `作者:周帙恒编辑:胡迎赢`, `文 |周帙恒`,
 * `红网时刻新闻记者 刘玉先 王义正 长沙报道`, `(来源:刘洪 王敏 李程)`. Null for anything else.
 */
function parseByline(line: string, inHeader: boolean, opts: CleanOptions): Byline | null {
  if (line.length > opts.maxBylineChars) return null;
  // 來源：贛南日報 reads as 来源：赣南日报 (the keys are matched in simplified characters).
  const inner = foldScript(line).replace(/^[(（](.*)[)）]$/, '$1').trim();

  const writtenBy = /^文\s*[|｜/丨]\s*(\S.*)$/.exec(inner);
  if (writtenBy) return { author: writtenBy[1]!.trim() };

  if (/^\S{0,16}记者\s/.test(inner) && /报道$/.test(inner) && !/[。,，;；]/.test(inner)) {
    const names = inner.replace(/^\S{0,16}记者\s*/, '').replace(/\s*\S*报道$/, '').trim();
    return NAME_LIST.test(names) ? { author: names } : {};
  }

  if (/[。！？!?,，;；]/.test(inner)) return null;
  const date = DATE_TIME.exec(inner);
  const rest = date ? `${inner.slice(0, date.index)} ${inner.slice(date.index + date[0].length).replace(/^\d+/, '')}` : inner;

  const keys = [...rest.matchAll(BYLINE_KEY)];
  const prefix = (keys.length > 0 ? rest.slice(0, keys[0]!.index) : rest).trim();
  if (!date && keys.length === 0) return null;
  if (prefix !== '' && !OUTLET_LIKE.test(prefix)) return null;
  // "Outlet + date" is a byline only above the text; further down "会议时间 2023-09-30" is content.
  if (prefix !== '' && keys.length === 0 && !inHeader) return null;

  const values: Record<string, string> = {};
  keys.forEach((key, index) => {
    const from = key.index + key[0].length;
    const to = keys[index + 1]?.index ?? rest.length;
    values[key[1]!] ??= rest.slice(from, to).trim();
  });

  const byline: Byline = {};
  const source = values['来源'];
  // (来源:刘洪 王敏 李程) names people, not an outlet: an outlet is one token.
  if (source && OUTLET_LIKE.test(source)) byline.source = source;
  else if (prefix) byline.source = prefix;
  const author = values['作者'] ?? values['记者'] ?? values['撰文'];
  if (author) byline.author = author;
  const publishedAt = date ? normalisePublishDate(date[0]) : null;
  if (publishedAt) byline.publishedAt = publishedAt;
  return byline;
}

function isBoilerplate(line: string): boolean {
  return BOILERPLATE_PATTERNS.some(({ pattern }) => pattern.test(line));
}

/** A line that is the same caption twice (`A A` or `AA`), as pages emit alt text next to the caption. */
function isDuplicated(line: string, maxHalf: number): boolean {
  const length = line.length;
  if (length < 2 || length > 2 * maxHalf + 1) return false;
  if (length % 2 === 1) {
    const half = (length - 1) / 2;
    return line[half] === ' ' && line.slice(0, half) === line.slice(half + 1);
  }
  return line.slice(0, length / 2) === line.slice(length / 2);
}

/** Photo credits: `湖南日报全媒体记者 唐俊 摄`, `彭展 李翼骏 摄`, `(新华社记者李涛摄)`, `摄影:张三`. */
const PHOTO_CREDIT = [/\s摄\s*[)）]?$/, /记者\s*[\u4e00-\u9fa5·]{2,4}\s*摄\s*[)）]?$/, /[(（][^()（）]{0,20}摄[)）]$/, /摄影\s*[:：]?\s*[\u4e00-\u9fa5·]{2,4}$/];
/** Media credits in a closing parenthesis: (图片来源:新湖南), (浙江卫视画面), (视频截图). */
const MEDIA_CREDIT = /[(（](?:图片来源|图源|图片|图|摄影|供图|资料图片?|视频截图|[^()（）]{1,12}?(?:画面|截图|供图|配图|视频))(?:\s*[:：][^()（）]{0,30})?[)）]$/;
/** A bare (来源:…) is a caption credit only on date-led lines (4月13日,…考察(来源:浙江发布)); in prose it cites data. */
const SOURCE_CREDIT = /[(（]来源\s*[:：][^()（）]{1,30}[)）]$/;
const DATE_LED = /^\d{1,2}月\d{1,2}日/;
/** Caption without a credit: a date and a scene (10月31日,张家界国家森林公园天子山景区。). */
const SCENE_CAPTION = /^\d{1,2}月\d{1,2}日[,，][^,，。;；]{2,40}(?:景区|现场|一角|全景|远眺|夜景|鸟瞰|外景|俯瞰|风光|风貌|航拍|实景)。?$/;

function isCaption(line: string, opts: CleanOptions): boolean {
  if (isDuplicated(line, opts.maxCaptionChars)) return true;
  if (line.length > opts.maxCaptionChars) return false;
  if (PHOTO_CREDIT.some((pattern) => pattern.test(line))) return true;
  if (line.search(MEDIA_CREDIT) > 0) return true;
  if (DATE_LED.test(line) && line.search(SOURCE_CREDIT) > 0) return true;
  return SCENE_CAPTION.test(line);
}

function isHeading(line: string, opts: CleanOptions): boolean {
  if (line.length > opts.maxHeadingChars || /[。；;]/.test(line)) return false;
  if (line.startsWith('“') && line.endsWith('”')) return false; // a quoted statement is content
  if (/[:：]$/.test(line)) return line.length <= opts.maxColonHeadingChars;
  return !/[！!…,，、”’」)）—]$/.test(line);
}

function classify(line: string, opts: CleanOptions): ParagraphKind {
  if (isCaption(line, opts)) return 'caption';
  if (isHeading(line, opts)) return 'heading';
  return 'body';
}

/** A site menu above the headline: three or more one-to-four-character labels (锐评 要闻 视听 图说). */
const MENU_LINE = /^[\u3400-\u9fff]{1,4}(?: [\u3400-\u9fff]{1,4}){2,}$/;
/** A site label above the headline (新华网 正文, 要闻频道): short, and either two labels or a page-kind word. */
const SITE_LABEL = /^(?:\S{1,5} \S{1,5}|\S{0,6}(?:正文|首页|频道|专题))$/;

function looksLikeTitle(line: string, opts: CleanOptions): boolean {
  return line.length <= opts.maxTitleChars && !/[。；;]$/.test(line) && !isCaption(line, opts);
}

/** Zero-width characters and soft hyphens: invisible, but they break exact quote matching. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Unicode spaces (NBSP, ideographic space used for indentation, thin spaces) and tabs become plain spaces. */
const ODD_SPACE = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/** Line endings unified, invisible characters dropped, space runs collapsed, lines trimmed, blank lines removed. */
function normaliseLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACE, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line !== '');
}

function detectFormat(raw: string, fileName: string | undefined): ArticleFormat {
  const extension = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (extension === 'html' || extension === 'htm' || extension === 'xhtml') return 'html';
  if (extension === 'md' || extension === 'markdown') return 'markdown';
  if (extension === undefined || extension === 'txt') {
    if (/^\s*(?:<!doctype html|<html[\s>])/i.test(raw)) return 'html';
  }
  return 'text';
}

function fileStem(fileName: string | undefined): string | null {
  if (!fileName) return null;
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[^.]+$/, '').trim();
  return stem === '' ? null : stem;
}

/**
 * Cleans one article: converts HTML/Markdown, normalises whitespace (paragraph text otherwise verbatim: full-width
 * punctuation is kept), drops page chrome (BOILERPLATE_PATTERNS), turns byline lines into metadata, takes the
 * first title-like line as the title, and classifies the remaining lines as body, heading or caption (captions stay
 * so paragraph numbering is stable, but must never be used as answer text).
 *
 * Metadata: title (first meaningful line, or the HTML title, else the file name stem), source (来源:, an outlet in
 * front of a date, a dateline 中国访谈网11月18日讯; not 据《浙江日报》报道), author (作者:, 文 |, a reporter
 * byline), publishedAt (only with a year: a dateline without one gives null), url (本文链接:, else the page's
 * canonical URL, else `hints.url`). Pure; never throws. An article with no content yields no paragraphs.
 */
/** A site's name before its breadcrumb (滁州新闻网 首页 > 滁州要闻, 贛南新聞網 > 贛州新聞 > 時政要聞). */
const SITE_BREADCRUMB = /^(\S{2,16}?(?:网|網|网站|網站|报|報|新闻|新聞|电视台|融媒体中心|客户端))\s*[|｜丨]?\s*(?:(?:首页|主页|首頁)\s*)?[>＞›»]/;

export function cleanArticle(raw: string, hints: CleanHints = {}, options: Partial<CleanOptions> = {}): CleanedArticle {
  const opts: CleanOptions = { ...DEFAULT_CLEAN_OPTIONS, ...options };
  const format = hints.format ?? detectFormat(raw, hints.fileName);
  let text = raw;
  let pageHints: HtmlHints = { ...hints.htmlHints };
  if (format === 'html') {
    const converted = htmlToText(raw);
    text = converted.text;
    pageHints = { ...converted.hints, ...hints.htmlHints };
  } else if (format === 'markdown') {
    text = markdownToText(raw);
  }

  const found: { source?: string; author?: string; publishedAt?: string; url?: string } = {};
  const record = (byline: Byline) => {
    found.source ??= byline.source;
    found.author ??= byline.author;
    found.publishedAt ??= byline.publishedAt;
  };

  let siteName: string | undefined;
  const lines = normaliseLines(text);
  // With a page title, the visible title line is the one the page title contains (pages append " - 红网").
  const pageTitle = pageHints.title?.replace(/\s+/g, ' ').trim() || undefined;
  const titleLineIndex = pageTitle
    ? lines.slice(0, opts.titleSearchLines).findIndex((line) => line.length > 1 && pageTitle.includes(line) && !isBoilerplate(line))
    : -1;

  let title: string | null = titleLineIndex >= 0 ? lines[titleLineIndex]! : null;
  let titleSettled = pageTitle !== undefined;
  const paragraphs: CleanParagraph[] = [];
  lines.forEach((line, index) => {
    const url = URL_LINE.exec(line);
    if (url) {
      found.url ??= url[1];
      return;
    }
    // 滁州新闻网 首页 > 滁州要闻: the site's breadcrumb names the outlet (a fallback source), then goes.
    const site = SITE_BREADCRUMB.exec(line);
    if (site && paragraphs.length === 0) {
      siteName ??= site[1];
      return;
    }
    const inHeader = paragraphs.length === 0;
    // (A byline ending in editor credits — 来源：X日报 2021-06-12 责任编辑：Y — still gives its source and date.)
    if (isBoilerplate(line)) {
      const credits = inHeader ? parseByline(line, inHeader, opts) : null;
      if (credits) record(credits);
      return;
    }
    const byline = parseByline(line, inHeader, opts);
    if (byline) {
      record(byline);
      return;
    }
    // A dateline opens the first paragraph; later lines that happen to match (截至11月18日电…) are not datelines.
    const dateline = inHeader ? DATELINE.exec(line) : null;
    if (dateline) {
      const outlet = dateline[1]!;
      record({
        source: AGENCY.exec(outlet)?.[1] ?? outlet,
        ...(dateline[2] ? { publishedAt: formatDate(Number(dateline[2]), Number(dateline[3]), Number(dateline[4])) ?? undefined } : {}),
      });
    }
    if (index === titleLineIndex || (title !== null && line === title)) return;
    if (!titleSettled) {
      // Page chrome above the headline (a menu, a site label such as 新华网 正文) is not the title: dropped.
      if (MENU_LINE.test(line) || SITE_LABEL.test(line)) return;
      titleSettled = true;
      if (looksLikeTitle(line, opts) && !dateline) {
        title = line;
        return;
      }
    }
    paragraphs.push({ text: line, kind: classify(line, opts) });
  });

  const meta: ArticleMeta = {
    title: title ?? pageTitle ?? fileStem(hints.fileName) ?? opts.untitled,
    source: found.source ?? pageHints.source ?? siteName ?? null,
    author: found.author ?? pageHints.author ?? null,
    publishedAt: found.publishedAt ?? (pageHints.publishedAt ? normalisePublishDate(pageHints.publishedAt) : null),
    url: found.url ?? pageHints.url ?? hints.url ?? null,
  };
  return { meta, paragraphs };
}
