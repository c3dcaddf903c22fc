/**
 * Table tests for the answerer's scored rules (src/answer/features.ts): each rule with reworded questions written
 * for these tests, never copied from an evaluation set.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseQuestion } from '../../src/answer/index.ts';
import { placesWithin } from '../../src/text/index.ts';
import { askedItemKind, askedOwner, askedRole, countsAnotherSet, headedFor, holdsTitle, homeMatch, totalCount, mentionsAlone, nounsMatch, quantityAnswers, slotFacts } from '../../src/answer/features.ts';
import { extractFacts, matchView, type PersonFact, type QuantityFact } from '../../src/facts/index.ts';

/** The facts that fill a question's slot in one sentence, as written. */
const fill = (question: string, sentence: string) => slotFacts(extractFacts(sentence), analyseQuestion(question), matchView(sentence), sentence).map((f) => f.text);

describe('askedRole: the act a who-question asks about', () => {
  const cases: Array<[string, ReturnType<typeof askedRole>]> = [
    ['这次是谁带队的？', 'lead'], ['代表团由哪位领导率领？', 'lead'], ['谁率队去的？', 'lead'],
    ['协议是谁签的字？', 'sign'], ['哪两位领导签署了协议？', 'sign'], ['合同由谁代表市政府签订？', 'sign'],
    ['座谈会是谁主持的？', 'chair'], ['哪位领导主持了会议？', 'chair'], ['总结会由谁主持召开？', 'chair'],
    ['当地哪位领导陪同考察？', 'accompany'], ['谁会见了代表团？', 'meet'], ['座谈会上谁讲了话？', 'speak'],
    ['考察了哪些企业？', null],
  ];
  for (const [question, role] of cases) test(`${question} → ${role}`, () => assert.equal(askedRole(analyseQuestion(question)), role));
});

describe('askedItemKind: what kind of item answers a list/where question', () => {
  const cases: Array<[string, ReturnType<typeof askedItemKind>]> = [
    ['代表团去了哪几个市？', 'place'], ['他们到过哪几座城市？', 'place'], ['考察团去了哪些省份？', 'place'],
    ['参观了哪些企业？', 'org'], ['看了哪几家公司？', 'org'], ['走访了哪些产业园？', 'org'],
    ['分别开了什么会？', 'meeting'], ['签了哪些协议？', 'document'], ['学习了哪几个方面？', 'any'],
    ['在哪些领域合作？', 'any'], ['都去了哪些地方？', 'any'],
  ];
  for (const [question, kind] of cases) test(`${question} → ${kind}`, () => assert.equal(askedItemKind(analyseQuestion(question)), kind));
});

describe('quantityAnswers: measure word and counted noun', () => {
  const quantity = (sentence: string, text: string) => extractFacts(sentence).find((f): f is QuantityFact => f.kind === 'quantity' && f.text === text)!;
  const cases: Array<[question: string, sentence: string, span: string, answers: boolean]> = [
    ['考察团有多少名成员？', '考察团一行46人赴外地', '46人', true],
    ['一共去了多少个人？', '考察团一行46人赴外地', '46人', true],
    ['代表团有几位团员？', '代表团共有88名团员', '88名', true],
    ['跑了几座城市？', '走了5个城市', '5个', true],
    ['去了几个城市？', '先后到访5座城市', '5座', true],
    ['看了多少个点？', '考察了31个点', '31个', true],
    ['一共跑了多少公里？', '行程2600余公里', '2600余公里', true],
    ['考察团有多少人？', '共考察了31个考察点', '31个', false],
    ['签了多少个项目？', '代表团一行46人赴外地', '46人', false],
    ['总投资多少亿元？', '代表团一行46人赴外地', '46人', false],
    // A specific measure word names its kind: 个 with another noun counts something else.
    ['一共有多少户？', '深入4个县入户走访', '4个', false],
    ['一共走访了多少户？', '走访了86户脱贫户', '86户', true],
    ['去了几家？', '考察了6个园区', '6个', false],
    ['考察了几家企业？', '考察了12个企业', '12个', true],
    // A duration is answered in its unit, whatever verb stands before 几; a count of anything else never answers it.
    ['工作组在当地督导了几天？', '派出6个督导组分赴各地', '6个', false],
    ['工作组在当地督导了几天？', '开展为期5天的专项督导', '5天', true],
    ['调研组驻点调研了几个月？', '驻点调研3个月', '3个月', true],
    ['考察团在北岭待了几天？', '考察团一行12人抵达北岭', '12人', false],
    // 多少钱: the asked "noun" is the measure itself.
    ['两县现场签了项目多少钱？', '双方企业现场签约项目4个，签约金额6.8亿元', '6.8亿元', true],
    ['两县现场签了项目多少钱？', '双方企业现场签约项目4个，签约金额6.8亿元', '4个', false],
    // Those who led are not how many went, unless the question asks about the leaders.
    ['考察团这次去了多少人？', '考察团由两位市领导带队', '两位', false],
    ['考察团一共多少人？', '此行由三人率领', '三人', false],
    ['这个团由几位领导带队？', '考察团由两位市领导带队', '两位', true],
    ['考察团这次去了多少人？', '考察团一行28人，由两位市领导带队', '28人', true],
    // The asked verb, when the sentence has it right before a number, leads to the answer (已开工19个, not 签约37个).
    ['到年底开工了多少个项目？', '签约合作项目37个，到年底已开工19个', '37个', false],
    ['到年底开工了多少个项目？', '签约合作项目37个，到年底已开工19个', '19个', true],
    ['已经投产了多少个项目？', '两地共签约项目20个，目前已投产8个', '20个', false],
    ['实训基地一共培训了多少人？', '考察团一行30人，实训基地已累计培训1200人', '30人', false],
    ['能力提升班去杏州一共去了多少人？', '参加此次考察学习的共有30余人', '30余人', true],
    ['研修班这次去了多少人？', '参加此次研修的共有42人', '42人', true],
    // 多少项目 counts 项目 (项 starts the noun); 多少电子商务人才 counts 人才.
    ['两地签了多少项目？', '现场签约项目9个，涉及企业12家', '9个', true],
    ['两地签了多少项目？', '现场签约项目9个，涉及企业12家', '12家', false],
    ['当地集聚了多少跨境电商人才？', '当地集聚了2万跨境电商人才', '2万', true],
    // A figure of another frame (累计 / 今年以来 / 明年 / 目前) fills another slot.
    ['北岭今年以来兑现了多少钱？', '北岭累计兑现奖补资金2.4亿元，其中今年以来兑现6000万元', '2.4亿元', false],
    ['北岭今年以来兑现了多少钱？', '北岭累计兑现奖补资金2.4亿元，其中今年以来兑现6000万元', '6000万元', true],
    ['明年安排多少钱的协作资金？', '近三年累计投入协作资金8600万元，明年将安排2800万元', '8600万元', false],
    ['明年安排多少钱的协作资金？', '近三年累计投入协作资金8600万元，明年将安排2800万元', '2800万元', true],
    ['园区目前有多少家企业？', '园区累计引进企业86家，目前在园企业64家', '86家', false],
    ['园区累计引进了多少家企业？', '园区累计引进企业86家，目前在园企业64家', '64家', false],
    ['展销馆去年卖了多少钱？', '展销馆今年前8个月销售农特产品640万元', '640万元', false],
    ['展销馆去年卖了多少钱？', '展销馆去年销售农特产品900万元，今年前8个月销售640万元', '900万元', true],
    // The noun right before a number is what it counts: 企业 earlier in the clause is not.
    ['基地入驻了多少家企业？', '两地企业现场签约合作项目14个', '14个', false],
    ['座谈会有多少名第一书记参加？', '安置区共安置搬迁群众1.2万人', '1.2万人', false],
    ['园区有多少家企业？', '园区现有规上企业120家', '120家', true],
    // 两省 before a noun counts provinces: it modifies the noun, it does not count it.
    ['两省签了多少个项目？', '两省签约合作项目32个，总金额800亿元', '两省', false],
    ['两省签了多少个项目？', '两省签约合作项目32个，总金额800亿元', '32个', true],
    ['两市签了几份协议？', '两市政府签署协议3份', '两市', false],
    ['这次一共去了几个省？', '两省考察历时5天', '两省', true],
  ];
  for (const [question, sentence, span, answers] of cases) {
    test(`${question} ← ${sentence}: ${answers}`, () => {
      const fact = quantity(sentence, span);
      assert.ok(fact, `${span} is a quantity of ${sentence}`);
      assert.equal(quantityAnswers(fact, analyseQuestion(question), matchView(sentence)), answers);
    });
  }
});

