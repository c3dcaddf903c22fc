import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractTours, toursOfArticles, tourToJson } from '../../src/tours/index.ts';
import { articleOf, CITY_TRIP, COUNTY_TRIP, OVERVIEW, PROVINCE_TRIP } from './fixtures.ts';

const one = (title: string, paragraphs: string[], publishedAt: string | null = '2024-06-30') =>
  extractTours(articleOf('t', { title, publishedAt, paragraphs }))[0]!;

test('a provincial trip: delegation, leaders, dates, destinations, sites, count, agreement, host', () => {
  const card = tourToJson(toursOfArticles([PROVINCE_TRIP])[0]!);
  assert.equal(card.delegation, '安徽省党政代表团');
  assert.equal(card.level, 'province');
  assert.deepEqual((card.leaders as Array<{ name: string }>).map((l) => l.name), ['陈立新', '赵明远']);
  assert.deepEqual((card.hosts as Array<{ name: string }>).map((l) => l.name), ['王建华']);
  assert.equal(card.start, '2024-05-14');
  assert.equal(card.end, '2024-05-17');
  assert.deepEqual(card.destinations, ['江苏', '浙江']);
  assert.deepEqual(card.sites, ['苏州纳米城', '无锡物联网创新中心', '杭州未来科技城', '宁波舟山港穿山码头']);
  assert.equal(card.site_count, 28);
  assert.deepEqual(card.agreements, ['江苏省人民政府 安徽省人民政府深化战略合作框架协议']);
});

test('every citation quote is verbatim in its paragraph and contains the value it supports', () => {
  for (const article of [PROVINCE_TRIP, CITY_TRIP, COUNTY_TRIP, OVERVIEW]) {
    for (const card of toursOfArticles([article])) {
      for (const [field, list] of Object.entries(card.citations)) {
        for (const c of list ?? []) {
          const paragraph = article.paragraphs.find((p) => p.id === c.paragraphId);
          assert.ok(paragraph?.text.includes(c.quote), `${field}: quote verbatim in ${c.paragraphId}`);
        }
      }
      const quotes = (field: keyof typeof card.citations) => (card.citations[field] ?? []).map((c) => c.quote).join('\n');
      for (const leader of card.leaders) assert.ok(quotes('leaders').includes(leader.name), leader.name);
      for (const place of card.destinations) assert.ok(quotes('destinations').includes(place), place);
      for (const site of card.sites) assert.ok(quotes('sites').includes(site), site);
      if (card.siteCount !== null) assert.ok(quotes('site_count').includes(String(card.siteCount)));
    }
  }
});

test('leaders: the people a delegation is led by, however the lead is written', () => {
  const cases: Array<[string, string[]]> = [
    ['6月3日，由甘肃省委书记韩青松、省长罗天宇率领的甘肃省党政代表团赴陕西考察。', ['韩青松', '罗天宇']],
    ['6月3日，宁安市考察团在市委书记邵春雷的带领下来到杭州考察。', ['邵春雷']],
    ['6月3日，宁安市党政代表团到杭州考察，带队的是宁安市委书记邵春雷和市长顾明哲。', ['邵春雷', '顾明哲']],
    ['6月3日，调研组来到当地。调研组组长由国家发展改革委副主任梁宏图担任。', ['梁宏图']],
    ['6月3日，宁安市党政代表团到杭州考察，杭州市委书记钟一鸣会见了代表团。', []],
    ['6月3日，代表团团长、市委书记邵春雷在座谈会上介绍了宁安的情况。', ['邵春雷']],
    ['6月3日，督导组组长梁宏图一行来到县里督导。', ['梁宏图']],
    ['6月3日，考察团副团长、副市长顾明哲主持座谈会。', ['顾明哲']],
    ['6月3日，村委会主任、合作社理事长钱多多介绍了合作社。', []],
    ['6月3日，市委书记孙卫东率团在杭州市委书记钟一鸣陪同下考察了未来科技城。', ['孙卫东']],
    ['6月3日，杭州市委书记钟一鸣率有关部门负责同志陪同宁安市党政代表团考察。', []],
    ['6月3日，宁安市党政代表团抵达杭州，杭州市委书记钟一鸣带领市直部门负责人迎接代表团一行。', []],
    ['6月3日，市委书记孙卫东率先发言，介绍了宁安的情况。', []],
  ];
  for (const [text, want] of cases) assert.deepEqual(one('考察', [text]).leaders.map((l) => l.value.name), want, text);
});

