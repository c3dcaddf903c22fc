import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractFacts, extractParagraphFacts, titledPeopleOf, type Fact, type PersonFact, type QuantityFact } from '../../src/facts/index.ts';

const of = <K extends Fact['kind']>(facts: Fact[], kind: K) => facts.filter((f): f is Extract<Fact, { kind: K }> => f.kind === kind);

describe('extractFacts: every span is verbatim', () => {
  const sentences = [
    '5月12日至16日，由甘肃省委书记周立新、省长韩晓梅率领的甘肃省党政代表团赴四川、重庆学习考察。',
    '機上是青海黨政代表團的九十六名團員，同機出發的還有省委書記馬建國、省長陸一鳴。',
    '双方签署了《两市深化对口合作框架协议》，并召开了两地经济社会发展交流座谈会。',
  ];
  for (const sentence of sentences) {
    test(sentence.slice(0, 20), () => {
      for (const fact of extractFacts(sentence)) assert.equal(sentence.slice(fact.start, fact.end), fact.text, JSON.stringify(fact));
    });
  }
});

describe('extractFacts: people, titles and roles (reworded leads)', () => {
  const cases: Array<[string, Array<[name: string, title: string | null, role: PersonFact['role']]>]> = [
    ['由某省委书记周立新、省长韩晓梅率领的代表团抵达成都', [['周立新', '省委书记', 'lead'], ['韩晓梅', '省长', 'lead']]],
    ['市委书记黄海波带队赴宁波考察', [['黄海波', '市委书记', 'lead']]],
    ['县委副书记、县长林小雨带领考察组走访了三个村', [['林小雨', '县长', 'lead']]],
    ['省委书记马建国主持会议并讲话，省长陆一鸣讲话', [['马建国', '省委书记', 'chair'], ['陆一鸣', '省长', 'speak']]],
    ['市长赵文与市长钱红分别代表两市政府签署了协议', [['赵文', '市长', 'sign'], ['钱红', '市长', 'sign']]],
    ['區委書記孫立平陪同考察', [['孙立平', '区委书记', 'accompany']]],
    // A role in the person's own clause wins over a signing by others in the next one.
    ['去年6月，时任市委书记郑北辰率代表团来我市考察，两市签署合作框架协议', [['郑北辰', '市委书记', 'lead']]],
    ['县长孔令安带队到访，双方签订产业协作协议', [['孔令安', '县长', 'lead']]],
    ['副市长甘霖和副市长卓远代表两市，签署了战略合作协议', [['甘霖', '副市长', 'sign'], ['卓远', '副市长', 'sign']]],
    ['市长甘霖与区长卓远分别介绍了情况，随后两人代表双方，签下了合作协议', [['甘霖', '市长', 'sign'], ['卓远', '区长', 'sign']]],
    // A given name ending in 和 before a verb or a comma; 和 between two names is a conjunction.
    ['省委书记李文、省长张建和率领代表团赴外省考察', [['李文', '省委书记', 'lead'], ['张建和', '省长', 'lead']]],
    ['省長趙國和帶隊赴鄰省學習', [['赵国和', '省长', 'lead']]],
    // Names of parts joined by a middle dot are taken whole, up to where the clause goes on.
    ['州委书记热依拉·艾买提，州长阿合买提·吐尔洪率考察团赴外地', [['热依拉·艾买提', '州委书记', 'lead'], ['阿合买提·吐尔洪', '州长', 'lead']]],
    ['县长阿不都·热合曼·买买提主持座谈会', [['阿不都·热合曼·买买提', '县长', 'chair']]],
    ['市委书记周平和，市长吴越出席会议', [['周平和', '市委书记', 'attend'], ['吴越', '市长', 'attend']]],
    ['副市长孙立和代表团成员座谈', [['孙立', '副市长', 'meet']]],
    // Adverbs after a title are no names, even when the segmenter tags them as nouns.
    ['由省委书记和省长一同带队前往', []],
    ['市委书记和市长一起率团考察', []],
    // 一同/一起 after a name is not the name's last character; 长 may stand inside a given name.
    ['副厅长司马云一同前往', [['司马云', '副厅长', null]]],
    ['县长郑冬一起出席', [['郑冬', '县长', 'attend']]],
    ['局长魏长庚任副组长', [['魏长庚', '局长', 'lead']]],
    ['厅长何长林率队调研', [['何长林', '厅长', 'lead']]],
    // A title whose last character starts the next word is no title (县长期以来 is 县 + 长期以来).
    ['感谢青石县长期以来的支持', []],
    ['红枫市长期坚持对口帮扶', []],
    // A name heading a site is part of the site (故居, 公园).
    ['先后参观了白鹭港、鲁迅故居、岐山新城等5个点', []],
    ['走访了周恩来纪念馆和中山公园', []],
    // A name does not open with a verb of the domain, nor read as such a word plus 后/时.
    ['与当地市政府领导座谈后，考察团返程', []],
    ['县委书记调研时指出', []],
    ['召开区长见面会', []],
    ['副市长王建设陪同考察', [['王建设', '副市长', 'accompany']]],
    // A five-character name written without a dot ends where the clause goes on, even when its tail reads as a name.
    ['旗委书记图门巴雅尔、旗长李明带队考察', [['图门巴雅尔', '旗委书记', 'lead'], ['李明', '旗长', 'lead']]],
    ['盟委书记阿日巴雅尔率团赴外地学习', [['阿日巴雅尔', '盟委书记', 'lead']]],
    ['市委书记那顺巴雅尔主持座谈会', [['那顺巴雅尔', '市委书记', 'chair']]],
    // Who witnessed a signing (见证签约) did not sign: the act of their own clause stands.
    ['东川市委书记张明远会见代表团，并共同见证签约', [['张明远', '市委书记', 'meet']]],
    ['市长李文涛出席活动并见证了签署仪式', [['李文涛', '市长', 'attend']]],
    ['副市长王立群陪同考察，并见证项目签约', [['王立群', '副市长', 'accompany']]],
    // 作了致辞 after a name: the name ends before 作.
    ['县委书记龙海平作了致辞', [['龙海平', '县委书记', 'speak']]],
  ];
  for (const [sentence, expected] of cases) {
    test(sentence, () => {
      const persons = of(extractFacts(sentence), 'person').map((p) => [p.name, p.title, p.role]);
      assert.deepEqual(persons, expected);
    });
  }

  test('common words after a title are not names (省领导下沉一线)', () => {
    assert.deepEqual(of(extractFacts('省领导下沉一线督导经济运行'), 'person'), []);
  });

  test('a name the article gives a title elsewhere is a person when it stands bare', () => {
    const people = titledPeopleOf(['常州市市长吴一凡介绍了情况。', '营口市市长郑丽讲话。']);
    const persons = of(extractFacts('座谈会上，吴一凡与郑丽代表两市政府签署了协议。', { people }), 'person');
    assert.deepEqual(persons.map((p) => [p.name, p.role]), [['吴一凡', 'sign'], ['郑丽', 'sign']]);
  });
});

