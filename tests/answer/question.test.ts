import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseQuestion, quantityFocus, type QuestionAnalysis, type QuestionType } from '../../src/answer/index.ts';

describe('analyseQuestion: question type', () => {
  const cases: Array<[string, QuestionType]> = [
    // 谁 forms
    ['带队的领导是谁？', 'who'],
    ['哪位领导主持了座谈会？', 'who'],
    ['桃江县县长叫什么名字？', 'who'],
    ['哪些领导出席了总结会？', 'who'],
    // 何时 forms
    ['交流会何时召开？', 'when'],
    ['总结会是哪天开的？', 'when'],
    ['代表团几月出发的？', 'when'],
    ['培训班是什么时候办的？', 'when'],
    ['合作协议是几号签的？', 'when'],
    // 哪里 forms
    ['总结会在哪里召开？', 'where'],
    ['他们在什么地方签约？', 'where'],
    ['副省长去哪个市督导？', 'where'],
    ['考察团去了哪座城市？', 'where'],
    ['市委书记率队去了哪儿？', 'where'],
    // 多少 forms
    ['一共去了多少个考察点？', 'howMany'],
    ['培训班有几场现场教学？', 'howMany'],
    ['那里的锂矿储量大概有多少？', 'howMany'],
    ['义乌快递业务量排第几？', 'howMany'],
    ['调研持续了多久？', 'howMany'],
    // 哪些 forms (哪几 is a list, not a count)
    ['他们考察了哪些企业？', 'list'],
    ['培训班分成哪几组？', 'list'],
    ['代表团在江西去了哪几个市？', 'list'],
    ['三个省分别开了什么会？', 'list'],
    // 为什么 forms
    ['为什么要去江浙学习？', 'why'],
    ['为何选择广东？', 'why'],
    ['湖南为啥要组织这次培训？', 'why'],
    // 怎么 forms
    ['怎么落实学习成果？', 'how'],
    ['如何推动高质量发展？', 'how'],
    ['武陵区打算怎样优化营商环境？', 'how'],
    // everything else
    ['两市签了什么协议？', 'what'],
    ['市委书记上了什么节目？', 'what'],
  ];
  for (const [question, type] of cases) {
    test(`${question} → ${type}`, () => assert.equal(analyseQuestion(question).type, type));
  }
});