test('leaders: a supervising group is led by whoever fills its 组长 or 团长 post, however the post is written', () => {
  const cases: Array<[string, string[]]> = [
    ['4月2日，由省人大常委会副主任许光明任组长的省委第一督查组到衡阳市开展督查。', ['许光明']],
    ['6月3日，由省政协副主席唐立新担任组长的省委巡回督导组来到邵阳。', ['唐立新']],
    ['由市委常委、组织部部长黎明远任团长的考察团一行20人赴深圳学习。', ['黎明远']],
    ['4月8日，由省政协副主席邓文和任组长的省委第三督导组到上饶市督导。', ['邓文和']],
    ['督查组组长由副省长秦海峰担任，副组长由省审计厅厅长胡建民担任。', ['秦海峰', '胡建民']],
    ['副组长、省发展改革委副主任林海波介绍了督查安排。', ['林海波']],
    ['组长、省政协副主席唐立新在反馈会上讲话。', ['唐立新']],
    ['督查组副组长、省财政厅副厅长罗晓东主持召开座谈会。', ['罗晓东']],
    ['会议由省委副书记、省长、省乡村振兴领导小组组长孙明远主持。', []],
    ['村民小组组长王大山介绍了村里的情况。', []],
    ['市委书记钟一鸣任领导小组组长，统筹推进整改。', []],
    ['9月2日，以省人大常委会副主任周建民为组长的省委第二督查组到赣州市开展督查。', ['周建民']],
    ['以市政协副主席韩青松为团长的考察团一行赴宁波学习。', ['韩青松']],
    ['督导组以副省长罗天宇为组长、省水利厅厅长钱多多为副组长。', ['罗天宇', '钱多多']],
  ];
  for (const [text, want] of cases) assert.deepEqual(one('督查', [text]).leaders.map((l) => l.value.name), want, text);
});

test('leaders: a head post written before the other titles is part of the title as written', () => {
  const cases: Array<[string, string]> = [
    ['副组长、省发展改革委副主任林海波介绍了督查安排。', '副组长、省发展改革委副主任'],
    ['督查组副组长、省财政厅副厅长罗晓东主持召开座谈会。', '督查组副组长、省财政厅副厅长'],
    ['組長、省政協副主席唐立新在反饋會上講話。', '組長、省政協副主席'],
  ];
  for (const [text, want] of cases) assert.equal(one('督查', [text]).leaders[0]?.value.title, want, text);
});

test('leaders: a given name ending in 和 stays whole however the lead is written', () => {
  const cases: Array<[string, string[]]> = [
    ['9月13日，崇义县委书记刘德和率领考察团赴安吉考察。', ['刘德和']],
    ['6月3日，考察团在市委书记王安和的带领下赴杭州考察。', ['王安和']],
    ['6月3日，宁安市党政代表团到杭州考察，带队的是市长陈立和。', ['陈立和']],
    ['6月3日，宁安市委书记周建和、市长顾明哲率团赴杭州考察。', ['周建和', '顾明哲']],
    ['6月3日，由省人大常委会副主任周国和任组长的督查组到赣州督查。', ['周国和']],
    ['6月3日，市委书记顾明哲和市长周建和率团赴杭州考察。', ['顾明哲', '周建和']],
  ];
  for (const [text, want] of cases) assert.deepEqual(one('考察', [text]).leaders.map((l) => l.value.name), want, text);
});

