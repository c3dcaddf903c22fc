/**
 * Scores tour cards against hand-made gold cards: cards are matched to gold by a shared article (best field
 * agreement first); leaders (by name), destinations, sites and agreements are scored as sets where a value matches
 * when one contains the other; start, end and site count exactly where the gold states them; a multi-article gold
 * tour is merged right when one card lists all its articles. Values are compared in one script (simplified).
 */
import { foldScript } from '../text/index.ts';
import type { TourCard } from './types.ts';

/** A gold card line (`docs` are file names). */
export interface GoldTour {
  id: string;
  docs: string[];
  leaders?: Array<{ name: string }>;
  destinations?: string[];
  sites?: string[];
  agreements?: string[];
  start?: string | null;
  end?: string | null;
  site_count?: number | null;
}

export const SET_FIELDS = ['leaders', 'destinations', 'sites', 'agreements'] as const;
export const EXACT_FIELDS = ['start', 'end', 'site_count'] as const;

export interface SetScore {
  /** Gold values found. */
  tp: number;
  gold: number;
  system: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface TourEvalReport {
  goldCards: number;
  matched: number;
  sets: Record<(typeof SET_FIELDS)[number], SetScore>;
  exact: Record<(typeof EXACT_FIELDS)[number], { correct: number; total: number; accuracy: number }>;
  merges: { right: number; total: number };
  misses: Array<{ id: string; field: string; want: unknown; got: unknown }>;
}

const stem = (file: string) => file.replace(/\.(txt|md|html?)$/i, '');
const norm = (value: unknown) => foldScript(String(value ?? '').normalize('NFKC')).replace(/[\s\u3000《》“”"]+/g, '').toLowerCase();
const like = (a: string, b: string) => a === b || (a.length >= 2 && b.length >= 2 && (a.includes(b) || b.includes(a)));

function goldValues(gold: GoldTour, field: (typeof SET_FIELDS)[number]): string[] {
  const values = field === 'leaders' ? (gold.leaders ?? []).map((l) => l.name) : (gold[field] ?? []);
  return [...new Set(values.map(norm).filter(Boolean))];
}

function cardValues(card: TourCard | null, field: (typeof SET_FIELDS)[number]): string[] {
  if (!card) return [];
  const values = field === 'leaders' ? card.leaders.map((l) => l.name) : card[field];
  return [...new Set(values.map(norm).filter(Boolean))];
}

function exactValue(card: TourCard, field: (typeof EXACT_FIELDS)[number]): unknown {
  return field === 'site_count' ? card.siteCount : card[field];
}

function agreement(gold: GoldTour, card: TourCard): number {
  const g = [...goldValues(gold, 'leaders'), ...goldValues(gold, 'destinations')];
  const s = [...cardValues(card, 'leaders'), ...cardValues(card, 'destinations')];
  return g.filter((x) => s.some((y) => like(x, y))).length + (gold.start && gold.start === card.start ? 1 : 0);
}

/** Precision counts system values that match a gold one; F1 is 2·tp/(gold+system) as the shared scorer has it. */
function setScore(tp: number, gold: number, system: number, systemMatched: number): SetScore {
  const precision = system === 0 ? 0 : systemMatched / system;
  const recall = gold === 0 ? 0 : tp / gold;
  const f1 = tp === 0 ? 0 : (2 * tp) / (gold + system);
  return { tp, gold, system, precision: round(precision), recall: round(recall), f1: round(f1) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Scores cards against gold. Pure. */
export function evaluateTours(gold: readonly GoldTour[], cards: readonly TourCard[]): TourEvalReport {
  const pairs: Array<{ g: number; c: number; score: number }> = [];
  gold.forEach((g, gi) => cards.forEach((card, ci) => {
    if (g.docs.map(stem).some((d) => card.docs.includes(d))) pairs.push({ g: gi, c: ci, score: agreement(g, card) });
  }));
  pairs.sort((a, b) => b.score - a.score);
  const matchOf = new Map<number, number>();
  const used = new Set<number>();
  for (const p of pairs) if (!matchOf.has(p.g) && !used.has(p.c)) {
    matchOf.set(p.g, p.c);
    used.add(p.c);
  }
  const tallies = Object.fromEntries(SET_FIELDS.map((f) => [f, { tp: 0, gold: 0, system: 0, systemMatched: 0 }])) as Record<(typeof SET_FIELDS)[number], { tp: number; gold: number; system: number; systemMatched: number }>;
  const exact = Object.fromEntries(EXACT_FIELDS.map((f) => [f, { correct: 0, total: 0, accuracy: 0 }])) as TourEvalReport['exact'];
  const merges = { right: 0, total: 0 };
  const misses: TourEvalReport['misses'] = [];
  gold.forEach((g, gi) => {
    const card = matchOf.has(gi) ? cards[matchOf.get(gi)!]! : null;
    if (!card) misses.push({ id: g.id, field: 'card', want: g.docs, got: null });
    for (const field of SET_FIELDS) {
      const gv = goldValues(g, field);
      const sv = cardValues(card, field);
      tallies[field].gold += gv.length;
      tallies[field].system += sv.length;
      const tp = gv.filter((x) => sv.some((y) => like(x, y))).length;
      tallies[field].tp += tp;
      tallies[field].systemMatched += sv.filter((y) => gv.some((x) => like(x, y))).length;
      if (tp < gv.length || sv.some((y) => !gv.some((x) => like(x, y)))) misses.push({ id: g.id, field, want: gv, got: sv });
    }
    for (const field of EXACT_FIELDS) {
      if (g[field] === null || g[field] === undefined) continue;
      exact[field].total += 1;
      const got = card ? exactValue(card, field) : null;
      if (card && String(got) === String(g[field])) exact[field].correct += 1;
      else misses.push({ id: g.id, field, want: g[field], got });
    }
    if (g.docs.length > 1) {
      merges.total += 1;
      if (card && g.docs.every((d) => card.docs.includes(stem(d)))) merges.right += 1;
    }
  });
  for (const field of EXACT_FIELDS) exact[field].accuracy = round(exact[field].correct / Math.max(1, exact[field].total));
  return {
    goldCards: gold.length,
    matched: matchOf.size,
    sets: Object.fromEntries(SET_FIELDS.map((f) => [f, setScore(tallies[f].tp, tallies[f].gold, tallies[f].system, tallies[f].systemMatched)])) as TourEvalReport['sets'],
    exact,
    merges,
    misses,
  };
}

/** Parses gold JSONL; malformed lines are reported with their number. */
export function parseGoldTours(text: string): GoldTour[] {
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    try {
      const value = JSON.parse(line) as GoldTour;
      if (!Array.isArray(value.docs)) throw new Error('no docs');
      return [value];
    } catch (error) {
      throw new Error(`tours: gold line ${i + 1} is not a tour card (${error instanceof Error ? error.message : String(error)})`);
    }
  });
}

/** Every citation whose quote is not verbatim in its paragraph (should be none). */
export function unverifiedQuotes(cards: readonly TourCard[], paragraphText: (paragraphId: string) => string | undefined): Array<{ id: string; paragraphId: string; quote: string }> {
  const bad: Array<{ id: string; paragraphId: string; quote: string }> = [];
  for (const card of cards) {
    for (const list of Object.values(card.citations)) {
      for (const c of list ?? []) if (!c.quote || !paragraphText(c.paragraphId)?.includes(c.quote)) bad.push({ id: card.id, paragraphId: c.paragraphId, quote: c.quote });
    }
  }
  return bad;
}
