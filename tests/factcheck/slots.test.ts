/**
 * Slot-by-slot comparison on invented reports (not from any corpus or eval set): every rule has three reworded
 * claims of its own. The checker runs end to end over an in-memory corpus whose retriever returns every article,
 * so what is tested is tour finding and comparison, not retrieval.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../../src/domain.ts';
import type { CorpusView, RetrievedChunk, Retriever } from '../../src/retrieve/index.ts';
import { EvidenceFactChecker, parseClaim, type Verdict } from '../../src/factcheck/index.ts';

function article(docId: string, title: string, publishedAt: string, paragraphs: string[]): Article {
  return {
    docId,
    file: `${docId}.txt`,
    meta: { title, source: '测试报', author: null, publishedAt, url: null },
    contentHash: docId,
    addedAt: '2026-01-01T00:00:00Z',
    paragraphs: paragraphs.map((text, i) => ({ id: `${docId}#p${i + 1}`, docId, n: i + 1, text, kind: 'body' as const })),
  };
}

const HENAN = article('henan-sichuan', '河南省党政代表团赴四川重庆学习考察', '2025-05-18', [
  '5月12日至16日，河南省委书记张明远、省长李华清率领河南省党政代表团赴四川、重庆学习考察。',
  '代表团一行5天途经6座城市，行程1500多公里，共考察了24个点。',
  '其中，在四川考察了14个点，在重庆考察了10个点。两地共有30个示范县(四川18个、重庆12个)。',
  '5月13日上午，代表团来到成都，参观了天府软件园和成都大熊猫繁育研究基地。',
  '当天下午，两省在成都召开经济社会发展交流座谈会，四川省委书记王立新主持座谈会。',
  '座谈会上，双方签署了《川豫战略合作框架协议》。',
  '5月15日，代表团转赴重庆，考察了两江新区和重庆科学城。',
  '河南是汽车和零部件制造大省，近年来民营企业发展迅速。',
]);

const GANSU = article('gansu-study', '甘肃省党政考察团赴江苏考察', '2025-06-20', [
  '6月10日至12日，甘肃省委副书记、省长赵东明率领甘肃省党政考察团赴江苏考察。',
  '考察团在苏州参观了工业园区展示馆，在无锡考察了物联网产业园。',
  '考察团一行共42人。',
  '6月10日，考察团来到苏州，11日转赴无锡，12日抵达南京。',
  '国家发展改革委副主任周立平陪同考察。',
  '考察团分两组学习，路线如下。',
  '第一组：',
  '苏州、无锡、常州',
  '第二组：',
  '南京、扬州、镇江',
]);

/** A local paper: 我市 is 洛阳. */
const LUOYANG = article('huainan-luoyang', '淮南市党政代表团来我市考察', '2025-04-10', [
  '洛阳日报讯 4月8日，安徽省淮南市党政代表团来我市考察，带队的是淮南市委书记周新民。',
  '代表团参观了我市的智能装备产业园。',
]);
const ARTICLES = [HENAN, GANSU, LUOYANG];

const corpus: CorpusView = {
  getArticle: (docId) => ARTICLES.find((a) => a.docId === docId),
  getParagraph: () => undefined,
  getChunk: () => undefined,
};

/** Returns every paragraph of every article as a chunk (retrieval is not under test here). */
const everything: Retriever = {
  async retrieve(): Promise<RetrievedChunk[]> {
    return ARTICLES.flatMap((a) =>
      a.paragraphs.map((p) => ({
        chunk: { id: `${a.docId}#c${p.n}`, docId: a.docId, paragraphNumbers: [p.n], start: 0, end: p.text.length, text: p.text },
        score: 1,
        denseRank: null,
        lexicalRank: null,
      })),
    );
  },
};

const checker = new EvidenceFactChecker({ retriever: everything, corpus });

async function verdictOf(claim: string): Promise<Verdict> {
  return (await checker.check(claim)).verdict;
}

