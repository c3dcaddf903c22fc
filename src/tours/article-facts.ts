/**
 * An article read once for tour extraction: every sentence of every usable paragraph with the fact extractor's
 * facts, in article order, and the date context the article's date line gives (publish date, else a date line
 * such as 来源：… 2014-04-29 near the top).
 */
import type { Article } from '../domain.ts';
import { dateContextOf, extractParagraphFacts, matchView, type DatePoint, type Fact } from '../facts/index.ts';

/** One sentence of an article with its facts; `view` is the length-preserving matching view of `text`. */
export interface TourSentence {
  paragraphId: string;
  paragraph: number;
  /** Position in the article (0-based, across paragraphs). */
  order: number;
  text: string;
  view: string;
  facts: Fact[];
}

export interface ArticleFacts {
  docId: string;
  title: string;
  /** Matching view of the title. */
  titleView: string;
  /** YYYY-MM-DD when known (publish date or a date line). */
  published: string | null;
  dateContext: DatePoint;
  sentences: TourSentence[];
}

/** A date line near the top (来源：网络转载 2014-04-29, 发布时间：2024-04): year and month, maybe day. */
const DATE_LINE = /((?:19|20)\d{2})[-年./](\d{1,2})(?:[-月./](\d{1,2}))?/;
/** How many leading paragraphs may hold the date line. */
const DATE_LINE_PARAGRAPHS = 4;

function publishedOf(article: Article): string | null {
  const own = /^(\d{4}-\d{2}-\d{2})/.exec(article.meta.publishedAt ?? '')?.[1];
  if (own) return own;
  for (const paragraph of article.paragraphs.slice(0, DATE_LINE_PARAGRAPHS)) {
    const match = DATE_LINE.exec(paragraph.text);
    if (!match) continue;
    const month = match[2]!.padStart(2, '0');
    return `${match[1]}-${month}${match[3] ? `-${match[3].padStart(2, '0')}` : ''}`;
  }
  return null;
}

/** Reads every body and heading paragraph of an article (captions are kept out: 图为… lines are not the report). */
export function readArticle(article: Article): ArticleFacts {
  const published = publishedOf(article);
  const dateContext = dateContextOf(published);
  const sentences: TourSentence[] = [];
  let carried: DatePoint = { ...dateContext };
  for (const paragraph of article.paragraphs) {
    if (paragraph.kind === 'caption' || /^\s*[图圖]为/.test(paragraph.text)) continue;
    const { sentences: read, date } = extractParagraphFacts(paragraph.text, { date: carried });
    // A paragraph's month carries to the next one only within the story (a bare 25日 after 9月23日).
    // A year named for background (2020年9月, 习近平…) does not carry into the next paragraph.
    carried = date.year === dateContext.year ? { year: dateContext.year, month: date.month ?? dateContext.month } : { ...dateContext };
    for (const sentence of read) {
      sentences.push({
        paragraphId: paragraph.id,
        paragraph: paragraph.n,
        order: sentences.length,
        text: sentence.text,
        view: matchView(sentence.text),
        facts: sentence.facts,
      });
    }
  }
  return {
    docId: article.docId,
    title: article.meta.title,
    titleView: matchView(article.meta.title),
    published: published && published.length === 10 ? published : published ? `${published}` : null,
    dateContext,
    sentences,
  };
}
