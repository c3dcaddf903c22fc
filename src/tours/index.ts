/** The tours stage: one cited card per study tour, derived from the articles of an index generation. */
export type * from './types.ts';
export { delegationNames } from './delegation.ts';
export { extractTours, homeOf, type TourDraft, type Cited } from './extract.ts';
export { mergeTours, sameTour, cardOf } from './merge.ts';
export { toursOf, toursOfArticles } from './cards.ts';
export { tourToJson } from './json.ts';
