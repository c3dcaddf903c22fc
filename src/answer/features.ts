/**
 * The answerer's scored rules, all in one place. Each is a named feature in [0, 1] of a candidate sentence; the
 * sentence score is the weighted sum with the weights from config (`ANSWER_WEIGHTS`). No feature throws a
 * sentence out: refusal is decided on the best score and on whether the asked slot is filled (see `fillsSlot`).
 */
import { countsTheGroup, frameOf, framesAgree, periodOf, withoutRelativeYears, headBefore, sitesInSentence, townsWritten, type FigureFrame, type Fact, type OrgFact, type PersonFact, type PersonRole, type PlaceFact, type QuantityFact } from '../facts/index.ts';
import { CHANGE_VERBS, PROJECT_STAGES, GENERIC_PLACES, GENERIC_QUALIFIERS, MONEY_NOUNS, GROUP_NOUNS, NON_FACT_WORDS, OWN_PLACE, ROLE_VERBS, SITE_HEADS, type RoleName, divisionLevels, isPlaceName, placesWithin, type DivisionLevel, canonicalWord, escapeRegExp, foldScript, measureGroup, opensWithTitle, namesProvinceByAbbreviation, parseChineseNumber, placeVariants, stripAdminSuffix, synonymsOf, tagWords, toHalfWidth } from '../text/index.ts';
import { acceptedMeasures, quantityFocus, type QuestionAnalysis } from './question.ts';

/** The names of the features; config holds one weight per name. */
export const FEATURE_NAMES = ['coverage', 'context', 'rank', 'slot', 'focus', 'scope', 'home', 'role', 'title', 'span', 'reason', 'ordinal', 'items', 'total', 'enumeration', 'day', 'near'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type FeatureWeights = Readonly<Record<FeatureName, number>>;

/** Defaults, decided by measurement on the dev questions (see README, "Answer rules"). */
export const DEFAULT_FEATURE_WEIGHTS: FeatureWeights = {
  coverage: 0.5,
  context: 0.25,
  rank: 0.15,
  slot: 0.3,
  focus: 0.15,
  scope: 0.35,
  home: 0.3,
  role: 0.15,
  title: 0.2,
  span: 0.3,
  reason: 0.15,
  ordinal: 0.15,
  items: 0.1,
  total: 0.2,
  enumeration: 0.3,
  day: 0.3,
  near: 0.15,
};

/** Where a sentence opens an enumeration (…：一是, 其一, 第一，, 首先，). */
const ENUMERATION_OPENER = /(?:^|[：:，,；;])\s*(?:一是|其一[，,是]|第一[，,、是]|首先[，,])/;
/** The markers of an enumeration's items, the first included. */
const ENUMERATION_MARKER = /(?:^|[：:，,；;。])\s*(?:[一二三四五六七八九十]是|其[一二三四五六七八九十][，,是]?|第[一二三四五六七八九十][，,、是]|首先[，,]|其次[，,]|再次[，,]|最后[，,])/g;
/** A sentence that goes on an enumeration (二是…, 其三, 最后，). */
const ENUMERATION_NEXT = /^\s*(?:[二三四五六七八九十]是|其[二三四五六七八九十]|第[二三四五六七八九十][，,、是]|其次|再次|再者|最后)/;

/** Whether a sentence opens an enumeration (一是…). */
export function opensEnumeration(sentence: string): boolean {
  return ENUMERATION_OPENER.test(sentence);
}

/** Whether a sentence continues an enumeration (二是…, 最后，…). */
export function continuesEnumeration(sentence: string): boolean {
  return ENUMERATION_NEXT.test(sentence);
}

/**
 * The items of an enumeration, verbatim: what each marker introduces, up to its first clause break
 * (一是共建产业园，推动… → 共建产业园).
 */
export function enumerationItems(sentences: readonly string[]): string[] {
  const items: string[] = [];
  for (const sentence of sentences) {
    for (const match of sentence.matchAll(ENUMERATION_MARKER)) {
      const from = match.index! + match[0].length;
      const item = sentence.slice(from).split(/[，,；;。：:！!？?]/)[0]!.trim();
      if (item.length >= 2 && item.length <= 20) items.push(item);
    }
  }
  return items;
}

/** A title that names its place (陕西省委书记, 西安市副市长), unlike 省委常委 or 副省长. */
/** Between two people of one side: a coordinator and the second one's titles, no place (和省委副书记、省长). */
const COORDINATED_TITLE = /^(?:、|和|及|与|以及|，|,)[^，。；：,;:]{0,14}$/;
/** How many people back a coordinated title may inherit its side. */
const MAX_COORDINATED = 4;
const PLACE_BEFORE_OFFICE = /^[\u3400-\u9fff]{2,6}?(?:省|市|县|区|州|自治区)(?=[省市县区州]?委|长|人大|政协|政府|副|常务|党)/;

/** 其中 opens a breakdown of a total into its parts. */
const BREAKDOWN_OPENING = /^(?:其中|包括|分别)/;
/** A numbered part opening its sentence (第一批：, 第二组,): what follows is that part's. */
const PART_OPENING = /^第[一二三四五六七八九十\d]{1,3}[批组站轮队][:：,，]/;

/**
 * How surely the count filling a how-many slot is a total (一共看了多少个点 is answered by 共考察27个点, not by 在安徽
 * 考察14个点，在陕西考察13个点): 1 when written after 共/总/合计, 0.5 when the sentence counts that kind once and
 * opens no breakdown (其中…), else 0. Where the question states the set's count, a sentence stating it is the total.
 */
export function totalCount(filling: readonly Fact[], facts: readonly Fact[], sentenceView: string, stated: QuestionAnalysis['statedCounts'] = [], paragraphView = ''): number {
  const quantity = filling.find((f): f is QuantityFact => f.kind === 'quantity');
  if (!quantity) return 0;
  // 第一批：…总投资11.6亿元: a sentence (or paragraph) of one numbered part gives that part's figures, not the total.
  if (PART_OPENING.test(sentenceView) || PART_OPENING.test(paragraphView)) return 0;
  // 这4批代表团加起来一共多少人: the sentence that states the question's own count (4批代表团共有成员96人) is the
  // total over that set; another total (第一批…代表团共32人) counts half.
  if (stated.length > 0) {
    const says = facts.some((f) => f.kind === 'quantity' && f !== quantity && !f.ordinal && stated.some((s) => s.value === f.value && measureGroup(s.measure).includes(f.measure)));
    if (says) return 1;
    return totalCount(filling, facts, sentenceView, [], paragraphView) / 2;
  }
  // 共签约项目18个: said to be the total.
  if (/(?:共|总|合计|累计|总计|全程|一行)[^，。；]{0,6}$/.test(sentenceView.slice(Math.max(0, quantity.start - 8), quantity.start))) return 1;
  // Other counts of the same thing (the same measure word, no other noun): 走访企业21家 is not a part of 签约项目18个.
  const counts = facts.filter((f): f is QuantityFact => f.kind === 'quantity' && f.measure === quantity.measure && (f.noun === quantity.noun || nounsMatch(f.noun, quantity.noun)));
  // One count of its kind and no breakdown: likely the total, though only one part may be meant.
  return !BREAKDOWN_OPENING.test(sentenceView) && counts.length <= 1 ? 0.5 : 0;
}

/** Wordings that state a reason or purpose. */
export const REASON = /为了|因为|由于|旨在|目的|之所以|原因|才能|意义|在于|是[^。；，,]{0,24}(?:办法|方式|需要|要求|途径|关键|抓手|选择|坐标|榜样|标杆)/;

/** A question's verb → the role a person answer must have played (谁签的字 → sign). */
/** The lexicon's role verbs with a question's spoken forms (谁陪的, 讲了话, 谁带的); 签 alone asks who signed. */
const roleWords = (role: RoleName, ...spoken: string[]) => new RegExp([...ROLE_VERBS[role], ...spoken].join('|'));
const ASKED_ROLES: ReadonlyArray<readonly [RegExp, Exclude<PersonRole, null>]> = [
  [roleWords('sign', '签'), 'sign'],
  [roleWords('chair'), 'chair'],
  [roleWords('accompany', '陪着', '陪的', '谁陪'), 'accompany'],
  [roleWords('meet', '座谈(?!会)', '会谈'), 'meet'],
  [new RegExp(['讲话', '讲了话', '致辞', '发言', '发了言'].join('|')), 'speak'],
  [new RegExp([...ROLE_VERBS.lead.filter((v) => v !== '率'), '谁带', '带的', '率的'].join('|')), 'lead'],
];

/** The role a who-question asks about, or null. */
export function askedRole(question: QuestionAnalysis): PersonRole {
  if (question.type !== 'who') return null;
  return ASKED_ROLES.find(([pattern]) => pattern.test(question.folded))?.[1] ?? null;
}

/** Category words that name no kind of item (哪几个方面, 哪些领域): an enumeration answers them. */
const GENERIC_FOCUS = /^(?:方面|领域|内容|事情|问题|情况|工作|措施|举措|做法|经验|部分|重点|环节|产业|行业)$/;

/** An office's name, standing in a list (省农业农村厅、市人社局和县发改委). */
const LISTED_OFFICE = /(?<=^|[、和及与由，,：:])((?:[省市县区州])?[\u4e00-\u9fa5]{1,10}?(?:厅|局|委员会|委|办公室|办))(?=[、和及与，,等]|负责|主要负责|有关负责|同志|$)/g;

/** The offices a sentence lists (two or more, with their spans). */
function officesListed(view: string): Array<{ name: string; start: number; end: number }> {
  return [...view.matchAll(LISTED_OFFICE)].map((m) => {
    // (调研组由省农业农村厅: the words before 由/是/的 are no part of the office's name.)
    const cut = m[1]!.search(/[由是为有的在](?=[^由是为有的在]*$)/) + 1;
    return { name: m[1]!.slice(cut), start: m.index! + cut, end: m.index! + m[1]!.length };
  });
}

/** Kinds that any named institution answers (哪家单位 is answered by …有限公司 as well as by …研究院). */
const ANY_INSTITUTION = /^(?:单位|机构|地方|场所|部门|企业单位)$/;

/** Focus words that ask for the sites of a visit (哪些地方, 哪几个点). */
const SITE_FOCUS = /^(?:地方|地点|点位|考察点|点|站点|单位)$/;

/** A list question about the sites visited: a site-like focus, or a mixed one (哪些企业和园区), or none after a visiting verb. */
function asksSites(question: QuestionAnalysis, kind: ItemKind): boolean {
  if (question.focus && SITE_FOCUS.test(question.focus)) return true;
  if (kind === 'org' && question.alsoKinds.length > 0) return true;
  return !question.focus && VISIT_ASKED.test(question.folded);
}

/** How a question asks where a group went or what it saw (考察了哪里, 看的是哪里, 去的哪儿). */
const VISIT_ASKED = new RegExp([...new Set(['考察', ...synonymsOf('考察'), '看的', '去的', '到了', '到的', '走进', '来到'])].join('|'));

/** Kinds that any document answers (什么文件 is answered by a 备忘录 as well as by a 协议). */
const ANY_DOCUMENT = /^(?:文件|文本|材料|文书)$/;

/** Kinds of items a list or where question may ask for, by its focus noun. */
export type ItemKind = 'place' | 'org' | 'person' | 'meeting' | 'document' | 'any';

/** What kind of item answers a list/where/what question (哪几个市 → place; 哪些企业 → org; 什么协议 → document). */
export function askedItemKind(question: QuestionAnalysis): ItemKind {
  const focus = question.focus ?? '';
  if (question.type === 'who') return 'person';
  if (/^(?:地方|地点|点位|考察点|点|站点)$/.test(focus)) return 'any';
  // 哪几个村: villages are named like sites (…村, …镇), by the name's end.
  if (/^(?:村|镇|乡|社区|街道)/.test(focus)) return 'org';
  if (/^(?:市|省|县|区|城市|省份|县市|地市|城|国家|州)/.test(focus)) return 'place';
  if (/会|论坛|仪式/.test(focus)) return 'meeting';
  if (/协议|文件|备忘录|合同|协定|规划|方案/.test(focus)) return 'document';
  if (/领导|人|书记|官员|干部/.test(focus)) return 'person';
  if (!focus || GENERIC_FOCUS.test(focus)) return question.type === 'where' ? 'place' : 'any';
  // Any other named kind (企业, 纪念馆, 酒店…) is asked for by the name of an institution or site; a what-question
  // only when the kind ends site names (什么产品 or 什么方式 are not).
  if (question.type !== 'what' || SITE_HEADS.some((head) => focus.endsWith(head))) return 'org';
  return 'any';
}

/**
 * Whether two nouns name the same counted thing (考察点 ≈ 点, 城市 ≈ 市, 用地 ≈ 土地). A noun inside another counts
 * only as its head, at the end (签约项目 ≈ 项目; but 企业 is not 企业合作项目, nor 合作 合作项目).
 */
export function nounsMatch(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b || a.endsWith(b) || b.endsWith(a)) return true;
  // 干部挂职 ≈ 干部, 旗县市的一把手 ≈ 旗县市: what follows the shorter noun is a verb or a 的-phrase, not a new head.
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.startsWith(short)) {
    const rest = long.slice(short.length);
    // (A one-character noun is too short to tell a head from a prefix: 旗 ≈ 旗县市.)
    if (short.length === 1 || rest.startsWith('的') || !tagWords(rest).at(-1)?.tag.startsWith('n')) return true;
  }
  if (canonicalWord(a) === canonicalWord(b)) return true;
  if (synonymsOf(a).includes(b)) return true;
  return a.at(-1) === b.at(-1) && (a.length === 1 || b.length === 1);
}

