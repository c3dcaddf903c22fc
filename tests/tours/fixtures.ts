/** Invented articles for tour tests (people and bodies made up; places are ordinary provinces and cities). */
import type { Article } from '../../src/domain.ts';

export interface ArticleSpec {
  title: string;
  publishedAt?: string | null;
  paragraphs: string[];
}

/** An Article as the index holds it, from a title, a date and body paragraphs. */
export function articleOf(docId: string, spec: ArticleSpec): Article {
  return {
    docId,
    file: `${docId}.txt`,
    meta: { title: spec.title, source: null, author: null, publishedAt: spec.publishedAt ?? null, url: null },
    contentHash: `hash-${docId}-${spec.paragraphs.join('').length}`,
    addedAt: '2026-01-01T00:00:00.000Z',
    paragraphs: spec.paragraphs.map((text, i) => ({ id: `${docId}#p${i + 1}`, docId, n: i + 1, text, kind: 'body' as const })),
  };
}

export const PROVINCE_TRIP = articleOf('anhui-trip', {
  title: '安徽省党政代表团赴江苏浙江学习考察',
  publishedAt: '2024-05-20',
  paragraphs: [
    '5月14日至17日，由安徽省委书记陈立新、省长赵明远率领的安徽省党政代表团赴江苏、浙江学习考察。',
    '4天时间，2个省份，1200多公里路程，28个考察点。',
    '代表团先后考察了苏州纳米城、无锡物联网创新中心、杭州未来科技城和宁波舟山港穿山码头等地。',
    '在南京，两省签署了《江苏省人民政府 安徽省人民政府深化战略合作框架协议》。',
    '江苏省委书记王建华会见了代表团一行。',
  ],
});

export const CITY_TRIP = articleOf('yueyang-trip', {
  title: '岳阳市党政考察团到成都学习',
  publishedAt: null,
  paragraphs: [
    '来源：示例日报 2021-10-09',
    '10月6日，岳阳市党政考察团抵达成都，开始为期三天的考察学习。带队的是岳阳市委书记孙卫东和市长李红梅。',
    '考察团依次到了以下地方：天府国际生物城，成都高新区菁蓉汇，郫都区战旗村，以及东部新区未来科技城。',
    '10月8日下午，考察团在成都召开座谈会，成都市委书记刘明川陪同考察。',
  ],
});

export const COUNTY_TRIP = articleOf('linchuan-trip', {
  title: '临川县考察团赴福建三明考察学习',
  publishedAt: '2023-03-02',
  paragraphs: [
    '2月26日至28日，临川县考察团在县委书记周海波的带领下，前往福建省三明市考察学习。',
    '考察团走访了沙县小吃文化城、尤溪县联合梯田、明溪县南方红豆杉基地等9个点。',
  ],
});

/** A second outlet's report of PROVINCE_TRIP that counts one site fewer. */
export const PROVINCE_TRIP_OTHER_OUTLET = articleOf('anhui-trip-2', {
  title: '安徽省党政代表团在江苏考察',
  publishedAt: '2024-05-16',
  paragraphs: [
    '5月15日，安徽省党政代表团在江苏考察，安徽省委书记陈立新带队。',
    '据统计，代表团此行共安排27个考察点。',
  ],
});

export const OVERVIEW = articleOf('overview', {
  title: '多省党政代表团外出取经',
  publishedAt: '2023-06-01',
  paragraphs: [
    '近年来，各省之间的学习考察十分频繁。',
    '2022年，江西省委书记林秋实率团到浙江考察。',
    '同年5月，河南省委书记高远航带队赴广东学习，在广东期间考察了多家企业。',
    '四川省委书记何乐山则在2021年率四川省党政代表团前往重庆、贵州。',
  ],
});