describe('extractFacts: lists of divisions written without suffix', () => {
  const places = (sentence: string) => of(extractFacts(sentence), 'place').map((p) => p.name);
  test('each name of a list of counties is a place, none a person', () => {
    const facts = extractFacts('调研组赴阿克苏地区温宿、沙雅、拜城三县开展工作');
    assert.deepEqual(of(facts, 'person'), []);
    for (const name of ['温宿', '沙雅', '拜城']) assert.ok(places('调研组赴阿克苏地区温宿、沙雅、拜城三县开展工作').includes(name), name);
  });
  test('a lone word that shares a name with a county is no place', () => {
    assert.ok(!places('祝大家平安、健康').includes('平安'));
  });
});

describe('extractFacts: dates', () => {
  const cases: Array<[string, string, object, object]> = [
    ['9月23日至28日，代表团赴外省考察', '9月23日至28日', { month: 9, day: 23 }, { month: 9, day: 28 }],
    ['十一月九日，考察团抵达', '十一月九日', { month: 11, day: 9 }, { month: 11, day: 9 }],
    ['2016年3月22日从昆明起飞', '2016年3月22日', { year: 2016, month: 3, day: 22 }, { year: 2016, month: 3, day: 22 }],
    ['5月26日-28日观摩', '5月26日-28日', { month: 5, day: 26 }, { month: 5, day: 28 }],
  ];
  for (const [sentence, text, from, to] of cases) {
    test(sentence, () => {
      const [date] = of(extractFacts(sentence), 'date');
      assert.ok(date, 'a date is found');
      assert.equal(date.text, text);
      assert.deepEqual(date.from, from);
      assert.deepEqual(date.to, to);
    });
  }
  test('3个月 is a duration, not a month', () => assert.deepEqual(of(extractFacts('用3个月完成'), 'date'), []));
  test('a bare day takes the month of the sentence before it', () => {
    const { sentences } = extractParagraphFacts('考察团于6月9日出发。11日返回。');
    const second = of(sentences[1]!.facts, 'date')[0]!;
    assert.deepEqual(second.from, { month: 6, day: 11 });
    assert.equal(second.inherited, true);
  });
});

