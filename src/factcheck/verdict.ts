/**
 * Per-fact judgement of a claim against one evidence sentence, and the overall verdict over all candidates.
 *
 * The asymmetry is deliberate: a claim is supported only when one sentence (with its passage for context facts and
 * its article for the subject) confirms every fact; a fact is contradicted only when the sentence fills the same
 * slot — same subject, same counted thing, same date of the same place, same role — with another value. Anything
 * in between is not_found, shown with the nearest evidence: a wrong "属实" is the worst outcome.
 */
import { canonicalPlace, compareDates, compareQuantities, containsPhrase, sameCountedThing, textNamesPlace } from './normalise.ts';
import { groupNounsOfClass } from './claim-facts.ts';
import type { EvidenceSentence } from './evidence.ts';
import type { AtomicFact, ClaimFacts, ClaimFrame, FactAssessment, Mismatch, QuantityMention, Verdict } from './types.ts';

/** Tunable limits of the verdict. */
export interface VerdictSettings {
  /**
   * A contradiction counts only from a sentence that confirms at least this share of the claim's other facts:
   * a different number in an unrelated sentence is not a contradiction.
   */
  minRelevanceForContradiction: number;
}

export const DEFAULT_VERDICT_SETTINGS: VerdictSettings = { minRelevanceForContradiction: 0.34 };

/** Verbs that name the same act, so 签订 confirms 签署 and 带队 confirms 率领. */
const SYNONYMS: ReadonlyArray<readonly string[]> = [
  ['签署', '签订', '签约'],
  ['率领', '带领', '带队', '率团', '率'],
  ['召开', '举行', '举办'],
  ['发言', '讲话'],
  ['前往', '赴', '到', '来到'],
  ['考察', '学习考察', '考察学习'],
];

function synonymsOf(word: string): readonly string[] {
  return SYNONYMS.find((group) => group.includes(word)) ?? [word];
}

/** The assessment of every claim fact against one sentence, with what makes a contradiction count. */
export interface SentenceAssessment {
  evidence: EvidenceSentence;
  facts: FactAssessment[];
  /** Share of non-subject facts supported (0..1). */
  relevance: number;
  /** Character-bigram overlap with the claim (0..1): orders the nearest sentences when few facts match. */
  similarity: number;
  /** Contradicted facts whose slot is pinned down by the rest of the sentence (the ones that count). */
  contradictions: FactAssessment[];
  allSupported: boolean;
}

/** Whether an article is about the claim's subject: its group noun (same class), its places, the place+group pair. */
export function articleMatchesFrame(frame: ClaimFrame, articleText: string): boolean {
  const nouns = groupNounsOfClass(frame.groupClass);
  if (!nouns.some((noun) => articleText.includes(noun))) return false;
  if (!frame.places.every((place) => textNamesPlace(articleText, place))) return false;
  // 湖南省党政代表团 and 郴州党政代表团 are different delegations even when one article names both places; a
  // training class is named by its topic, so its places only need to be in the article.
  if (frame.adjacentPlace && frame.groupClass === 'delegation') {
    const place = canonicalPlace(frame.adjacentPlace);
    const pattern = new RegExp(`${escapeRegExp(place)}(?:省|市)?(?:委|党政)?(?:${nouns.join('|')})`);
    if (!pattern.test(articleText)) return false;
  }
  return true;
}

/** Judges each claim fact against one evidence sentence. Pure. */
export function assessSentence(claim: ClaimFacts, evidence: EvidenceSentence, settings: VerdictSettings = DEFAULT_VERDICT_SETTINGS): SentenceAssessment {
  const facts = claim.facts.map((fact) => assessFact(fact, claim, evidence));
  const nonFrame = facts.filter((f) => f.fact.kind !== 'frame');
  const supported = nonFrame.filter((f) => f.status === 'supported').length;
  const relevance = nonFrame.length === 0 ? 0 : supported / nonFrame.length;
  const allSupported = facts.length > 0 && facts.every((f) => f.status === 'supported') && nonFrame.length > 0;
  const contradictions = facts.filter(
    (f) => f.status === 'contradicted' && contradictionCounts(f, facts, nonFrame.length, supported, settings),
  );
  return { evidence, facts, relevance, similarity: bigramOverlap(claim.analysis.text, evidence.analysis.text), contradictions, allSupported };
}

function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[^\u3400-\u9fff\w]/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** Share of the claim's character bigrams found in the sentence. */
function bigramOverlap(claim: string, sentence: string): number {
  const wanted = bigrams(claim);
  if (wanted.size === 0) return 0;
  const have = bigrams(sentence);
  let hits = 0;
  for (const bigram of wanted) if (have.has(bigram)) hits += 1;
  return hits / wanted.size;
}

function statusOf(facts: readonly FactAssessment[], kind: AtomicFact['kind']): FactAssessment[] {
  return facts.filter((f) => f.fact.kind === kind);
}

