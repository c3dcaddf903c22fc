/**
 * The one lexicon: every piece of generic domain vocabulary the product reads text with — provinces and their
 * short names, administrative suffixes, official titles, measure-word groups, domain synonyms, interrogatives —
 * defined once here and used by retrieval, the answerer, the fact-check, the digest, tour cards and LLM
 * validation. Only generic words belong here: no person, city, company or event of any corpus.
 *
 * Traditional characters are folded to simplified ones character by character (`foldScript`), so indexes and
 * comparisons see one script while quotes stay exactly as the article wrote them (the fold keeps offsets).
 */
import { createRequire } from 'node:module';

/** Provincial-level divisions: official name, everyday name, one-character abbreviation(s). */
export interface Province {
  name: string;
  common: string;
  abbreviations: readonly string[];
}

/** All 34 provincial-level divisions. Abbreviations are for query expansion, not segmenter words. */
export const PROVINCES: readonly Province[] = [
  { name: '北京市', common: '北京', abbreviations: ['京'] },
  { name: '天津市', common: '天津', abbreviations: ['津'] },
  { name: '上海市', common: '上海', abbreviations: ['沪'] },
  { name: '重庆市', common: '重庆', abbreviations: ['渝'] },
  { name: '河北省', common: '河北', abbreviations: ['冀'] },
  { name: '山西省', common: '山西', abbreviations: ['晋'] },
  { name: '辽宁省', common: '辽宁', abbreviations: ['辽'] },
  { name: '吉林省', common: '吉林', abbreviations: ['吉'] },
  { name: '黑龙江省', common: '黑龙江', abbreviations: ['黑'] },
  { name: '江苏省', common: '江苏', abbreviations: ['苏'] },
  { name: '浙江省', common: '浙江', abbreviations: ['浙'] },
  { name: '安徽省', common: '安徽', abbreviations: ['皖'] },
  { name: '福建省', common: '福建', abbreviations: ['闽'] },
  { name: '江西省', common: '江西', abbreviations: ['赣'] },
  { name: '山东省', common: '山东', abbreviations: ['鲁'] },
  { name: '河南省', common: '河南', abbreviations: ['豫'] },
  { name: '湖北省', common: '湖北', abbreviations: ['鄂'] },
  { name: '湖南省', common: '湖南', abbreviations: ['湘'] },
  { name: '广东省', common: '广东', abbreviations: ['粤'] },
  { name: '海南省', common: '海南', abbreviations: ['琼'] },
  { name: '四川省', common: '四川', abbreviations: ['川', '蜀'] },
  { name: '贵州省', common: '贵州', abbreviations: ['黔', '贵'] },
  { name: '云南省', common: '云南', abbreviations: ['滇', '云'] },
  { name: '陕西省', common: '陕西', abbreviations: ['陕', '秦'] },
  { name: '甘肃省', common: '甘肃', abbreviations: ['甘', '陇'] },
  { name: '青海省', common: '青海', abbreviations: ['青'] },
  { name: '台湾省', common: '台湾', abbreviations: ['台'] },
  { name: '内蒙古自治区', common: '内蒙古', abbreviations: ['蒙'] },
  { name: '广西壮族自治区', common: '广西', abbreviations: ['桂'] },
  { name: '西藏自治区', common: '西藏', abbreviations: ['藏'] },
  { name: '宁夏回族自治区', common: '宁夏', abbreviations: ['宁'] },
  { name: '新疆维吾尔自治区', common: '新疆', abbreviations: ['新'] },
  { name: '香港特别行政区', common: '香港', abbreviations: ['港'] },
  { name: '澳门特别行政区', common: '澳门', abbreviations: ['澳'] },
];

/** Collective regional names used in news (they name groups of provinces, not one place). */
export const REGION_GROUPS: Readonly<Record<string, readonly string[]>> = {
  长三角: ['上海', '江苏', '浙江', '安徽'],
  珠三角: ['广东'],
  京津冀: ['北京', '天津', '河北'],
  粤港澳: ['广东', '香港', '澳门'],
  江浙沪: ['江苏', '浙江', '上海'],
  江浙: ['江苏', '浙江'],
  苏浙: ['江苏', '浙江'],
  东北: ['辽宁', '吉林', '黑龙江'],
};

/** Administrative suffixes that news text often drops (湖南省 → 湖南, 郴州市 → 郴州), longest first. */
export const ADMIN_SUFFIXES: readonly string[] = [
  '维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '自治州', '自治县', '地区', '新区', '省', '市', '县', '州',
  '区', '盟', '旗', '镇', '乡', '村',
];

