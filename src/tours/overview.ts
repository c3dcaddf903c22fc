/**
 * Overview articles (十八大以来21省份…赴外省取经) describe many trips by many delegations. Each trip is anchored by a
 * named delegation (河北代表团) or a leader whose title names the home region (湖南省委书记X率团…); sentences that
 * follow an anchor without naming another delegation continue its trip. One article becomes one trip per
 * (home, destinations) anchor group.
 */
import { PROVINCES, foldScript, stripAdminSuffix } from '../text/index.ts';
import type { PersonFact } from '../facts/index.ts';
import type { ArticleFacts, TourSentence } from './article-facts.ts';
import { delegationNames } from './delegation.ts';

/** An article is an overview when this many different home regions lead trips in it. */
export const OVERVIEW_MIN_HOMES = 3;
/** …unless one of them anchors this share of the anchored sentences (then it is that delegation's report). */
export const DOMINANT_SHARE = 0.6;

/** One trip of an overview: the sentences about it and the people who led it. */
export interface OverviewTrip {
  home: string;
  sentences: TourSentence[];
  leaders: Array<{ sentence: TourSentence; person: PersonFact }>;
  /** Short form → the place as written, with its sentence. */
  destinations: Map<string, { text: string; sentence: TourSentence }>;
}

/** The province a title chain or name starts with (湖南省委书记 → 湖南), short form; null otherwise. */
export function provinceHome(text: string): string | null {
  const folded = foldScript(text);
  return PROVINCES.find((p) => folded.startsWith(p.name) || folded.startsWith(p.common))?.common ?? null;
}

/** A leader's title at the top of a province or city (书记, 省长, 市长…). */
const TOP_TITLE = /(?:书记|省长|市长|主席)$/;
/** Going somewhere: the places after it are where the trip went (率团到邻省湖北, 在浙江、上海考察). */
const GOING = /(?:赴|到|去了?|前往|在|来到|抵达|第一站是|首站是?)[\u3400-\u9fff]{0,2}$/;

const PROVINCE_ALTERNATION = PROVINCES.map((p) => p.common).join('|');
const OPENING = new RegExp(`^(?:[^，,。]{0,6}[，,])?(${PROVINCE_ALTERNATION})[^，,。；]{0,6}(?:[，,][^，,。；]{0,12})?(?:启程|出发|赴|率团|带队)`);
const PROVINCE_GOES = new RegExp(`(?:${PROVINCE_ALTERNATION})赴`, 'g');
/** The province a sentence is about when it opens with one (此后，河北又到…). */
const SUBJECT = new RegExp(`^(?:[^，,。]{0,6}[，,])?(${PROVINCE_ALTERNATION})`);

interface Anchor {
  home: string;
  persons: PersonFact[];
}

export function anchorsOf(sentence: TourSentence): Anchor[] {
  const anchors = new Map<string, Anchor>();
  const add = (home: string) => anchors.get(home) ?? anchors.set(home, { home, persons: [] }).get(home)!;
  for (const group of delegationNames(sentence.view)) {
    const home = provinceHome(group.name);
    if (home) add(home);
  }
  // 河北紧跟其后，于3月28日启程赴省外学习: a province opening a sentence that travels.
  const opening = OPENING.exec(sentence.view);
  // 广西赴宁夏、甘肃，宁夏赴甘肃…: a list of many trips names no one trip.
  if (opening && (sentence.view.match(PROVINCE_GOES) ?? []).length < 2) add(opening[1]!);
  const persons = sentence.facts.filter((f): f is PersonFact => f.kind === 'person');
  let lastHome: string | null = null;
  for (const person of persons) {
    const chainStart = person.titles ? sentence.view.lastIndexOf(person.titles, person.start) : person.start;
    const before = sentence.view.slice(Math.max(0, chainStart - 4), chainStart);
    const home = (person.titles ? provinceHome(person.titles) : null) ?? PROVINCES.find((p) => before.endsWith(p.common) || before.endsWith(p.name))?.common ?? null;
    // 云南省委书记A、省长B: an untitled-by-place leader listed right after one inherits the home.
    const listed: boolean = !home && lastHome !== null && /^[、和与,，\s]*$/.test(sentence.view.slice(persons[persons.indexOf(person) - 1]?.end ?? 0, person.start - (person.titles?.length ?? 0)));
    const own: string | null = home ?? (listed ? lastHome : null);
    lastHome = own;
    // Hosts (会见, 陪同, 主持) are no anchors: only a leader, or a top official doing nothing else in the sentence.
    if (!own || !person.titles || !(person.role === 'lead' || (person.role === null && person.titles.split('、').some((t) => TOP_TITLE.test(t))))) continue;
    add(own).persons.push(person);
  }
  return [...anchors.values()];
}

function destinationsIn(sentence: TourSentence, home: string): string[] {
  return destinationSpans(sentence, home).map((d) => d.short);
}