describe('extractFacts: quantities and what they count', () => {
  const cases: Array<[string, string, number, string, string, QuantityFact['bound']]> = [
    ['此行共考察了31个考察点', '31个', 31, '个', '考察点', 'exact'],
    ['行程2600余公里', '2600余公里', 2600, '公里', '', 'more'],
    ['一行四十六人赴浙江', '四十六人', 46, '人', '', 'exact'],
    ['考察团共有八十八名團員', '八十八名', 88, '名', '团员', 'exact'],
    ['集聚了30万电商人才', '30万', 300000, '', '电商人才', 'exact'],
    ['签约项目总金额逾2800亿元', '2800亿元', 280_000_000_000, '元', '', 'atLeast'],
    // A lone division after 个 is the counted thing, also when the next count follows at once.
    ['工作组深入3个乡9个村', '3个', 3, '个', '乡', 'exact'],
    ['工作组深入3个乡9个村', '9个', 9, '个', '村', 'exact'],
    ['调研组跑了4个镇，看了11个村', '4个', 4, '个', '镇', 'exact'],
  ];
  for (const [sentence, text, value, measure, noun, bound] of cases) {
    test(sentence, () => {
      const quantity = of(extractFacts(sentence), 'quantity').find((q) => q.text === text);
      assert.ok(quantity, `${text} in ${JSON.stringify(of(extractFacts(sentence), 'quantity').map((q) => q.text))}`);
      assert.deepEqual([quantity.value, quantity.measure, quantity.noun, quantity.bound], [value, measure, noun, bound]);
    });
  }
  test('居全国第二 is a rank', () => {
    const [rank] = of(extractFacts('快递业务量居全国第二'), 'quantity');
    assert.deepEqual([rank?.value, rank?.ordinal], [2, true]);
  });
  test('十四五 and 一个 are no quantities', () => {
    assert.deepEqual(of(extractFacts('落实十四五规划，这是一个重要机遇'), 'quantity'), []);
  });
});

