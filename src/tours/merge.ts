/**
 * One card per tour: drafts from different articles about the same trip (same delegation, dates that overlap or
 * touch) become one card listing every source. Single-valued fields on which the sources disagree keep the first
 * source's value and are flagged in `conflicts` with every value and its source.
 */
import { foldScript, stripAdminSuffix } from '../text/index.ts';
import type { Cited, TourDraft } from './extract.ts';
import type { TourCard, TourCitation, TourConflict, TourField, TourPerson } from './types.ts';

/** Reports of one trip may give dates a day or two apart (arrival in one, the talks in the other). */
const MERGE_GAP_DAYS = 2;
/** Without dates, reports published this close together about the same delegation are one trip. */
const MERGE_PUBLISHED_DAYS = 7;

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS;

function delegationKey(draft: TourDraft): string | null {
  if (!draft.delegation) return null;
  // 山东省党政代表团 and 山东党政代表团 are the same delegation.
  return foldScript(draft.delegation.value).replace(/^([\u3400-\u9fff]{2,4}?)(?:省|市|自治区)/, (_, p: string) => stripAdminSuffix(p));
}

/** Two short place forms name one place when one is the other with a qualifier before it (江西省九江 ⊃ 九江). */
function samePlace(a: string, b: string): boolean {
  return a === b || (Math.min(a.length, b.length) >= 2 && (a.endsWith(b) || b.endsWith(a)));
}

/** Whether two drafts report the same trip. */
export function sameTour(a: TourDraft, b: TourDraft): boolean {
  if (a.docId === b.docId) return false;
  const ka = delegationKey(a);
  // The same delegation, or (one outlet naming no delegation) the same leader going to the same place.
  const sameDelegation = ka !== null && ka === delegationKey(b);
  const leadersA = new Set(a.leaders.map((l) => foldScript(l.value.name)));
  const places = (d: TourDraft) => d.destinations.map((p) => stripAdminSuffix(foldScript(p.value)));
  const placesA = places(a);
  // 江西省九江市 and 九江 are one place written with and without its province.
  const sameLeader = b.leaders.some((l) => leadersA.has(foldScript(l.value.name))) && places(b).some((p) => placesA.some((q) => samePlace(p, q)));
  if (!sameDelegation && !sameLeader) return false;
  if (a.start && b.start) {
    const [as, ae] = [dayOf(a.start.value), dayOf((a.end ?? a.start).value)];
    const [bs, be] = [dayOf(b.start.value), dayOf((b.end ?? b.start).value)];
    return as <= be + MERGE_GAP_DAYS && bs <= ae + MERGE_GAP_DAYS;
  }
  if (a.published && b.published && a.published.length >= 10 && b.published.length >= 10) {
    return Math.abs(dayOf(a.published) - dayOf(b.published)) <= MERGE_PUBLISHED_DAYS;
  }
  return false;
}

function addCitation(citations: TourCard['citations'], field: TourField, citation: TourCitation | null | undefined): void {
  if (!citation || !citation.paragraphId) return;
  const list = (citations[field] ??= []);
  if (!list.some((c) => c.paragraphId === citation.paragraphId && c.quote === citation.quote)) list.push(citation);
}

function unionInto<T>(
  field: TourField,
  items: ReadonlyArray<Cited<T>>,
  out: T[],
  key: (v: T) => string,
  citations: TourCard['citations'],
  same: (a: string, b: string) => boolean = (a, b) => a === b,
): void {
  for (const item of items) {
    const k = foldScript(key(item.value));
    if (!out.some((o) => same(foldScript(key(o)), k))) out.push(item.value);
    addCitation(citations, field, item.citation);
  }
}

/** Builds one card from the drafts of one trip (first draft first). */
export function cardOf(drafts: readonly TourDraft[], id: string): TourCard {
  const citations: TourCard['citations'] = {};
  const conflicts: TourConflict[] = [];
  const single = <T extends string | number>(field: 'start' | 'end' | 'site_count', pick: (d: TourDraft) => Cited<T> | null, prefer?: (a: T, b: T) => boolean): T | null => {
    const seen = drafts.map((d) => ({ d, v: pick(d) })).filter((x): x is { d: TourDraft; v: Cited<T> } => x.v !== null);
    if (seen.length === 0) return null;
    for (const { v } of seen) addCitation(citations, field, v.citation);
    let chosen = seen[0]!.v.value;
    if (prefer) for (const { v } of seen) if (prefer(v.value, chosen)) chosen = v.value;
    const distinct = new Set(seen.map((x) => String(x.v.value)));
    // Dates of a multi-report trip widen (one report gives the arrival, another the talks); counts must agree.
    if (distinct.size > 1 && !prefer) {
      conflicts.push({ field, values: seen.map(({ d, v }) => ({ value: v.value, docId: d.docId, citation: v.citation })) });
    }
    return chosen;
  };
  const leaders: TourPerson[] = [];
  const hosts: TourPerson[] = [];
  const destinations: string[] = [];
  const sites: string[] = [];
  const agreements: string[] = [];
  const meetings: string[] = [];
  const figures: TourCard['figures'] = [];
  for (const d of drafts) {
    unionInto('leaders', d.leaders, leaders, (p) => p.name, citations);
    unionInto('hosts', d.hosts, hosts, (p) => p.name, citations);
    unionInto('destinations', d.destinations, destinations, (p) => stripAdminSuffix(foldScript(p)), citations, samePlace);
    unionInto('sites', d.sites, sites, (p) => p, citations);
    unionInto('agreements', d.agreements, agreements, (p) => p, citations);
    unionInto('meetings', d.meetings, meetings, (p) => p, citations);
    unionInto('figures', d.figures, figures, (p) => p.value, citations);
  }
  const withDelegation = drafts.find((d) => d.delegation);
  if (withDelegation) addCitation(citations, 'delegation', withDelegation.delegation!.citation);
  const withFrom = drafts.find((d) => d.from);
  if (withFrom) addCitation(citations, 'from', withFrom.from!.citation);
  const published = drafts.map((d) => d.published).filter((p): p is string => p !== null).sort().at(-1) ?? null;
  return {
    id,
    docs: [...new Set(drafts.map((d) => d.docId))],
    delegation: withDelegation?.delegation?.value ?? null,
    level: drafts.find((d) => d.level)?.level ?? null,
    from: withFrom?.from?.value ?? null,
    leaders,
    hosts,
    start: single('start', (d) => d.start, (a, b) => a < b),
    end: single('end', (d) => d.end, (a, b) => a > b),
    destinations,
    sites,
    siteCount: single('site_count', (d) => d.siteCount),
    agreements,
    meetings,
    figures,
    conflicts,
    citations,
    published,
    titles: Object.fromEntries(drafts.map((d) => [d.docId, d.title])),
  };
}

/** Groups drafts into tours (in article order) and builds one card per tour. Pure. */
export function mergeTours(drafts: readonly TourDraft[]): TourCard[] {
  const groups: TourDraft[][] = [];
  for (const draft of drafts) {
    const group = groups.find((g) => g.some((member) => sameTour(member, draft)));
    if (group) group.push(draft);
    else groups.push([draft]);
  }
  return groups.map((group) => cardOf(group, `${group[0]!.docId}#t${group[0]!.index + 1}`));
}