test('dates: the first range is the span; the year comes from the date line; a December trip reported in January is last year', () => {
  const cases: Array<[string[], string | null, string | null, string | null]> = [
    [['9月23日至28日，代表团赴广东考察。', '29日上午召开总结会，部署学习考察成果转化。'], '2024-06-30', '2023-09-23', '2023-09-28'],
    [['来源：示例网 2019-05-12', '5月8日至10日，考察团在上海考察学习。'], null, '2019-05-08', '2019-05-10'],
    [['12月28日，考察团抵达深圳开始考察。', '12月30日，考察团结束考察返回。'], '2025-01-05', '2024-12-28', '2024-12-30'],
    [['3月2日，考察团启程赴外省学习考察。'], '2024-03-20', '2024-03-02', null],
    [['考察团于11月9日至11日赴广州考察学习。'], null, null, null],
  ];
  for (const [paragraphs, published, start, end] of cases) {
    const draft = one('考察', paragraphs, published);
    assert.equal(draft.start?.value ?? null, start, paragraphs.join(''));
    assert.equal(draft.end?.value ?? null, end, paragraphs.join(''));
  }
});

test('a planned date after publication is not the visit', () => {
  const draft = one('考察', ['7月1日，代表团到成都考察学习，双方约定9月再赴当地考察。', '9月20日将举办考察成果交流会。'], '2024-07-03');
  assert.equal(draft.start?.value, '2024-07-01');
  assert.equal(draft.end?.value, '2024-07-01');
});

test('site count: the trip total, exact only; per-stop counts and 10多个 are not it', () => {
  const cases: Array<[string, number | null]> = [
    ['代表团一行考察了36个考察点，其中广东10个点。', 36],
    ['此行共走访12个示范点。', 12],
    ['代表团走了10多个考察点。', null],
    ['在江西考察了13个点，在湖北考察了15个点。', 15],
    ['考察中发现了多个亮点和3个重点。', null],
  ];
  for (const [text, want] of cases) assert.equal(one('考察', [text]).siteCount?.value ?? null, want, text);
});

test('agreements: titled agreements, without the generic phrase that refers to them', () => {
  const cases: Array<[string[], string[]]> = [
    [['两市签署战略合作协议。', '双方签署《甲市人民政府 乙市人民政府战略合作框架协议》。'], ['甲市人民政府 乙市人民政府战略合作框架协议']],
    [['考察期间，双方签订了文旅合作备忘录。'], ['文旅合作备忘录']],
    [['考察团学习了《乡村振兴促进法》。'], []],
  ];
  for (const [paragraphs, want] of cases) assert.deepEqual(one('考察', paragraphs).agreements.map((a) => a.value), want, paragraphs.join(''));
});

test('destinations: provinces when the trip names them, a 从…到… chain in order, never the home region', () => {
  const cases: Array<[string, string[]]> = [
    ['江门市党政代表团先后赴广西、云南学习考察，在南宁、昆明参观了多家企业。', ['广西', '云南']],
    ['4天时间，从南宁、柳州到桂林再到北海，江门市党政代表团行程满满。', ['南宁', '柳州', '桂林', '北海']],
    ['湖州市党政代表团赴宁波考察学习，回到湖州后召开总结会。', ['宁波']],
  ];
  for (const [text, want] of cases) {
    const got = one('考察', [text, '南宁柳州桂林北海宁波昆明南宁柳州桂林北海宁波昆明']).destinations.map((d) => d.value);
    assert.deepEqual(got, want, text);
  }
});

test('an overview article yields one card per trip, each with its own leader and destinations', () => {
  const cards = toursOfArticles([OVERVIEW]);
  assert.deepEqual(
    cards.map((c) => [c.from, c.leaders.map((l) => l.name), c.destinations]),
    [
      ['江西', ['林秋实'], ['浙江']],
      ['河南', ['高远航'], ['广东']],
      ['四川省', ['何乐山'], ['重庆', '贵州']],
    ],
  );
});