describe('askedOwner: whose people a who-question asks for', () => {
  const cases: Array<[string, string | null]> = [
    ['宁波方面是谁签的字？', '宁波'], ['宁波这边谁签的？', '宁波'], ['宁波市哪位领导会见了他们？', '宁波市'],
    ['来宁波是谁带队的？', null], ['到宁波是谁率领的？', null], ['代表团是谁带队的？', null],
    // A run of places after 去/赴 are all destinations, not a side.
    ['去山西陕西是谁带队？', null], ['赴山西、陕西的团谁率领的', null], ['到温州宁波考察是哪位领导带队', null],
  ];
  for (const [question, owner] of cases) test(`${question} → ${owner}`, () => assert.equal(askedOwner(analyseQuestion(question)), owner));

  test('in a local paper, a title naming no place is an office of the paper\'s own place', () => {
    const sentence = '省委常委、秘书长钱立新，副省长孙海燕等陪同考察。';
    const question = analyseQuestion('北岭这边是谁陪同的？');
    const people = (home: string | null) => slotFacts(extractFacts(sentence), question, matchView(sentence), sentence, home).map((p) => p.text);
    assert.deepEqual(people('北岭'), ['钱立新', '孙海燕']);
    assert.deepEqual(people('东川'), []);
    assert.deepEqual(people(null), []);
    // 我市市委书记X in the paper of 北岭 is 北岭's.
    const ours = '我市市委书记钱立新、市长孙海燕同考察团一行举行座谈。';
    assert.deepEqual(slotFacts(extractFacts(ours), question, matchView(ours), ours, '北岭').map((p) => p.text), ['钱立新', '孙海燕']);
  });

  test('an office named in the question gives its place as the side', () => {
    assert.equal(askedOwner(analyseQuestion('安徽省政协哪两位副主席到场了？')), '安徽省');
    assert.ok(['南湖', '南湖区'].includes(askedOwner(analyseQuestion('南湖区政府有哪些人陪同？')) ?? ''));
    assert.ok(['江西', '江西省'].includes(askedOwner(analyseQuestion('江西省委哪位领导会见了考察团？')) ?? ''));
  });

  test('a title naming no place, coordinated after a person of that side, is of that side too', () => {
    assert.deepEqual(fill('江西省哪两位领导会见了他们？', '江西省委书记周长青和省委副书记、省长马立在南昌会见了考察团。'), ['周长青', '马立']);
    assert.deepEqual(fill('安徽省政协哪两位副主席参加了？', '参加活动的有安徽省政协副主席王立群、郑书和江苏省政协副主席陆明等。'), ['王立群', '郑书']);
    // 和我市领导X names its own side: the inheritance stops there.
    assert.deepEqual(fill('南湖区有哪几位领导参加？', '南湖区领导孙一鸣、钱多和我市领导赵海、李江参加了活动。'), ['孙一鸣', '钱多']);
  });

  test('only people of that side fill the slot', () => {
    const sentence = '宁波市市长吴一凡与温州市市长郑丽代表两市签署协议';
    const question = analyseQuestion('宁波方面是谁签的字？');
    const persons = slotFacts(extractFacts(sentence), question, matchView(sentence), sentence);
    assert.deepEqual(persons.map((p) => p.text), ['吴一凡']);
  });
});

describe('who-questions with a title', () => {
  test('哪位省委书记 is answered by a 省委书记, not a 县委书记', () => {
    const sentence = '县委书记钱多多和省委书记马建国出席';
    const persons = slotFacts(extractFacts(sentence), analyseQuestion('哪位省委书记出席了？'), matchView(sentence), sentence);
    assert.deepEqual(persons.map((p) => p.text), ['马建国']);
  });
});

describe('holdsTitle: a title held in the chain or given by the sentence', () => {
  const holder = (sentence: string, name: string, title: string) => {
    const persons = extractFacts(sentence).filter((f) => f.kind === 'person') as PersonFact[];
    const view = matchView(sentence);
    const i = persons.findIndex((p) => p.name === name);
    assert.ok(i >= 0, `${name} is read as a person in ${sentence}`);
    return holdsTitle(persons[i]!, title, view, persons[i - 1]?.end ?? 0);
  };
  const cases: Array<[sentence: string, name: string, title: string, held: boolean]> = [
    ['调研组由省农业农村厅厅长范长河任组长', '范长河', '组长', true],
    ['组长由省审计厅副厅长邵明远担任', '邵明远', '组长', true],
    ['巡回指导组组长是省民政厅厅长杜晓岚', '杜晓岚', '巡回指导组组长', true],
    ['副组长、省水利厅副厅长欧阳青一同前往', '欧阳青', '组长', false],
    ['副组长、省水利厅副厅长欧阳青一同前往', '欧阳青', '副组长', true],
    ['县委书记钱多多和省委书记马建国出席', '钱多多', '省委书记', false],
    ['市长韩东升任考察团团长', '韩东升', '团长', true],
  ];
  for (const [sentence, name, title, held] of cases) test(`${sentence}: ${name} ${held ? 'holds' : 'does not hold'} ${title}`, () => assert.equal(holder(sentence, name, title), held));
});