/** Administrative levels, from the suffix of a place or of the body it heads (省委 → province). */
export const LEVEL_BY_SUFFIX: ReadonlyArray<readonly [RegExp, 'province' | 'city' | 'county' | 'district']> = [
  [/(?:省|自治区)$/, 'province'],
  [/(?:市|州|盟)$/, 'city'],
  [/(?:县|旗)$/, 'county'],
  [/区$/, 'district'],
];

/**
 * Official titles, longest first. A title directly before a name (省委书记沈晓明) is the most reliable person
 * signal in news text; the heads (书记, 省长…) also end compound titles (市委副书记、代市长).
 */
export const TITLES: readonly string[] = [
  '中共中央政治局委员', '政治局委员', '全国人大常委会副委员长', '全国政协副主席', '人大常委会主任', '人大常委会副主任',
  '政协主席', '政协副主席', '纪委书记', '监委主任', '政法委书记', '组织部部长', '宣传部部长', '统战部部长', '秘书长',
  '常务副省长', '常务副市长', '常务副县长', '常务副区长', '省委书记', '省委副书记', '省委常委', '市委书记', '市委副书记',
  '市委常委', '州委书记', '州委副书记', '县委书记', '县委副书记', '县委常委', '区委书记', '区委副书记', '区委常委',
  '旗委书记', '盟委书记', '镇党委书记', '乡党委书记', '党委书记', '党工委书记', '党组书记', '党支部书记', '村党支部书记',
  '代省长', '副省长', '省长', '代市长', '副市长', '市长', '州长', '副州长', '代县长', '副县长', '县长', '代区长', '副区长',
  '区长', '旗长', '盟长', '镇长', '乡长', '村主任', '主席', '副主席', '主任', '副主任', '部长', '副部长', '厅长', '副厅长',
  '局长', '副局长', '委员', '董事长', '总经理', '院长', '校长', '书记', '专员', '巡视员', '督查组组长', '组长', '副组长',
  '团长', '副团长', '副秘书长', '副院长', '副校长', '副总经理', '副董事长', '领导',
].sort((a, b) => b.length - a.length);

/** Two-character surnames: a name starting with one is three or four characters long (欧阳青峰). */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '夏侯', '端木', '司徒', '西门',
  '南宫', '独孤', '申屠', '轩辕', '呼延', '澹台', '公冶', '太史', '百里', '闻人', '万俟', '钟离', '拓跋',
];

/** The words that end official titles; a name follows them directly. */
export const TITLE_HEADS: readonly string[] = [
  '书记', '省长', '市长', '县长', '区长', '州长', '旗长', '盟长', '镇长', '乡长', '主席', '主任', '部长', '厅长', '局长',
  '秘书长', '董事长', '总经理', '院长', '校长', '组长', '团长', '常委', '委员', '专员',
];

/**
 * Measure words that count the same kind of thing answer each other: 多少个 is answered by 36个 or 5座, 多少名 by
 * 120人. The first group a measure word appears in is its group.
 */
export const MEASURE_GROUPS: ReadonlyArray<readonly string[]> = [
  ['人', '名', '位', '人次'],
  ['个', '家', '座', '所', '处', '项', '点', '场', '只', '户', '条', '件', '批', '期', '轮', '次', '组', '支', '届', '篇', '大'],
  ['元', '万元', '亿元', '美元', '块'],
  ['公里', '千米', '里'],
  ['米'],
  ['平方公里', '平方米', '公顷', '亩'],
  ['吨', '万吨'],
  ['天', '日'],
  ['年'],
  ['月', '个月'],
  ['小时', '分钟'],
  ['%'],
];

/** Nouns whose amount is a sum of money: 收入有多少 / 总额是多少 is answered in 元 whatever noun follows the number. */
export const MONEY_NOUNS: readonly string[] = [
  '总金额', '金额', '总额', '总投资', '投资额', '投资', '总产值', '产值', '营业收入', '收入', '营收', '销售额', '交易额', '成交额',
  '税收', '利润', '资金', '经费', '收益', '生产总值', 'GDP',
];

/**
 * Units and measure words after which a lone numeral is a quantity (一次, 三省, 两个, 九月). Deliberately absent:
 * 区 (一极六区), 把 (一把手), 号 (一号工程), 分 (十分), 成 (一成不变), 点 (一点), 部 (一部分), 方 (一方面), 周 (四周).
 * Longer entries first so 公里 wins over 公.
 */
export const MEASURE_WORDS: readonly string[] = [
  '平方公里', '平方米', '个月', '公里', '千米', '小时', '分钟', '季度', '公顷', '万', '亿', '%',
  '个', '名', '家', '座', '天', '年', '月', '日', '场', '组', '次', '项', '位', '人', '省', '市', '县', '岁', '届',
  '批', '轮', '条', '所', '处', '件', '篇', '期', '倍', '层', '亩', '米', '吨', '元', '册', '份', '辆', '架', '艘', '枚',
];