/** Whether a contradicted fact is about the same slot as the claim (see the module comment). */
function contradictionCounts(
  assessment: FactAssessment,
  facts: readonly FactAssessment[],
  nonFrameCount: number,
  supportedCount: number,
  settings: VerdictSettings,
): boolean {
  const frameOk = statusOf(facts, 'frame').every((f) => f.status === 'supported');
  if (!frameOk) return false;
  // Same statement apart from the differing values: every other fact is confirmed (or itself contradicted).
  const restAgrees = facts.every((f) => f === assessment || f.status !== 'missing');
  if (!restAgrees) return false;
  const others = nonFrameCount - 1;
  const relevance = others <= 0 ? 1 : supportedCount / others;
  const inSentence = (f: FactAssessment) => f.status === 'supported' && f.foundIn === 'sentence';
  switch (assessment.fact.kind) {
    case 'number':
      return relevance >= settings.minRelevanceForContradiction || others <= 1;
    case 'date':
      // The date of the same place/organisation/person, named in the same sentence.
      return facts.some((f) => ['place', 'org', 'person', 'role'].includes(f.fact.kind) && inSentence(f));
    case 'place': {
      // Where a group went on a given day, or where group N went: the day or the group number pins the slot
      // (a person alone does not: people go many places).
      const binders = facts.filter((f) => f.fact.kind === 'date' || (f.fact.kind === 'number' && f.fact.quantity.ordinal));
      return binders.length > 0 && binders.every(inSentence);
    }
    case 'role':
      return true;
    default:
      return false;
  }
}