describe('mentionsAlone: a scope names one place, a trip lists several', () => {
  const cases: Array<[string, string, boolean]> = [
    ['在四川，代表团考察了8个点', '四川', true],
    ['先后赴四川、重庆、贵州学习考察', '四川', false],
    ['四川和重庆两地', '四川', false],
    ['来到四川省成都市', '四川', true],
    // A visited province written by its abbreviation after a verb of going or staying.
    ['9月1日至3日，代表团来蜀学习考察', '四川', true],
    ['在黔期间，代表团走访了6个县', '贵州', true],
  ];
  for (const [text, place, alone] of cases) test(`${text} / ${place} → ${alone}`, () => assert.equal(mentionsAlone(text, place), alone));
});

describe('homeMatch: the article about the delegation a question names by its home', () => {
  test('the home right before a delegation word in the title scores 1', () => {
    assert.equal(homeMatch('甘肃', '甘肃省党政代表团赴川渝学习考察', ''), 1);
    assert.equal(homeMatch('青溪', '青溪县考察团到德清取经', ''), 1);
  });
  test('a home named only in passing scores less, an absent one nothing', () => {
    assert.equal(homeMatch('甘肃', '四川省党政代表团赴重庆考察', '……与甘肃签署协议'), 0.3);
    assert.equal(homeMatch('甘肃', '四川省党政代表团赴重庆考察', '……'), 0);
  });
});

describe('nounsMatch: the same counted thing under other words', () => {
  const cases: Array<[string, string, boolean]> = [
    ['考察点', '点', true], ['城市', '市', true], ['用地', '土地', true], ['企业', '公司', true], ['团员', '项目', false], ['', '点', false],
    // A noun inside another is the same thing only as its head (the end), or before a verb or a 的-phrase.
    ['签约项目', '项目', true], ['企业', '企业合作项目', false], ['合作', '合作项目', false], ['干部', '干部挂职', true],
    ['乡镇的负责人', '乡镇', true],
  ];
  for (const [a, b, same] of cases) test(`${a} ~ ${b}: ${same}`, () => assert.equal(nounsMatch(a, b), same));
});

describe('a place is present where a place inside it stands, in a local report only', () => {
  test('placesWithin: a province holds its prefectures (with and without suffix) and their counties', () => {
    const inner = placesWithin('甘肃');
    for (const name of ['兰州市', '兰州', '天水', '临夏州', '榆中县']) assert.ok(inner.includes(name), name);
    assert.deepEqual(placesWithin('无此地'), []);
    assert.ok(placesWithin('北京').includes('海淀区'), 'a municipality holds its districts');
  });
});

describe('哪几个村: villages are answered by names ending like one', () => {
  test('the villages of a visit list, not the companies beside them', () => {
    const sentence = '先后走访了南坪镇上坪村、同心镇下坪村和石门村，以及北岭茶业有限公司、东川咖啡庄园。';
    const items = slotFacts(extractFacts(sentence), analyseQuestion('考察团去了哪几个村？'), matchView(sentence), sentence).map((f) => f.text);
    assert.deepEqual(items, ['南坪镇上坪村', '同心镇下坪村', '石门村']);
  });
  test('a sentence that names no village fills nothing', () => {
    const sentence = '代表团参观了北岭茶业有限公司。';
    assert.deepEqual(slotFacts(extractFacts(sentence), analyseQuestion('走访了哪些村？'), matchView(sentence), sentence), []);
  });
});

describe('slot kinds that name nothing are no answer', () => {
  test('哪几家企业: qualified kinds (重点企业) and other 业 words (制造业) name no enterprise', () => {
    assert.deepEqual(fill('考察组看了哪几家企业？', '要紧盯重点产业、重点企业，扶持先进制造业和现代农业。'), []);
    assert.deepEqual(fill('他们去了哪些企业？', '走访了北岭茶业有限公司、东川食品集团等龙头企业。'), ['北岭茶业有限公司', '东川食品集团']);
  });
  test('哪天 / 几号: a date without its day does not answer', () => {
    assert.deepEqual(fill('考察团是哪一天到的？', '2019年，两地开始结对帮扶。'), []);
    assert.deepEqual(fill('他们几号签的协议？', '今年5月，双方签署了协议。'), []);
    assert.deepEqual(fill('他们什么时候签的协议？', '今年5月，双方签署了协议。'), ['5月']);
    assert.deepEqual(fill('考察团是哪天到的？', '5月12日，考察团抵达。'), ['5月12日']);
  });
});

describe('counts the question states itself', () => {
  test('the stated count is not the answer (签的那8个项目开工了几个)', () => {
    assert.deepEqual(fill('两市签的那8个项目，现在开工了几个？', '两市共签约项目8个，其中已开工5个。'), ['5个']);
    assert.deepEqual(fill('那12家企业里有几家已经投产？', '12家企业中已有7家投产。'), ['7家']);
  });
  test('今年 is not answered by a figure under another year written in its clause', () => {
    assert.deepEqual(fill('北岭茶叶今年在东川卖了多少钱？', '2024年，北岭茶叶在东川销售额为800万元；今年1至8月，销售额已达950万元。'), ['950万元']);
    assert.deepEqual(fill('今年青石向东川转移就业多少人？', '2023年青石向东川转移就业1200人。'), []);
    assert.deepEqual(fill('今年两地签约总额是多少？', '今年两地签约总额为21.4亿元，比2024年增加7.7亿元。'), ['21.4亿元']);
    // (X年以来 runs up to now)
    assert.deepEqual(fill('今年以来青石向东川转移就业多少人？', '2024年以来，东川共帮助青石转移就业1.2万人。'), ['1.2万人']);
  });
  test('what has happened is not answered by a target or a plan', () => {
    assert.deepEqual(fill('那8个项目现在已经开工了几个？', '各单位要建立台账，力争年内开工项目不少于5个。'), []);
    assert.deepEqual(fill('目前已经开工了几个项目？', '两市计划明年开工项目10个。'), []);
    assert.deepEqual(fill('那8个项目已经开工了几个？', '目前已开工5个，力争年内全部开工。'), ['5个']);
  });
  test('a sentence counting another set of the stated thing is about another set', () => {
    const another = (question: string, sentence: string) => countsAnotherSet(analyseQuestion(question), extractFacts(sentence), matchView(sentence));
    assert.equal(another('两地企业签的那3个合作项目总投资多少？', '座谈会上，两地企业签约了6个产业合作项目，总投资25.6亿元。'), true);
    assert.equal(another('两地企业签的那3个合作项目总投资多少？', '两省企业现场签约合作项目14个，总投资312.6亿元。'), true);
    assert.equal(another('两地企业签的那3个合作项目总投资多少？', '两市企业还签约了合金等合作项目3个，总投资9亿元。'), false);
    assert.equal(another('两地企业签的那3个合作项目总投资多少？', '代表团考察了6家企业。'), false);
  });
  test('a place the segmenter reads as another word is named all the same (焦作, 周口)', () => {
    assert.ok(analyseQuestion('焦作和东川的企业签了几个项目？').places.includes('焦作'));
    assert.ok(analyseQuestion('周口代表团在北岭看了几个点？').places.includes('周口'));
  });
});

