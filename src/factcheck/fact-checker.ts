/**
 * The fact checker: retrieve paragraphs for a claim, split the claim into atomic facts, judge every fact against
 * every candidate sentence, and return the verdict with the quoted evidence.
 */
import { performance } from 'node:perf_hooks';
import type { CorpusView, Retriever } from '../retrieve/index.ts';
import { extractClaimFacts } from './claim-facts.ts';
import { FactCheckError } from './errors.ts';
import { collectEvidence, numberEvidence, type EvidenceOptions, type EvidenceSentence } from './evidence.ts';
import { DEFAULT_VERDICT_SETTINGS, assessSentence, judgeClaim, type ClaimJudgement, type VerdictSettings } from './verdict.ts';
import type { AtomicFact, FactCheckResult, Mismatch } from './types.ts';

/** Checks one claim against the articles. */
export interface FactChecker {
  check(claim: string, options?: { signal?: AbortSignal }): Promise<FactCheckResult>;
}

/** Settings of the evidence-based checker (defaults in `DEFAULT_FACT_CHECK_SETTINGS`). */
export interface FactCheckSettings extends VerdictSettings, EvidenceOptions {
  /** How many chunks to retrieve per claim. */
  retrieveLimit: number;
  /** How many nearest sentences to show when a claim is not found. */
  maxNearest: number;
  /** How many extra passage sentences to quote for facts found around the main sentence. */
  maxContextQuotes: number;
}

export const DEFAULT_FACT_CHECK_SETTINGS: FactCheckSettings = {
  ...DEFAULT_VERDICT_SETTINGS,
  retrieveLimit: 20,
  maxNearest: 3,
  maxContextQuotes: 2,
};

export interface EvidenceFactCheckerOptions {
  retriever: Retriever;
  corpus: CorpusView;
  settings?: Partial<FactCheckSettings>;
}

/** Checks claims with a retriever over the index and the rules in verdict.ts. */
export class EvidenceFactChecker implements FactChecker {
  readonly #retriever: Retriever;
  readonly #corpus: CorpusView;
  readonly #settings: FactCheckSettings;

  constructor(options: EvidenceFactCheckerOptions) {
    this.#retriever = options.retriever;
    this.#corpus = options.corpus;
    this.#settings = { ...DEFAULT_FACT_CHECK_SETTINGS, ...options.settings };
  }

  /** Checks one claim. Throws `FactCheckError` for an empty claim; never throws for an unverifiable one. */
  async check(claim: string, options: { signal?: AbortSignal } = {}): Promise<FactCheckResult> {
    const text = claim.trim();
    if (!text) throw new FactCheckError('empty claim');
    const started = performance.now();
    const claimFacts = extractClaimFacts(text);
    let retrieved;
    try {
      retrieved = await this.#retriever.retrieve(text, this.#settings.retrieveLimit);
    } catch (error) {
      throw new FactCheckError(`retrieval failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const retrievedAt = performance.now();
    options.signal?.throwIfAborted();
    const candidates = collectEvidence(retrieved, this.#corpus, this.#settings);
    const judgement = judgeClaim(
      candidates.map((evidence) => assessSentence(claimFacts, evidence, this.#settings)),
      this.#settings.maxNearest,
    );
    const finished = performance.now();
    const checkable = claimFacts.facts.filter((f) => f.kind !== 'frame').length > 0;
    return {
      claim: text,
      verdict: checkable ? judgement.verdict : 'not_found',
      explanation: checkable ? explain(judgement) : '这句话里没有可以核对的具体事实（人物、时间、地点、数字等）。',
      mismatches: checkable ? judgement.mismatches : [],
      evidence: numberEvidence(quotesFor(judgement, this.#settings.maxContextQuotes)),
      facts: judgement.best?.facts ?? claimFacts.facts.map((fact) => ({ fact, status: 'missing' as const })),
      timings: { retrieve: retrievedAt - started, check: finished - retrievedAt, total: finished - started },
    };
  }
}

/** The sentences to quote: the deciding one plus where its passage-level facts were found, or the nearest ones. */
function quotesFor(judgement: ClaimJudgement, maxContextQuotes: number): Array<Pick<EvidenceSentence, 'article' | 'paragraph' | 'sentence'>> {
  if (!judgement.best) return [];
  if (judgement.verdict === 'not_found') return judgement.nearest.map((a) => a.evidence);
  const best = judgement.best.evidence;
  const quotes: Array<Pick<EvidenceSentence, 'article' | 'paragraph' | 'sentence'>> = [best];
  for (const assessment of judgement.best.facts) {
    if (quotes.length > maxContextQuotes) break;
    if (assessment.foundIn !== 'passage') continue;
    const needle = factNeedle(assessment.fact);
    const where = needle ? best.passageSentences.find((s) => s.normalised.includes(needle)) : undefined;
    if (where && !quotes.some((q) => q.sentence === where.sentence)) quotes.push({ article: best.article, paragraph: where.paragraph, sentence: where.sentence });
  }
  return quotes;
}

function factNeedle(fact: AtomicFact): string | null {
  switch (fact.kind) {
    case 'term':
      return fact.word;
    case 'place':
    case 'person':
      return fact.name;
    default:
      return null;
  }
}

const KIND_NAMES: Readonly<Record<AtomicFact['kind'], string>> = {
  number: '数字',
  date: '日期',
  person: '人物',
  role: '人物',
  place: '地点',
  org: '单位',
  event: '事件',
  quote: '引语',
  frame: '主体',
  term: '',
};

/** One line for people: what matched, what differs (原文为36个考察点，而非37个点), or what is not covered. */
export function explain(judgement: Pick<ClaimJudgement, 'verdict' | 'best' | 'mismatches'>): string {
  if (judgement.verdict === 'contradicted') return `${judgement.mismatches.map(describeMismatch).join('；')}。`;
  if (judgement.verdict === 'supported') {
    const kinds = [...new Set((judgement.best?.facts ?? []).map((f) => KIND_NAMES[f.fact.kind]).filter(Boolean))];
    return kinds.length > 0 ? `原文与此一致（${kinds.join('、')}均相符）。` : '原文与此一致。';
  }
  const missing = (judgement.best?.facts ?? []).filter((f) => f.status !== 'supported' && f.fact.kind !== 'frame').map((f) => f.fact.surface);
  const gap = missing.length > 0 ? `未提及：${[...new Set(missing)].slice(0, 4).join('、')}` : '';
  if (!judgement.best) return '现有文章中未找到相关内容。';
  return `现有文章中未找到能证实或否定这一说法的依据${gap ? `（${gap}）` : ''}；以下是最接近的原文。`;
}

/** 原文为36个考察点，而非37个点 */
export function describeMismatch(mismatch: Mismatch): string {
  return `原文为${mismatch.source}，而非${mismatch.claim}`;
}