function destinationSpans(sentence: TourSentence, home: string): Array<{ short: string; text: string }> {
  const out: Array<{ short: string; text: string }> = [];
  for (const fact of sentence.facts) {
    if (fact.kind !== 'place') continue;
    const short = stripAdminSuffix(foldScript(fact.name));
    if (short === home || !PROVINCES.some((p) => p.common === short)) continue;
    const before = sentence.view.slice(Math.max(0, fact.start - 6), fact.start);
    const listed = out.length > 0 && /^[、和及与]$/.test(sentence.view.slice(fact.start - 1, fact.start));
    if (out.some((d) => d.short === short)) continue;
    if (fact.destination || GOING.test(before) || listed) out.push({ short, text: sentence.text.slice(fact.start, fact.end) });
  }
  return out;
}

/** The one trip whose home a sentence names (its most recent trip of that home), if exactly one home is named. */
function tripNamedIn(sentence: TourSentence, trips: readonly OverviewTrip[]): OverviewTrip | null {
  const named = new Set(sentence.facts.flatMap((f) => (f.kind === 'place' ? [stripAdminSuffix(foldScript(f.name))] : [])));
  const homes = [...new Set(trips.map((t) => t.home))].filter((h) => named.has(h));
  if (homes.length !== 1) return null;
  return [...trips].reverse().find((t) => t.home === homes[0]) ?? null;
}

/** Splits an overview into trips; null when the article reports a single trip. */
export function overviewTrips(facts: ArticleFacts): OverviewTrip[] | null {
  // A title naming one delegation (浙江省党政代表团赴…) is a report of that trip, whatever else it mentions.
  if (delegationNames(facts.titleView).some((d) => provinceHome(d.name) !== null || /^(?![多各两几全本我])[\u3400-\u9fff]{2,4}[市县区州盟旗]/.test(d.name))) return null;
  const anchorsBySentence = facts.sentences.map(anchorsOf);
  const homes = anchorsBySentence.flatMap((a) => a.map((x) => x.home));
  if (new Set(homes).size < OVERVIEW_MIN_HOMES) return null;
  // One home anchoring most sentences is the report's own delegation; the others are mentioned in passing.
  const counts = new Map<string, number>();
  for (const home of homes) counts.set(home, (counts.get(home) ?? 0) + 1);
  if (Math.max(...counts.values()) >= DOMINANT_SHARE * homes.length) return null;
  const trips: OverviewTrip[] = [];
  let current: OverviewTrip | null = null;
  facts.sentences.forEach((sentence, i) => {
    const anchors = anchorsBySentence[i]!;
    if (anchors.length !== 1) {
      // No delegation here: a sentence right after a trip's continues it (他们要到广西、贵州…).
      const subject = SUBJECT.exec(sentence.view)?.[1];
      const last = current?.sentences.at(-1);
      const follows = current !== null && last !== undefined && last.order === sentence.order - 1 && last.paragraphId === sentence.paragraphId;
      // Or it names a trip's home (仍以海南的浙沪之行为例：…): it goes on about that trip.
      const named = anchors.length === 0 && !follows ? tripNamedIn(sentence, trips) : null;
      const target = anchors.length === 0 && (!subject || subject === current?.home) && follows ? current : named;
      if (target) {
        target.sentences.push(sentence);
        for (const d of destinationSpans(sentence, target.home)) if (!target.destinations.has(d.short)) target.destinations.set(d.short, { text: d.text, sentence });
        current = target;
      } else current = null;
      return;
    }
    const anchor = anchors[0]!;
    // 2014年去了上海，2015年去了湖南: clauses with their own year are trips of their own.
    const clauses = [...sentence.view.matchAll(/[^，,：:；;。]+/g)].filter((c) => /(?:19|20)\d{2}年/.test(c[0]) && destinationsIn({ ...sentence, facts: sentence.facts.filter((f) => f.start >= c.index! && f.end <= c.index! + c[0].length) }, anchor.home).length > 0);
    const parts = clauses.length >= 2
      ? clauses.map((c) => ({ ...sentence, facts: sentence.facts.filter((f) => f.kind === 'person' || (f.start >= c.index! && f.end <= c.index! + c[0].length)) }))
      : [sentence];
    for (const part of parts) {
      const spans = destinationSpans(part, anchor.home);
      const destinations = spans.map((d) => d.short);
      let trip = trips.find((t) => t.home === anchor.home && (destinations.length === 0 || t.destinations.size === 0 || destinations.some((d) => t.destinations.has(d))));
      if (parts.length > 1) trip = trips.find((t) => t.home === anchor.home && destinations.some((d) => t.destinations.has(d)));
      if (!trip) {
        trip = { home: anchor.home, sentences: [], leaders: [], destinations: new Map() };
        trips.push(trip);
      }
      trip.sentences.push(part);
      for (const d of spans) if (!trip.destinations.has(d.short)) trip.destinations.set(d.short, { text: d.text, sentence: part });
      for (const person of anchor.persons) {
        if (!trip.leaders.some((l) => l.person.name === person.name)) trip.leaders.push({ sentence, person });
      }
      current = parts.length > 1 ? null : trip;
    }
  });
  return trips.filter((t) => t.leaders.length > 0 || t.destinations.size > 0 || t.sentences.some((s) => s.facts.some((f) => f.kind === 'date' && f.from.day !== undefined)));
}