/** Measure words a quantity fact may carry (a superset of MEASURE_WORDS: 点, 户, 台 and 套 count when a digit precedes). */
export const QUANTITY_MEASURES: readonly string[] = [
  ...new Set(['人次', '万元', '亿元', '万吨', '美元', ...MEASURE_WORDS.filter((m) => m !== '万' && m !== '亿'), '点', '户', '只', '支', '台', '套', '区', '地', '国', '镇', '乡', '村', '州', '大']),
].sort((a, b) => b.length - a.length);

/** Names and fixed phrases whose numeral + measure word is not a quantity. */
export const NUMERAL_EXCEPTIONS: readonly string[] = ['五家渠', '三人行', '一家人', '一条龙', '一年四季', '千家万户'];

/** Chinese numeral characters (digits and units). */
export const NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/**
 * Domain synonyms: words that say the same thing in delegation reporting. The first word of a group is its
 * canonical form. Used to expand queries, to match claims and to validate generated sentences.
 */
export const SYNONYM_GROUPS: ReadonlyArray<readonly string[]> = [
  ['率领', '带领', '带队', '率队', '领队', '率', '领衔', '带'],
  ['考察', '参观', '走访', '调研', '察看', '看望', '实地', '考察学习', '学习考察', '观摩', '看了', '去了', '到访', '探访'],
  ['签署', '签订', '签约', '签了', '签下', '缔结'],
  ['前往', '赴', '去', '到', '来到', '抵达', '奔赴', '远赴', '来'],
  ['座谈会', '交流会', '座谈', '恳谈会', '对接会', '交流座谈会', '工作座谈会'],
  ['用地', '土地'],
  ['代表团', '考察团', '访问团', '党政代表团', '党政考察团', '学习考察团'],
  ['协议', '协定', '合作协议', '框架协议', '备忘录', '合作备忘录'],
  ['会见', '会晤', '见面', '见了面', '接见'],
  ['设立', '开设', '设置', '建立'],
  ['陪同', '随同', '一同', '参加', '作陪', '陪着'],
  ['主持', '主持召开'],
  ['发放', '给予', '发给'],
  ['合计', '共计', '总计', '加起来'],
  // A change against the same months of last year: 同比 says 比去年同期.
  ['同比', '比去年同期', '比上年同期', '去年同期', '上年同期', '同期'],
  ['农户', '农民', '农民群众', '脱贫户'],
  ['召开', '举行', '举办', '开会'],
  ['讲话', '致辞', '发言', '指出', '强调'],
  ['考察点', '点位', '考察点位', '点'],
  ['城市', '市'],
  ['省份', '省'],
  ['县区', '县市区', '县（市、区）'],
  ['企业', '公司', '集团'],
  ['项目', '工程'],
  ['天', '日'],
  ['对口合作', '对口协作', '结对', '对口帮扶', '东西部协作'],
  ['乡村振兴', '乡村建设'],
  ['督导', '督查', '督导调研', '调研督导'],
  ['返回', '返程', '回程', '返抵', '回到', '回来', '回'],
  ['查阅', '翻阅', '调阅', '查看'],
  ['销售', '卖出', '售出', '销售额', '帮销'],
  ['出发', '启程', '动身', '出行'],
  ['成立', '组建', '挂牌', '揭牌'],
  // Pairing up (结成对子, 结为对子) is what a report writes as 结对.
  ['结成', '结为', '结对'],
  ['对子', '结对'],
  ['引进', '引入'],
  ['入住', '住进', '搬进', '搬入'],
  // The people of a place, as a draft may call the villagers or residents a report names.
  ['群众', '村民', '居民', '老百姓', '百姓'],
  ['开业', '开张', '开馆', '开园', '投用', '投入使用', '启用'],
  ['建成', '落成', '竣工', '建好'],
  ['经开区', '经济技术开发区', '经济开发区'],
  ['高新区', '高新技术产业开发区', '高新技术开发区'],
  ['现场', '当场'],
  ['电子商务', '电商'],
  ['约定', '商定', '议定'],
  ['作为', '当作', '当成'],
  ['市政府', '市人民政府'],
  ['省政府', '省人民政府'],
  ['县政府', '县人民政府'],
  ['区政府', '区人民政府'],
];

/**
 * Verbs saying what part a person took (率领 leads, 主持 chairs, 陪同 accompanies…): the fact extractor, the claim
 * reader, the fact-check and the answerer's who-questions read roles with these words.
 */