describe('哪些地方 / 哪几个点: only where the group went', () => {
  test('not the place of an office, a document signed, a site only planned, or a list of offices', () => {
    assert.deepEqual(fill('东川代表团在北岭看了哪些地方？', '5月6日至8日，浙江省东川市委书记李明、市长王强率东川市党政代表团来北岭考察。'), []);
    assert.deepEqual(fill('考察团在西岭看了哪些地方？', '会上，两县签署了《东川县 西岭县劳务协作协议》，东川明年将在西岭新建帮扶车间3个。'), []);
    assert.deepEqual(fill('代表团在南平考察了哪几个点？', '省委常委、秘书长周一鸣，副省长王立、陈平等参加考察。'), []);
    assert.deepEqual(fill('代表团在南平考察了哪几个点？', '李明在总结会上指出，此次两地之行共签约项目12个、总投资80亿元。'), []);
    assert.deepEqual(fill('代表团在北岭看了哪些点？', '代表团先后来到北岭茶业合作社、东坡村史馆和南湖湿地公园。'), ['北岭茶业合作社', '东坡村史馆', '南湖湿地公园']);
    // (An itinerary from one place to the next visits them all; a visiting verb before a list does too.)
    assert.deepEqual(fill('代表团都去了哪些地方？', '3天时间，从杭州、宁波到温州再到台州，行程800多公里。'), ['杭州', '宁波', '温州', '台州']);
  });
});

describe('哪几个区 / 哪座城市: places of the asked level, inside the asked place', () => {
  test('provinces do not answer a question about cities; districts written bare are districts', () => {
    assert.deepEqual(fill('座谈会在哪座城市开的？', '浙江、江苏两省的同志参加了座谈。'), []);
    assert.deepEqual(fill('考察团在广州去了哪几个区？', '考察团先后到天河、黄埔、南沙3个区，走访了滨江合作区。'), ['天河', '黄埔', '南沙']);
  });
  test('a scoped list keeps what lies inside the scope (not the province above it, nor the home)', () => {
    assert.deepEqual(fill('考察团在成都去了哪几个县市区？', '成都市委书记会见了来自贵州省遵义市的考察团，考察团走访了成都郫都区、双流区。'), ['郫都区', '双流区']);
  });
});

describe('totalCount: a total, not a breakdown into parts', () => {
  const total = (question: string, sentence: string) => {
    const facts = extractFacts(sentence);
    const filling = slotFacts(facts, analyseQuestion(question), matchView(sentence), sentence);
    const analysis = analyseQuestion(question);
    return totalCount(filling, facts, matchView(sentence), analysis.statedCounts);
  };
  const cases: Array<[string, string, number]> = [
    ['一共看了多少个点？', '三天里代表团走访了4个市，实地考察25个点。', 0.5],
    ['一共看了多少个点？', '其中，代表团在甲省考察12个点，在乙省考察13个点。', 0],
    ['总共走了几个考察点？', '在北岭看了9个点，在东川看了7个点。', 0],
    ['加起来考察了多少个点？', '两省合计考察21个点。', 1],
    ['一共签了多少个项目？', '此行共签约合作项目18个，总投资126亿元。', 1],
    ['一共签了多少个项目？', '在东川，双方现场签约项目6个。', 0.5],
    // Counts of other things in the sentence (企业21家, 推介会2场) are no breakdown of it.
    ['一共签了多少个项目？', '代表团走访企业21家，举办推介会2场，签约项目18个。', 0.5],
    // The question states the set's count (这4批, 那3个县): a sentence stating it is the total; another total half.
    ['这4批考察团加起来一共多少人？', '4批考察团共有成员96人，察看点位40个。', 1],
    ['这4批考察团加起来一共多少人？', '第二批考察团共26人，察看点位9个。', 0.5],
    ['那3个县一共转移就业多少人？', '据统计，3个县共转移就业1.2万人。', 1],
    ['那3个县一共转移就业多少人？', '其中青石县共转移就业5000人。', 0.5],
    ['两地这6个项目总共投资多少？', '两地签约的6个项目总投资达到48亿元。', 1],
    // A numbered part (第一批：…) gives that part's figures; 签约总额 asks the total.
    ['全年互访签约总额是多少？', '第一批：3月5日至7日，市委书记率团赴外省考察，签约项目6个，总投资12亿元。', 0],
    ['这次签约的总金额有多少？', '第二组：考察团在东川签约项目4个，总金额9亿元。', 0],
    ['两地签约总额是多少？', '全年4批代表团共签约项目15个，总投资31亿元。', 1],
  ];
  for (const [question, sentence, expected] of cases) test(`${question} ← ${sentence}: ${expected}`, () => assert.equal(total(question, sentence), expected));
  test('asksTotal reads 一共/总共/加起来, not a plain how-many', () => {
    assert.equal(analyseQuestion('一共看了多少个点？').asksTotal, true);
    assert.equal(analyseQuestion('加起来签了几个项目？').asksTotal, true);
    assert.equal(analyseQuestion('在北岭看了几个点？').asksTotal, false);
  });
});