test('a field the article does not state stays empty', () => {
  const card = tourToJson(toursOfArticles([articleOf('bare', { title: '某县考察团外出学习', publishedAt: null, paragraphs: ['考察团一行到外地学习了先进经验。'] })])[0]!);
  assert.equal(card.start, null);
  assert.equal(card.end, null);
  assert.equal(card.site_count, null);
  assert.deepEqual(card.leaders, []);
  assert.deepEqual(card.agreements, []);
});

test('hosts from several provinces do not turn a report into an overview', () => {
  const article = articleOf('three-hosts', {
    title: '我省党政代表团赴三省学习考察',
    publishedAt: '2018-10-05',
    paragraphs: [
      '9月28日至10月2日，江西省委书记刘立明、省长许文彬率江西省党政代表团赴广东、福建、浙江学习考察。',
      '在广东期间，广东省委书记李学军、省长马兴瑞会见代表团一行。',
      '在福建，福建省委书记于振国会见了代表团。',
      '浙江省委书记车明远陪同代表团考察了杭州城市大脑运营中心。',
    ],
  });
  const cards = toursOfArticles([article]);
  assert.equal(cards.length, 1);
  assert.deepEqual(cards[0]!.leaders.map((l) => l.name), ['刘立明', '许文彬']);
  assert.deepEqual(cards[0]!.hosts.map((l) => l.name), ['李学军', '马兴瑞', '于振国', '车明远']);
  assert.equal(cards[0]!.start, '2018-09-28');
  assert.equal(cards[0]!.end, '2018-10-02');
  assert.deepEqual(cards[0]!.destinations, ['广东', '福建', '浙江']);
});

test('a province written right before a city qualifies it: one place as written, or the cities of a list', () => {
  const cases: Array<[string, string[]]> = [
    ['3月8日，考察团来到江苏省苏州市吴江区考察学习。', ['江苏省苏州市吴江区']],
    ['考察团赴福建省泉州市考察，泉州市委书记会见。', ['福建省泉州市']],
    ['代表团前往四川、重庆学习考察。', ['四川', '重庆']],
    ['代表团赴贵州省贵阳市、遵义市学习考察。', ['贵阳市', '遵义市']],
    ['5月3日，岳阳市党政代表团赴江西省九江市考察学习。', ['江西省九江市']],
    ['9月12日，宁乡县考察团前往山东省潍坊市寿光市学习蔬菜产业经验。', ['山东省潍坊市寿光市']],
    ['10月20日，株洲市党政代表团赴湖北省宜昌、襄阳两市考察。', ['宜昌', '襄阳']],
    ['4月9日，代表团一行赴四川省成都、德阳、绵阳三市学习考察。', ['成都', '德阳', '绵阳']],
    ['7月1日，衡阳市考察团到河南省郑州、洛阳等地参观学习。', ['郑州', '洛阳']],
    ['6月2日，邵阳市党政代表团先后赴江苏省南京市、浙江省杭州市考察学习。', ['江苏省南京市', '浙江省杭州市']],
    ['6月2日，邵阳市党政代表团前往山东省青岛市西海岸新区考察。', ['山东省青岛市']],
    ['6月2日，邵陽市黨政代表團赴廣東省東莞市、惠州市考察。', ['東莞市', '惠州市']],
    ['9月2日，省委第二督查组进驻赣州市开展督查。', ['赣州市']],
    ['9月2日，省委第二督查組進駐贛州市開展督查。', ['贛州市']],
    ['9月2日，省委巡回督导组莅临宜昌市督导。', ['宜昌市']],
    ['7月1日，台州市党政代表团赴吉林省长春市、吉林市考察对口合作工作。', ['长春市', '吉林市']],
    ['7月1日，石家庄市党政代表团赴河北省廊坊市、海南省海口市考察。', ['河北省廊坊市', '海南省海口市']],
  ];
  for (const [text, want] of cases) assert.deepEqual(one('考察', [text]).destinations.map((d) => d.value), want, text);
});