const RULES: Array<[string, Array<[string, Verdict]>]> = [
  [
    'a person given another title is contradicted',
    [
      ['河南省党政代表团由省委书记李华清率领。', 'contradicted'],
      ['省委书记李华清率河南省党政代表团赴四川考察。', 'contradicted'],
      ['甘肃省党政考察团由甘肃省委书记赵东明带队。', 'contradicted'],
    ],
  ],
  [
    'the right title and role are confirmed, 率队 = 率领',
    [
      ['河南省委书记张明远率队赴四川、重庆学习考察。', 'supported'],
      ['河南省党政代表团由省长李华清带领。', 'supported'],
      ['甘肃省长赵东明带队赴江苏考察。', 'supported'],
    ],
  ],
  [
    'the body holding the title is part of it',
    [
      ['国家能源局副主任周立平陪同甘肃省党政考察团考察。', 'contradicted'],
      ['甘肃省党政考察团在江苏考察时，商务部副主任周立平陪同。', 'contradicted'],
      ['国家发展改革委副主任周立平陪同甘肃省党政考察团考察。', 'supported'],
    ],
  ],
  [
    'a local paper writes its home place as 我市',
    [
      ['淮南市党政代表团4月8日到洛阳考察。', 'supported'],
      ['淮南市党政代表团4月9日来洛阳考察。', 'contradicted'],
      ['淮南市委书记周新民率淮南市党政代表团赴洛阳考察。', 'supported'],
      ['安徽省淮南市党政代表团4月8日来到洛阳考察。', 'supported'],
    ],
  ],
  [
    'someone else did the act',
    [
      ['成都的交流座谈会由河南省委书记张明远主持。', 'contradicted'],
      ['河南省党政代表团由王立新率领。', 'contradicted'],
      ['两省交流座谈会是李华清主持的。', 'contradicted'],
    ],
  ],
  [
    'visiting words are synonyms (参观 = 考察 = 走访)',
    [
      ['河南省党政代表团在成都考察了天府软件园。', 'supported'],
      ['河南省党政代表团走访了成都大熊猫繁育研究基地。', 'supported'],
      ['甘肃省党政考察团在苏州考察了工业园区展示馆。', 'supported'],
    ],
  ],
  [
    'measure words of one group count the same thing; another count of it is contradicted',
    [
      ['河南省党政代表团此行途经6个城市。', 'supported'],
      ['河南省党政代表团5天走了7座城市。', 'contradicted'],
      ['甘肃省党政考察团一行共有42名成员。', 'supported'],
    ],
  ],
  [
    'a count under its owner (四川18个、重庆12个)',
    [
      ['四川有12个示范县。', 'contradicted'],
      ['重庆有12个示范县。', 'supported'],
      ['四川共有20个示范县。', 'contradicted'],
    ],
  ],
  [
    'the count the report gives for the tour itself decides among several',
    [
      ['河南省党政代表团共考察了25个点。', 'contradicted'],
      ['河南省党政代表团此行一共考察了30个点。', 'contradicted'],
      ['河南省党政代表团共考察了24个点。', 'supported'],
    ],
  ],
  [
    'where the n-th group went is what its section of the report names',
    [
      ['甘肃省党政考察团第二组去了苏州和无锡。', 'contradicted'],
      ['甘肃省党政考察团第一组去了南京。', 'contradicted'],
      ['甘肃省党政考察团第二组去了扬州和镇江。', 'supported'],
    ],
  ],
  [
    'a distance on the same trip',
    [
      ['河南省党政代表团此行行程2500多公里。', 'contradicted'],
      ['河南省党政代表团5天行程1500多公里。', 'supported'],
      ['河南省党政代表团这次走了超过3000公里。', 'contradicted'],
    ],
  ],
  [
    'the date of a place, a meeting, a visit — and its part of the day',
    [
      ['河南省党政代表团5月14日来到成都。', 'contradicted'],
      ['两省交流座谈会是5月13日晚上召开的。', 'contradicted'],
      ['河南省党政代表团5月15日考察了两江新区。', 'supported'],
    ],
  ],
  [
    'the date of a place is the last date written before it',
    [
      ['甘肃省党政考察团6月11日来到苏州。', 'contradicted'],
      ['甘肃省党政考察团6月11日来到无锡。', 'supported'],
      ['甘肃省党政考察团6月12日到了南京。', 'supported'],
    ],
  ],
  [
    'a word that is not a fact is never required',
    [
      ['座谈会上双方签署了川豫战略合作框架协议。', 'supported'],
      ['此次河南省党政代表团在重庆考察了重庆科学城。', 'supported'],
      ['河南省党政代表团一行在成都参观了天府软件园。', 'supported'],
    ],
  ],
  [
    'another word in the same place of the sentence',
    [
      ['河南省党政代表团在成都参观了成都大熊猫保护研究基地。', 'contradicted'],
      ['甘肃省党政考察团在苏州参观了工业园区规划馆。', 'contradicted'],
      ['河南省党政代表团在重庆考察了两江新区和重庆科技城。', 'contradicted'],
    ],
  ],
  [
    'a content word said elsewhere in the report does not confirm this sentence',
    [
      ['河南省党政代表团在两江新区考察了汽车制造。', 'not_found'],
      ['5月13日上午，河南省党政代表团在成都考察了零部件企业。', 'not_found'],
      ['河南省党政代表团在重庆科学城看了民营企业。', 'not_found'],
    ],
  ],
  [
    'an agreement is named by its own words, not by a generic tail (…合作框架协议)',
    [
      ['座谈会上双方签署了长江经济带合作框架协议。', 'not_found'],
      ['河南省党政代表团在成都签署了西部陆海新通道合作框架协议。', 'not_found'],
      ['两省签署了黄河流域生态保护合作框架协议。', 'not_found'],
    ],
  ],
  [
    'a site is visited where the report is at its mention',
    [
      ['河南省党政代表团在成都考察了两江新区。', 'not_found'],
      ['河南省党政代表团在重庆参观了天府软件园。', 'not_found'],
      ['河南省党政代表团在成都考察了重庆科学城。', 'not_found'],
      ['河南省党政代表团在成都参观了成都大熊猫繁育研究基地。', 'supported'],
    ],
  ],
  [
    'what no report says is not found, never supported',
    [
      ['河南省党政代表团在成都考察了一家汽车工厂。', 'not_found'],
      ['甘肃省党政考察团在南京召开了座谈会。', 'not_found'],
      ['湖北省党政代表团赴四川考察了天府软件园。', 'not_found'],
    ],
  ],
];