const PERSON_MEASURES = measureGroup('人');
/** Nouns that count people (成员, 学员, 干部, 人员, 代表…). */
const PERSON_NOUN = /(?:员|人|者|干部|代表|领导|书记|嘉宾|群众)$/;

/** A kind counted right after its number (两个村, 3家企业): the count names no item. */
const COUNTED_KIND = /[\d一二两三四五六七八九十几多]+[个家座所处名位项]?(?=[\u4e00-\u9fa5])[\u4e00-\u9fa5]{1,2}(?=[的，,。；;、和与及]|$)/g;

/** What a how-many question says of the figure it asks — its verb and frame — read once per question (quantityAnswers
 * runs for every number of every candidate sentence). */
interface AskedFigure {
  verb: string | null;
  /** 签了多少钱: the words of the lexicon's group of a one-character act before 了多少 (签 → 签署, 签约…), or null. */
  act: readonly string[] | null;
  change: readonly string[] | null;
  frame: FigureFrame[];
  period: number | null;
}
const askedFigures = new WeakMap<QuestionAnalysis, AskedFigure>();
function askedFigure(question: QuestionAnalysis): AskedFigure {
  let asked = askedFigures.get(question);
  if (!asked) {
    const at = question.folded.search(/多少|几/);
    const end = at < 0 ? question.folded.length : at;
    const framing = withoutRelativeYears(question.folded.slice(0, end));
    asked = { verb: askedVerb(question.folded), act: askedAct(question.folded), change: askedChange(question.folded), frame: frameOf(framing, framing.length), period: periodOf(question.folded, end) };
    askedFigures.set(question, asked);
  }
  return asked;
}