test('a provincial delegation goes to provinces, even when the text names a city with its province', () => {
  const cases: Array<[string, string[]]> = [
    ['6月5日，湖南省党政代表团赴广东省深圳市考察学习。', ['广东省']],
    ['5月10日至12日，由江西省委书记林秋实率领的江西省党政代表团前往浙江省宁波市学习考察。', ['浙江省']],
    ['广西壮族自治区党政代表团到云南省昆明市、玉溪市考察。', ['云南省']],
  ];
  for (const [text, want] of cases) assert.deepEqual(one('考察', [text]).destinations.map((d) => d.value), want, text);
});

test('来我市考察: the destination is the writer\'s place, named by the local outlet at the top', () => {
  const cases: Array<[string[], string[]]> = [
    [['报纸名称：宜昌日报 出版日期：2019.04.02', '4月1日，襄阳市党政代表团来我市考察。', '宜昌和襄阳同处鄂西，宜昌愿与襄阳加强合作。'], ['宜昌']],
    [['来源：德清发布 2021-09-09', '9月8日，安吉县考察团到我县考察交流，德清县委书记会见。', '德清与安吉山水相连，德清将深化合作。'], ['德清']],
    [['来源：人民网 2021-09-09', '9月8日，安吉县考察团在我县考察交流。'], []],
  ];
  for (const [paragraphs, want] of cases) assert.deepEqual(one('考察', paragraphs).destinations.map((d) => d.value), want, paragraphs.join(''));
});

test('dates of sentences about the group come before background dates', () => {
  const cases: Array<[string[], string | null, string | null]> = [
    [['2020年9月17日，总书记在这里考察时提出殷切期望。', '10月12日，襄阳市党政代表团来到长沙学习考察。'], '2021-10-12', '2021-10-12'],
    [['5月9日，国家部委在此调研产业发展。', '5月20日至22日，考察团一行在苏州参观学习。'], '2021-05-20', '2021-05-22'],
    [['6月2日，县委书记周海波带队赴浙江考察。', '6月1日，浙江召开全省大会，部署乡村振兴考察工作。'], '2021-06-02', '2021-06-02'],
  ];
  for (const [paragraphs, start, end] of cases) {
    const draft = extractTours(articleOf('t', { title: '考察', publishedAt: '2021-10-20', paragraphs }))[0]!;
    assert.equal(draft.start?.value ?? null, start, paragraphs.join(''));
    assert.equal(draft.end?.value ?? null, end, paragraphs.join(''));
  }
});

test('a report that mentions other delegations in passing stays one card', () => {
  const cases: ArticleSpecRow[] = [
    ['浙江省党政代表团赴江苏学习考察', ['4月12日至13日，浙江省党政代表团赴江苏学习考察。', '此前，上海市党政代表团、安徽省党政代表团也曾来江苏考察。', '代表团考察了苏州工业园区展示中心。']],
    ['多地考察团来我市', ['近期，河南省党政代表团、山东省党政代表团和河北省党政代表团先后来我市考察。', '河南省党政代表团考察了港口码头。', '河南省党政代表团一行还参观了规划馆。', '河南省党政代表团与我市签署合作协议。', '河南省党政代表团举行了座谈。']],
    ['考察纪实', ['江苏省党政代表团赴浙江考察。', '江苏省党政代表团先后考察了杭州、宁波。', '江苏省委书记周明远率团参观了宁波舟山港。', '去年，福建、江西党政代表团也到过宁波。']],
  ];
  for (const [title, paragraphs] of cases) {
    const cards = toursOfArticles([articleOf('passing', { title, publishedAt: '2023-04-20', paragraphs })]);
    assert.equal(cards.length, 1, title);
  }
});

