/**
 * Follow-up questions. "他们还去了哪里？" or "那浙江呢？" only make sense next to the previous question, so each chat
 * keeps a short, expiring context, and a follow-up is rewritten into a stand-alone question before retrieval
 * (retrieval and the answerer only ever see complete questions). The rewriting is a small heuristic over the
 * previous question: replace a pronoun subject with the previous subject, or swap the place the user names
 * for the place of the same kind in the previous question.
 */

/** Provinces and province-level regions, short forms (湖南 for 湖南省): the places staff compare most. */
const PROVINCES = [
  '黑龙江', '内蒙古', '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '江苏', '浙江', '安徽', '福建', '江西',
  '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '广西', '西藏',
  '宁夏', '新疆', '香港', '澳门',
] as const;
const PROVINCE_PATTERN = new RegExp(`(${PROVINCES.join('|')})(省|市|自治区|特别行政区)?`, 'u');
/** A city, county or district name with its suffix (郴州市, 长沙县, 天河区). */
const LOCALITY_PATTERN = /(\p{Script=Han}{2,4}?)(市|县|区|州)/u;
/** Who the question is about: a delegation, a team, a leader group, named by its leading noun phrase. */
const SUBJECT_PATTERN = /^(.{2,30}?(?:代表团|考察团|调研组|工作组|访问团|一行|领导|书记|省长|市长))/u;
/** Pronouns standing for the previous subject. Longest first so 他们 wins over 他. */
const PRONOUN_PATTERN = /^(?:那么|那)?(他们|她们|该团|该代表团|该考察团|代表团|考察团|他|她|对方)/u;
/** "那浙江呢？" / "浙江呢" / "那么时间呢？" */
const ELLIPTIC_PATTERN = /^(?:那么|那|还有)?\s*(.{1,20}?)\s*呢\s*[？?]?$/u;
/** Follow-ups are short; a long question stands on its own even if it starts with a pronoun. */
export const DEFAULT_FOLLOW_UP_MAX_CHARS = 24;

export interface FollowUpResolution {
  /** The stand-alone question to answer. */
  question: string;
  /** Whether `question` differs from what the user typed. */
  rewritten: boolean;
}

/**
 * Rewrites `question` into a stand-alone question using `previous` (the last stand-alone question in the chat),
 * or returns it unchanged when it is not a recognisable follow-up. Pure.
 */
export function resolveFollowUp(question: string, previous: string | undefined, maxChars = DEFAULT_FOLLOW_UP_MAX_CHARS): FollowUpResolution {
  const asked = question.trim();
  const unchanged = { question: asked, rewritten: false };
  if (!previous || asked.length === 0 || asked.length > maxChars) return unchanged;

  const elliptic = ELLIPTIC_PATTERN.exec(asked);
  if (elliptic) {
    const rewritten = substituteTopic(previous, elliptic[1]!.trim());
    return rewritten && rewritten !== previous ? { question: rewritten, rewritten: true } : unchanged;
  }

  const pronoun = PRONOUN_PATTERN.exec(asked);
  if (pronoun) {
    const subject = subjectOf(previous);
    if (subject && !asked.includes(subject)) {
      return { question: subject + asked.slice(pronoun[0].length), rewritten: true };
    }
  }

  // "还去了哪里？" with no subject at all continues the previous subject too.
  if (/^(?:还|又|另外|此外)/u.test(asked)) {
    const subject = subjectOf(previous);
    if (subject) return { question: subject + asked, rewritten: true };
  }
  return unchanged;
}

/** The leading noun phrase the previous question is about (湖南省党政代表团), or null. */
export function subjectOf(question: string): string | null {
  return SUBJECT_PATTERN.exec(question.trim())?.[1] ?? null;
}

/**
 * "那 X 呢": X replaces the place of the same kind in the previous question (a province for a province, a city
 * for a city); otherwise X is attached to the previous subject ("时间呢" → "湖南省党政代表团的时间").
 */
function substituteTopic(previous: string, topic: string): string | null {
  if (topic.length === 0) return null;
  const topicProvince = PROVINCE_PATTERN.exec(topic);
  if (topicProvince && topicProvince[0].length >= topic.length - 1) {
    const place = PROVINCE_PATTERN.exec(previous);
    if (place) {
      // Keep the previous suffix (湖南省 → 浙江省) unless the user gave one.
      const replacement = topicProvince[2] ? topic : `${topicProvince[1]}${place[2] ?? ''}`;
      return previous.slice(0, place.index) + replacement + previous.slice(place.index + place[0].length);
    }
  }
  const topicLocality = LOCALITY_PATTERN.exec(topic);
  if (topicLocality && topicLocality[0] === topic) {
    const place = LOCALITY_PATTERN.exec(previous);
    if (place) return previous.slice(0, place.index) + topic + previous.slice(place.index + place[0].length);
  }
  const subject = subjectOf(previous);
  if (subject) return `${subject}的${topic}？`;
  return `${previous.replace(/[？?。]\s*$/u, '')}，${topic}呢？`;
}

/** What a chat remembers between messages. */
export interface ChatContext<T> {
  /** The last stand-alone question. */
  question: string;
  /** Whatever the bot keeps about its last answer (e.g. the citations for /source n). */
  value: T;
  at: number;
}

export interface ConversationMemoryOptions {
  /** How long a context lives (ms). */
  ttlMs: number;
  /** Most chats remembered; the least recently used go first. */
  maxChats?: number;
  now?: () => number;
}

export const DEFAULT_MAX_CHATS = 5_000;

/** Per-chat, bounded, expiring memory of the last question and answer. */
export class ConversationMemory<T> {
  readonly #ttlMs: number;
  readonly #maxChats: number;
  readonly #now: () => number;
  readonly #chats = new Map<number, ChatContext<T>>();

  constructor(options: ConversationMemoryOptions) {
    this.#ttlMs = options.ttlMs;
    this.#maxChats = options.maxChats ?? DEFAULT_MAX_CHATS;
    this.#now = options.now ?? Date.now;
  }

  /** The chat's context, or undefined when there is none or it expired. */
  get(chatId: number): ChatContext<T> | undefined {
    const context = this.#chats.get(chatId);
    if (!context) return undefined;
    if (this.#now() - context.at > this.#ttlMs) {
      this.#chats.delete(chatId);
      return undefined;
    }
    return context;
  }

  set(chatId: number, question: string, value: T): void {
    this.#chats.delete(chatId);
    this.#chats.set(chatId, { question, value, at: this.#now() });
    while (this.#chats.size > this.#maxChats) {
      const oldest = this.#chats.keys().next().value as number;
      this.#chats.delete(oldest);
    }
  }

  /** Forgets the chat's context (/new). */
  clear(chatId: number): boolean {
    return this.#chats.delete(chatId);
  }

  get size(): number {
    return this.#chats.size;
  }
}