/** 签了多少钱的项目: signing asked with one character before 了多少, read as its lexicon group (签了 → 签署, 签约…). */
function askedAct(folded: string): readonly string[] | null {
  const act = /([\u4e00-\u9fa5])了(?:多少|几)/.exec(folded)?.[1];
  if (!act) return null;
  // (Signing only: a count of visits or members is written without its verb, 考察点36个, 一行28人.)
  const group = synonymsOf(`${act}了`).filter((word) => word.length >= 2);
  return group.some((word) => (ROLE_VERBS.sign as readonly string[]).includes(word)) ? group : null;
}

/** 比上年多了多少 / 增长了多少 / 下降了多少: the change asked, as the lexicon's verbs of its direction; null if none. */
function askedChange(folded: string): readonly string[] | null {
  const direction = /(?<![多少])([多少])了(?:多少|几)/.exec(folded)?.[1];
  if (direction) return direction === '多' ? CHANGE_VERBS.up : CHANGE_VERBS.down;
  const before = folded.slice(0, Math.max(0, folded.search(/多少|几/))).replace(/了$/, '');
  if (CHANGE_VERBS.up.some((verb) => before.endsWith(verb))) return CHANGE_VERBS.up;
  if (CHANGE_VERBS.down.some((verb) => before.endsWith(verb))) return CHANGE_VERBS.down;
  return null;
}

/** The verb a how-many question puts right before 多少/几 (开工了多少个 → 开工), two characters or more, or null. */
function askedVerb(folded: string): string | null {
  const at = folded.search(/多少|几/);
  if (at < 0) return null;
  const last = tagWords(folded.slice(0, at).replace(/了$/, '')).at(-1);
  // (收入, 投资 name the figure itself, whatever the segmenter tags them.)
  return last && last.word.length >= 2 && /^v/.test(last.tag) && !NON_FACT_WORDS.has(last.word) && !MONEY_NOUNS.includes(last.word) ? last.word : null;
}

/** Where the number the verb leads to starts (已开工19个 → at 19), when the verb stands right before a number; else null. */
function numberLedBy(verb: string | null, sentenceView: string): number | null {
  if (!verb) return null;
  for (let at = sentenceView.indexOf(verb); at !== -1; at = sentenceView.indexOf(verb, at + 1)) {
    // (收入比2023年的132万元: a year is no figure the verb leads to.)
    const number = /^(?:了)?(?:[^，,。；;\d]{0,2}?)([\d一二两三四五六七八九十百千]+)(?![\d.]*年)/.exec(sentenceView.slice(at + verb.length));
    if (number) return at + verb.length + number[0].length - number[1]!.length;
  }
  return null;
}

/** Whether a number is the amount of a change (增加512元, 下降3.2%), right after a verb of change and not 到/至 a level. */
function isChange(fact: QuantityFact, sentenceView: string): boolean {
  const before = sentenceView.slice(Math.max(0, fact.start - 6), fact.start);
  return [...CHANGE_VERBS.up, ...CHANGE_VERBS.down].some((verb) => new RegExp(`${verb}了?$`).test(before));
}

/** Whether a word reads as a noun to the segmenter (its last word tagged n…). */
function isNoun(word: string): boolean {
  return /^n/.test(tagWords(word).at(-1)?.tag ?? '');
}

/** An item that opens with its count (21个村) is a count of the kind. */
const COUNTED_KIND_START = /^[\d一二两三四五六七八九十几多]+[个家座所处名位项]/;

/** Measures that count institutions (家, 所): 6家企业负责人 counts 企业. */
const INSTITUTION_MEASURES = ['家', '所'];

/** Measures of time: what they count is a duration, whatever verb stands before 几. */
const DURATION_MEASURES = ['天', '日', '年', '月', '个月', '小时'];

/** Words comparing a figure with last year's, right after it (同比增长, 比上年增加, 较去年): the figure is not last year's. */
const COMPARED_WITH_LAST_YEAR = /^[，,]?(?:同比|比上年|比去年|较上年|较去年|比上一年)/;

/** A figure per unit: 每斤, 每人, 人均, 户均, 亩均. */
const PER_UNIT = /每[\u4e00-\u9fa5]|[人户亩]均/;
/** A question asking a figure per unit (每人多少, 人均收入, 平均每户). */
const PER_UNIT_ASKED = /每|[人户亩]均|平均/;

/** Whether a quantity answers the asked measure and counted noun (36个考察点 for 多少个考察点). */