function assessFact(fact: AtomicFact, claim: ClaimFacts, evidence: EvidenceSentence): FactAssessment {
  const { analysis, passage } = evidence;
  const text = analysis.text;
  const supported = (foundIn: FactAssessment['foundIn']): FactAssessment => ({ fact, status: 'supported', foundIn });
  const missing: FactAssessment = { fact, status: 'missing' };
  const contradicted = (mismatch: Mismatch): FactAssessment => ({ fact, status: 'contradicted', mismatch });

  switch (fact.kind) {
    case 'frame':
      return articleMatchesFrame(fact.frame, evidence.articleText) ? supported('article') : missing;

    case 'date': {
      const governing = governingDate(claim, evidence);
      const candidates = governing ? [governing] : analysis.dates;
      const comparisons = candidates.map((date) => ({ date, result: compareDates(fact.date, date) }));
      if (comparisons.some((c) => c.result === 'same')) return supported('sentence');
      const different = comparisons.find((c) => c.result === 'different');
      if (different) return contradicted({ kind: 'date', claim: fact.surface, source: different.date.surface });
      return missing;
    }

    case 'number': {
      const claimPlaces = claim.facts.filter((f): f is Extract<AtomicFact, { kind: 'place' }> => f.kind === 'place').map((f) => f.name);
      const slots = analysis.quantities.filter(
        (q) => sameCountedThing(fact.quantity, q) && ownersCompatible(fact.quantity, q, claimPlaces, text),
      );
      const results = slots.map((q) => ({ q, result: compareQuantities(fact.quantity, q) }));
      if (results.some((r) => r.result === 'same')) return supported('sentence');
      const different = results.find((r) => r.result === 'different');
      if (different) {
        const source = `${different.q.owner && !different.q.surface.startsWith(different.q.owner) ? different.q.owner : ''}${different.q.surface}`;
        return contradicted({ kind: 'number', claim: fact.surface, source });
      }
      return missing;
    }

    case 'person': {
      if (text.includes(fact.name)) return supported('sentence');
      if (analysis.persons.length === 0 && passage.includes(fact.name)) return supported('passage');
      return missing;
    }

    case 'role': {
      const verbs = synonymsOf(fact.verb);
      const roles = analysis.roles.filter((r) => verbs.includes(r.verb));
      if (roles.some((r) => r.agents.some((a) => sameAgent(a, fact.agent)))) return supported('sentence');
      const other = roles.find((r) => r.agents.length > 0);
      if (other) return contradicted({ kind: fact.agentKind, claim: fact.surface, source: `${other.agents.join('、')}${other.verb}` });
      return missing;
    }

    case 'place': {
      if (textNamesPlace(text, fact.name)) return supported('sentence');
      const claimPlaces = new Set(
        claim.facts.flatMap((f) => (f.kind === 'place' ? [f.name] : f.kind === 'frame' ? f.frame.places : [])),
      );
      const elsewhere = analysis.places.filter((p) => p.destination && !claimPlaces.has(p.name) && ![...claimPlaces].some((c) => textNamesPlace(p.surface, c)));
      if (fact.destination && elsewhere.length > 0) {
        return contradicted({ kind: 'place', claim: fact.surface, source: [...new Set(elsewhere.map((p) => p.surface))].join('、') });
      }
      if (elsewhere.length === 0 && textNamesPlace(passage, fact.name)) return supported('passage');
      return missing;
    }

    case 'org': {
      if (containsPhrase(text, fact.name, 0)) return supported('sentence');
      // 张家界天子山景区 vs 张家界国家森林公园天子山景区: the place may be written apart from the rest of the name.
      const leading = analysisPlacePrefix(fact.name, claim);
      if (leading && text.includes(fact.name.slice(leading.length)) && fact.name.length - leading.length >= 4 && textNamesPlace(`${text}\n${passage}`, leading)) {
        return supported('sentence');
      }
      return missing;
    }

    case 'event': {
      const verbs = synonymsOf(fact.verb);
      if (verbs.some((v) => text.includes(v)) && containsPhrase(text, fact.object, 4)) return supported('sentence');
      return missing;
    }

    case 'quote':
      return text.includes(fact.text) ? supported('sentence') : missing;

    case 'term': {
      const variants = synonymsOf(fact.word).filter((w) => w.length >= 2 || w === fact.word);
      if (variants.some((w) => containsPhrase(text, w))) return supported('sentence');
      if (variants.some((w) => containsPhrase(passage, w))) return supported('passage');
      return missing;
    }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 沈晓明 = 省委书记沈晓明; organisations match when one name contains the other (省委组织部 in 湖南省委组织部). */
function sameAgent(source: string, claim: string): boolean {
  return source === claim || (claim.length >= 4 && (source.includes(claim) || claim.includes(source)) && Math.min(source.length, claim.length) >= 4);
}

/** The place a claim's organisation name starts with (南昌 in 南昌中微…有限公司), if any. */
function analysisPlacePrefix(name: string, claim: ClaimFacts): string | null {
  const place = claim.analysis.places.find((p) => name.startsWith(p.surface));
  return place ? place.surface : null;
}

/**
 * The date that governs the claim's place or organisation in the sentence: the latest date written before the first
 * of them (10月8日至9日,…来到衡阳,10日转赴娄底 — 娄底's date is 10日). Null when the sentence names none of them.
 */
function governingDate(claim: ClaimFacts, evidence: EvidenceSentence) {
  const text = evidence.analysis.text;
  const anchors = claim.facts.flatMap((f) => (f.kind === 'place' && f.destination ? [f.name] : f.kind === 'org' ? [f.name] : []));
  const positions = anchors.map((name) => text.indexOf(name)).filter((at) => at >= 0);
  if (positions.length === 0) return null;
  const first = Math.min(...positions);
  const before = evidence.analysis.dates.filter((d) => d.end <= first);
  return before.at(-1) ?? null;
}

/**
 * Whether a source count belongs to the same owner as the claimed one: 浙江有25个 vs 江苏25个 does not;
 * a count with no owner in the source matches when the claim's owner is named earlier in the sentence.
 */
function ownersCompatible(claim: QuantityMention, source: QuantityMention, claimPlaces: readonly string[], text: string): boolean {
  if (claim.owner && source.owner) return claim.owner === source.owner;
  if (claim.owner) return textNamesPlace(text.slice(0, source.start), claim.owner);
  if (source.owner) return claimPlaces.includes(source.owner);
  return true;
}

/** The outcome of checking a claim against all candidate sentences. */
export interface ClaimJudgement {
  verdict: Verdict;
  /** The sentence the verdict rests on (or the nearest for not_found); null when nothing was retrieved. */
  best: SentenceAssessment | null;
  /** Further sentences to show (nearest alternatives for not_found). */
  nearest: SentenceAssessment[];
  mismatches: Mismatch[];
}

/**
 * Aggregates sentence assessments: supported when one sentence confirms every fact; contradicted when a sentence
 * contradicts a fact in the same slot; otherwise not_found with the nearest sentences (most facts confirmed).
 */
export function judgeClaim(assessments: readonly SentenceAssessment[], maxNearest: number): ClaimJudgement {
  const byStrength = [...assessments].sort(
    (a, b) => b.relevance - a.relevance || b.similarity - a.similarity || a.evidence.rank - b.evidence.rank,
  );
  const supported = byStrength.find((a) => a.allSupported);
  if (supported) return { verdict: 'supported', best: supported, nearest: [], mismatches: [] };
  const contradicting = byStrength.filter((a) => a.contradictions.length > 0);
  if (contradicting.length > 0) {
    const best = contradicting[0]!;
    return { verdict: 'contradicted', best, nearest: [], mismatches: best.contradictions.map((c) => c.mismatch!) };
  }
  const nearest = byStrength.filter((a) => a.relevance > 0 || a.similarity > 0).slice(0, maxNearest);
  return { verdict: 'not_found', best: nearest[0] ?? null, nearest, mismatches: [] };
}
