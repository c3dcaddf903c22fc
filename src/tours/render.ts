/**
 * Rendering of tour cards: plain text for the terminal, Telegram HTML (one line per field, [n] markers, buttons
 * that open the cited paragraphs). Choosing what to cite happened at extraction; here citations are numbered by
 * paragraph in the order the fields show them.
 */
import { NOT_STATED, compareTours, dateSpanText, tourDate, type TourListPage } from './chat.ts';
import type { TourCard, TourCitation, TourField } from './types.ts';

/** A button under a message: opens a cited paragraph, a card, or a page of the list. */
export interface TourButton {
  label: string;
  paragraphId?: string;
  tourId?: string;
  page?: number;
}

export interface RenderedTour {
  /** Telegram HTML (parse_mode HTML) or plain text. */
  text: string;
  buttons: TourButton[];
}

const LEVEL_LABEL: Record<string, string> = { province: '省级', city: '市级', county: '县级', district: '区级', other: '其他' };

/** Escapes text for Telegram HTML (&, <, > are the only characters it requires escaped). */
export function escapeTourHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Numbers citations by paragraph, first shown first. */
class CitationNumbers {
  readonly order: TourCitation[] = [];

  marks(citations: readonly TourCitation[] | undefined): string {
    const numbers = new Set<number>();
    for (const citation of citations ?? []) {
      let n = this.order.findIndex((c) => c.paragraphId === citation.paragraphId) + 1;
      if (n === 0) {
        this.order.push(citation);
        n = this.order.length;
      }
      numbers.add(n);
    }
    return [...numbers].sort((a, b) => a - b).map((n) => `[${n}]`).join('');
  }
}

interface CardLine {
  label: string;
  value: string;
  field: TourField | null;
  /** Shown after the citation markers (sources that disagree). */
  note?: string;
}

function conflictNote(card: TourCard, field: 'start' | 'end' | 'site_count'): string {
  const conflict = card.conflicts.find((c) => c.field === field);
  if (!conflict) return '';
  const values = conflict.values.map((v) => `${v.value}（${card.titles[v.docId] ?? v.docId}）`).join(' / ');
  return ` ⚠️ 来源说法不一：${values}`;
}

function cardLines(card: TourCard): CardLine[] {
  const people = (list: TourCard['leaders']) => list.map((p) => (p.title ? `${p.title}${p.name}` : p.name)).join('、');
  const lines: CardLine[] = [
    { label: '代表团', value: card.delegation ?? NOT_STATED, field: 'delegation' },
    { label: '级别', value: card.level ? LEVEL_LABEL[card.level]! : NOT_STATED, field: null },
    { label: '来自', value: card.from ?? NOT_STATED, field: 'from' },
    { label: '带队', value: card.leaders.length > 0 ? people(card.leaders) : NOT_STATED, field: 'leaders' },
    { label: '时间', value: dateSpanText(card), field: 'start', note: conflictNote(card, 'start') + conflictNote(card, 'end') },
    { label: '目的地', value: card.destinations.join('、') || NOT_STATED, field: 'destinations' },
    { label: '考察点数', value: card.siteCount === null ? NOT_STATED : `${card.siteCount}个`, field: 'site_count', note: conflictNote(card, 'site_count') },
  ];
  if (card.hosts.length > 0) lines.splice(4, 0, { label: '会见/陪同', value: people(card.hosts), field: 'hosts' });
  if (card.sites.length > 0) lines.push({ label: '考察点', value: card.sites.join('、'), field: 'sites' });
  lines.push({ label: '签署', value: card.agreements.map((a) => `《${a}》`).join('、') || NOT_STATED, field: 'agreements' });
  if (card.meetings.length > 0) lines.push({ label: '会议', value: card.meetings.join('、'), field: 'meetings' });
  if (card.figures.length > 0) lines.push({ label: '数字', value: card.figures.map((f) => f.value).join('、'), field: 'figures' });
  return lines;
}

function citationsOf(card: TourCard, field: TourField | null): TourCitation[] {
  if (!field) return [];
  if (field === 'start') return [...(card.citations.start ?? []), ...(card.citations.end ?? [])];
  return card.citations[field] ?? [];
}

function paragraphLabel(paragraphId: string): string {
  return /#p(\d+)$/.exec(paragraphId)?.[1] ?? '?';
}