describe('where an asked meeting was held', () => {
  const where = (question: string, sentence: string) =>
    slotFacts(extractFacts(sentence), analyseQuestion(question), matchView(sentence), sentence).map((f) => f.text);
  const cases: Array<[string, string, string[]]> = [
    ['推进会在哪开的？', '6月3日，两地产业推进会在北岭国际会议中心举行，双方签署协议。', ['北岭国际会议中心']],
    ['座谈会是在什么地方召开的', '当天下午，考察团在西川县召开座谈会，听取情况介绍。', ['西川县']],
    ['总结会在哪里举行的？', '考察结束后，代表团在返程的大巴上召开总结会。', ['返程的大巴上']],
    // The place that holds the meeting itself (西川召开…).
    ['交流会在哪开的？', '9月2日，西川召开赴东岭考察学习交流会。', ['西川']],
  ];
  for (const [question, sentence, expected] of cases) test(`${question} ← ${sentence}`, () => assert.deepEqual(where(question, sentence), expected));
});

describe('headedFor: of several people, those who went where the question says', () => {
  test('A赴X，B赴Y: the words after each name', () => {
    const sentence = '省委常委、组织部部长许新赴九江市督导，省委常委、宣传部部长林涛赴上饶市督导。';
    assert.deepEqual(fill('去上饶督导的是谁？', sentence), ['林涛']);
    assert.deepEqual(fill('到九江督导的是哪位领导？', sentence), ['许新']);
  });
  test('A、B、C分赴X、Y、Z: by position', () => {
    const sentence = '副省长周立、吴海、郑安分赴赣州、吉安、抚州调研。';
    assert.deepEqual(fill('去吉安调研的是谁？', sentence), ['吴海']);
    assert.deepEqual(fill('赴抚州的是哪位副省长？', sentence), ['郑安']);
  });
  test('a list of people going together keeps them all', () => {
    assert.deepEqual(fill('去宜春的是谁？', '市委书记陈一、市长刘二赴宜春考察。'), ['陈一', '刘二']);
  });
  test('someone said to have gone elsewhere does not answer', () => {
    assert.deepEqual(fill('去萍乡督导的是谁？', '11月5日，省委副书记曹明赴新余督导经济运行。'), []);
  });
  test('without an asked place nothing is dropped', () => {
    const persons = extractFacts('副省长周立、吴海分赴赣州、吉安调研。').filter((f): f is PersonFact => f.kind === 'person');
    assert.equal(headedFor(persons, analyseQuestion('谁去调研了？'), matchView('副省长周立、吴海分赴赣州、吉安调研。')).length, 2);
  });
});

describe('counts and dates the slot reads more closely', () => {
  test('由…共35人组成 counts the delegation', () => {
    assert.deepEqual(fill('考察团一共多少人？', '考察团由各县区主要负责同志共42人组成。'), ['42人']);
    assert.deepEqual(fill('代表团有几个人？', '此次代表团由市直部门负责同志共26人组成。'), ['26人']);
  });
  test('家 counts the institution opening the noun (6家企业负责人 → 企业)', () => {
    assert.deepEqual(fill('跟几家企业座谈了？', '代表团与9家企业负责人进行了座谈。'), ['9家']);
    assert.deepEqual(fill('走访了几所学校？', '走访了3所学校校长。'), ['3所']);
  });
  test('a year inside a document\'s name dates no event', () => {
    assert.deepEqual(fill('哪一年结成对口合作城市的？', '会上签署了《两市对口合作2021年工作要点》。'), []);
    assert.deepEqual(fill('哪一年结成对口合作城市的？', '自2016年两市结为对口合作城市以来，合作不断深化。'), ['2016年']);
  });
});

describe('a kind counted is not a kind named', () => {
  test('两个村 / 21个村 name no village', () => {
    assert.deepEqual(fill('抽查的那两个村叫什么名字？', '调研组抽查了两个村的扶贫台账。'), []);
    assert.deepEqual(fill('去了哪几个村？', '三天里先后深入12个乡镇、21个村。'), []);
  });
  test('named villages still answer', () => {
    assert.deepEqual(fill('去了哪几个村？', '先后察看了莲花镇军营村、白交祠村。'), ['莲花镇军营村', '白交祠村']);
  });
});

describe('a district named like a site answers where', () => {
  test('首站来到X新区 → the whole district', () => {
    assert.ok(fill('代表团第一站去了哪里？', '代表团首站来到合肥滨湖新区，参观了规划馆。').includes('合肥滨湖新区'));
    assert.ok(fill('第一站去的是哪里？', '首站来到株洲高新区。').includes('株洲高新区'));
  });
});

describe('the authority quoted is no one who took part', () => {
  test('X总书记关于…的重要讲话 names no participant; the leader who chaired does', () => {
    assert.deepEqual(fill('谁主持的会议？', '会议深入学习贯彻习近平总书记关于区域协调发展的重要讲话精神，省委书记周立新主持会议。'), ['周立新']);
    assert.ok(!fill('是谁带队的？', '代表团认真学习习近平总书记重要指示精神。').includes('习近平'));
  });
});

describe('kinds asked together take the whole list that names one of them', () => {
  const visit = '当天，考察团先后来到青禾食品股份有限公司、东湾数字产业园、城市规划馆和远帆新能源基地。';
  test('哪些企业和园区 / 哪些企业、园区 / 哪几家企业及园区: every item of the list', () => {
    for (const question of ['考察团都去了哪些企业和园区？', '看了哪些企业、园区？', '走访了哪几家企业及园区？']) {
      const items = fill(question, visit);
      for (const item of ['青禾食品股份有限公司', '东湾数字产业园', '城市规划馆', '远帆新能源基地']) assert.ok(items.includes(item), `${question}: ${item} in ${items.join('、')}`);
    }
  });
  test('one kind asked keeps only the items of that kind', () => {
    assert.deepEqual(fill('考察了哪些企业？', visit), ['青禾食品股份有限公司']);
  });
  test('a sentence naming no item of either kind fills nothing', () => {
    assert.deepEqual(fill('看了哪些企业和园区？', '双方表示将进一步深化交流，共同打造区域合作平台，实现协同发展、共同繁荣。'), []);
  });
});

