/**
 * The direct short answer (沈晓明、毛伟明 · 9月23日至28日 · 36个 · 南昌、景德镇) and the trimming of a quoted
 * sentence to the clauses that carry it. Both are cut verbatim from the cited sentence: every item of a short
 * answer occurs as written in a cited paragraph, and a trimmed quote is a substring of its sentence.
 */
import type { Article, Paragraph } from '../domain.ts';
import type { DateFact, Fact, PersonFact, QuantityFact } from '../facts/index.ts';
import { askedRole, enumerationItems } from './features.ts';
import type { QuestionAnalysis } from './question.ts';
import { DAY_PARTS, foldScript, placeVariants } from '../text/index.ts';

/** The longest short answer shown (five site names fit; 40 cut lists users asked for whole); a longer list keeps the items that fit. */
export const MAX_SHORT_CHARS = 90;

interface ShortSource {
  text: string;
  filling: Fact[];
  paragraph: Paragraph;
  article: Article;
}

/** A quantity's span with its counted noun when the noun follows directly (36个考察点). */
function quantitySpan(sentence: string, fact: QuantityFact): string {
  const withNoun = sentence.slice(fact.start, fact.end + fact.noun.length);
  return withNoun.length <= 14 ? withNoun : fact.text;
}

function uniqueTexts(items: readonly string[]): string[] {
  const out: string[] = [];
  for (const item of items) if (item && !out.some((o) => o.includes(item))) out.push(item);
  return out;
}

/**
 * 在陕西看了几个: of several counts in one sentence (在安徽考察14个点，在陕西考察13个点), the one written nearest after
 * the asked place. Null when the question names no scope or no count follows it.
 */
function scopedQuantity(question: QuestionAnalysis, sentence: string, quantities: readonly QuantityFact[]): QuantityFact | null {
  if (question.scoped.length === 0 || quantities.length < 2) return null;
  const view = foldScript(sentence);
  let best: { quantity: QuantityFact; distance: number } | null = null;
  for (const quantity of quantities) {
    for (const place of question.scoped) {
      for (const variant of placeVariants(place)) {
        const at = view.lastIndexOf(variant, quantity.start);
        if (at < 0 || at + variant.length > quantity.start) continue;
        const distance = quantity.start - at;
        if (!best || distance < best.distance) best = { quantity, distance };
      }
    }
  }
  return best?.quantity ?? null;
}

/** A part of the day right after a date (27日下午, 19日上午). */
const PART_OF_DAY = new RegExp(`^(?:${DAY_PARTS.join('|')})`);

/** Joins items with 、 up to MAX_SHORT_CHARS; null when nothing fits. */
function joinItems(items: readonly string[]): string | null {
  const kept: string[] = [];
  for (const item of uniqueTexts(items)) {
    if ([...kept, item].join('、').length > MAX_SHORT_CHARS) break;
    kept.push(item);
  }
  return kept.length > 0 ? kept.join('、') : null;
}

/**
 * The short answer of a who/when/how-many/where/list question, read from the facts that fill the slot in the
 * chosen sentences (the best first); null for why/how questions or when no fact is certain.
 */
export function shortAnswerOf(question: QuestionAnalysis, chosen: readonly ShortSource[], _corpus?: unknown): string | null {
  const best = chosen[0];
  // 哪三点建议: the items of the enumeration the answer quotes (一是X，… → X).
  if (best && question.asksEnumeration) {
    const items = enumerationItems(chosen.map((c) => c.text));
    if (items.length >= 2) return joinItems(items);
  }
  if (!best || best.filling.length === 0) return null;
  switch (question.type) {
    case 'who': {
      const persons = best.filling as PersonFact[];
      const role = askedRole(question);
      const inRole = role ? persons.filter((p) => p.role === role) : [];
      return joinItems((inRole.length > 0 ? inRole : persons).map((p) => p.text));
    }
    case 'when': {
      const dates = best.filling as DateFact[];
      const span = question.asksSpan ? dates.find((d) => JSON.stringify(d.from) !== JSON.stringify(d.to)) : undefined;
      const withDay = dates.find((d) => d.from.day !== undefined);
      const date = span ?? withDay ?? dates[0];
      if (!date) return null;
      // 27日下午: the part of the day written right after the date belongs to the answer.
      const partOfDay = PART_OF_DAY.exec(best.text.slice(date.end))?.[0] ?? '';
      return best.text.slice(date.start, date.end) === date.text ? date.text + partOfDay : date.text;
    }
    case 'howMany': {
      const quantities = best.filling as QuantityFact[];
      return quantitySpan(best.text, scopedQuantity(question, best.text, quantities) ?? quantities[0]!);
    }
    case 'where':
    case 'list':
    case 'what': {
      const items = chosen.filter((c) => c.paragraph.id === best.paragraph.id || question.comparative).flatMap((c) => c.filling.map((f) => f.text));
      return joinItems(items);
    }
    default:
      return null;
  }
}

/** Clause boundaries inside a sentence. */
const CLAUSE_END = /[，,；;：:]/g;
/** Sentences shorter than this are quoted whole. */
const TRIM_ABOVE_CHARS = 60;

/**
 * Trims a long sentence to the clauses holding the slot facts (for factoid questions), marking cuts with "…".
 * `quote` is the verbatim kept part (for the citation); `shown` adds the ellipses.
 */
export function trimToClauses(sentence: string, filling: readonly Fact[], question: QuestionAnalysis): { shown: string; quote: string } {
  if (sentence.length <= TRIM_ABOVE_CHARS || filling.length === 0 || !['who', 'when', 'howMany', 'where'].includes(question.type)) {
    return { shown: sentence, quote: sentence };
  }
  const bounds = [0];
  for (const match of sentence.matchAll(CLAUSE_END)) bounds.push(match.index! + 1);
  bounds.push(sentence.length);
  const first = Math.min(...filling.map((f) => f.start));
  const last = Math.max(...filling.map((f) => f.end));
  // From the clause before the first fact (it usually names the subject) to the end of the last fact's clause.
  let from = 0;
  for (let i = 0; i < bounds.length; i += 1) if (bounds[i]! <= first) from = i;
  const start = bounds[Math.max(0, from - 1)]!;
  const end = bounds.find((b) => b >= last) ?? sentence.length;
  if (end - start >= sentence.length * 0.75) return { shown: sentence, quote: sentence };
  const quote = sentence.slice(start, end).replace(/[，,；;：:]$/, '');
  return { shown: `${start > 0 ? '…' : ''}${quote}${end < sentence.length ? '…' : ''}`, quote };
}
