/** The digest stage: subscriptions, cited daily digests, scheduling and exactly-once delivery. */
export type {
  ArticleSource,
  Clock,
  Digest,
  DigestCitation,
  DigestFact,
  DigestFilters,
  DigestGroup,
  DigestItem,
  DigestJson,
  DigestRenderer,
  DigestSentence,
  DigestTourLine,
  IndexProvider,
  RenderOptions,
  Subscription,
} from './types.ts';
export { systemClock } from './types.ts';
export { DigestError, ChatBlockedError, type DigestErrorCode } from './errors.ts';
export {
  DigestDatabase,
  DATABASE_FILE,
  MIGRATIONS,
  type Delivery,
  type DigestRun,
  type Migration,
  type OpenDatabaseOptions,
  type RunKind,
  type RunOutcome,
} from './database.ts';
export { composeDigest, matchesFilters, digestItems, DEFAULT_COMPOSE_OPTIONS, type ComposeOptions } from './compose.ts';
export {
  keySentence,
  keySentenceCandidates,
  pickKeySentence,
  tourFactKind,
  factWeight,
  TOUR_FACT_WEIGHTS,
  type KeySentenceCandidate,
  type KeySentenceOptions,
  type TourFactKind,
} from './key-sentence.ts';
export { tourLine, tourLabel, labelsTour, factsStated, type TourLineOptions } from './tour-line.ts';
export { articleDate, spanText, yearOfUrl, withMonthsShown, isDatelineDate, afterDateline, type ArticleDate } from './dates.ts';
export {
  digestSources,
  emptyDigest,
  emptyDigestNote,
  groupHeading,
  renderDigestText,
  toDigestJson,
  tourDetails,
  tourLineCitations,
  type DigestSources,
} from './render.ts';
export {
  DigestScheduler,
  dailyPattern,
  dueSubscriptions,
  latestFireAtOrBefore,
  nextFireAfter,
  localDate,
  localDateTime,
  type DueDigest,
} from './scheduler.ts';
export {
  parseTimeOfDay,
  parseTimezone,
  parseFilter,
  parseSwitch,
  parseSettingsChange,
  SETTINGS_USAGE,
  MAX_FILTER_CHARS,
  type SettingsChange,
} from './subscriptions.ts';
export { telegramTransport, deliverRun, type DigestTransport, type DeliveryReport, type DeliverOptions } from './delivery.ts';
export { DigestService, type DigestServiceOptions, type OnDemandDigest } from './service.ts';
export { reloadingIndexProvider } from './index-provider.ts';