/** Where a trip of a report starts: a delegation (by its home) named with its own leaders and a dated day. */
export interface TripStart {
  /** The home's short form (宜宾, 泸州). */
  home: string;
  /** Folded leader names. */
  leaders: string[];
  /** The first dated day of the sentence (from–to), to tell trips apart. */
  dates: string;
  /** The same as sortable text (YYYY-MM-DD, or YYYY-MM for a month), to tell a host's day inside a trip. */
  from: string;
  to: string;
  /** Places (short forms) named in the start's sentence. */
  places: string[];
}

/** What a sentence says about the trips of a report: a trip start, or the homes and places it names. */
export interface SectionReader {
  /** Whether `sentences[at]` starts a trip (it may read on in its paragraph for the date and the leaders). */
  startOf(sentences: readonly TourSentence[], at: number): TripStart | null;
  /** Homes (short forms) of the delegations and titled people it names. */
  homesIn(sentence: TourSentence): string[];
  /** Places (short forms) it names. */
  placesIn(sentence: TourSentence): string[];
}

/**
 * A report of several trips (宜宾 to 佛山 on 4–6 November, 泸州 to 宁波 on 12–15 November) split into one sentence list
 * per trip; null when it reports one trip. A trip starts where a delegation of another home is named with its own
 * leaders and dates — leaders shared or dates equal mean one trip written twice. Sentences then stay with the trip
 * being told until one names another trip's home or a place only that trip went to. An opening that names several
 * of the delegations (宜宾、泸州两市党政代表团…) belongs to none of them.
 */
export function reportSections(sentences: readonly TourSentence[], reader: SectionReader): TourSentence[][] | null {
  const starts = sentences.map((_, i) => reader.startOf(sentences, i));
  // 常州市委书记X率有关部门负责同志陪同…: a delegation of a place another trip went to, on that trip's days, hosts it.
  starts.forEach((start, i) => {
    if (!start) return;
    const hosted = starts.slice(0, i).some((s) => s !== null && s.home !== start.home && s.places.includes(start.home) && s.from <= start.to && start.from <= s.to);
    if (hosted) starts[i] = null;
  });
  const firstByHome = new Map<string, TripStart>();
  for (const start of starts) if (start && !firstByHome.has(start.home)) firstByHome.set(start.home, start);
  if (firstByHome.size < 2) return null;
  const homes = [...firstByHome.keys()];
  const leadersOfHome = new Map(homes.map((h) => [h, new Set(starts.flatMap((s) => (s?.home === h ? s.leaders : [])))]));
  for (let i = 0; i < homes.length; i += 1) {
    for (let j = i + 1; j < homes.length; j += 1) {
      const [a, b] = [homes[i]!, homes[j]!];
      if ([...leadersOfHome.get(a)!].some((l) => leadersOfHome.get(b)!.has(l))) return null;
      if (firstByHome.get(a)!.dates === firstByHome.get(b)!.dates) return null;
    }
  }
  const sections = new Map<string, { sentences: TourSentence[]; places: Set<string> }>(homes.map((h) => [h, { sentences: [], places: new Set() }]));
  const opening: TourSentence[] = [];
  let current: string | null = null;
  sentences.forEach((sentence, i) => {
    const named = [...new Set(reader.homesIn(sentence))].filter((h) => sections.has(h));
    const places = reader.placesIn(sentence).filter((p) => !sections.has(p));
    const start = starts[i];
    let target: string | null;
    if (start) target = start.home;
    else if (named.length === 1) target = named[0]!;
    else if (named.length > 1) target = null;
    else {
      // 在佛山期间…: a place only one trip went to.
      const going = homes.filter((h) => h !== current && places.some((p) => sections.get(h)!.places.has(p)));
      target = going.length === 1 && !places.some((p) => current !== null && sections.get(current)!.places.has(p)) ? going[0]! : current;
    }
    if (target === null) {
      if (current === null && named.length <= 1) opening.push(sentence);
      return;
    }
    current = target;
    const section = sections.get(target)!;
    section.sentences.push(sentence);
    for (const place of places) section.places.add(place);
  });
  const first = sections.get(homes[0]!)!;
  first.sentences.unshift(...opening);
  return homes.map((h) => sections.get(h)!.sentences);
}
