/** The text stage: pure text processing (decoding, HTML/Markdown, cleaning, normalising, splitting, segmenting). */
export { TextError } from './errors.ts';
export { decodeBytes, DEFAULT_DECODE_OPTIONS, type DecodedText, type DecodeOptions } from './encoding.ts';
export { htmlToText, markdownToText, type HtmlHints, type HtmlText } from './html.ts';
export {
  normaliseForIndex,
  normaliseNumerals,
  parseChineseNumber,
  toHalfWidth,
} from './normalise.ts';
export { splitSentences, type SentenceSpan } from './sentences.ts';
export { chunkParagraphs, type ChunkOptions } from './chunk.ts';
export {
  BOILERPLATE_PATTERNS,
  cleanArticle,
  DEFAULT_CLEAN_OPTIONS,
  normalisePublishDate,
  type ArticleFormat,
  type CleanHints,
  type CleanOptions,
} from './clean.ts';
export { DOMAIN_TERMS, domainDictionary, type DomainTerm } from './domain-dictionary.ts';
export * from './lexicon.ts';
export {
  BIGRAM_PREFIX,
  segmentWords,
  tagWords,
  tokenizeForIndex,
  warmUpSegmenter,
  type TaggedWord,
} from './segment.ts';
export { fmix32, fnv1a32 } from './hash.ts';
export { divisionLevels, isPlaceName, placesWithin, type DivisionLevel } from './gazetteer.ts';
export { HomophoneSpeller, type CorrectedQuestion, type TypoCorrection } from './typos.ts';