export function quantityAnswers(fact: QuantityFact, question: QuestionAnalysis, sentenceView: string): boolean {
  if (fact.ordinal && !/第几/.test(question.folded)) return false;
  // 签的那8个项目开工了几个: the count the question states itself is not what it asks.
  if (question.statedCounts.some((s) => s.value === fact.value && measureGroup(s.measure).includes(fact.measure))) return false;
  // 开工了多少个 in a sentence saying 签约项目37个…已开工19个: the asked verb, said in the sentence, must lead to the number.
  const asked = askedFigure(question);
  const led = numberLedBy(asked.verb, sentenceView);
  if (led !== null && led !== fact.start) return false;
  // 2023年收入多少 in 2024年收入达到186万元，比2023年的132万元增长…: a figure is of the last year written before it in
  // its sentence; another year's figure does not answer.
  if (question.years.length > 0) {
    const year = [...sentenceView.slice(0, fact.start).split(/[。；;！？!?]/).at(-1)!.matchAll(/((?:19|20)\d{2})年/g)].at(-1)?.[1];
    if (year && !question.years.includes(year)) return false;
  }
  // 现在已经开工了几个 is not answered by 力争年内开工不少于5个: a target or a plan is not what has happened.
  if (HAPPENED_ASKED.test(question.folded) && PLANNED.test(sentenceView.slice(0, fact.start).split(/[，,。；;]/).at(-1) ?? '')) return false;
  // 今年卖了多少 is not answered by 2024年，…销售额为3200万元: a figure under a year written in its clause is that year's
  // (the question's 今年 is the report's own year, which reports write as 今年).
  if (question.years.length === 0 && /今年/.test(question.folded)) {
    const clause = sentenceView.slice(0, fact.start).split(/[。；;]/).at(-1)!;
    // (2024年以来 runs up to now: it may be this year's figure.)
    if (/(?:19|20)\d{2}年(?!以来)/.test(clause) && !/今年/.test(clause)) return false;
  }
  // 签了多少钱: a figure of a sentence that signs nothing (当年实现产值2.3亿元) is not what was signed; 开工了几个 is not
  // answered by a sentence that says nothing of that stage of a project (签约项目7个).
  if (asked.act && !asked.act.some((word) => sentenceView.includes(word))) return false;
  if (asked.verb && PROJECT_STAGES.includes(asked.verb) && ![asked.verb, ...synonymsOf(asked.verb)].some((word) => sentenceView.includes(word))) return false;
  // 比上年多了多少 in 达到168万元，比上年的127万元增加41万元: the number after the verb of change answers.
  const changed = asked.change ? asked.change.map((verb) => numberLedBy(verb, sentenceView)).filter((at): at is number => at !== null) : [];
  if (changed.length > 0 && !changed.includes(fact.start)) return false;
  // 收入多少 is not answered by 比上年同期增加512元: the number after a verb of change is a change, not the figure
  // (增加到 / 提高至 lead to the figure itself).
  if (!asked.change && isChange(fact, sentenceView)) return false;
  // 今年以来兑现了多少 is not answered by 累计兑现31.6亿元, nor 明年安排多少 by what was spent so far.
  if (!framesAgree(asked.frame, frameOf(sentenceView, fact.start))) return false;
  // 去年上半年收入多少 is not answered by 上半年收入9862元，同比增长7.4%: a figure compared with last year's is this one's.
  // (Unless its year is written: 2023年…168万元，比上年… may be the asked 去年.)
  if (asked.frame.includes('lastYear') && COMPARED_WITH_LAST_YEAR.test(sentenceView.slice(fact.end).split(/[。；;]/)[0]!.slice(0, 12)) && !/(?:19|20)\d{2}年/.test(sentenceView.slice(0, fact.start))) return false;
  // 每斤多卖0.6元 / 人均3.4万元: a figure per unit answers only a question asking one per unit.
  if (PER_UNIT.test(sentenceView.slice(0, fact.start).split(/[，,。；;：:]/).at(-1) ?? '') && !PER_UNIT_ASKED.test(question.folded)) return false;
  // 今年上半年增长多少 is not answered by 2023年…增长35% (a whole year) nor by 1至9月的 figure: a part of the year asked
  // is answered by a figure of that part.
  if (asked.period !== null && asked.period !== 12) {
    const period = periodOf(sentenceView, fact.start);
    if (period !== null && period !== asked.period) return false;
  }
  // 单个最大的投资额: one item's figure is asked; a total (总金额203亿元, 累计实施67个) answers nothing of it.
  if (SINGLE_ASKED.test(question.folded) && TOTAL_BEFORE.test(sentenceView.slice(Math.max(0, fact.start - 6), fact.start))) return false;
  // 由两人带队 / 两位负责人率领: that counts who led, not how many went.
  if (!question.asksLeader && countsLeaders(fact, sentenceView)) return false;
  // 代表团去了多少人: a head count of the group, written beside the group (一行46人, 考察团由32人组成, 88名团员);
  // 转移就业1.26万人 counts other people.
  if (asksHeadCount(question) && !countsTheGroup(fact, sentenceView)) return false;
  const accepted = acceptedMeasures(question.measure);
  const measureFits = !accepted || accepted.includes(fact.measure) || measureGroup(fact.measure).some((m) => accepted.includes(m));
  // 几天 / 多少公里 name what is counted: 8个督查组 does not answer 督查了几天, whatever the nouns share.
  if (question.measure && question.measure !== '个' && !measureFits && !measureGroup('个').includes(question.measure)) return false;
  // 三个月内开工: a span of time never counts things (项目, 点) — only a question about time.
  if (DURATION_MEASURES.includes(fact.measure) && !(question.measure && DURATION_MEASURES.includes(question.measure)) && question.focus) return false;
  // 督查了几天 / 待了几个月: a duration answers in its unit; the word before 几 is a verb, not a counted noun.
  if (question.measure && DURATION_MEASURES.includes(question.measure) && measureFits && !fact.noun) return true;
  // 两省签约合作项目32个 / 两地签约…: a place counter before a noun counts the places, not the noun (a modifier of it).
  if (/^[省市县区州地]$/.test(fact.measure) && fact.noun && !(question.focus && /^[省市县区州]/.test(question.focus)) && question.measure !== fact.measure) return false;
  // 多少个团员 is answered by 88名团员: when the counted noun matches, the measure word does not matter.
  if (question.focus && nounsMatch(fact.noun, question.focus) && fact.noun.length >= 2) return true;
  // 6家企业负责人: 家 counts institutions, so the institution opening the noun is what is counted.
  if (question.focus && question.focus.length >= 2 && INSTITUTION_MEASURES.includes(fact.measure) && fact.noun.startsWith(question.focus)) return true;
  // 多少户 / 几家 name their kind: 4个县 counts another (个 with a noun of its own), 86户 or 12家企业 the asked one.
  const counted = fact.noun || (/^[\u4e00-\u9fa5]/.test(sentenceView.slice(fact.end)) ? sentenceView.slice(fact.end, fact.end + 1) : '');
  if (question.measure && question.measure !== '个' && fact.measure === '个' && counted.length > 0 && !nounsMatch(counted, question.focus ?? question.measure)) return false;
  if (!measureFits) {
    // 几个省 may be answered by 3省; 多少个考察点 by 36个点.
    if (!(question.measure === '个' && nounsMatch(fact.measure, question.focus ?? ''))) return false;
  }
  // 多少钱 / 多少人: the focus is the measure itself, which already fits.
  if (!question.focus || question.focus === question.measure) return true;
  if (nounsMatch(fact.noun, question.focus) || nounsMatch(fact.measure, question.focus)) return true;
  // (两地企业现场签约合作项目14个 counts 项目, 安置搬迁群众1.2万人 counts 群众: the noun right before a number without
  // one after it is what it counts, unless the asked noun is listed with it.)
  // (Nouns only: a verb before the number, 跟班学习不少于10名, says what was done, not what is counted.)
  // (已开工19个 for 开工了多少个项目: the asked verb leads to the number, the asked noun is said in the sentence.)
  if (led === fact.start && !fact.noun && sentenceView.includes(question.focus)) return true;
  // (Counts of things or people only: before 3200亩 or 60万吨 stands what is measured, 面积 or 交易量.)
  const counts = measureGroup('个').includes(fact.measure) || PERSON_MEASURES.includes(fact.measure);
  const head = fact.noun || !counts || !isNoun(question.focus) ? '' : headBefore(sentenceView, fact.start);
  const clauseBefore = sentenceView.slice(Math.max(0, fact.start - 24), fact.start).split(/[，,。；;：:]/).at(-1)!;
  const askedPhrase = /(?:多少|几)[个家名位项件座所]?([^，,。？?]*)/.exec(question.folded)?.[1] ?? '';
  if (head && isNoun(head) && question.focus.length >= 2 && !nounsMatch(head, question.focus) && !askedPhrase.includes(head) && !head.includes(question.focus) && !new RegExp(`${escapeRegExp(question.focus)}[、和与及]`).test(clauseBefore)) return false;
  // 多少名成员 / 一行46人: a head count answers a question counting people of any kind.
  if (PERSON_MEASURES.includes(fact.measure) && PERSON_NOUN.test(question.focus) && (!fact.noun || PERSON_NOUN.test(fact.noun))) return true;
  // 考察点多达36个: the counted noun stands before the number (a one-character focus is too common to tell).
  if (question.focus.length < 2) return false;
  // (Within the number's own clause: 签约项目9个，涉及企业12家 — 12家 counts 企业, not 项目. Nouns listed with 、
  // before it are all counted: 考察企业、园区和平台23个.)
  const before = sentenceView.slice(Math.max(0, fact.start - 12), fact.start).split(/[，,。；;：:]/).at(-1)!;
  if (before.includes(question.focus) || synonymsOf(question.focus).some((s) => s.length >= 2 && before.includes(s))) return true;
  // 科技成果在南阳转化项目17项 for 多少个科技成果项目: the head noun right before the number, its modifiers in the sentence.
  const words = tagWords(question.focus).map((w) => w.word);
  return words.length >= 2 && words.at(-1)!.length >= 2 && before.includes(words.at(-1)!) && words.slice(0, -1).every((w) => sentenceView.slice(0, fact.start).includes(w));
}

/**
 * 长治的生产总值 is not answered by 顺德…生产总值达到3523亿元: when the question names whose figure it asks and the
 * sentence names another place as the one before the number (and never the asked one), the number is another's.
 */
