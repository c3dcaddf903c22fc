/**
 * Candidate evidence: every sentence of the retrieved paragraphs (captions included — a caption states who was
 * where on which day — but always cited as its paragraph), analysed once, with the passage around it (the
 * paragraph, the one before, a `第二组:` label) and its article for the subject check.
 */
import type { Article, Paragraph } from '../domain.ts';
import type { CorpusView, RetrievedChunk } from '../retrieve/index.ts';
import { splitSentences } from '../text/index.ts';
import { analyseText, dateContextAfter } from './claim-facts.ts';
import { lastDateContext, normaliseClaimText, parseDates, publicationDateContext } from './normalise.ts';
import type { DatePoint, EvidenceItem, TextAnalysis } from './types.ts';

/** One candidate evidence sentence. */
export interface EvidenceSentence {
  article: Article;
  paragraph: Paragraph;
  /** The sentence verbatim (what is quoted). */
  sentence: string;
  /** Analysis of the (label +) sentence, normalised. */
  analysis: TextAnalysis;
  /** Normalised text of the passage: the previous paragraph, the label, this paragraph and the article title. */
  passage: string;
  /** Normalised sentences of the passage other than this one, for quoting where a passage-level fact was found. */
  passageSentences: Array<{ paragraph: Paragraph; sentence: string; normalised: string }>;
  /** Normalised title and text of the whole article (the subject check reads it). */
  articleText: string;
  /** Position of its chunk in the retrieval list (0 = best). */
  rank: number;
}

/** Options for collecting evidence. */
export interface EvidenceOptions {
  /** A paragraph this short or shorter (e.g. 图片) does not count as the previous paragraph of a passage. */
  minContextChars?: number;
  /** A paragraph ending in a colon and at most this long labels the next one (第二组: → its route). */
  maxLabelChars?: number;
}

const DEFAULTS: Required<EvidenceOptions> = { minContextChars: 4, maxLabelChars: 20 };

/** Per-article data computed once per check. */
interface ArticleView {
  text: string;
  /** The date in force at the start of each paragraph (index = paragraph.n - 1), for 21日 after 10月8日. */
  dateAtParagraph: DatePoint[];
}

function articleView(article: Article): ArticleView {
  const normalised = article.paragraphs.map((p) => normaliseClaimText(p.text));
  const dateAtParagraph: DatePoint[] = [];
  // A day-only date (13日上午) in an article published 2023-04-15 means 2023年4月13日 until the text says otherwise.
  let context: DatePoint = publicationDateContext(article.meta.publishedAt);
  for (const [i, paragraph] of article.paragraphs.entries()) {
    dateAtParagraph.push(context);
    // A caption's date belongs to its picture, not to the text that follows.
    if (paragraph.kind !== 'caption') context = lastDateContext(parseDates(normalised[i]!, context), context);
  }
  return { text: [normaliseClaimText(article.meta.title), ...normalised].join('\n'), dateAtParagraph };
}

function isLabel(paragraph: Paragraph | undefined, maxChars: number): boolean {
  return !!paragraph && paragraph.text.length <= maxChars && /[:：]\s*$/.test(paragraph.text);
}

/**
 * Expands retrieved chunks to their paragraphs (a retrieved `第二组:` label brings the paragraph it labels) and
 * analyses every sentence. Paragraphs are visited in retrieval order, each once.
 */