export const ROLE_VERBS = {
  lead: ['率领', '带领', '带队', '率队', '领队', '率团', '领衔', '率'],
  chair: ['主持'],
  sign: ['签署', '签订', '签约', '签字', '签下', '签了'],
  meet: ['会见', '会晤', '接见', '见面'],
  accompany: ['陪同', '随同'],
  speak: ['讲话', '致辞', '发言', '指出', '强调', '表示', '介绍'],
  attend: ['出席', '参加'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/** A role of ROLE_VERBS. */
export type RoleName = keyof typeof ROLE_VERBS;

/**
 * Canonical words of the synonym groups that are actions (率领 leads, 签署 signs): their group is tagged as verbs
 * for the segmenter, so 两位领导带队 counts 领导, not 领导带队, and 领导座谈后 holds no name.
 */
export const VERB_GROUP_HEADS: readonly string[] = ['率领', '考察', '签署', '前往', '会见', '设立', '陪同', '主持', '召开', '讲话', '督导'];

/**
 * Verbs of going somewhere (深入黔南州, 走进东坡村, 进驻清河县): before a place or a site they only say that the
 * group went there. Not synonyms for the segmenter's dictionary (that would tag them as nouns).
 */
export const MOVEMENT_VERBS: readonly string[] = [
  '前往', '来到', '抵达', '奔赴', '远赴', '转赴', '深入', '走进', '进驻', '赶赴', '到达', '直奔', '赴', '到', '去', '来',
];

/**
 * How the name of a meeting ends (两省经济社会发展交流座谈会, 督导工作动员会, 签约仪式), longest first: a meeting is
 * found, named and told from another by its head.
 */
export const MEETING_HEADS: readonly string[] = [
  '交流座谈会', '工作座谈会', '座谈会', '交流会', '总结会', '推介会', '对接会', '恳谈会', '研讨会', '洽谈会', '见面会', '签约仪式',
  '签约会', '联席会议', '工作会议', '推进会', '报告会', '动员会', '反馈会', '部署会', '汇报会', '通报会', '启动会', '调度会', '大会', '论坛',
];

/** Verbs a change of a figure is written with, by direction (增加41万元, 下降12%): 多了多少 asks the number after them. */
export const CHANGE_VERBS = {
  up: ['增加', '增长', '提高', '提升', '上升', '增收', '扩大'],
  down: ['减少', '下降', '降低', '缩短', '压缩', '下滑'],
} as const;

/**
 * Words that set the time frame of a figure or an event (今年, 累计, 上半年, 这次): "累计呢？" after a question framed
 * by 今年1至9月 asks the same with this frame instead.
 */
export const TIME_FRAME_WORDS: readonly string[] = [
  '今年以来', '今年', '本年度', '去年', '上年', '前年', '明年', '累计', '全年', '上半年', '下半年', '前三季度', '一季度',
  '二季度', '三季度', '四季度', '目前', '现在', '这次', '此次', '本次', '那次', '上次',
];

/**
 * Stages a project passes (签约 → 开工 → 投产): 开工了几个 asks projects at one stage, which a count of another stage
 * (签约项目7个) does not answer.
 */
/** Adverbs of totalling (一共, 合计): they end a counted noun (4个代表团一共… counts 代表团). */
export const TOTAL_ADVERBS: readonly string[] = ['一共', '总共', '共计', '合计', '总计', '累计'];
export const PROJECT_STAGES: readonly string[] = ['开工', '投产', '竣工', '完工', '建成', '落地', '开业', '运营'];

/** Activities the segmenter may tag as nouns (座谈, 交流): they end a counted noun (几家企业座谈了 counts 企业). */
export const ACTIVITY_WORDS: readonly string[] = ['座谈', '交流', '洽谈', '对接', '签约', '调研', '考察', '观摩', '座谈交流'];

/** Parts of a day written after a date or 当天 (8月9日晚上, 次日上午); the evening words name one part. */
export const DAY_PARTS: readonly string[] = ['上午', '中午', '下午', '晚上', '晚间', '当晚', '早上', '清晨', '傍晚', '凌晨', '夜间', '午后', '晚'];
const EVENING_PARTS: readonly string[] = ['晚上', '晚间', '当晚', '夜间', '晚'];

/** Whether two parts of a day are the same part (晚上 ≈ 当晚). */
export function sameDayPart(a: string | null, b: string | null): boolean {
  return a === b || (!!a && !!b && EVENING_PARTS.includes(a) && EVENING_PARTS.includes(b));
}

/**
 * Words that say when a figure holds: planned (明年将安排, 计划), cumulative (累计, 近三年, 十八大以来), current (目前有),
 * this year (今年, 今年以来), last year (去年). Two figures of one kind in different frames fill different slots.
 */
export const FIGURE_FRAMES = {
  plan: /明年|计划|将要|(?<!即)将(?!近)|拟|预计|今后|未来|再(?!次|度)/,
  // (2024年以来 may be this year or several: only 累计, 近三年, 历年, 至今 say it is several.)
  cumulative: /累计|(?<!今年|本年|年初|\d年|月)以来|近[一二两三四五六七八九十\d]+年|历年|至今/,
  current: /目前|现有|现在|如今/,
  year: /今年|本年度|当年/,
  lastYear: /去年|上年度|上一年/,
  // Done already (已开展12期): never the same figure as a planned one (计划开展20期).
  done: /已经|已/,
} as const;

/**
 * Nouns naming a travelling group, by family: any noun of a family names the same kind of group (代表团 = 考察团),
 * teams sent to inspect or survey, and training classes. Questions, claims, answers and tour cards read groups with
 * these words.
 */
export const GROUP_NOUNS = {
  delegation: ['代表团', '考察团', '观摩团', '访问团', '学习团', '考察组', '参访团', '调研团'],
  team: ['督查组', '督导组', '调研组', '工作组', '巡视组', '检查组'],
  training: ['培训班', '提升班', '研修班', '学习班', '专题班', '进修班'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/**
 * 团 alone as a delegation (常德团, 江西那个团), as a regular-expression source: not in 集团, 青团, 社团, 乐团, 剧团, nor
 * opening 团结, 团队, 团体, 团购, 团聚.
 */
export const LONE_GROUP_CHAR = '(?<![集青社乐剧])团(?![结队体购聚])';

/** Delegation and team nouns as a regular-expression alternation (代表团|考察团|…|督查组|…). */
export const GROUP_NOUN_ALTERNATION = [...GROUP_NOUNS.delegation, ...GROUP_NOUNS.team].join('|');

/** 我市, 本县: a local paper's words for its own place. */
export const OWN_PLACE = /[我本](?:省|市|县|区|州)/;
/** 全市, 全县: the whole of a place, as its own paper or officials say it. */
export const WHOLE_PLACE = /全(?:省|市|县|区|州)/;

/** Interrogatives and fillers: they say nothing about the subject matter of a question. */
export const QUESTION_FILLERS: readonly string[] = [
  '什么时候', '为什么', '为何', '为啥', '怎么样', '怎么', '怎样', '如何', '哪些', '哪几', '哪个', '哪位', '哪两位', '哪里',
  '哪儿', '哪家', '哪座', '哪所', '哪天', '哪一天', '哪年', '几号', '多少', '第几', '什么', '请问', '一共', '总共', '大概',
  '大约', '到底', '究竟', '是谁', '谁', '哪', '几', '吗', '呢', '吧', '啊', '呀',
];

/**
 * Function words and interrogatives: frequent in questions (谁, 什么, 哪些) or everywhere (的, 了), they only add
 * noise to BM25. Two-character entries also suppress the matching bigram.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  '的', '地', '得', '了', '着', '过', '和', '与', '及', '或', '是', '在', '等', '也', '都', '就', '而', '并', '之', '其',
  '这', '那', '此', '该', '被', '把', '对', '从', '向', '于', '以', '为', '呢', '吗', '吧', '啊', '呀', '哪', '谁', '什么',
  '怎么', '怎样', '如何', '哪些', '哪里', '哪个', '哪儿', '多少', '为什么', '为何', '是否', '请问', '一共', '总共', '分别',
  '有', '个', '几', '次', '些', '去', '到', '了吗',
]);

/** Claim and question words that are never facts to confirm (双方 agreed, 有关 departments, 此次 visit). */
export const NON_FACT_WORDS: ReadonlySet<string> = new Set([
  '双方', '有关', '此次', '这次', '本次', '期间', '此行', '相关', '其中', '一行', '一道', '共同', '进一步', '积极', '进行',
  '开展', '表示', '认为', '先后', '分别', '一同', '当天', '随后', '同时', '以及', '还', '也', '都', '并', '等', '地方',
  '两地', '各地', '方面', '工作', '活动', '情况', '问题', '共有', '共计', '合计', '总计', '累计', '其间', '过程',
  '已有', '已经', '领导', '覆盖', '涵盖', '涉及', '包括', '包含', '据统计', '据了解', '据介绍', '据悉', '两省', '两市', '两县', '两区', '历时', '为期', '历经', '用时',
  // Framing: who reported it, or how the sentence is put (据…报道, 专门去, 开始对口支援, 由…担任).
  '报道', '据报道', '报导', '专门', '特地', '开始', '担任', '计划', '打算', '准备', '身份', '放在',
  // How much a figure weighs (楼宇经济贡献的税收): the figure is the fact.
  '贡献', '带来', '实现',
  // What a sum is (金额, 数额): the number with its measure is the fact. (Not 人数: 人数最少 compares the groups.)
  '金额', '数额',
  // The span a duration is (用4天时间走访): the number of days is the fact.
  '时间',
  // Pointing at the trip (这趟苏南之行): the trip is the claim's subject, not a fact of it.
  '这趟', '那趟', '此趟', '之行',
]);

/** Generic nouns tagged as places by the segmenter that name no particular place. */
export const GENERIC_PLACES: ReadonlySet<string> = new Set([
  '城市', '大城市', '地方', '省份', '地区', '国家', '全国', '全省', '全市', '全县', '全区', '当地', '沿海', '基层', '外省', '本地', '两省', '三省',
  '自治区', '自治州', '市区', '城区', '县区', '县市', '地级市', '省会城市', '经济区', '新区', '园区', '社区', '景区', '片区', '功能区',
  '省外', '省内', '市州', '县市区', '各地', '两地', '异地', '中西部', '东部', '西部', '中部', '保税区', '高新区', '开发区', '经开区',
  '自贸区', '试验区', '综试区', '核心区', '先行区', '集聚区', '承载区', '先导区', '引领区', '示范区', '主城区', '老城区', '新城区', '辖区',
]);

/** Heads of institution names: a site visited ends like this (纪念馆, 运行中心, 有限公司, 示范园…). */
export const SITE_HEADS: readonly string[] = [
  '有限公司', '股份公司', '公司', '集团', '中心', '基地', '产业园', '科技园', '工业园', '园区', '示范区', '合作区', '开发区',
  '新区', '实验室', '研究院', '研究所', '博物馆', '纪念馆', '展览馆', '规划馆', '展示馆', '展厅', '体验馆', '学院', '大学',
  '医院', '学校', '工厂', '车间', '码头', '港', '社区', '街道', '村', '小镇', '古镇', '景区', '公园', '广场', '大厦', '馆',
  '园', '厂', '站', '场', '所', '项目', '工程', '平台', '中学', '小学', '街区', '农场', '合作社', '协会', '商会', '书院',
  '旧址', '遗址', '会址', '故居', '示范点', '小镇', '家庭农场', '景点', '展厅', '银行', '生产线', '总部', '产业带',
];

/** Words that qualify a kind without naming an item of it (重点企业, 龙头企业, 相关部门 name no enterprise or office). */
export const GENERIC_QUALIFIERS: readonly string[] = [
  '', '重点', '龙头', '骨干', '相关', '有关', '各类', '各', '部分', '一批', '优质', '知名', '大型', '中小', '中小型', '民营', '国有',
  '外资', '本地', '当地', '规上', '规模以上', '高新技术', '科技型', '领军', '头部', '链主', '配套', '合作', '帮扶', '示范', '全部', '其他', '其余',
];

/** How a news outlet's name ends (洛阳日报, 张家口新闻网, 建德融媒体中心). */
export const OUTLET_SUFFIXES: readonly string[] = ['日报', '晚报', '都市报', '晨报', '新闻网', '融媒体中心', '广播电视台', '电视台', '人民政府网', '政府网'];

/** National news agencies and outlets, named whole (their datelines append a city: 新华社北京3月5日电). */
export const NEWS_AGENCIES: readonly string[] = ['新华社', '中新社', '中新网', '人民网', '央视网', '央广网', '人民日报', '新华网', '光明日报', '经济日报'];

/**
 * Kinds of signed documents, by family: a 框架协议 is a kind of 协议, a 备忘录 is not one (a draft naming the
 * report's 合作备忘录 a 合作框架协议 misstates it). Longest first within the reading.
 */
export const DOCUMENT_KIND_FAMILIES: ReadonlyArray<readonly string[]> = [
  ['框架协议', '协议书', '协议', '协定'],
  ['备忘录'],
  ['意向书'],
  ['行动计划', '实施方案', '工作方案'],
  ['合同'],
];

/** Words that put a sentence in an earlier event the report recalls (时任市长…, 当时在…召开的座谈会). */
export const RECALL_MARKERS: readonly string[] = ['时任', '当时', '彼时'];

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An office at the start of a text (省委常委、…, 秘书长周一鸣, 县长王某率…): the text names a person or a post. */
const TITLE_OPENING = new RegExp(`^[\u3400-\u9fff]{0,4}?(?:${[...TITLES].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})`);

/** Whether a text opens with an office (after at most a place of four characters): it is no site or list item. */
export function opensWithTitle(text: string): boolean {
  return TITLE_OPENING.test(text);
}

type Converter = (text: string) => string;
let toSimplified: Converter | null = null;
const foldCache = new Map<string, string>();

/** opencc-js's Traditional (Taiwan/Hong Kong) → Simplified converter, loaded on first use. */
function converter(): Converter {
  if (!toSimplified) {
    const require = createRequire(import.meta.url);
    const OpenCC = require('opencc-js') as { Converter(options: { from: string; to: string }): Converter };
    const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' });
    toSimplified = (text) => fromHongKong(fromTaiwan(text));
  }
  return toSimplified;
}

const HAN_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/u;
/** Characters that are already standard simplified forms but that OpenCC's tables map on (么 → 幺, 著 → 着). */
const NOT_FOLDED = new Set([...'么著']);

/**
 * Folds traditional characters to simplified ones, one character at a time, so the result has exactly the
 * same length and offsets as the input (a quote found in the folded text is cut from the original). Phrase-level
 * conversion is not needed for matching: both sides of every comparison are folded the same way.
 */
export function foldScript(text: string): string {
  let out = '';
  for (const ch of text) {
    if (!HAN_CHAR.test(ch) || NOT_FOLDED.has(ch)) {
      out += ch;
      continue;
    }
    let folded = foldCache.get(ch);
    if (folded === undefined) {
      const converted = converter()(ch);
      folded = [...converted].length === 1 && converted.length === ch.length ? converted : ch;
      foldCache.set(ch, folded);
    }
    out += folded;
  }
  return out;
}

/** Whether a text looks written in traditional characters (folding changes a noticeable share of it). */
export function isTraditional(text: string): boolean {
  const sample = text.slice(0, 2000);
  const folded = foldScript(sample);
  let changed = 0;
  for (let i = 0; i < sample.length; i += 1) if (sample[i] !== folded[i]) changed += 1;
  return changed >= Math.max(3, sample.length * 0.02);
}

const SYNONYMS_OF: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const group of SYNONYM_GROUPS) {
    for (const word of group) map.set(word, [...new Set([...(map.get(word) ?? []), ...group.filter((w) => w !== word)])]);
  }
  return map;
})();

/** The domain synonyms of a word (率领 → 带领, 带队…), without the word itself; [] when it has none. */
export function synonymsOf(word: string): readonly string[] {
  return SYNONYMS_OF.get(word) ?? [];
}

/** The canonical member of a word's synonym group (带队 → 率领), or the word itself. */
export function canonicalWord(word: string): string {
  for (const group of SYNONYM_GROUPS) if (group.includes(word)) return group[0]!;
  return word;
}

/** The group a measure word counts in (座 → the 个 group); a measure word alone when it has no group. */
export function measureGroup(measure: string): readonly string[] {
  return MEASURE_GROUPS.find((group) => group.includes(measure)) ?? [measure];
}

/** Whether two measure words count the same kind of thing (5座城市 ≈ 5个城市; 120人 ≈ 120名). */
export function measuresCompatible(a: string, b: string): boolean {
  return a === b || measureGroup(a).includes(b);
}

const PROVINCE_BY_NAME: ReadonlyMap<string, Province> = new Map(
  PROVINCES.flatMap((p) => [[p.name, p] as const, [p.common, p] as const]),
);
const PROVINCE_BY_ABBREVIATION: ReadonlyMap<string, Province> = new Map(
  PROVINCES.flatMap((p) => p.abbreviations.map((a) => [a, p] as const)),
);

/** The province a name or common name denotes (湖南省, 湖南), or undefined. */
export function provinceOf(name: string): Province | undefined {
  return PROVINCE_BY_NAME.get(name);
}

/** Drops one administrative suffix when at least two characters remain (郴州市 → 郴州, 湖南省 → 湖南). */
export function stripAdminSuffix(place: string): string {
  const province = PROVINCE_BY_NAME.get(place);
  if (province) return province.common;
  for (const suffix of ADMIN_SUFFIXES) {
    if (place.endsWith(suffix) && place.length - suffix.length >= 2) return place.slice(0, -suffix.length);
  }
  return place;
}

/**
 * Provinces named by a run of one-character abbreviations (粤赣鄂 → 广东, 江西, 湖北) or a regional group
 * (长三角). Null unless every character of the run is a province abbreviation.
 */
export function expandRegionAlias(text: string): string[] | null {
  if (REGION_GROUPS[text]) return [...REGION_GROUPS[text]!];
  const chars = [...text];
  if (chars.length < 2 || chars.length > 4) return null;
  // 辽宁 is one province, not 辽 + 宁 (辽宁、宁夏).
  if (PROVINCE_BY_NAME.has(text)) return null;
  const provinces = chars.map((ch) => PROVINCE_BY_ABBREVIATION.get(ch));
  return provinces.every(Boolean) ? provinces.map((p) => p!.common) : null;
}

/**
 * The spellings under which a place may appear in an article, most specific first: 湖南省 → 湖南省, 湖南;
 * 郴州市 → 郴州市, 郴州; 粤赣鄂 → 粤赣鄂, 广东, 江西, 湖北.
 */
export function placeVariants(place: string): string[] {
  const folded = foldScript(place);
  const variants = [folded];
  const short = stripAdminSuffix(folded);
  if (short !== folded) variants.push(short);
  const province = PROVINCE_BY_NAME.get(folded) ?? PROVINCE_BY_NAME.get(short);
  if (province) variants.push(province.name, province.common);
  for (const member of expandRegionAlias(short) ?? []) variants.push(member);
  return [...new Set(variants)];
}

const ABBREVIATED_MENTION = new Map<string, RegExp>();

/**
 * Whether a text names a province by its one-character abbreviation after a verb of going or staying (来陕学习,
 * 在陕期间, 赴皖考察, 抵渝后): news write a visited province that way. Only where the next word is no part of a name
 * (在宁波 is no mention of 宁夏). Pure.
 */
export function namesProvinceByAbbreviation(text: string, place: string): boolean {
  const province = PROVINCE_BY_NAME.get(foldScript(place)) ?? PROVINCE_BY_NAME.get(stripAdminSuffix(foldScript(place)));
  if (!province) return false;
  let pattern = ABBREVIATED_MENTION.get(province.name);
  if (!pattern) {
    const abbreviations = province.abbreviations.map(escapeRegExp).join('|');
    pattern = new RegExp(`(?:来|赴|在|抵|到|入|离|返|访|驻|进)(?:${abbreviations})(?=期间|后|前|时|以来|考察|学习|调研|访问|参观|开展|工作|交流|洽谈|对接|招商|[，。、；,;的])`);
    ABBREVIATED_MENTION.set(province.name, pattern);
  }
  return pattern.test(text);
}

/** Administrative level of a place or body by its suffix (湖南省 → province, 郴州市 → city), or null. */
export function levelOf(place: string): 'province' | 'city' | 'county' | 'district' | null {
  const found = LEVEL_BY_SUFFIX.find(([pattern]) => pattern.test(place));
  if (found) return found[1];
  return PROVINCE_BY_NAME.has(place) ? 'province' : null;
}

/**
 * News outlets a text names (据河南日报报道, 重庆日报的说法, 新华社): an agency, or two to six characters standing
 * after the start or a joining word (据, 和, 、…) and ending like an outlet. Pure.
 */
export function outletsIn(text: string): Array<{ text: string; start: number; end: number }> {
  const found: Array<{ text: string; start: number; end: number }> = [];
  const suffix = OUTLET_SUFFIXES.map(escapeRegExp).join('|');
  const pattern = new RegExp(`${NEWS_AGENCIES.map(escapeRegExp).join('|')}|(?<=^|[据按照和与跟同及、，,：:“《\\s])(?![据按照])[\\u4e00-\\u9fa5]{2,6}?(?:${suffix})`, 'gu');
  for (const match of text.matchAll(pattern)) found.push({ text: match[0], start: match.index!, end: match.index! + match[0].length });
  return found;
}

/** Outlet names that start like a place but are national (人民日报, 中国青年报…). */
const NATIONAL_OUTLET = /^(?:人民|中国|光明|经济|法治|工人|农民|新华|科技|中青|北京青年)/;

/**
 * The place a local outlet is named after (洛阳 for 洛阳日报, 张家口 for 张家口市新闻网): what 我市/本市 in its
 * reports, and a title without a place (省委书记), refer to. Null for a national outlet or none. Pure.
 */
export function outletPlace(text: string): string | null {
  return outletPlaceIn([text]);
}

/**
 * The place of the first local outlet named in `texts` (a report's source field, then its opening lines, where a
 * page may say 报纸名称：张家口日报). Null when none names one.
 */
export function outletPlaceIn(texts: readonly string[]): string | null {
  const pattern = new RegExp(`([\\u3400-\\u9fff]{2,4}?)(?:市|省|县)?(?:${OUTLET_SUFFIXES.join('|')})`);
  for (const text of texts) {
    const match = pattern.exec(foldScript(text));
    if (match && !NATIONAL_OUTLET.test(match[1]!)) return stripAdminSuffix(match[1]!);
  }
  return null;
}