describe('fact-check slot by slot (invented reports)', () => {
  for (const [rule, claims] of RULES) {
    test(rule, async () => {
      for (const [claim, expected] of claims) {
        const result = await checker.check(claim);
        assert.equal(result.verdict, expected, `${claim} → ${result.explanation}`);
      }
    });
  }

  test('a word listed with a place is a place, not a person who signed', () => {
    for (const claim of ['宿州与蚌埠签署了合作协议。', '漯河和周口签订了框架协议。', '洛阳与三门峡签署了备忘录。']) {
      assert.deepEqual(parseClaim(claim).facts.filter((f) => f.kind === 'person'), [], claim);
    }
  });

  test('per-fact results name each fact with its status and paragraph', async () => {
    const result = await checker.check('河南省党政代表团由省委书记李华清率领。');
    const person = result.facts.find((f) => f.kind === 'person');
    assert.deepEqual([person?.claim, person?.status], ['省委书记李华清', 'contradicted']);
    assert.match(result.explanation, /原文中李华清为省长/);
    const supported = await checker.check('河南省党政代表团5月15日考察了两江新区。');
    assert.ok(supported.facts.every((f) => f.status === 'confirmed'));
    assert.ok(supported.facts.some((f) => f.paragraphId === 'henan-sichuan#p7'));
  });
});