describe('analyseQuestion: measure, focus, comparative, places, people', () => {
  const cases: Array<[string, Partial<QuestionAnalysis>]> = [
    ['一共去了多少个考察点？', { measure: '个', focus: '考察点', comparative: false }],
    ['培训班有几场现场教学？', { measure: '场', focus: '现场教学' }],
    ['有多少名学员参加？', { measure: '名', focus: '学员' }],
    ['某市的锂矿储量大概有多少？', { measure: null, focus: '储量' }],
    ['江阴有几家上市企业？', { measure: '家', focus: '企业' }],
    // 这几年 / 近几天 count nothing asked: the measure is the asked one's.
    ['东川这几年累计投了多少帮扶资金？', { measure: null }],
    ['近几年两地一共签了几个项目？', { measure: '个', focus: '项目' }],
    ['前几天去的那个园区有多少家企业？', { measure: '家', focus: '企业' }],
    ['两市签了什么协议？', { focus: '协议', measure: null }],
    ['他们考察了哪些企业？', { focus: '企业' }],
    ['学习了哪几个方面？', { focus: '方面' }],
    ['带队的领导是谁？', { focus: null, measure: null, places: [], people: [], asksLeader: true }],
    ['两个代表团都去过哪里？', { comparative: true }],
    ['哪个省的考察点最多？', { comparative: true }],
    ['湖南与广东相比有什么不同？', { comparative: true, places: ['湖南', '广东'] }],
    ['三个省分别开了什么会？', { comparative: true }],
    // Which went first compares the two.
    ['东川、西岭两个代表团，哪个先到的北岭？', { comparative: true }],
    ['这两个考察团谁先出发的？', { comparative: true }],
    ['南山团和北岭团哪个团早到？', { comparative: true }],
    ['在江西一共看了几个点？', { scoped: ['江西'], focus: '点' }],
    ['在四川、贵州看了几个点？', { scoped: [] }],
    ['去四川贵州一共看了几个点？', { scoped: [] }],
    ['张家港那次考察了几个点？', { places: ['张家港'], people: [] }],
    // A short name right before 团 / 那个团 is the delegation's home, even where the segmenter reads a person.
    ['岳阳团一共看了几个点？', { home: '岳阳', people: [] }],
    ['临湘那个团是谁带队？', { home: '临湘', people: [] }],
    ['高规格代表团是谁带队？', { home: null }],
    // 某某那个县的代表团 is that county's, not a delegation of "个县".
    ['青石那个县的代表团谁带队？', { home: '青石' }],
    ['东川这个市的考察团去了哪？', { home: '东川' }],
    ['北岭那个区的党政代表团一共多少人？', { home: '北岭' }],
    // A name right after 在/去/到 is a place, whatever the segmenter tags it.
    ['督导组在吕梁走访了多少户？', { places: ['吕梁'], people: [], measure: '户' }],
    ['观摩团去张掖看了几个点？', { people: [] }],
    ['考察是几号到几号？', { asksSpan: true }],
    ['在杭州是哪两天？', { asksSpan: true, type: 'when' }],
    ['哪位省委书记讲了话？', { title: '省委书记' }],
    // A province's one-character abbreviation right before 团 is the delegation's home.
    ['那个晋团一共去了几个市？', { home: '山西', places: ['山西'] }],
    ['说闽团签了几个项目？', { home: '福建' }],
    ['湘团在广西看了几个点？', { home: '湖南' }],
    // An outlet's name is read apart: it is no place or name the evidence must hold.
    ['西岭日报说考察团看了几个点？', { outlets: ['西岭日报'], anchors: [], places: [] }],
    ['据东江晚报报道，代表团去了哪些地方？', { outlets: ['东江晚报'], places: [] }],
    ['重庆日报怎么说？', { outlets: ['重庆日报'], places: [] }],
    ['哪个领导会见的考察团？', { type: 'who' }],
    // 多少年轻干部 counts cadres, not years.
    ['准备选派多少年轻干部挂职？', { measure: null }],
    ['两地合作了多少年？', { measure: '年' }],
    // 多少项目 / 多少人员: the character after 多少 starts the counted noun; a run of nouns is counted whole.
    ['现场一共签了多少项目？', { measure: null, focus: '项目' }],
    ['来了多少人员？', { measure: null, focus: '人员' }],
    ['一共多少人参加？', { measure: '人' }],
    ['当地集聚了多少跨境电商人才？', { focus: '跨境电商人才' }],
    // After an action verb the counted thing is left unsaid (推介会上签了几个); 有/是 keep the noun before them.
    ['推介会上签了几个？', { focus: null }],
    ['考察点一共有几个？', { focus: '考察点' }],
    // 哪天 / 哪年 ask for a date's day / year; years named in the question are read.
    ['考察团是哪天到的？', { asksDay: true, asksYear: false }],
    ['两地是哪一年结对的？', { asksDay: false, asksYear: true }],
    ['2021年考察团去了哪里？', { years: ['2021'] }],
    // An unknown name with an administrative suffix after 在/到/去 is a place; 去了几个市 is no name.
    ['东川在青石县安排了几个项目？', { places: ['东川', '青石县'] }],
    ['考察团到这个区看了几个点？', { places: [] }],
  ];
  for (const [question, expected] of cases) {
    test(`${question} → ${JSON.stringify(expected)}`, () => {
      const analysis = analyseQuestion(question);
      const actual = Object.fromEntries(Object.keys(expected).map((key) => [key, analysis[key as keyof QuestionAnalysis]]));
      assert.deepEqual(actual, expected);
    });
  }

  test('traditional characters are read like simplified ones', () => {
    const traditional = analyseQuestion('代表團一共考察了多少個點？');
    const simplified = analyseQuestion('代表团一共考察了多少个点？');
    assert.deepEqual({ ...traditional, folded: '' }, { ...simplified, folded: '' });
  });

  test('content drops interrogatives and fillers but keeps the subject matter', () => {
    const { content } = analyseQuestion('请问某市党政考察团一共去了多少个考察点？');
    assert.ok(!/请问|一共|多少|？/.test(content), content);
    assert.match(content, /党政考察团/);
    assert.match(content, /考察点/);
  });

  test('empty input is a plain "what" with nothing required', () => {
    const analysis = analyseQuestion('   ');
    assert.equal(analysis.type, 'what');
    assert.equal(analysis.content, '');
    assert.deepEqual([analysis.places, analysis.people, analysis.scoped, analysis.ordinals], [[], [], [], []]);
    assert.equal(analysis.focus, null);
  });

  test('quantityFocus: the noun after 多少/几, else the last noun before it, else null', () => {
    assert.equal(quantityFocus('一共看了多少个考察点？'), '考察点');
    assert.equal(quantityFocus('那里的锂矿储量大概有多少？'), '储量');
    assert.equal(quantityFocus('没有数量词的问题'), null);
  });
});