describe('a long list keeps all its items in the short answer', () => {
  test('five sites of some twelve characters each are all shown', async () => {
    const { shortAnswerOf } = await import('../../src/answer/short-answer.ts');
    const sentence = '次日上午，代表团依次考察了北岸港口物流枢纽园区、南湖生物医药创新产业园、西城智能制造示范基地、东山国际会展中心和老城区历史文化街区。';
    const question = analyseQuestion('代表团第二天上午看了哪些地方？');
    const filling = slotFacts(extractFacts(sentence), question, matchView(sentence), sentence);
    const paragraph = { id: 'p1', n: 1, text: sentence } as never;
    const short = shortAnswerOf(question, [{ text: sentence, filling, paragraph, article: {} as never }]) ?? '';
    for (const site of ['北岸港口物流枢纽园区', '南湖生物医药创新产业园', '西城智能制造示范基地', '东山国际会展中心', '老城区历史文化街区']) assert.ok(short.includes(site), `${site} in ${short}`);
  });
});

describe('a sum of money asked by its noun, and counted nouns with a word of place or kind before them', () => {
  test('收入有多少 / 总额是多少 / 投资了多少 are answered in 元', () => {
    assert.deepEqual(fill('东坡村去年集体收入有多少？', '东坡村发展民宿产业，村集体收入增长到2023年的48万元。'), ['48万元']);
    assert.deepEqual(fill('座谈会上签约项目总额是多少？', '现场签约合作项目7个，总金额88亿元。'), ['88亿元']);
    assert.deepEqual(fill('那家企业在当地一共投资了多少？', '该企业已在当地累计投资15亿元，带动就业2000人。'), ['15亿元']);
  });
  test('134家沿江化工企业 / 3家大型企业 count the asked kind', () => {
    assert.deepEqual(fill('一共搬迁了多少家沿江化工企业？', '全市58家沿江化工企业搬迁任务全部完成。'), ['58家']);
    assert.deepEqual(fill('有几家大型企业参加了签约？', '共有3家大型企业参加签约。'), ['3家']);
  });
});

describe('a site of an enterprise is an enterprise', () => {
  test('…集团…基地 and …集团…产业园 answer 哪几家企业; a museum does not', () => {
    const sentence = '次日，代表团先后考察了远帆电子科技有限公司、华川集团滨海基地、东岳集团新材料产业园和市规划馆。';
    for (const question of ['代表团看了哪几家企业？', '都考察了哪些企业？', '去了哪些公司？']) {
      const items = fill(question, sentence);
      for (const item of ['远帆电子科技有限公司', '华川集团滨海基地', '东岳集团新材料产业园']) assert.ok(items.includes(item), `${question}: ${item} in ${items.join('、')}`);
      assert.ok(!items.includes('市规划馆'), question);
    }
  });
});

describe('什么文件 is answered by any document; 哪个协议 by an agreement', () => {
  test('a plan answers 什么文件 / 哪份文件 / 签了啥文件 but not 哪个协议', () => {
    const sentence = '两市共同发布了《青川市 南山市港口物流协同发展规划》。';
    for (const question of ['两市发布了个什么文件？', '发布的是哪份文件？', '两市一起出了啥文件？']) assert.deepEqual(fill(question, sentence), ['《青川市 南山市港口物流协同发展规划》'], question);
    assert.deepEqual(fill('两市签了哪个协议？', sentence), []);
  });
});

describe('an agreement named with its years is still an agreement', () => {
  test('《…合作协议（2024—2026年）》 answers 哪几份协议 beside the unbracketed ones', () => {
    const sentence = '会上，两市政府签署了《青川市 南山市港口合作协议（2024—2026年）》，两地园区签署了园区共建协议。';
    for (const question of ['两市一共签了哪几份协议？', '签了哪些协议？', '这次签了什么协议？']) {
      const items = fill(question, sentence);
      assert.ok(items.includes('《青川市 南山市港口合作协议（2024—2026年）》'), `${question}: ${items.join('、')}`);
    }
  });
});

describe('a count of nouns listed with 、', () => {
  test('多少个企业、园区和平台 is answered by 考察企业、园区和平台23个', () => {
    const sentence = '四天里，考察团行程1500公里，走访了3个市，考察企业、园区和平台19个。';
    for (const question of ['一共看了多少个企业、园区和平台？', '考察了几个企业、园区？', '总共去了多少家企业、平台？']) assert.deepEqual(fill(question, sentence), ['19个'], question);
  });
});

describe('陪着 asks who accompanied; 哪些市领导 asks people; a counted noun split by a place', () => {
  test('谁陪着 / 谁陪的 / 是谁陪同 ask the accompany role', () => {
    for (const question of ['在青川是谁全程陪着的？', '那边是谁陪的？', '考察时谁陪同？']) assert.equal(askedRole(analyseQuestion(question)), 'accompany', question);
  });
  test('哪些市领导 / 哪几位县领导 / 还有哪些区领导 ask for people', () => {
    for (const question of ['还有哪些市领导一块去了？', '哪几位县领导参加了考察？', '还有哪些区领导同行？']) {
      assert.deepEqual(fill(question, '市领导甲乙丙、丁戊己参加考察。').length > 0 || askedItemKind(analyseQuestion(question)) === 'person', true, question);
      assert.equal(askedItemKind(analyseQuestion(question)), 'person', question);
    }
  });
  test('多少个科技成果项目 is answered by 科技成果在南阳转化项目17项', () => {
    const sentence = '该中心已促成高校科技成果在青川转化项目23项。';
    for (const question of ['转化了多少个科技成果项目？', '一共转化了几个科技成果项目？', '促成了多少个科技成果项目落地？']) assert.deepEqual(fill(question, sentence), ['23项'], question);
  });
});

describe('whose figure: a number said of another place does not answer', () => {
  test('长治2018年地区生产总值 is not 顺德是…生产总值达到3523亿元', () => {
    const other = '她说，顺德是全国县域经济的排头兵，2018年地区生产总值达到3523亿元。';
    for (const question of ['长治2018年地区生产总值是多少？', '宜宾去年的生产总值有多少？', '据介绍，延安全年GDP是多少？']) {
      assert.notEqual(analyseQuestion(question).owner, null, question);
      assert.deepEqual(fill(question, other), [], question);
    }
    assert.deepEqual(fill('顺德2018年地区生产总值是多少？', other), ['3523亿元']);
  });
});

describe('a list right before its count and the asked kind', () => {
  test('A和B两个码头 / A、B、C三个村 / A、B等2家医院 name the items', () => {
    assert.deepEqual(fill('抽查了哪两个码头？', '调研组随机抽查了白沙镇和青石镇两个沿江码头的巡查记录。'), ['白沙镇', '青石镇']);
    assert.deepEqual(fill('走访了哪几个村？', '当天，考察团走访了东坪、西岭、南湾三个村。'), ['东坪', '西岭', '南湾']);
    assert.deepEqual(fill('看了哪几家医院？', '代表团来到市人民医院、市中医院等2家医院。'), ['市人民医院', '市中医院']);
  });
  test('a list whose length differs from the count names nothing by it', () => {
    assert.deepEqual(fill('抽查了哪几个码头？', '调研组抽查了白沙镇和青石镇三个码头。').includes('白沙镇'), false);
  });
});

