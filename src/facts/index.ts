/** The facts stage: one way to read typed facts (people, dates, quantities, places, sites, documents, meetings). */
export type * from './types.ts';
export { extractFacts, extractParagraphFacts, dateContextOf, matchView, partOfPeriod, titledPeopleOf, type SentenceFacts } from './extract.ts';
export { abbreviates, compareDates, compareQuantities, nounsCompatible, sameCountedThing, titleHeld, type Comparison, type DateValue, type QuantityValue } from './compare.ts';
export { askedDay, dayFit, tripTimeline, type AskedDay, type SentenceTime, type Timeline } from './timeline.ts';
export { sitesInSentence, townsWritten, type SiteSpan } from './sites.ts';
export { countsTheGroup, frameOf, framesAgree, periodOf, withoutRelativeYears, type FigureFrame } from './frame.ts';
export { COPULA_TAIL, headBefore } from './heads.ts';
