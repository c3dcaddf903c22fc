/** The tours stage: one cited card per study tour, derived from the articles of an index generation. */
export type * from './types.ts';
export { delegationNames } from './delegation.ts';
export { extractTours, homeOf, type TourDraft, type Cited } from './extract.ts';
export { mergeTours, sameTour, cardOf } from './merge.ts';
export { toursOf, toursOfArticles } from './cards.ts';
export { tourToJson } from './json.ts';
export {
  TOURS_PAGE_SIZE,
  NOT_STATED,
  listTours,
  parseTourFilter,
  findTour,
  findTours,
  compareTours,
  cardFor,
  cardsFor,
  cardsMatching,
  dateSpanText,
  tourDate,
  type TourListOptions,
  type TourListPage,
  type TourComparison,
  type TourComparisonRow,
} from './chat.ts';
export {
  renderTourText,
  renderTourHtml,
  renderCompareHtml,
  renderCompareText,
  renderTourListHtml,
  renderTourListText,
  escapeTourHtml,
  type RenderedTour,
  type TourButton,
} from './render.ts';
export {
  evaluateTours,
  parseGoldTours,
  unverifiedQuotes,
  SET_FIELDS,
  EXACT_FIELDS,
  type GoldTour,
  type TourEvalReport,
  type SetScore,
} from './evaluate.ts';