describe('one item\'s figure is not a total', () => {
  test('单个最大的投资额 / 最多的一项 / 单笔最大 are not answered by 总金额 or 累计', () => {
    const total = '期间，两地签约合作项目12个，总金额156亿元。';
    for (const question of ['签的项目里单个最大的投资额是多少？', '投资最多的一个项目投了多少钱？', '单笔最大的投资有多少？']) assert.deepEqual(fill(question, total), [], question);
    assert.deepEqual(fill('签约项目总金额是多少？', total), ['156亿元']);
    assert.deepEqual(fill('单体投资最大的项目投资多少？', '其中，远帆新材料有限公司投资18亿元，是单体投资额最大的项目。'), ['18亿元']);
  });
});

describe('the date of the report itself (本报…讯) is not the date of what it tells', () => {
  test('a dateline date fills no when-slot', () => {
    assert.deepEqual(fill('交接仪式是几号举行的？', '本报7月12日讯（记者 王立）7月10日，两地干部交接仪式在县城举行。'), ['7月10日']);
    assert.deepEqual(fill('签约仪式哪天办的？', '新华社杏州5月3日电 5月1日，两市签约仪式在杏州举行。'), ['5月1日']);
    assert.deepEqual(fill('座谈会什么时候开的？', '青石日报9月20日讯 记者从市委获悉，9月18日两地座谈会在青石召开。'), ['9月18日']);
  });
});

describe('哪个镇 / 哪个乡: a town written after its county or a verb of going is the answer', () => {
  test('the town, not the sites visited there', () => {
    assert.deepEqual(fill('代表团第二天去了青石县哪个镇？', '16日上午，代表团来到青石县白鹭镇，考察了茶叶加工厂和电商服务中心。'), ['白鹭镇']);
    assert.deepEqual(fill('调研组在松岭走访了哪个乡？', '调研组深入松岭县杏花乡，察看了光伏扶贫电站。'), ['杏花乡']);
    assert.deepEqual(fill('督查组下午去了哪个镇？', '当天下午，督查组转赴东湖区柳林镇，实地察看了污水处理站。'), ['柳林镇']);
  });
});

describe('where a group went on a day is the sites of that day, however the visit is asked', () => {
  test('看的是哪里 / 去的哪儿 / 到的什么地方 ask the sites', () => {
    const sentence = '首日上午，代表团抵达东湖，首先来到东湖科创园，考察了云帆科技的研发中心。';
    for (const question of ['代表团首日上午在东湖看的是哪里？', '代表团首日上午去的哪儿？', '首日上午代表团到的什么地方？']) {
      assert.ok(fill(question, sentence).includes('东湖科创园'), `${question}: ${fill(question, sentence).join('、')}`);
    }
  });
});

describe('a title naming no place, written after a comma, is of the person before it (甲省委书记A，省委副书记、省长B)', () => {
  const cases: Array<[question: string, sentence: string, expected: string[]]> = [
    ['江南是谁率团的？', '5月3日至6日，江南省委书记高远山，省委副书记、省长林秀文率江南省党政代表团赴海东省学习考察。', ['高远山', '林秀文']],
    ['青川这次谁带的队？', '青川市委书记何明远，市委副书记、市长周立春率青川市党政代表团赴白沙市考察。', ['何明远', '周立春']],
    ['松岭县是谁带队的？', '9月8日，松岭县委书记罗建平，县委副书记、县长陈海燕带领考察团赴临河县考察。', ['罗建平', '陈海燕']],
  ];
  for (const [question, sentence, expected] of cases) {
    test(`${question} → ${expected.join('、')}`, () => assert.deepEqual(fill(question, sentence).map((f) => f.replace(/^.*?(?=\p{Script=Han}{3}$)/u, '')), expected));
  }
});

describe('a change asked (多了多少, 增长了多少, 少了多少) is the number after the verb of change', () => {
  const cases: Array<[question: string, sentence: string, expected: string[]]> = [
    ['桃源村集体收入比上一年多了多少？', '2024年，桃源村集体经济收入达到86万元，比上年的60万元增加26万元。', ['26万元']],
    ['柳林镇游客同比增长了多少？', '去年柳林镇接待游客32万人次，同比增长18%，旅游收入1.1亿元。', ['18%']],
    ['石湾镇工业产值比去年少了多少？', '石湾镇工业产值为45亿元，比去年减少3亿元。', ['3亿元']],
  ];
  for (const [question, sentence, expected] of cases) {
    test(`${question} → ${expected.join('、')}`, () => assert.deepEqual(fill(question, sentence), expected));
  }
  test('the figure itself is still asked as before', () => {
    assert.ok(fill('桃源村集体收入有多少？', '2024年，桃源村集体经济收入达到86万元，比上年的60万元增加26万元。').includes('86万元'));
  });
});

describe('a part of the year asked (上半年, 一季度, 1至9月) is answered by a figure of that part', () => {
  const cases: Array<[question: string, sentence: string, expected: string[]]> = [
    ['柳林镇今年上半年游客同比增长多少？', '2024年，柳林镇接待游客32万人次，比上年增长18%。', []],
    ['柳林镇今年上半年游客同比增长多少？', '今年1至6月，柳林镇接待游客20万人次，同比增长12%。', ['12%']],
    ['石湾镇一季度工业产值多少？', '今年1至9月，石湾镇完成工业产值36亿元。', []],
    ['石湾镇前三季度工业产值多少？', '今年1至9月，石湾镇完成工业产值36亿元。', ['36亿元']],
  ];
  for (const [question, sentence, expected] of cases) {
    test(`${question} in ${sentence} → ${expected.join('、') || 'nothing'}`, () => assert.deepEqual(fill(question, sentence), expected));
  }
});

describe('a figure per unit (每斤, 人均) answers only a question asking one per unit', () => {
  test('村集体收入 is not 每斤多卖0.6元; 每斤多卖多少 is', () => {
    assert.deepEqual(fill('桃源村村集体收入有多少？', '桃源村村集体通过建设冷库，每斤柑橘平均多卖0.6元。'), []);
    assert.deepEqual(fill('桃源村每斤柑橘多卖多少钱？', '桃源村村集体通过建设冷库，每斤柑橘平均多卖0.6元。'), ['0.6元']);
    assert.deepEqual(fill('石湾镇居民收入多少？', '石湾镇居民人均可支配收入3.4万元。'), []);
    assert.deepEqual(fill('石湾镇居民人均收入多少？', '石湾镇居民人均可支配收入3.4万元。'), ['3.4万元']);
  });
});