function ownedByAsked(fact: QuantityFact, question: QuestionAnalysis, facts: readonly Fact[], sentenceView: string): boolean {
  const owner = question.owner;
  if (!owner) return true;
  const places = facts.filter((f): f is PlaceFact => f.kind === 'place');
  if (places.some((p) => nameEquals(p.canonical, owner) || mentions(p.name, owner) || mentions(owner, p.canonical)) || sentenceView.includes(owner)) return true;
  if (places.some((p) => p.end <= fact.start)) return false;
  // (A place the extractor did not take — 顺德是… — counts when the gazetteer knows it.)
  const before = sentenceView.slice(0, fact.start);
  for (let i = 0; i + 2 <= before.length; i += 1) for (const length of [2, 3, 4]) if (i + length <= before.length && isPlaceName(before.slice(i, i + length))) return false;
  return true;
}

/** Verbs that may open a counted list's clause (抽查了A和B两个码头): the list starts after the last of them. */
const LIST_OPENER = /^.*(?:了|查看|抽查|考察|走访|深入|来到|前往|包括|分别是|分别为|有)/;

/**
 * Items named right before a count of the asked kind (A和B两个码头, 宜都市、枝江市等5个县市): as many items as the
 * count, verbatim. Empty when the count and the list disagree or no such phrase is written.
 */
function countedList(sentence: string, view: string, heads: readonly string[]): OrgFact[] {
  for (const head of heads) {
    // (A one-character kind — 三个村 — only right after its measure word; a longer one may have a qualifier: 两个沿江码头.)
    const qualifier = head.length >= 2 ? '[\\u4e00-\\u9fa5]{0,4}?' : '';
    const pattern = new RegExp(`([^，,。；;：:（）()]{2,80}?)(?:等)?([\\d两二三四五六七八九十]{1,3})[个家座所处项名位]?${qualifier}${escapeRegExp(head)}(?![\\u4e00-\\u9fa5]{0,1}[民委长])`, 'g');
    for (const match of view.matchAll(pattern)) {
      const clause = match[1]!;
      const opener = LIST_OPENER.exec(clause)?.[0].length ?? 0;
      const start = match.index! + opener;
      const list = view.slice(start, match.index! + clause.length);
      const parts = list.split(/[、和及与]/);
      if (parts.length < 2 || parts.length !== parseChineseNumber(match[2]!) || parts.some((part) => part.length < 2 || part.length > 16)) continue;
      let at = start;
      return parts.map((part) => {
        const from = view.indexOf(part, at);
        at = from + part.length;
        return { kind: 'org', text: sentence.slice(from, from + part.length), start: from, end: from + part.length, name: part, visited: false };
      });
    }
  }
  return [];
}

/** A question about one item's figure: the largest, the highest, a single one. */
const SINGLE_ASKED = /单个|单体|单项|单笔|最大|最多|最高|最少|最低/;
/** Words right before a number that make it a total. */
const TOTAL_BEFORE = /总|合计|累计|共计|一共|总共|共[^同]/;

/** The lexicon's words for leading a group (率领, 带队…), two characters or more. */
const LEAD_WORDS = ['率领', ...synonymsOf('率领')].filter((w) => w.length >= 2);

/** Whether a count is of those who led (两人带队, 两位负责人率领), read from the lead verb right after it. */
function countsLeaders(fact: QuantityFact, sentenceView: string): boolean {
  const after = sentenceView.slice(fact.end);
  return LEAD_WORDS.includes(fact.noun) || LEAD_WORDS.some((w) => after.startsWith(w) || after.startsWith(`${fact.noun}${w}`));
}

/** Whether a how-many question asks how many people a delegation or group had (代表团一共多少人, 考察团有几名成员). */
function asksHeadCount(question: QuestionAnalysis): boolean {
  if (question.type !== 'howMany') return false;
  // The noun written after 多少名 (多少名学生), not one guessed from before it.
  const after = /(?:多少|几)[个名位]?人?([^，,。？?！!；;]*)/.exec(question.folded)?.[1] ?? '';
  const counted = question.measure ? (tagWords(after).find((w) => /^n/.test(w.tag) && !/^n[rst]/.test(w.tag))?.word ?? null) : quantityFocus(question.folded);
  const measure = question.measure ?? (counted && PERSON_NOUN.test(counted) ? '人' : null);
  if (!measure || !PERSON_MEASURES.includes(measure)) return false;
  if (counted && !/^(?:成员|团员|人员|人|人数|队员|组员)$/.test(counted)) return false;
  // 谈了多少人 / 看望了多少名: people the group acted on; 去了多少人 / 来了几个人 is the group itself.
  const verb = /([\u4e00-\u9fa5]{1,2})(?:了)?(?:多少|几)/.exec(question.folded)?.[1] ?? '';
  if (verb && !/[去来到赴行有是共计]$/.test(verb) && tagWords(verb).at(-1)?.tag === 'v') return false;
  return DELEGATION.test(question.folded) || /团|组/.test(question.folded);
}

const DELEGATION = new RegExp([...Object.values(GROUP_NOUNS).flat(), '学员'].join('|'));

/** `homeMatch` of an article naming the asked home elsewhere than its title and opening. */
export const HOME_NAMED_ELSEWHERE = 0.3;

/**
 * How well an article is about the delegation a question names by its home (江西那个团): 1 when its title or
 * opening names the home just before a delegation word, 0.3 when the home is named elsewhere in it, else 0.
 */
export function homeMatch(home: string | null, titleAndOpening: string, story: string): number {
  if (!home) return 0;
  for (const variant of placeVariants(home)) {
    for (let at = titleAndOpening.indexOf(variant); at !== -1; at = titleAndOpening.indexOf(variant, at + 1)) {
      if (DELEGATION.test(titleAndOpening.slice(at, at + variant.length + 12))) return 1;
    }
  }
  return mentions(story, home) ? HOME_NAMED_ELSEWHERE : 0;
}

/** Whether a place or person is named in a text (any spelling of a place). */
export function mentions(text: string, name: string): boolean {
  return placeVariants(name).some((variant) => text.includes(variant)) || namesProvinceByAbbreviation(text, name);
}

/**
 * Whether a text names a place on its own, not as one item of a list (在江西 scopes to 江西; 赴广东、江西、湖北
 * names the whole trip).
 */
export function mentionsAlone(text: string, name: string): boolean {
  for (const variant of placeVariants(name)) {
    for (let at = text.indexOf(variant); at !== -1; at = text.indexOf(variant, at + 1)) {
      const before = text[at - 1] ?? '';
      const after = text[at + variant.length] ?? '';
      if (!/[、和与及]/.test(before) && !/[、和与及]/.test(after)) return true;
    }
  }
  return namesProvinceByAbbreviation(text, name);
}

/**
 * Whether a person holds the asked title: in their title chain, or as the sentence assigns it (某某任组长, 组长由某某
 * 担任). A title asked with its body (督查组组长) is also held by its head alone (组长), but 副组长 never holds 组长.
 */
export function holdsTitle(person: PersonFact, title: string, sentenceView: string, previousEnd = 0): boolean {
  // Only a group's head: 督查组组长 is held by 组长, but 省委书记 is not held by any 书记.
  const head = /(?:组长|团长|队长)$/.exec(title)?.[0];
  const forms = head && head !== title ? [title, head] : [title];
  const chain = person.titles ?? person.title ?? '';
  const held = (text: string, form: string) => new RegExp(`(?<!副)${escapeRegExp(form)}`).test(text);
  if (forms.some((form) => held(chain, form))) return true;
  const after = sentenceView.slice(person.end, person.end + 14);
  const before = sentenceView.slice(Math.max(0, previousEnd, person.start - 20), person.start);
  // The clause right before the name, when the article writes the title chain around a body (副组长、省某委副主任某某).
  const leading = before.split(/[，,。；;：:]/).at(-1) ?? '';
  return forms.some(
    (form) => held(leading, form) || new RegExp(`^(?:担)?任[^，,。；;]{0,6}?(?<!副)${escapeRegExp(form)}`).test(after) || (held(before, `${form}由`) && /^担任/.test(after)),
  );
}

