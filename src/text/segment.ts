/**
 * Word segmentation (jieba with the domain dictionary) and the lexical tokenizer shared by BM25 indexing and
 * querying. The tokenizer must be used identically on both sides: any difference silently kills recall.
 */
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { DOMAIN_TERMS, domainDictionary } from './domain-dictionary.ts';
import { normaliseForIndex } from './normalise.ts';
import { STOP_WORDS } from './lexicon.ts';

export interface TaggedWord {
  word: string;
  /** jieba part-of-speech tag: nr person, ns place, nt organisation, n noun, v verb, m numeral, x unknown… */
  tag: string;
}

let segmenter: Jieba | null = null;

/**
 * The shared jieba instance, created on first use: loading the 5 MB stock dictionary takes ~0.2 s, which modules
 * that merely import the text stage should not pay.
 */
function jieba(): Jieba {
  if (!segmenter) {
    const require = createRequire(import.meta.url);
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    const instance = Jieba.withDict(dict);
    instance.loadDict(domainDictionary());
    segmenter = instance;
  }
  return segmenter;
}

/** Loads the segmenter now (e.g. at startup) instead of on the first query. */
export function warmUpSegmenter(): void {
  jieba();
}

/** Tokens made only of whitespace, punctuation or symbols carry no meaning for search or tagging. */
const NOT_A_WORD = /^[\s\p{P}\p{S}]*$/u;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;
const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
/** Letters/digits inside a non-Han token: `30%` → 30, `2064.47` stays one number. */
const NON_HAN_TOKEN = /[\p{L}\p{N}]+(?:\.\p{N}+)?/gu;


/** Prefix that keeps character bigrams apart from jieba words in the same index (湖南 the word vs ~湖南 the bigram). */
export const BIGRAM_PREFIX = '~';

/**
 * Segments text into words (jieba precise mode, HMM on, domain dictionary loaded); whitespace and punctuation
 * tokens are dropped. Text is segmented as given (not normalised).
 */
export function segmentWords(text: string): string[] {
  return jieba()
    .cut(text, true)
    .filter((word) => !NOT_A_WORD.test(word));
}

/**
 * Segments text into dictionary words only (HMM off): unknown character pairs stay single characters, so a
 * typo (陪通) is not glued into a "new word" while a known one (赣州) stays whole.
 */
export function segmentKnownWords(text: string): string[] {
  return jieba()
    .cut(text, false)
    .filter((word) => !NOT_A_WORD.test(word));
}

/**
 * Our tag for domain words. Needed because jieba-rs `loadDict` updates the frequency of a word already in the
 * stock dictionary but keeps its stock tag (张家界 and 嘉善 would stay nr, person).
 */
const DOMAIN_TAGS: ReadonlyMap<string, string> = new Map(DOMAIN_TERMS.map(({ word, tag }) => [word, tag]));

/** Part-of-speech tags for the words of `text` (same segmentation as `segmentWords`). Domain names are nr/ns/nt. */
export function tagWords(text: string): TaggedWord[] {
  return jieba()
    .tag(text, true)
    .filter(({ word }) => !NOT_A_WORD.test(word))
    .map(({ word, tag }) => ({ word, tag: DOMAIN_TAGS.get(word) ?? tag }));
}

/**
 * The lexical tokenizer for BM25, for documents and queries alike. On `normaliseForIndex(text)` it emits:
 * jieba cut-for-search words (minus punctuation and STOP_WORDS), letter/number tokens from non-Han words, then
 * `~`-prefixed character bigrams of every Han run (recall for names and words jieba cuts differently).
 * Deterministic: the same text always yields the same token list in the same order.
 */
/**
 * Bigrams that straddle a particle (州的, 导是, 去的) match almost any text and only add noise to BM25, so they are
 * not emitted; words are unaffected.
 */
const QUANTITY_TOKEN = /第?\d+(?:\.\d+)?(?:多|余)?[个组场家座名位次项天年月日号市省县区人万亿%点届批条]/g;

const FUNCTION_CHAR = /[的了是吗呢吧啊么哪这那]/;

export function tokenizeForIndex(text: string): string[] {
  const normalised = normaliseForIndex(text);
  const tokens: string[] = [];
  for (const word of jieba().cutForSearch(normalised, true)) {
    if (HAN.test(word)) {
      if (!STOP_WORDS.has(word) && !NOT_A_WORD.test(word)) tokens.push(word);
    } else {
      for (const match of word.matchAll(NON_HAN_TOKEN)) tokens.push(match[0]);
    }
  }
  for (const run of normalised.match(HAN_RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i += 1) {
      const bigram = chars[i]! + chars[i + 1]!;
      if (!STOP_WORDS.has(bigram) && !FUNCTION_CHAR.test(bigram)) tokens.push(BIGRAM_PREFIX + bigram);
    }
  }
  // Quantities and ordinals as whole tokens (36个, 第2组, 2000多公里): the segmenter splits them apart, and a bare "2"
  // matches every number in the corpus.
  for (const match of normalised.matchAll(QUANTITY_TOKEN)) tokens.push(match[0]);
  return tokens;
}
