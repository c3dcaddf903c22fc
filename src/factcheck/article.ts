/**
 * An article read once for checking: every sentence of every paragraph with its facts (shared extractor), its
 * folded matching view and the date in force before it (a bare 21日 after 10月8日 is 10月21日; a sentence
 * without a date happens on the last date written before it). Captions are read too — a caption often states who
 * was where on which day — but their dates do not carry into the text.
 */
import type { Article, Paragraph } from '../domain.ts';
import { dateContextOf, extractParagraphFacts, matchView, type DateFact, type Fact } from '../facts/index.ts';
import { outletPlaceIn } from '../text/index.ts';

/** One sentence of an article, ready for comparison. */
export interface ArticleSentence {
  /** Position in the article's sentence list. */
  index: number;
  paragraph: Paragraph;
  /** Verbatim text (what is quoted). */
  text: string;
  /** Folded view (same length): what is matched. */
  view: string;
  facts: Fact[];
  /** The last date written before this sentence in the text (not in captions), if any. */
  governingDate: DateFact | null;
}

/** An article with its sentences and its folded title + text. */
export interface ArticleReading {
  article: Article;
  sentences: ArticleSentence[];
  /** Folded title and all paragraphs, newline-separated (subject and term look-ups). */
  view: string;
  titleView: string;
  /** Where a local outlet is from (洛阳 for 洛阳日报): what 我市/本市 in its text refers to; null when unknown. */
  home: string | null;
}

/** The place a local outlet is named after: from the source field, else an outlet named in the first paragraphs. */
function homeOf(article: Article): string | null {
  return outletPlaceIn([article.meta.source ?? '', ...article.paragraphs.slice(0, 6).map((p) => matchView(p.text))]);
}

const cache = new Map<string, ArticleReading>();
/** Readings kept at most (articles are re-read after eviction; a check touches a handful). */
const MAX_CACHED = 256;

/** Reads an article (cached by id and content hash). Pure apart from the cache. */
export function readArticle(article: Article): ArticleReading {
  const key = `${article.docId}\u0000${article.contentHash}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const sentences: ArticleSentence[] = [];
  let context = dateContextOf(article.meta.publishedAt);
  let governing: DateFact | null = null;
  for (const paragraph of article.paragraphs) {
    const caption = paragraph.kind === 'caption';
    const read = extractParagraphFacts(paragraph.text, { date: context });
    let local: DateFact | null = governing;
    for (const sentence of read.sentences) {
      sentences.push({ index: sentences.length, paragraph, text: sentence.text, view: matchView(sentence.text), facts: sentence.facts, governingDate: local });
      const last = sentence.facts.filter((f): f is DateFact => f.kind === 'date' && (f.from.day !== undefined || f.from.month !== undefined)).at(-1);
      if (last) local = last;
    }
    if (!caption) {
      context = read.date;
      governing = local;
    }
  }
  const titleView = matchView(article.meta.title);
  const reading = { article, sentences, view: [titleView, ...article.paragraphs.map((p) => matchView(p.text))].join('\n'), titleView, home: homeOf(article) };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, reading);
  return reading;
}