/** Between two people of one list: a coordinator and the next one's titles (、市委副书记、代市长 / ，市委副书记、市长). */
const LISTED_WITH_TITLE = /^(?:、|和|及|与|以及|，|,)[^，。；：,;:赴到去]{0,14}$/;
/** Words after a name that make it the authority whose instructions are quoted (X总书记关于…, X总书记的重要讲话). */
const QUOTED_AUTHORITY = /^总书记(?:关于|的重要|重要|在[^，。；]{0,12}(?:讲话|指示))/;

/** 分赴, 分别赴: a list of people sent one to each place of the list that follows. */
const RESPECTIVELY_TO = /^(?:分赴|分别赴|分别到|分别前往|分别去|分别在)([^，。；,;]+)/;

/**
 * 去湘潭督导的是谁: of several people in a sentence, those who went where the question says — A赴X，B赴Y by the
 * words after each name, A、B分赴X、Y by position. All of them when none is paired with the place.
 */
export function headedFor(persons: readonly PersonFact[], question: QuestionAnalysis, view: string): PersonFact[] {
  if (question.scoped.length === 0 || persons.length === 0) return [...persons];
  const destination = new Map<PersonFact, string>();
  for (let i = 0; i < persons.length; ) {
    let j = i;
    while (j + 1 < persons.length && LISTED_WITH_TITLE.test(view.slice(persons[j]!.end, persons[j + 1]!.start))) j += 1;
    const respective = RESPECTIVELY_TO.exec(view.slice(persons[j]!.end));
    const items = respective ? respective[1]!.split(/[、和及与]/) : [];
    if (respective && items.length === j - i + 1) {
      for (let k = i; k <= j; k += 1) destination.set(persons[k]!, items[k - i]!);
    } else {
      // A、B赴X: the words after the run, up to the next person or the clause's end, are the whole run's.
      const next = persons[j + 1]?.start ?? view.length;
      const after = view.slice(persons[j]!.end, next).split(/[，。；,;]/)[0]!;
      for (let k = i; k <= j; k += 1) destination.set(persons[k]!, after);
    }
    i = j + 1;
  }
  const paired = persons.filter((p) => question.scoped.some((place) => mentions(destination.get(p) ?? '', place)));
  if (paired.length > 0) return paired;
  // 李某赴株洲督导 does not answer 去湘潭的是谁: everyone here is said to have gone somewhere else.
  const wentElsewhere = (p: PersonFact) => /^(?:赴|到|去|前往|来到|分赴|分别赴)/.test(destination.get(p) ?? '');
  return persons.every(wentElsewhere) ? [] : [...persons];
}