describe('where a thing is sited (设在, 位于, 建在) is the phrase after that verb', () => {
  const cases: Array<[question: string, sentence: string, expected: string[]]> = [
    ['松岭驻白河工作站设在哪里？', '工作站设在白河市人力资源市场，配备工作人员2名。', ['白河市人力资源市场']],
    ['青石茶叶基地位于哪儿？', '基地位于青石县东坡镇，面积3000亩。', ['青石县东坡镇']],
    ['那个产业园建在什么地方？', '产业园建在城南新区，一期占地1200亩。', ['城南新区']],
  ];
  for (const [question, sentence, expected] of cases) {
    test(`${question} → ${expected.join('、')}`, () => assert.deepEqual(fill(question, sentence), expected));
  }
});

describe('哪些部门 / 哪些单位 is answered by the offices listed (…厅、…局、…委)', () => {
  const cases: Array<[question: string, sentence: string, expected: string[]]> = [
    ['督查组都是哪些部门的？', '督查组由省财政厅、省审计厅和省乡村振兴局等部门负责同志组成，共12人。', ['省财政厅', '省审计厅', '省乡村振兴局']],
    ['参加座谈的有哪些单位？', '市发展改革委、市商务局、市人社局等部门负责同志参加座谈。', ['市发展改革委', '市商务局', '市人社局']],
    ['一起去的有哪些部门？', '随行的有县农业农村局、县文旅局和县委办负责同志。', ['县农业农村局', '县文旅局', '县委办']],
  ];
  for (const [question, sentence, expected] of cases) {
    test(`${question} → ${expected.join('、')}`, () => assert.deepEqual(fill(question, sentence), expected));
  }
  test('加起来 and 合计 count nothing: the noun before them is counted', () => {
    assert.equal(analyseQuestion('两地工作站加起来有几个了？').focus, '工作站');
    assert.deepEqual(analyseQuestion('三个市加起来一共签了多少钱？').measured, []);
  });
});

describe('农户 and 农民 count the same households (lexicon)', () => {
  test('带动了多少户农民 is answered by 带动周边农户N户', () => {
    assert.deepEqual(fill('带动了多少户农民？', '种薯基地年产脱毒种薯8万吨，辐射带动周边农户2700余户。'), ['2700余户']);
    assert.deepEqual(fill('合作社带了多少农户？', '合作社吸纳农民社员360户，户均增收8000元。'), ['360户']);
  });
});

describe('names ending in 为 before a list, and the surname 区 (书记何可为、市长区建国)', () => {
  const cases: Array<[question: string, sentence: string, expected: string[]]> = [
    ['白鹭代表团带队的是谁？', '代表团由白鹭市委书记何可为、市长区建国带队，共30人。', ['何可为', '区建国']],
    ['松岭县代表团是谁带队的？', '松岭县委书记林可为，县委副书记、县长区海涛率松岭县代表团赴杏州考察。', ['林可为', '区海涛']],
    ['青川市代表团谁带的队？', '青川市委书记周立新、市长区德明带领青川市党政代表团赴白沙考察。', ['周立新', '区德明']],
  ];
  for (const [question, sentence, expected] of cases) {
    test(`${question} → ${expected.join('、')}`, () => assert.deepEqual(fill(question, sentence).map((f) => f.replace(/^.*?(?=\p{Script=Han}{3}$)/u, '')), expected));
  }
});

describe('签了多少钱 is answered by a figure of a sentence that signs', () => {
  test('产值 is not what was signed; 签约…总金额 is', () => {
    assert.deepEqual(fill('红枫这次去杏州签了多少钱的项目？', '红枫开工的项目中，一家企业投资的光伏项目已投产，当年实现产值2.3亿元。'), []);
    assert.deepEqual(fill('红枫这次去杏州签了多少钱的项目？', '两地签约合作项目11个，总金额98亿元。'), ['98亿元']);
    assert.deepEqual(fill('两地签了多少钱？', '会上两地签署合作项目7个，总投资42亿元。'), ['42亿元']);
    assert.deepEqual(fill('两地签了多少钱？', '去年两地贸易额达到42亿元。'), []);
  });
});

describe('a figure is of the last year written before it in its sentence (比2023年的132万元)', () => {
  const sentence = '2024年，桃源村村集体经济收入达到210万元，比2023年的150万元增长40%。';
  test('each year asked gets its own figure', () => {
    assert.deepEqual(fill('桃源村2023年村集体经济收入多少？', sentence), ['150万元']);
    assert.deepEqual(fill('桃源村2024年村集体经济收入是多少？', sentence), ['210万元']);
    assert.deepEqual(fill('2022年桃源村集体收入有多少？', sentence), []);
  });
});

describe('a name asked (叫什么名字, 全称) is a name of the asked kind, or none', () => {
  test('a site of another kind does not name the asked enterprise', () => {
    const sentence = '随后，代表团来到青禾新城规划展厅，了解当地企业发展情况。';
    for (const question of ['他们参观的那家企业叫什么名字？', '考察的那家公司名称是什么？', '那个企业叫啥？']) assert.deepEqual(fill(question, sentence), [], question);
  });
  test('a name of the asked kind is still the answer', () => {
    const sentence = '随后，代表团来到远帆电子科技有限公司，了解企业生产经营情况。';
    for (const question of ['他们参观的那家企业叫什么名字？', '考察的那家公司名称是什么？', '那家企业叫啥？']) assert.ok(fill(question, sentence).includes('远帆电子科技有限公司'), question);
  });
});

describe('a kind word after a place only says what a site serves (青石区企业服务中心 is no enterprise)', () => {
  test('…区企业…中心, …县企业…大厅 name no enterprise; …集团…基地 still does', () => {
    const sentence = '代表团先后考察了青石区企业综合服务中心、东坡县企业开办服务大厅和华川集团滨海基地。';
    for (const question of ['代表团看了哪几家企业？', '都考察了哪些企业？', '去了哪些企业？']) {
      const items = fill(question, sentence);
      assert.ok(!items.includes('青石区企业综合服务中心'), `${question}: ${items.join('、')}`);
      assert.ok(!items.includes('东坡县企业开办服务大厅'), `${question}: ${items.join('、')}`);
      assert.ok(items.includes('华川集团滨海基地'), `${question}: ${items.join('、')}`);
    }
  });
});
