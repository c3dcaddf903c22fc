import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cardAnswer } from '../../src/answer/card-answer.ts';
import { analyseQuestion } from '../../src/answer/question.ts';
import type { Article, Paragraph } from '../../src/domain.ts';
import type { RetrievedChunk } from '../../src/retrieve/index.ts';
import { toursOfArticles } from '../../src/tours/index.ts';
import { CITY_TRIP, COUNTY_TRIP, OVERVIEW, PROVINCE_TRIP, PROVINCE_TRIP_OTHER_OUTLET } from '../tours/fixtures.ts';

const ARTICLES: Article[] = [PROVINCE_TRIP, CITY_TRIP, COUNTY_TRIP, OVERVIEW];
const paragraphs = new Map<string, Paragraph>(ARTICLES.flatMap((a) => a.paragraphs.map((p) => [p.id, p] as const)));
const corpus = { getParagraph: (id: string) => paragraphs.get(id) };

/** A retrieval result that found the given articles, best first (the card must be reported by one of them). */
function retrievedOf(...docIds: string[]): RetrievedChunk[] {
  return docIds.map((docId, i) => ({
    chunk: { id: `${docId}#c1`, docId, paragraphNumbers: [1], start: 0, end: 1, text: '' },
    score: 1 - i / 10,
    denseRank: i,
    lexicalRank: i,
  }));
}

function ask(question: string, docIds: string[], articles: Article[] = ARTICLES) {
  return cardAnswer(analyseQuestion(question), toursOfArticles(articles), retrievedOf(...docIds), corpus);
}

describe('answers read from a tour card', () => {
  // Three wordings of each slot, none of them the card's own sentence.
  const CASES: Array<[question: string, doc: string, short: string]> = [
    ['安徽代表团是谁带队的？', 'anhui-trip', '陈立新、赵明远'],
    ['安徽省党政代表团由哪些领导率领', 'anhui-trip', '陈立新、赵明远'],
    ['带领安徽那个团的是谁', 'anhui-trip', '陈立新、赵明远'],
    ['安徽代表团一共看了几个点？', 'anhui-trip', '28个'],
    ['安徽省党政代表团考察了多少个考察点', 'anhui-trip', '28个'],
    ['安徽代表团和江苏签了什么协议？', 'anhui-trip', '江苏省人民政府 安徽省人民政府深化战略合作框架协议'],
    ['安徽省党政代表团此行签署了哪些协议', 'anhui-trip', '江苏省人民政府 安徽省人民政府深化战略合作框架协议'],
    ['安徽代表团什么时候去的江苏浙江？', 'anhui-trip', '5月14日至17日'],
    ['临川县考察团是谁带队', 'linchuan-trip', '周海波'],
    ['临川考察团去福建是哪几天', 'linchuan-trip', '2月26日至28日'],
  ];
  for (const [question, doc, short] of CASES) {
    test(question, () => {
      const found = ask(question, [doc]);
      assert.ok(found, 'answered from the card');
      assert.equal(found.short.replace(/[《》]/g, ''), short);
      for (const e of found.evidence) assert.ok(e.paragraph.text.includes(e.quote), 'every quote is verbatim in its paragraph');
    });
  }
});

describe('no card answer when the tour or the slot is not certain', () => {
  const CASES: Array<[question: string, docs: string[], why: string]> = [
    ['安徽代表团是谁带队的？', ['yueyang-trip'], 'the retrieved articles do not report that tour'],
    ['谁率团去了浙江？', ['overview', 'anhui-trip'], 'no delegation or leader is named'],
    ['安徽代表团在南京签了哪些项目？', ['anhui-trip'], 'projects are not agreements'],
    ['安徽代表团在杭州考察了哪家企业？', ['anhui-trip'], 'a part of the trip, not the card'],
    ['江苏省委书记是谁？', ['anhui-trip'], 'a title asked, not the leaders'],
    ['谁陪同了岳阳考察团？', ['yueyang-trip'], 'hosts are not leaders'],
    ['安徽代表团在南京签协议是哪一天？', ['anhui-trip'], 'the date of an event inside the trip'],
    ['安徽代表团去四川考察了几个点？', ['anhui-trip'], 'a place foreign to the card'],
    ['安徽代表团在浙江看了几个点？', ['anhui-trip'], 'one leg of the trip, not its total'],
    ['安徽省党政代表团在江苏签了什么协议', ['anhui-trip'], 'one leg of the trip'],
  ];
  for (const [question, docs, why] of CASES) test(`${question} (${why})`, () => assert.equal(ask(question, docs), null));

  test('a site count the outlets disagree on is not answered from the card', () => {
    const found = ask('安徽代表团一共考察了多少个点？', ['anhui-trip'], [...ARTICLES, PROVINCE_TRIP_OTHER_OUTLET]);
    assert.equal(found, null);
  });
});