describe('extractFacts: places, sites, documents, meetings, enumerations', () => {
  test('destinations across a list', () => {
    const places = of(extractFacts('代表团先后赴四川、重庆和贵州学习考察'), 'place');
    assert.deepEqual(places.map((p) => [p.canonical, p.destination]), [['四川', true], ['重庆', true], ['贵州', true]]);
  });
  test('a site is cut at the verb before it', () => {
    const orgs = of(extractFacts('代表团参观了宁波舟山港集团有限公司和东海科技园'), 'org');
    assert.deepEqual(orgs.map((o) => [o.name, o.visited]), [['宁波舟山港集团有限公司', true], ['东海科技园', true]]);
  });
  test('an activity before a site head describes a kind, it names no site (签约项目, 合作项目, 培训中心)', () => {
    assert.deepEqual(of(extractFacts('去年，全市共组织2批考察团外出考察，签约项目11个。'), 'org'), []);
    assert.deepEqual(of(extractFacts('考察团实地考察了合作项目和培训中心。'), 'org'), []);
    const named = of(extractFacts('考察团实地考察了东岭实训基地和投资项目。'), 'org');
    assert.deepEqual(named.map((o) => o.name), ['东岭实训基地']);
  });
  test('agreements in 《》 and after 签订', () => {
    const documents = of(extractFacts('两市签订了战略合作框架协议，并共同发布《产业协作白皮书》'), 'document');
    assert.deepEqual(documents.map((d) => [d.name, d.agreement]).sort(), [['产业协作白皮书', false], ['战略合作框架协议', true]]);
  });
  test('an agreement after 签署的 / 签订的 / 签约的 leaves the 的 out', () => {
    for (const sentence of ['两市政府签署的合作框架协议涵盖六个领域。', '双方签订的产业协作协议明确了分工。', '两地签约的园区共建协议已经生效。']) {
      const [document] = of(extractFacts(sentence), 'document');
      assert.ok(document && !document.name.startsWith('的'), `${sentence}: ${document?.name}`);
    }
  });
  test('a named meeting, not a bare 座谈会', () => {
    assert.deepEqual(of(extractFacts('分别召开了川甘两省合作交流座谈会'), 'meeting').map((m) => m.name), ['川甘两省合作交流座谈会']);
    assert.deepEqual(of(extractFacts('双方举行了座谈会'), 'meeting'), []);
  });
  test('a place inside a titled person\'s name is no place (启东 in 马启东)', () => {
    const places = of(extractFacts('马启东感谢各方的支持', { people: new Map([['马启东', '自治区党委书记']]) }), 'place').map((p) => p.name);
    assert.deepEqual(places, []);
    // An untitled "name" in a list may be a place the segmenter misreads.
    assert.ok(of(extractFacts('代表团先后赴南昌、景德镇两市考察'), 'place').some((p) => p.name === '景德镇'));
  });
  test('enumeration items', () => {
    const terms = of(extractFacts('要学习他们的开放意识、创新精神和担当作为'), 'term').map((t) => t.name);
    assert.deepEqual(terms, ['开放意识', '创新精神', '担当作为']);
  });
  // A site's name never starts with the day or the arrival before it, nor takes in the count after a list.
  const siteNames: Array<[string, string[]]> = [
    ['20日抵达北岭港，参观了北岭码头', ['北岭港', '北岭码头']],
    ['次日上午到达东川工业园，走访企业', ['东川工业园']],
    ['先后走访了上坪村、下坪村和石门村3个村', ['上坪村', '下坪村', '石门村']],
    ['考察了甲乙科技有限公司等2家企业', ['甲乙科技有限公司']],
  ];
  for (const [sentence, names] of siteNames) {
    test(`site names in ${sentence}`, () => assert.deepEqual(of(extractFacts(sentence), 'org').map((o) => o.name), names));
  }
  test('a count closing a list is no part of its last item', () => {
    const terms = of(extractFacts('调研了产业园区、物流枢纽和创新平台三个方面'), 'term').map((t) => t.name);
    assert.deepEqual(terms, ['产业园区', '物流枢纽', '创新平台']);
  });
});

