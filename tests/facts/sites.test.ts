import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFacts, matchView, sitesInSentence } from '../../src/facts/index.ts';

const sites = (sentence: string, cue = true) => sitesInSentence(matchView(sentence), extractFacts(sentence), cue).map((s) => sentence.slice(s.start, s.end));

test('sites listed after a visiting verb, with unheaded names carried by their headed neighbours', () => {
  const cases: Array<[string, string[]]> = [
    ['代表团参观了星海电子有限公司、云帆物流、滨江科创中心和老街历史文化街区。', ['星海电子有限公司', '云帆物流', '滨江科创中心', '老街历史文化街区']],
    ['考察团先后走访了南湖村、北坡茶厂，以及东山镇的青梅合作社。', ['南湖村', '北坡茶厂', '青梅合作社']],
    ['一行人实地察看了城东污水净化中心和江北湿地公园，了解治水做法。', ['城东污水净化中心', '江北湿地公园']],
  ];
  for (const [sentence, want] of cases) assert.deepEqual(sites(sentence), want, sentence);
});

test('a colon list (with commas) and a bare list before 等N个点', () => {
  const cases: Array<[string, string[]]> = [
    ['考察团依次到了这些地方：清河规划展览馆，远山机器人有限公司，红岭村，以及港口物流园。', ['清河规划展览馆', '远山机器人有限公司', '红岭村', '港口物流园']],
    ['包括海湾实验室、星光剧院、滨海新区规划馆等8个点。', ['海湾实验室', '星光剧院', '滨海新区规划馆']],
    ['既有蓝鲸科技、飞鸟汽车等科技企业，也有东门商贸城等集散地。', ['蓝鲸科技', '飞鸟汽车', '东门商贸城']],
  ];
  for (const [sentence, want] of cases) assert.deepEqual(sites(sentence), want, sentence);
});

test('no sites from descriptions, places alone or lists of topics', () => {
  const cases: string[] = [
    '考察团考察了产业发展、城市建设和乡村振兴等情况。',
    '代表团来到浙江省台州市考察学习。',
    '代表团走进一些企业和相关项目，了解发展情况。',
    // People and their offices are no sites, whatever follows them.
    '县委副书记、县长王立新率东川县党政代表团来我县考察协作工作。',
    '省委常委、秘书长周一鸣，副省长王立、陈平等参加考察。',
  ];
  for (const sentence of cases) assert.deepEqual(sites(sentence), [], sentence);
});

test('an item holding a person or opening with an office is no site', () => {
  assert.deepEqual(sites('代表团先后考察了南湖村、县委书记王立新联系的东坡村和北岭茶厂。'), ['南湖村', '北岭茶厂']);
  assert.deepEqual(sites('考察团走访了西山茶厂、副县长陈平分管的东湖湿地公园和北坡村。'), ['西山茶厂', '北坡村']);
});

test('a place name that ends like a site is a site (深入苏州工业园区、无锡高新区等地)', () => {
  const cases: Array<[string, string[]]> = [
    ['考察团深入江宁开发区、溧水产业新城等地，察看重点项目。', ['江宁开发区', '溧水产业新城']],
    ['代表团先后来到余村、鲁家村和竹博园。', ['余村', '鲁家村', '竹博园']],
    ['一行人走进企业和园区，了解营商环境。', []],
  ];
  for (const [sentence, want] of cases) assert.deepEqual(sites(sentence), want, sentence);
});

test('the last two items joined by 和 are two sites when either ends like a site', () => {
  const cases: Array<[string, string[]]> = [
    ['考察团参观了寿光蔬菜高科技示范园、农圣网和三元朱村。', ['寿光蔬菜高科技示范园', '农圣网', '三元朱村']],
    ['代表团考察了东湖实验室和光谷科技会展中心。', ['东湖实验室', '光谷科技会展中心']],
    ['一行人参观了和美乡村展示馆。', ['和美乡村展示馆']],
  ];
  for (const [sentence, want] of cases) assert.deepEqual(sites(sentence), want, sentence);
});

test('与 inside a name does not split it', () => {
  const cases: Array<[string, string[]]> = [
    ['包括光谷实验室、国家新能源与智能网联示范区等5个点。', ['光谷实验室', '国家新能源与智能网联示范区']],
    ['代表团考察了城市规划与建设展示馆。', ['城市规划与建设展示馆']],
    ['一行人参观了文化与旅游融合示范园和渔港码头。', ['文化与旅游融合示范园', '渔港码头']],
  ];
  for (const [sentence, want] of cases) assert.deepEqual(sites(sentence), want, sentence);
});

test('counties and districts gone through, and counts of places, are no sites', () => {
  const cases: Array<[string, string[]]> = [
    ['督导组深入广丰区、玉山县、婺源县的12个村，实地察看了玉山县三清生态茶园和广丰区芦林田园综合体。', ['玉山县三清生态茶园', '广丰区芦林田园综合体']],
    ['调研组走进上栗县、芦溪区的8个社区，察看了芦溪区城南养老服务中心。', ['芦溪区城南养老服务中心']],
    ['考察团先后来到桐庐县、建德市的十余个乡村，参观了桐庐县江南时光民宿。', ['桐庐县江南时光民宿']],
  ];
  for (const [sentence, want] of cases) assert.deepEqual(sites(sentence), want, sentence);
});