/**
 * Reported analysis quirks that let wrong sentences through or block right ones; these assert the intended
 * behaviour and are marked todo until fixed.
 */
describe('analyseQuestion: known gaps', () => {
  test('多少万元 is a quantity with a measure (or a focus), so any number cannot answer it', () => {
    const analysis = analyseQuestion('郴州考察团此行的预算是多少万元？');
    assert.ok(analysis.measure !== null || analysis.focus !== null, JSON.stringify(analysis));
  });
  test('多少钱 is not a person', () => {
    assert.deepEqual(analyseQuestion('郴州考察团此行花了多少钱？').people, []);
  });
  test('哪几个城市 asks for cities the way 哪几个市 does', () => {
    const cities = analyseQuestion('代表团在江西去了哪几个城市？');
    const shortForm = analyseQuestion('代表团在江西去了哪几个市？');
    assert.equal(cities.focus, shortForm.focus);
  });
});

describe('analyseQuestion: days said with 号, names of things, delegations named by their trip', () => {
  test('17号上午 reads as 17日上午; 3号楼 and 1号线 stay', () => {
    assert.match(analyseQuestion('代表团17号上午看了哪些地方？').folded, /17日上午/);
    assert.match(analyseQuestion('23号去了哪？').folded, /23日/);
    assert.match(analyseQuestion('3号楼在哪里？').folded, /3号楼/);
    assert.match(analyseQuestion('坐1号线去的吗？').folded, /1号线/);
  });
  test('那两个村叫什么名字 asks for villages, not for a person', () => {
    const village = analyseQuestion('调研组抽查的那两个村叫什么名字？');
    assert.equal(village.type, 'list');
    assert.equal(village.focus, '村');
    assert.equal(analyseQuestion('那家企业叫什么名字？').focus, '企业');
    assert.equal(analyseQuestion('市委书记叫什么名字？').type, 'who');
  });
  test('X去Y的代表团: X is the home, and Y scopes nothing inside the trip', () => {
    const trip = analyseQuestion('牡丹江去鄂尔多斯的代表团有多少人？');
    assert.equal(trip.home, '牡丹江');
    assert.deepEqual(trip.scoped, []);
    assert.deepEqual(analyseQuestion('牡丹江考察团去呼伦贝尔那次，第二天看了什么？').scoped, []);
    assert.deepEqual(analyseQuestion('代表团在呼伦贝尔看了几个点？').scoped, ['呼伦贝尔']);
  });
  test('words before the trip do not join its home (9月牡丹江去厦门的代表团)', () => {
    assert.equal(analyseQuestion('2022年10月牡丹江去厦门的代表团是谁带队？').home, '牡丹江');
  });
  test('a home the gazetteer knows is taken whole (呼伦贝尔市党政代表团)', () => {
    assert.equal(analyseQuestion('呼伦贝尔市党政代表团多少人？').home, '呼伦贝尔');
  });
  test('an activity after the counted noun is not part of it (几家企业座谈了)', () => {
    assert.equal(analyseQuestion('代表团跟几家企业座谈了？').focus, '企业');
  });
});