describe('people listed after a titled one, and titles with their place', () => {
  const people = (sentence: string) =>
    extractFacts(sentence)
      .filter((f): f is PersonFact => f.kind === 'person')
      .map((p) => [p.text, p.titles, p.role]);
  test('副主席A、B和C: a name right after 、 shares the title', () => {
    assert.deepEqual(people('出席的有省政协副主席王立群、郑书和市政协副主席陆明等').map(([n]) => n), ['王立群', '郑书', '陆明']);
    assert.deepEqual(people('县领导白玛、格桑卓玛、刘一和我市领导出席').map(([n]) => n), ['白玛', '格桑卓玛', '刘一']);
  });
  test('a name of five characters is taken whole when no shorter one fits', () => {
    assert.deepEqual(people('市委副书记、市长额尔敦巴图率代表团考察').map(([n]) => n), ['额尔敦巴图']);
    assert.deepEqual(people('副盟长乌云其木格主持会议').map(([n]) => n), ['乌云其木格']);
    assert.deepEqual(people('旗委书记那顺乌日图出席').map(([n]) => n), ['那顺乌日图']);
    // (but a word going on the clause is no part of it)
    assert.deepEqual(people('市委副书记、市长周雪峰全程陪同').map(([n]) => n), ['周雪峰']);
    assert.deepEqual(people('副县长李国平全程参加调研').map(([n]) => n), ['李国平']);
  });
  test('为 may end a given name before the person\'s act, never before what it is for', () => {
    assert.deepEqual(people('省委常委、秘书长殷可为率督导组到文山').map(([n]) => n), ['殷可为']);
    assert.deepEqual(people('副市长周志为主持座谈会').map(([n]) => n), ['周志为']);
    assert.deepEqual(people('市长李明为代表团介绍了情况').map(([n]) => n), ['李明']);
  });
  test('a list item that is no name is not taken', () => {
    assert.deepEqual(people('省委书记周立、全体成员和相关部门负责人参加').map(([n]) => n), ['周立']);
    assert.deepEqual(people('市委书记陈一、代表团一行考察了园区').map(([n]) => n), ['陈一']);
  });
  test('the place written before a title office belongs to the title', () => {
    assert.deepEqual(people('在九江市委书记许新陪同下')[0]?.slice(0, 2), ['许新', '九江市委书记']);
    assert.deepEqual(people('带队的是鄂尔多斯市市委书记王一')[0]?.slice(0, 2), ['王一', '鄂尔多斯市市委书记']);
  });
  test('及 and 以及 end a name; 有 after a title introduces names', () => {
    assert.deepEqual(people('会见了九江市委书记许新及代表团成员').map(([n]) => n), ['许新']);
    assert.deepEqual(people('市长王明以及副市长李华出席').map(([n]) => n), ['王明', '李华']);
    assert.deepEqual(people('陪同的市领导有赵海、李江').map(([n]) => n), ['赵海', '李江']);
  });
  test('a verb between two people parts their lists: the role of one is not the other\'s', () => {
    const found = people('省委书记周长青和省长马立在南昌会见了九江市委书记许新及代表团成员');
    assert.deepEqual(found.map(([n, , r]) => [n, r]), [['周长青', 'meet'], ['马立', 'meet'], ['许新', null]]);
  });
});

describe('dates with a part of the period, and verbs after a count', () => {
  const texts = (sentence: string, kind: Fact['kind']) => extractFacts(sentence).filter((f) => f.kind === kind).map((f) => f.text);
  test('7月底前, 9月中旬, 年底 keep their part', () => {
    assert.deepEqual(texts('要在8月底前形成考察报告', 'date'), ['8月底前']);
    assert.deepEqual(texts('10月中旬，代表团启程', 'date'), ['10月中旬']);
    assert.deepEqual(texts('到2025年底完成', 'date'), ['2025年底']);
  });
  test('35人组成: 组成 is the predicate, no counter noun', () => {
    const count = extractFacts('考察团由有关负责同志共31人组成。').find((f): f is QuantityFact => f.kind === 'quantity');
    assert.equal(count?.text, '31人');
    assert.equal(count?.noun, '');
  });
});