/** A card as plain text for the terminal: one line per field with [n], then the numbered quotes. Pure. */
export function renderTourText(card: TourCard): string {
  const numbers = new CitationNumbers();
  const out = [`【${card.delegation ?? card.from ?? '考察'}】${dateSpanText(card)}`];
  for (const line of cardLines(card)) out.push(`${line.label}：${line.value}${numbers.marks(citationsOf(card, line.field))}${line.note ?? ''}`);
  out.push(`来源：${card.docs.map((d) => card.titles[d] ?? d).join('；')}`);
  numbers.order.forEach((c, i) => out.push(`[${i + 1}] ${c.paragraphId}（¶${paragraphLabel(c.paragraphId)}）：${c.quote}`));
  return out.join('\n');
}

/** A card as Telegram HTML: bold labels, one line per field, [n] markers, a button per cited paragraph. Pure. */
export function renderTourHtml(card: TourCard): RenderedTour {
  const numbers = new CitationNumbers();
  const out = [`<b>${escapeTourHtml(card.delegation ?? card.from ?? '考察')}</b>`];
  for (const line of cardLines(card)) {
    out.push(`<b>${escapeTourHtml(line.label)}</b>：${escapeTourHtml(line.value)}${numbers.marks(citationsOf(card, line.field))}${escapeTourHtml(line.note ?? '')}`);
  }
  out.push(`<i>来源：${escapeTourHtml(card.docs.map((d) => card.titles[d] ?? d).join('；'))}</i>`);
  return {
    text: out.join('\n'),
    buttons: numbers.order.map((c, i) => ({ label: `[${i + 1}] ¶${paragraphLabel(c.paragraphId)}`, paragraphId: c.paragraphId })),
  };
}

/** Two cards side by side (a line per field: 甲 | 乙), with buttons to both cards. Pure. */
export function renderCompareHtml(a: TourCard, b: TourCard): RenderedTour {
  const comparison = compareTours(a, b);
  const name = (c: TourCard) => c.delegation ?? c.from ?? c.id;
  const out = [`<b>对比</b>：甲 ${escapeTourHtml(name(a))}｜乙 ${escapeTourHtml(name(b))}`];
  for (const row of comparison.rows) {
    out.push(`<b>${escapeTourHtml(row.label)}</b>${row.same ? '（相同）' : ''}\n  甲：${escapeTourHtml(row.a)}\n  乙：${escapeTourHtml(row.b)}`);
  }
  return { text: out.join('\n'), buttons: [{ label: `甲：${name(a)}`, tourId: a.id }, { label: `乙：${name(b)}`, tourId: b.id }] };
}

/** Two cards compared as plain text for the terminal. Pure. */
export function renderCompareText(a: TourCard, b: TourCard): string {
  const comparison = compareTours(a, b);
  const name = (c: TourCard) => c.delegation ?? c.from ?? c.id;
  const out = [`对比：甲 ${name(a)}｜乙 ${name(b)}`];
  for (const row of comparison.rows) out.push(`${row.label}${row.same ? '（相同）' : ''}\n  甲：${row.a}\n  乙：${row.b}`);
  return out.join('\n');
}

function listLine(card: TourCard): string {
  const where = card.destinations.length > 0 ? `赴${card.destinations.join('、')}` : '';
  return `${card.delegation ?? card.from ?? '考察'}${where}（${tourDate(card) ?? '日期未提及'}）`;
}

/** A page of /tours: one line per card, a button per card and ◀/▶ page buttons. Pure. */
export function renderTourListHtml(page: TourListPage): RenderedTour {
  if (page.total === 0) return { text: '没有符合条件的考察记录。', buttons: [] };
  const out = [`<b>考察记录</b>（共${page.total}条，第${page.page}/${page.pages}页，最新在前）`];
  page.items.forEach((card, i) => out.push(`${i + 1}. ${escapeTourHtml(listLine(card))}`));
  const buttons: TourButton[] = page.items.map((card, i) => ({ label: `${i + 1}. ${(card.delegation ?? card.from ?? '考察').slice(0, 20)}`, tourId: card.id }));
  if (page.page > 1) buttons.push({ label: '◀ 上一页', page: page.page - 1 });
  if (page.page < page.pages) buttons.push({ label: '下一页 ▶', page: page.page + 1 });
  return { text: out.join('\n'), buttons };
}

/** A page of /tours as plain text for the terminal. Pure. */
export function renderTourListText(page: TourListPage): string {
  if (page.total === 0) return '没有符合条件的考察记录。';
  const out = [`考察记录（共${page.total}条，第${page.page}/${page.pages}页，最新在前）`];
  page.items.forEach((card, i) => out.push(`${i + 1}. ${listLine(card)}  [${card.id}]`));
  return out.join('\n');
}