describe('analyseQuestion: two titles asked together', () => {
  test('组长和副组长分别是谁 filters no one by title; one title still does', () => {
    assert.equal(analyseQuestion('调研组的组长和副组长分别是谁？').title, null);
    assert.equal(analyseQuestion('市委书记、市长分别是谁？').title, null);
    assert.equal(analyseQuestion('哪位市委书记出席了？').title, '市委书记');
  });
});

describe('analyseQuestion: kinds asked together', () => {
  const cases: Array<[string, string[]]> = [
    ['代表团都去了哪些企业和园区？', ['园区']],
    ['那天看了哪几家企业、学校和医院？', ['学校', '医院']],
    ['参观了哪些地方及企业？', ['企业']],
    ['考察了哪些企业？', []],
    ['签了什么协议？', []],
  ];
  for (const [question, kinds] of cases) test(`${question} → ${kinds.join('、') || '∅'}`, () => assert.deepEqual(analyseQuestion(question).alsoKinds, kinds));
});

describe('analyseQuestion: the thing a when-question dates, and what happened to it', () => {
  const cases: Array<[string, string | null, string | null]> = [
    ['青川驻南山劳务工作站是哪一年设立的？', '工作站', '设立'],
    ['白河绿色食品展销中心是什么时候开张的？', '中心', '开张'],
    ['两市合作协议是哪天签的？', '合作协议', '签'],
    ['南山市党政代表团是什么时候去的青川？', null, '去'],
    ['他们是哪天出发的？', null, '出发'],
    ['青川与南山是哪一年正式建立合作关系的？', null, '建立'],
    ['两市是哪年结成友好城市的？', null, '结成'],
    ['考察团是几月份去的？', null, '去'],
    // A meeting of the trip is the thing dated, whoever held it: by its act (反馈 of 反馈会, 向县委反馈…).
    ['督导组在青石的反馈会是哪天开的？', '反馈', null],
    ['巡察组的动员会是哪一天召开的？', '动员', null],
    ['第二督查组在北岭的见面会什么时候开的？', '见面', null],
  ];
  for (const [question, thing, event] of cases) {
    test(`${question} → ${thing} / ${event}`, () => {
      const analysis = analyseQuestion(question);
      assert.equal(analysis.datedThing, thing);
      assert.equal(analysis.datedEvent, event);
    });
  }
});

describe('analyseQuestion: the head of a compound kind', () => {
  const cases: Array<[string, string]> = [
    ['参观了哪两处革命旧址？', '旧址'],
    ['去了哪些现代农业园区？', '园区'],
    ['看了哪几家科技企业？', '企业'],
    ['去了哪两个地方考察学习？', '地方'],
  ];
  for (const [question, focus] of cases) test(`${question} → ${focus}`, () => assert.equal(analyseQuestion(question).focus, focus));
});

describe('a delegation named by its leader (X带的代表团)', () => {
  test('the verb of leading is no part of the name the evidence must hold', () => {
    for (const question of ['权立昌带的代表团有多少人？', '郝丽琴率的考察团去了哪两个市？', '顾承海领的那个团签了多少钱？']) {
      const anchors = analyseQuestion(question).anchors;
      assert.ok(anchors.every((a) => !/[带率领]$/.test(a)), `${question}: ${anchors.join('、')}`);
    }
  });
});