test('a report of two trips by different delegations (own leaders, dates and places) yields a card for each', () => {
  const cases: Array<[string, string[], Array<[string[], string | null, string | null, string[]]>]> = [
    [
      '两市党政代表团外出学习考察',
      [
        '近日，岳阳、常德两市党政代表团分别外出学习考察。',
        '5月6日至8日，岳阳市委书记孙卫东率岳阳市党政代表团赴江苏省南通市学习考察，先后参观了南通港口展示中心、海门叠石桥家纺城。',
        '在南通期间，两市签署了《岳阳市 南通市港航合作框架协议》。',
        '5月13日至15日，常德市党政代表团在市委书记周海波带领下赴福建厦门、泉州考察，走进厦门湖里创新园和泉州鞋服产业园。',
        '常德市委副书记、市长赵明远参加考察。',
      ],
      [
        [['孙卫东'], '2024-05-06', '2024-05-08', ['江苏省南通市']],
        [['周海波'], '2024-05-13', '2024-05-15', ['厦门', '泉州']],
      ],
    ],
    [
      '县域经济考察纪实',
      [
        '6月3日至5日，宁乡县委书记顾明哲率宁乡县考察团赴浙江义乌学习小商品市场建设经验。与此同时，6月10日至12日，浏阳县考察团由县长钱立新带队，赴山东寿光考察蔬菜产业。',
        '宁乡县考察团参观了义乌数字贸易港。',
      ],
      [
        [['顾明哲'], '2024-06-03', '2024-06-05', ['浙江义乌']],
        [['钱立新'], '2024-06-10', '2024-06-12', ['山东寿光']],
      ],
    ],
    [
      '兩市考察團分赴粵浙',
      [
        '3月4日至6日，贛州市委書記黃立平率贛州市黨政代表團赴廣東深圳學習考察。',
        '3月18日至20日，吉安市黨政代表團在市委書記羅永和帶領下赴浙江溫州考察。代表團參觀了溫州鹿城鞋都產業園。',
        '此外，贛州市黨政代表團在深圳期間還考察了深圳灣科技生態園。',
      ],
      [
        [['黃立平'], '2024-03-04', '2024-03-06', ['廣東深圳']],
        [['羅永和'], '2024-03-18', '2024-03-20', ['浙江溫州']],
      ],
    ],
  ];
  for (const [title, paragraphs, want] of cases) {
    const drafts = extractTours(articleOf('two', { title, publishedAt: '2024-06-30', paragraphs }));
    assert.deepEqual(
      drafts.map((d) => [d.leaders.map((l) => l.value.name), d.start?.value ?? null, d.end?.value ?? null, d.destinations.map((x) => x.value)]),
      want,
      title,
    );
  }
});

test('a trip of a report starts where its delegation is named, with the day or the leaders later in the paragraph', () => {
  const cases: Array<[string, string[], Array<[string[], string | null, string | null]>]> = [
    [
      '两市代表团考察纪实',
      ['3月2日至4日，株洲市党政代表团赴江西南昌学习考察。市委书记黎明远带队。', '3月9日至11日，湘潭市党政代表团赴湖北武汉考察。湘潭市委书记钱立新、市长顾明哲率团。'],
      [[['黎明远'], '2024-03-02', '2024-03-04'], [['钱立新', '顾明哲'], '2024-03-09', '2024-03-11']],
    ],
    [
      '两市代表团考察纪实',
      ['株洲市委书记黎明远率株洲市党政代表团赴江西南昌考察。考察于3月2日至4日进行。', '湘潭市党政代表团在市委书记钱立新带领下，于3月9日至11日赴湖北武汉学习。'],
      [[['黎明远'], '2024-03-02', '2024-03-04'], [['钱立新'], '2024-03-09', '2024-03-11']],
    ],
    [
      '兩市黨政代表團赴東部考察',
      ['4月8日至10日，自治區黨委常委、柳州市委書記梁宏圖率柳州市黨政代表團赴廣東東莞考察。', '4月15日至17日，梧州市委書記韋立新率團赴浙江嘉興考察。'],
      [[['梁宏圖'], '2024-04-08', '2024-04-10'], [['韋立新'], '2024-04-15', '2024-04-17']],
    ],
    [
      '两市代表团考察纪实',
      ['5月上旬，株洲市委书记黎明远率株洲市党政代表团赴江西南昌考察。', '5月下旬，湘潭市党政代表团在市委书记钱立新带领下赴湖北武汉学习。'],
      [[['黎明远'], null, null], [['钱立新'], null, null]],
    ],
  ];
  for (const [title, paragraphs, want] of cases) {
    const drafts = extractTours(articleOf('two', { title, publishedAt: '2024-06-30', paragraphs }));
    assert.deepEqual(drafts.map((d) => [d.leaders.map((l) => l.value.name), d.start?.value ?? null, d.end?.value ?? null]), want, paragraphs.join(''));
  }
});

