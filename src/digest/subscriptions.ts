/**
 * Validation of what users type when subscribing or changing settings. Pure; failures are `DigestError`
 * (code `invalid-input`) with a Chinese `userMessage` the bot can show as is.
 */
import { Cron } from 'croner';
import { DigestError } from './errors.ts';

/** Longest keyword or region filter accepted (a filter is a word, not a sentence). */
export const MAX_FILTER_CHARS = 20;

/**
 * Normalises a delivery time to `HH:MM`. Accepts `8:30`, `08:30` and the full-width colon `08：30` that Chinese
 * input methods produce.
 */
export function parseTimeOfDay(input: string): string {
  const match = /^(\d{1,2})[:：](\d{2})$/.exec(input.trim());
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) {
    throw new DigestError(`bad time of day "${input}"`, {
      code: 'invalid-input',
      userMessage: `时间格式不对：“${input.trim()}”。请用 24 小时制 HH:MM（00:00–23:59），例如 08:30。`,
    });
  }
  return `${match[1]!.padStart(2, '0')}:${match[2]}`;
}

/**
 * Validates an IANA timezone (e.g. Asia/Shanghai, Europe/Berlin) and returns its canonical spelling.
 * Both `Intl` and the cron library must accept it, since one computes local dates and the other fire times.
 */
export function parseTimezone(input: string): string {
  const raw = input.trim();
  const invalid = () =>
    new DigestError(`bad timezone "${input}"`, {
      code: 'invalid-input',
      userMessage: `无法识别时区“${raw}”。请使用 IANA 时区名，例如 Asia/Shanghai、Asia/Tokyo、Europe/Berlin。`,
    });
  // Offsets like +08:00 are accepted by Intl but follow no DST rules and are easy to get wrong: ask for a name.
  if (!/^[A-Za-z][A-Za-z0-9_+\-]*(?:\/[A-Za-z0-9_+\-]+)*$/.test(raw)) throw invalid();
  let canonical: string;
  try {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone: raw }).resolvedOptions().timeZone;
    new Cron('0 0 * * *', { timezone: canonical, paused: true }).nextRun();
  } catch {
    throw invalid();
  }
  return canonical;
}

/** Trims a keyword/region filter; `off`, `关`, `无`, `-` or empty clear it (null). */
export function parseFilter(input: string, what: '关键词' | '地区'): string | null {
  const value = input.trim();
  if (value === '' || ['off', 'none', '关', '关闭', '无', '-'].includes(value.toLowerCase())) return null;
  if (value.length > MAX_FILTER_CHARS || /[\n<>]/.test(value)) {
    throw new DigestError(`bad filter "${input}"`, {
      code: 'invalid-input',
      userMessage: `${what}筛选应为不超过 ${MAX_FILTER_CHARS} 个字的词，例如 湖南 或 签约。`,
    });
  }
  return value;
}

/** Parses on/off for the empty-digest note; accepts English and Chinese words. */
export function parseSwitch(input: string): boolean {
  const value = input.trim().toLowerCase();
  if (['on', '1', 'yes', 'true', '开', '开启', '是'].includes(value)) return true;
  if (['off', '0', 'no', 'false', '关', '关闭', '否'].includes(value)) return false;
  throw new DigestError(`bad switch "${input}"`, { code: 'invalid-input', userMessage: '请填写 on 或 off（开/关）。' });
}

/** One change requested with `/digest_settings <field> <value>`. */
export type SettingsChange =
  | { field: 'time'; value: string }
  | { field: 'timezone'; value: string }
  | { field: 'keyword'; value: string | null }
  | { field: 'region'; value: string | null }
  | { field: 'notifyEmpty'; value: boolean };

const FIELD_NAMES: Readonly<Record<string, SettingsChange['field']>> = {
  time: 'time',
  时间: 'time',
  tz: 'timezone',
  timezone: 'timezone',
  时区: 'timezone',
  keyword: 'keyword',
  filter: 'keyword',
  关键词: 'keyword',
  region: 'region',
  地区: 'region',
  empty: 'notifyEmpty',
  空: 'notifyEmpty',
  无新增: 'notifyEmpty',
};

/** Usage of `/digest_settings`, shown on a bad or missing field. */
export const SETTINGS_USAGE = [
  '修改方法：',
  '/digest_settings time 07:30 —— 推送时间',
  '/digest_settings tz Asia/Tokyo —— 时区',
  '/digest_settings keyword 签约 —— 只看含此关键词的文章（off 取消）',
  '/digest_settings region 湖南 —— 只看涉及此地区的文章（off 取消）',
  '/digest_settings empty off —— 没有新文章时不提醒（on 恢复）',
].join('\n');

/** Parses the arguments of `/digest_settings` (without the command). Pure. */
export function parseSettingsChange(args: string): SettingsChange {
  const [name = '', ...rest] = args.trim().split(/\s+/);
  const field = FIELD_NAMES[name.toLowerCase()];
  const value = rest.join(' ');
  if (!field) {
    throw new DigestError(`unknown setting "${name}"`, { code: 'invalid-input', userMessage: `未知的设置项“${name}”。\n${SETTINGS_USAGE}` });
  }
  if (field !== 'keyword' && field !== 'region' && value === '') {
    throw new DigestError(`setting ${field} needs a value`, { code: 'invalid-input', userMessage: `请在“${name}”后写上新的值。\n${SETTINGS_USAGE}` });
  }
  switch (field) {
    case 'time':
      return { field, value: parseTimeOfDay(value) };
    case 'timezone':
      return { field, value: parseTimezone(value) };
    case 'keyword':
      return { field, value: parseFilter(value, '关键词') };
    case 'region':
      return { field, value: parseFilter(value, '地区') };
    case 'notifyEmpty':
      return { field, value: parseSwitch(value) };
  }
}