export function collectEvidence(retrieved: readonly RetrievedChunk[], corpus: CorpusView, options: EvidenceOptions = {}): EvidenceSentence[] {
  const settings = { ...DEFAULTS, ...options };
  const views = new Map<string, ArticleView>();
  const seen = new Set<string>();
  const out: EvidenceSentence[] = [];
  for (const [rank, hit] of retrieved.entries()) {
    const article = corpus.getArticle(hit.chunk.docId);
    if (!article) continue;
    let view = views.get(article.docId);
    if (!view) {
      view = articleView(article);
      views.set(article.docId, view);
    }
    const numbers = [...hit.chunk.paragraphNumbers];
    const lastParagraph = article.paragraphs[numbers.at(-1)! - 1];
    if (isLabel(lastParagraph, settings.maxLabelChars)) numbers.push(numbers.at(-1)! + 1);
    for (const n of numbers) {
      const paragraph = article.paragraphs[n - 1];
      if (!paragraph || seen.has(paragraph.id)) continue;
      seen.add(paragraph.id);
      if (isLabel(paragraph, settings.maxLabelChars)) continue;
      out.push(...paragraphEvidence(article, paragraph, view, rank, settings));
    }
  }
  // Captions are not indexed (they never answer questions), but a caption is often the one sentence that says who
  // was where on which day: read the captions of every retrieved article.
  for (const docId of views.keys()) {
    const article = corpus.getArticle(docId)!;
    for (const paragraph of article.paragraphs) {
      if (paragraph.kind !== 'caption' || seen.has(paragraph.id)) continue;
      seen.add(paragraph.id);
      out.push(...paragraphEvidence(article, paragraph, views.get(docId)!, retrieved.length, settings));
    }
  }
  return out;
}

function paragraphEvidence(article: Article, paragraph: Paragraph, view: ArticleView, rank: number, settings: Required<EvidenceOptions>): EvidenceSentence[] {
  const previous = article.paragraphs[paragraph.n - 2];
  const label = isLabel(previous, settings.maxLabelChars) ? previous!.text : '';
  let contextParagraph: Paragraph | undefined = label ? article.paragraphs[paragraph.n - 3] : previous;
  if (contextParagraph && contextParagraph.text.trim().length <= settings.minContextChars) {
    contextParagraph = article.paragraphs[contextParagraph.n - 2];
  }
  const passageParts = [contextParagraph?.text ?? '', label, paragraph.text, article.meta.title].map(normaliseClaimText);
  const passage = passageParts.join('\n');
  const sentences = splitSentences(paragraph.text);
  const passageSentences = [
    ...(contextParagraph ? splitSentences(contextParagraph.text).map((s) => ({ paragraph: contextParagraph!, sentence: s.text })) : []),
    ...sentences.map((s) => ({ paragraph, sentence: s.text })),
  ].map((s) => ({ ...s, normalised: normaliseClaimText(s.sentence) }));
  let dateContext = view.dateAtParagraph[paragraph.n - 1] ?? {};
  const out: EvidenceSentence[] = [];
  for (const span of sentences) {
    const analysis = analyseText(label ? `${label}${span.text}` : span.text, { inheritDate: dateContext });
    dateContext = dateContextAfter(analysis, dateContext);
    out.push({
      article,
      paragraph,
      sentence: span.text,
      analysis,
      passage,
      passageSentences: passageSentences.filter((s) => s.sentence !== span.text),
      articleText: view.text,
      rank,
    });
  }
  return out;
}

/** Numbers evidence quotes in order, one number per paragraph (two sentences of a paragraph share `[n]`). */
export function numberEvidence(quotes: ReadonlyArray<{ article: Article; paragraph: Paragraph; sentence: string }>): EvidenceItem[] {
  const items: EvidenceItem[] = [];
  const byParagraph = new Map<string, number>();
  for (const { article, paragraph, sentence } of quotes) {
    if (items.some((item) => item.paragraphId === paragraph.id && item.quote.includes(sentence))) continue;
    const existing = byParagraph.get(paragraph.id);
    if (existing !== undefined) {
      const item = items.find((i) => i.n === existing)!;
      // Two sentences of one paragraph share its number; a gap between them is marked, the quote stays verbatim.
      item.quote = paragraph.text.includes(`${item.quote}${sentence}`) ? `${item.quote}${sentence}` : `${item.quote}……${sentence}`;
      continue;
    }
    const n = byParagraph.size + 1;
    byParagraph.set(paragraph.id, n);
    items.push({
      n,
      paragraphId: paragraph.id,
      docId: article.docId,
      file: article.file,
      title: article.meta.title,
      paragraph: paragraph.n,
      quote: sentence,
      text: paragraph.text,
      url: article.meta.url,
      date: article.meta.publishedAt,
      source: article.meta.source,
    });
  }
  return items;
}