test('a delegation of the place visited, on the days of the visit, hosts it: no second trip', () => {
  const cases: ArticleSpecRow[] = [
    ['营口市党政代表团赴常州考察', ['6月9日至11日，营口市委书记宋继峰率营口市党政代表团赴江苏省常州市考察。', '6月10日，常州市委书记钟一鸣率常州市有关部门负责同志陪同考察团参观了常州科教城。']],
    ['营口市党政代表团赴常州考察', ['6月9日至11日，营口市委书记宋继峰率营口市党政代表团赴江苏省常州市考察。', '6月10日，常州市党政代表团在市委书记钟一鸣带领下与营口市党政代表团举行座谈。']],
    ['营口市党政代表团赴常州考察', ['6月，营口市委书记宋继峰率营口市党政代表团赴江苏省常州市考察。', '6月10日，常州市委书记钟一鸣带领常州市党政代表团与客人座谈。']],
  ];
  for (const [title, paragraphs] of cases) assert.equal(extractTours(articleOf('host', { title, publishedAt: '2024-06-30', paragraphs })).length, 1, paragraphs.join(''));
});

test('one delegation written twice with its leader and dates, or a host dated with its own title, stays one trip', () => {
  const cases: ArticleSpecRow[] = [
    ['岳阳市党政代表团赴南通考察', ['5月6日，岳阳市委书记孙卫东率岳阳市党政代表团赴南通考察。', '5月7日，孙卫东率岳阳市考察团参观南通港口展示中心。']],
    ['岳阳市党政代表团赴南通考察', ['5月6日，岳阳市委书记孙卫东率岳阳市党政代表团赴南通考察。', '5月7日，南通市委书记钟一鸣会见代表团，南通市党政代表团将于年内回访。']],
    ['岳阳市党政代表团赴南通考察', ['5月6日至8日，岳阳市委书记孙卫东率岳阳市党政代表团赴南通考察。', '5月7日，岳阳市委副书记、市长罗天宇率岳阳市政府代表团分组考察了海门。']],
  ];
  for (const [title, paragraphs] of cases) assert.equal(extractTours(articleOf('one', { title, publishedAt: '2024-06-30', paragraphs })).length, 1, paragraphs.join(''));
});

type ArticleSpecRow = [string, string[]];

test('odd articles yield a card without throwing (no paragraphs, captions only, a very long run-on paragraph)', () => {
  const longParagraph = `${'代表团考察了甲园区、乙基地、丙中心，'.repeat(400)}。`;
  const articles = [
    articleOf('empty', { title: '', paragraphs: [] }),
    { ...articleOf('captions', { title: '图片新闻', paragraphs: ['图为考察团在展馆参观。'] }), paragraphs: [{ id: 'captions#p1', docId: 'captions', n: 1, text: '图为考察团在展馆参观。', kind: 'caption' as const }] },
    articleOf('long', { title: '考察', paragraphs: [longParagraph] }),
  ];
  for (const article of articles) {
    const cards = toursOfArticles([article]);
    assert.equal(cards.length, 1, article.docId);
    assert.deepEqual(cards[0]!.docs, [article.docId]);
  }
});