/** The facts of a sentence that fill the asked slot, in text order. */
export function slotFacts(facts: readonly Fact[], question: QuestionAnalysis, sentenceView: string, sentence: string = sentenceView, reportHome: string | null = null): Fact[] {
  const notAsked = (name: string) => !question.places.some((p) => nameEquals(p, name)) && !question.people.includes(name);
  switch (question.type) {
    case 'who': {
      // 学习贯彻X总书记关于…的重要讲话: the authority quoted is no one who took part.
      const persons = facts.filter((f): f is PersonFact => f.kind === 'person' && notAsked(f.name) && !QUOTED_AUTHORITY.test(sentenceView.slice(f.end)));
      const titled = question.title
        ? persons.filter((p) => holdsTitle(p, question.title!, sentenceView, persons.filter((q) => q.end <= p.start).at(-1)?.end ?? 0))
        : persons;
      // 黄岩区哪位领导 / 张家口方面是谁: prefer the people of that side, named in their title or just before it.
      const owner = askedOwner(question);
      if (!owner) return headedFor(titled, question, sentenceView);
      // Nobody of that side in the sentence (by the title the article gives them, or the words before the name):
      // it does not answer the question.
      const before = (p: PersonFact) => {
        const previous = persons.filter((q) => q.end <= p.start).at(-1);
        return sentenceView.slice(Math.max(previous?.end ?? 0, p.start - 16), p.start);
      };
      // In a local paper (陕西日报), a title naming no place (省委常委、秘书长) is an office of the paper's own place.
      // 我市市委书记X: 我市/本市 is the paper's place too.
      // 吉林省委书记A和省长B: a title naming no place, coordinated right after another person, is of that person's side.
      const sideOf = (p: PersonFact, depth = 0): string => {
        const own = `${p.titles ?? ''} ${before(p)}`;
        const previous = persons.filter((q) => q.end <= p.start).at(-1);
        const gap = sentenceView.slice(previous?.end ?? 0, p.start);
        // (和我市领导B: a gap naming its own side breaks the inheritance.)
        const namesASide = (text: string) => PLACE_BEFORE_OFFICE.test(text) || OWN_PLACE.test(text);
        const coordinated = previous && depth < MAX_COORDINATED && COORDINATED_TITLE.test(gap) && !namesASide(gap.replace(/^[、和及与以，,]+/, '')) && !namesASide(p.titles ?? '');
        return coordinated ? `${own} ${sideOf(previous, depth + 1)}` : own;
      };
      const ownOffice = (p: PersonFact) => reportHome !== null && nameEquals(reportHome, owner) && (!PLACE_BEFORE_OFFICE.test(p.titles ?? '') || OWN_PLACE.test(sideOf(p)));
      return titled.filter((p) => mentions(sideOf(p), owner) || ownOffice(p));
    }
    case 'when':
      // 《…2019年工作要点》: a year inside a document's name dates the document, not the event asked about.
      return facts.filter((f) => f.kind === 'date' && !f.dateline && !facts.some((d) => d.kind === 'document' && d.start <= f.start && d.end >= f.end) && !question.folded.includes(toHalfWidth(foldScript(f.text))) && (!question.asksDay || f.from.day !== undefined) && (!question.asksYear || /\d{2,4}年|[〇零一二三四五六七八九]{4}年/.test(f.text)));
    case 'howMany':
      return facts.filter((f) => f.kind === 'quantity' && quantityAnswers(f, question, sentenceView) && ownedByAsked(f, question, facts, sentenceView));
    case 'where': {
      // 在返程的火车上召开…: where an asked event happened, written as 在…上/里/中 right before its verb.
      const located = eventLocation(question, sentenceView, sentence, facts);
      if (located) return [located];
    }
    // falls through
    case 'list':
    case 'what': {
      const kind = askedItemKind(question);
      if (question.type === 'what' && kind === 'any') return [];
      // 去了哪些地方 / 看了哪些点 / 哪些企业和园区: the list of sites after a visiting verb, each item whole
      // (中新（重庆）多式联运示范基地, names without a telling ending), not the typed facts one by one.
      // (考察了哪里 asks a place, unless it asks about one day of the trip: 次日上午考察了哪里 asks that day's sites.)
      if ((question.type === 'list' || (question.type === 'where' && question.day !== null)) && asksSites(question, kind)) {
        const sites = sitesInSentence(sentenceView, facts, true).filter((site) => notAsked(site.name));
        if (sites.length > 0) return sites.map((site): OrgFact => ({ kind: 'org', text: sentence.slice(site.start, site.end), start: site.start, end: site.end, name: site.name, visited: true }));
      }
      // 哪些部门 / 哪些单位: the offices listed with 、 (省农业农村厅、省水利厅…), named by how offices end.
      if (question.focus && /^(?:部门|单位|机构)$/.test(question.focus)) {
        const offices = officesListed(sentenceView).filter((o) => notAsked(o.name));
        if (offices.length >= 2) return offices.map((o): OrgFact => ({ kind: 'org', text: sentence.slice(o.start, o.end), start: o.start, end: o.end, name: o.name, visited: false }));
      }
      // (哪个镇 / 哪个村: a town or village written as a place, 来到围场县御道口镇, is an item of that kind too.)
      const townAsked = /^(?:村|镇|乡|社区|街道)/.test(question.focus ?? '');
      const towns: Fact[] = townAsked ? townsWritten(sentence, sentenceView).filter((t) => !facts.some((f) => f.start <= t.start && f.end >= t.end)) : [];
      const typed = [...facts, ...towns].filter((f) => (itemOfKind(f, kind) || (townAsked && f.kind === 'place' && /(?:村|镇|乡|社区|街道)$/.test(f.name))) && notAsked(itemName(f)));
      // A place inside a site's name (远海 in 远海自动化码头) is not an item of its own.
      const whole = typed.filter((f) => !typed.some((g) => g !== f && g.start <= f.start && g.end >= f.end && g.end - g.start > f.end - f.start));
      const listed = kind === 'place' ? placesOfAskedLevel(whole, question) : whole;
      // 看了哪些地方: a place answers only where the group went (赴/到/在 X), not the place of an office (福建省某县委书记).
      // (Nor a document signed, or a site only planned: 将新建帮扶车间.)
      // (从广州、珠海到东莞: the places an itinerary runs from are visited too.)
      const itinerary = (f: Fact) => ITINERARY_FROM.test(sentenceView.slice(0, f.start)) && sentenceView.slice(f.end).includes('到');
      const wentTo = (f: Fact) => (f.kind === 'place' && (f.destination || VISITED_BEFORE.test(sentenceView.slice(0, f.start)) || itinerary(f))) || (f.kind === 'org' && f.visited);
      const items = question.type === 'list' && kind === 'any' && asksSites(question, kind) ? listed.filter(wentTo) : listed;
      // 哪几个方面 / 哪些领域: an enumeration of untyped items answers a list question that names no kind.
      // (Not for the sites visited: 此次之行共签约项目 is no 考察点. Nor a person's office: 省委常委、秘书长某某.)
      if (question.type === 'list' && kind === 'any' && !asksSites(question, kind)) {
        const named = (f: Fact) => !facts.some((p) => p.kind === 'person' && p.title !== null && p.start < f.end && p.end > f.start) && !opensWithTitle(foldScript(f.text));
        const terms = longestEnumeration(facts.filter((f) => f.kind === 'term' && named(f)), sentenceView);
        if (terms.length >= 2 && (terms.length > items.length || !question.focus || GENERIC_FOCUS.test(question.focus))) return terms;
      }
      // 哪几家企业: items named like the asked kind (…有限公司 for 企业, …旧址 for 旧址) come first. When none is
      // and the sentence does not even mention the kind (哪家酒店), the slot stays empty.
      const focus = question.focus;
      // (什么文件 names no kind of document: any document answers it, 《…备忘录》 as well as 《…协议》.)
      if (focus && (focus.length >= 2 || /^[村镇乡]$/.test(focus)) && kind !== 'place' && kind !== 'any' && !ANY_INSTITUTION.test(focus) && !ANY_DOCUMENT.test(focus)) {
        // The kind's last character names it too when site names end in it (纪念馆 → 馆, 考察点 → 点), not 企业 → 业.
        const headsOf = (kind: string) => [kind, ...synonymsOf(kind).filter((w) => w.length >= 2), ...(SITE_HEADS.some((h) => h.endsWith(kind.slice(-1))) ? [kind.slice(-1)] : [])];
        const heads = [focus, ...question.alsoKinds].flatMap(headsOf);
        // An enumeration item (A、B和C) ending like the kind counts too; of overlapping names the longest stays.
        // 重点企业, 龙头企业: a qualifier before the kind names no item.
        // (12个乡镇、21个村 count the kind: they name no item of it.)
        // (An institution holding a name of the kind is one of its sites: 上汽集团宁德基地 for 企业.)
        // (柯城区企业综合服务中心 holds none: after a place, the kind word only says what the site serves.)
        const holdsKind = (f: Fact) => f.kind === 'org' && heads.some((h) => h.length >= 2 && itemName(f).indexOf(h) >= 2 && !/[省市县区镇乡村]$/.test(itemName(f).slice(0, itemName(f).indexOf(h))));
        // (《…协议（2023—2025年）》: a document's name ends before its bracketed years.)
        const nameOf = (f: Fact) => (f.kind === 'document' ? itemName(f).replace(/[《》]/g, '').replace(/[（(][^（）()]*[）)]$/, '') : itemName(f));
        const namesAnItem = (f: Fact) => (heads.some((h) => nameOf(f).endsWith(h) && !GENERIC_QUALIFIERS.includes(nameOf(f).slice(0, -h.length))) || holdsKind(f)) && !COUNTED_KIND_START.test(foldScript(itemName(f)));
        // 太平溪镇和乐天溪镇两个沿江码头: a list right before its count and the asked kind names that many of it.
        const counted = countedList(sentence, sentenceView, heads);
        if (counted.length > 0) return counted;
        const endsLikeKind = [...items, ...facts.filter((f) => f.kind === 'term')].filter(namesAnItem);
        const named = endsLikeKind.filter((f) => !endsLikeKind.some((g) => g !== f && g.start <= f.start && g.end >= f.end && g.end - g.start > f.end - f.start)).sort((a, b) => a.start - b.start);
        // 哪些企业和园区: the list that names one of the kinds asked together is the answer, whatever each item is.
        if (named.length > 0) return question.alsoKinds.length > 0 ? items : named;
        // 那家企业叫什么名字: a name of the kind is asked; a site of another kind (新城展厅) is none.
        if (NAME_ASKED.test(question.folded)) return [];
        // (A one-character head counts as a word of its own or a word's end: the 学 of 大学 stands in every 学习.)
        // (两个村, 3家企业: the kind counted, not named — no item of it is written here.)
        const uncounted = sentenceView.replace(COUNTED_KIND, '');
        const words = heads.some((h) => h.length === 1) ? tagWords(uncounted).map((w) => w.word) : [];
        if (!heads.some((h) => (h.length >= 2 ? uncounted.includes(h) : words.some((w) => w.endsWith(h))))) return [];
      }
      return items;
    }
    default:
      return [];
  }
}

/** A question about what has happened so far (已经…了, 现在, 目前, 截至). */
const HAPPENED_ASKED = /已经|现在|目前|截至|截止/;
/** A figure set as a target or a plan (力争…不少于, 计划, 预计, 将). */
const PLANNED = /力争|争取|计划|预计|目标|拟|将/;

/**
 * 两地企业签的那3个项目总投资多少: a sentence giving another count of that thing (签约了6个合作项目) is about another set
 * (another trip, another pair of places), unless it gives the stated count too.
 */
export function countsAnotherSet(question: QuestionAnalysis, facts: readonly Fact[], sentenceView: string): boolean {
  return question.statedCounts.some((stated) => {
    if (!stated.noun) return false;
    // (The noun may come before the number: 合作项目14个.)
    const noun = (f: QuantityFact) => f.noun || headBefore(sentenceView, f.start);
    const sameThing = (f: Fact): f is QuantityFact => f.kind === 'quantity' && !f.ordinal && measureGroup(stated.measure).includes(f.measure) && noun(f) !== '' && nounsMatch(noun(f), stated.noun);
    const counts = facts.filter(sameThing);
    return counts.length > 0 && !counts.some((f) => f.value === stated.value);
  });
}

