/** The digest stage: subscriptions, cited daily digests, scheduling and exactly-once delivery. */
export type {
  ArticleSource,
  Clock,
  Digest,
  DigestCitation,
  DigestFilters,
  DigestGroup,
  DigestItem,
  DigestJson,
  DigestSentence,
  IndexProvider,
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
export {
  composeDigest,
  keySentences,
  tourOf,
  matchesFilters,
  factsIn,
  articleDate,
  digestItems,
  DEFAULT_COMPOSE_OPTIONS,
  SALIENT_FACTS,
  type ComposeOptions,
  type SalientFact,
  type Tour,
} from './compose.ts';
export { renderDigestHtml, renderDigestText, toDigestJson, emptyDigestNote, type RenderOptions } from './render.ts';
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