/** A visiting verb earlier in the clause (先后走访甲、乙、丙6个市): the places after it are where the group went. */
const VISITED_BEFORE = /(?:走访|考察|参观|察看|来到|深入|途经|辗转|先后到)[^，,。；;]{0,30}$/;
/** 从 opening an itinerary (从广州、珠海到东莞再到深圳). */
const ITINERARY_FROM = /从[^，,。；;]{0,20}$/;

/** A question asking the name of one item (叫什么名字, 全称). */
const NAME_ASKED = /叫什么|叫啥|名字|名称|全称/;

const EVENT_VERB = /召开|举行|举办|签署|签订|会见|座谈|开会|召集|开(?=的|了|在|过)/;
/** Verbs of holding a meeting: 在哪开的 is answered by 在X召开 or 在X举行 alike. */
const HOLD_VERBS = ['召开', '举行', '举办', '开幕', '开会', '召集', '开'];

/**
 * Where an asked event happened: 在X召开 / 在…火车上召开 right before its verb, or a place that itself holds the
 * meeting (郴州召开…交流会). As a place fact.
 */
/** Verbs that say where a thing stands (工作站设在X, 基地位于X). */
export const SITED_AT = /设在|设于|位于|建在|坐落在|坐落于|落户(?:在|于)?|安置在|驻在/;

function eventLocation(question: QuestionAnalysis, view: string, sentence: string, facts: readonly Fact[]): Fact | null {
  // 工作站设在哪儿: where a thing stands is the phrase after the verb that sites it (设在某市公共就业服务中心).
  if (SITED_AT.test(question.folded)) {
    const sited = new RegExp(`(?:${SITED_AT.source})([\\u3400-\\u9fff·（）()]{2,24})`).exec(view);
    if (sited) {
      const start = sited.index + sited[0].length - sited[1]!.length;
      const name = sited[1]!;
      return { kind: 'place', text: sentence.slice(start, start + name.length), start, end: start + name.length, name, canonical: name, destination: false };
    }
  }
  // 座谈会在哪召开: the verb of holding, not the 座谈 of the meeting's name, is what happened somewhere.
  const holds = HOLD_VERBS.some((v) => new RegExp(`${v}(?!发|展|放|始|工|通|局)`).test(question.folded));
  const asked = EVENT_VERB.exec(question.folded)?.[0];
  if (!asked) return null;
  const verbs = (holds || HOLD_VERBS.includes(asked) ? HOLD_VERBS.filter((v) => v !== '开') : [asked]).join('|');
  const match = new RegExp(`在([\\u3400-\\u9fff·]{2,14}?)(?:隆重|正式|顺利|同期)?(?:${verbs})`).exec(view);
  if (match) {
    const start = match.index + 1;
    const name = match[1]!;
    return { kind: 'place', text: sentence.slice(start, start + name.length), start, end: start + name.length, name, canonical: name, destination: false };
  }
  const holder = facts.find((f) => f.kind === 'place' && new RegExp(`^(?:${verbs})`).test(view.slice(f.end)) && /(?:^|[，,。；;\d日午])$/.test(view.slice(0, f.start)));
  return holder ?? null;
}

/** The suffixes of the divisions a list question asks for by its level (哪几个区 → 区; 哪些县市区 → 县, 市, 区, 旗). */
const LEVEL_SUFFIXES: ReadonlyArray<[RegExp, readonly string[], readonly DivisionLevel[]]> = [
  [/^(?:县市区|区县|县区|县市|县市区旗|旗县市|旗县)$/, ['县', '市', '区', '旗'], ['county']],
  [/^(?:省|省份|省区)$/, ['省', '自治区'], ['province']],
  [/^(?:市|城市|地市|市州)$/, ['市', '州', '盟'], ['prefecture', 'county']],
  [/^县$/, ['县', '旗'], ['county']],
  [/^区$/, ['区'], ['county']],
];

/**
 * 在苏州去了哪几个区: of the places a sentence names, those of the asked level (named with its suffix, or a division
 * the gazetteer knows written without it: 福田), and inside the asked scope when the gazetteer knows it (not 江苏省
 * or the delegation's home). When nothing is left, the places stay as they were.
 */
function placesOfAskedLevel(places: readonly Fact[], question: QuestionAnalysis): Fact[] {
  let kept = [...places];
  const level = LEVEL_SUFFIXES.find(([pattern]) => pattern.test(question.focus ?? ''));
  if (level) {
    const [, suffixes, levels] = level;
    const ofLevel = kept.filter((f) => {
      const name = itemName(f);
      if (/[省市县区州旗盟]$/.test(name)) return suffixes.some((suffix) => name.endsWith(suffix)) && !GENERIC_PLACES.has(name) && !SITE_HEADS.includes(name);
      const known = divisionLevels(name);
      return levels.some((l) => known.has(l));
    });
    // Places of other levels (湖南、浙江 for 哪座城市), or bare names no gazetteer knows, answer nothing.
    kept = ofLevel;
  }
  const within = question.scoped.flatMap((scope) => placesWithin(scope));
  if (within.length > 0) {
    // (Counties are listed in full, 天河区; text may write them bare, 天河.)
    const names = new Set(within.flatMap((name) => [name, stripAdminSuffix(name)]));
    const inside = kept.filter((f) => [itemName(f), stripAdminSuffix(itemName(f))].some((v) => names.has(v)));
    if (inside.length > 0) kept = inside;
  }
  return kept;
}

/** The place whose people a who-question asks for (张家口方面是谁, 黄岩区哪位领导), or null. */
export function askedOwner(question: QuestionAnalysis): string | null {
  // 来松江是谁带队的, 去浙江福建是谁带队的: places the delegation went to (a run of them after 去) are no side.
  const others = question.places.map(escapeRegExp).join('|');
  for (const place of question.places) {
    const visited = new RegExp(`[来到去赴在于](?:(?:${others})[、和与及]?)*${escapeRegExp(place)}`);
    if (visited.test(question.folded)) continue;
    if (new RegExp(`${escapeRegExp(place)}(?:省|市|县|区|州)?(?:委|政府|政协|人大)?(?:方面|一方|这边|那边|这方|的)?(?:是)?(?:由)?(?:哪|谁|有哪)`).test(question.folded)) return place;
  }
  return null;
}

/** The largest run of enumeration items standing together (A、B和C), in text order. */
function longestEnumeration(terms: readonly Fact[], view: string): Fact[] {
  let best: Fact[] = [];
  let run: Fact[] = [];
  for (const term of terms) {
    const previous = run.at(-1);
    if (previous && /^(?:、|和|及|与|以及)$/.test(view.slice(previous.end, term.start))) run.push(term);
    else run = [term];
    if (run.length > best.length) best = [...run];
  }
  return best;
}

function nameEquals(a: string, b: string): boolean {
  return placeVariants(a).some((v) => placeVariants(b).includes(v));
}

/** The name a list item carries. */
export function itemName(fact: Fact): string {
  switch (fact.kind) {
    case 'person':
    case 'place':
    case 'org':
    case 'document':
    case 'meeting':
    case 'term':
      return fact.name;
    default:
      return fact.text;
  }
}

function itemOfKind(fact: Fact, kind: ItemKind): boolean {
  if (kind === 'any') return fact.kind === 'place' || fact.kind === 'org' || fact.kind === 'meeting' || fact.kind === 'document';
  // 南京江北新区: a district named like a site is a place too (its 江北 alone would be cut short).
  if (kind === 'place' && fact.kind === 'org') return AREA_NAME.test(fact.name);
  return fact.kind === kind;
}

/** Site-like names of areas that are places (…新区, …开发区, …高新区). */
const AREA_NAME = /(?:新区|开发区|高新区|经开区|自贸区|保税区|试验区)$/;
