import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { cleanArticle, normalisePublishDate } from '../../src/text/index.ts';
import type { ArticleMeta, CleanedArticle } from '../../src/domain.ts';

const corpusDir = new URL('../../data/articles/', import.meta.url);
const corpusFiles = (await readdir(corpusDir)).filter((name) => name.endsWith('.txt')).sort();
const cleaned = new Map<string, CleanedArticle>();
for (const fileName of corpusFiles) {
  cleaned.set(fileName, cleanArticle(await readFile(new URL(fileName, corpusDir), 'utf8'), { fileName }));
}
const article = (fileName: string) => cleaned.get(fileName) ?? assert.fail(`missing corpus file ${fileName}`);
const paragraphTexts = (fileName: string) => article(fileName).paragraphs.map((p) => p.text);
const kindOf = (fileName: string, text: string) => article(fileName).paragraphs.find((p) => p.text === text)?.kind;

describe('cleanArticle on the corpus: metadata', () => {
  const expected: Array<[string, ArticleMeta]> = [
    ['chenzhou-delegation-guangzhou.txt', {
      title: '郴州党政代表团赴广州考察学习侧记:学习广州好经验 主动融入大湾区 干出一个新郴州',
      source: '中国访谈网', author: null, publishedAt: null, url: null,
    }],
    ['hunan-county-leaders-jiangsu-zhejiang.txt', {
      title: '湖南县市区党政“一把手”集体赴江浙学习,收获了什么?',
      source: '新浪财经', author: null, publishedAt: '2025-03-03 11:39:04', url: null,
    }],
    ['hunan-delegation-guangdong-jiangxi-hubei.txt', {
      title: '粤赣鄂归来,湖南决策层“趁热”开了学习考察总结会',
      source: '红网', author: '刘玉先 王义正', publishedAt: '2023-09-30 11:07:33',
      url: 'https://hn.rednet.cn/content/646743/74/13104918.html',
    }],
    ['hunan-leaders-supervise-cities.txt', {
      title: '湖南省委书记省长带队,省领导赴市州密集督导',
      source: null, author: '周帙恒', publishedAt: null, url: null,
    }],
    ['zhejiang-delegation-jiangsu-shanghai.txt', {
      title: '考察结束,省委书记在返程火车上召开交流总结会',
      source: '新京报', author: null, publishedAt: '2023-04-15 15:32:52', url: null,
    }],
  ];

  test('the table covers every corpus file', () => {
    assert.deepEqual(expected.map(([name]) => name).sort(), corpusFiles);
  });
  for (const [fileName, meta] of expected) {
    test(fileName, () => assert.deepEqual(article(fileName).meta, meta));
  }
});

describe('cleanArticle on the corpus: boilerplate', () => {
  const dropped: Array<[string, string[]]> = [
    ['hunan-delegation-guangdong-jiangxi-hubei.txt', [
      '当前位置:', '时刻新闻', '—分享—', '图片', '工作图片:螃蟹结尾.gif', '来源:红网', '作者:刘玉先 王义正', '编辑:陈星晓',
      '本文为湖南频道原创文章,转载请附上原文出处链接和本声明。', '本文链接:https://hn.rednet.cn/content/646743/74/13104918.html',
      '阅读下一篇', '返回红网首页 返回湖南频道首页', '红网时刻新闻记者 刘玉先 王义正 长沙报道',
      '来源:红网 作者:刘玉先 王义正 编辑:陈星晓 2023-09-30 11:07:33',
    ]],
    ['hunan-leaders-supervise-cities.txt', [
      '首页 > 新闻 > 湖南要闻', '分享到微信朋友圈', '打开微信,点击 “ 发现 ” ,使用 “ 扫一扫 ” 即可将网页分享至朋友圈。',
      '湘伴导读', '……', '文 |周帙恒', '作者:周帙恒编辑:胡迎赢', '相关稿件',
    ]],
    ['zhejiang-delegation-jiangsu-shanghai.txt', ['登陆注册', '581', '新京报2023-04-15 15:32:520', '责任编辑:张玉', '0000', '评论列表', '共(0)条']],
    ['hunan-county-leaders-jiangsu-zhejiang.txt', ['新浪财经 2025-03-03 11:39:04', '湘伴导读', '1 阅读:872']],
    ['chenzhou-delegation-guangzhou.txt', ['(来源:刘洪 王敏 李程)', '中国访谈网编辑部审核 值班总编辑张国军 责任编辑华光']],
  ];
  for (const [fileName, lines] of dropped) {
    test(`${fileName}: chrome and byline lines are gone`, () => {
      const texts = paragraphTexts(fileName);
      for (const line of lines) assert.ok(!texts.includes(line), `"${line}" should have been dropped`);
    });
  }

  test('the title is not repeated as a paragraph', () => {
    for (const fileName of corpusFiles) {
      assert.ok(!paragraphTexts(fileName).includes(article(fileName).meta.title), fileName);
    }
  });

  test('the dateline paragraph is content and stays verbatim', () => {
    const first = paragraphTexts('chenzhou-delegation-guangzhou.txt')[0]!;
    assert.ok(first.startsWith('中国访谈网11月18日讯(中国访谈网张国军、特约撰稿人胡立强)11月9日-11日,'));
  });

  test('据《浙江日报》报道 is content, not an outlet line', () => {
    assert.ok(paragraphTexts('zhejiang-delegation-jiangsu-shanghai.txt')[0]!.startsWith('据《浙江日报》报道,'));
  });

  test('paragraph counts are stable', () => {
    assert.deepEqual(corpusFiles.map((f) => article(f).paragraphs.length), [31, 31, 58, 52, 19]);
  });
});

describe('cleanArticle on the corpus: paragraph kinds', () => {
  const kinds: Array<[string, string, 'body' | 'heading' | 'caption']> = [
    ['hunan-delegation-guangdong-jiangxi-hubei.txt', '9月29日,湖南省党政代表团赴广东江西湖北学习考察总结会在长沙召开。(图片来源:新湖南)', 'caption'],
    ['hunan-leaders-supervise-cities.txt', '11月12日,沈晓明向果农了解石门柑橘种植销售情况。湖南日报全媒体记者 唐俊 摄', 'caption'],
    ['hunan-leaders-supervise-cities.txt', '11月13日,湖南石化港口部陆城片区码头正在装卸汽油、柴油、航煤、石脑油等,为下游市场保供清洁油品。彭展 李翼骏 摄', 'caption'],
    ['hunan-leaders-supervise-cities.txt', '10月31日,张家界国家森林公园天子山景区。', 'caption'],
    ['zhejiang-delegation-jiangsu-shanghai.txt', '易炼红在交流总结会上讲话(浙江卫视画面) 易炼红在交流总结会上讲话(浙江卫视画面)', 'caption'],
    ['zhejiang-delegation-jiangsu-shanghai.txt', '4月13日,浙江省党政代表团在上海市考察(来源:浙江发布) 4月13日,浙江省党政代表团在上海市考察(来源:浙江发布)', 'caption'],
    ['hunan-county-leaders-jiangsu-zhejiang.txt', '学了什么?', 'heading'],
    ['hunan-county-leaders-jiangsu-zhejiang.txt', '第一组:', 'heading'],
    ['chenzhou-delegation-guangzhou.txt', '一次开阔眼界的学习启迪之行', 'heading'],
    ['hunan-delegation-guangdong-jiangxi-hubei.txt', '赴三省学习考察,看了啥?', 'heading'],
    ['hunan-leaders-supervise-cities.txt', '时间表', 'heading'],
    ['chenzhou-delegation-guangzhou.txt', '市委书记 刘志仁:这既是景观,又把污水综合利用到湖水,这个很好!', 'body'],
    ['hunan-leaders-supervise-cities.txt', '11月11日,省委副书记李殿勋赴株洲督导经济运行情况。', 'body'],
    ['hunan-leaders-supervise-cities.txt', '针对此次下沉督导,省委列出了任务书——', 'body'],
    ['hunan-county-leaders-jiangsu-zhejiang.txt', '嘉兴市海宁市一嘉兴市桐乡市一嘉兴市嘉善县一苏州市昆山市一苏州市常熟市', 'body'],
    ['hunan-delegation-guangdong-jiangxi-hubei.txt', '要用好制度集成创新这把“万能钥匙”。', 'body'],
    ['hunan-delegation-guangdong-jiangxi-hubei.txt', '沈晓明强调了“九要”:', 'body'],
    ['hunan-leaders-supervise-cities.txt', '“湘西州要大力推进产业项目建设,进一步兜牢民生底线、筑牢安全防线,全面落实抓经济促发展的重点任务”', 'body'],
  ];
  for (const [fileName, text, kind] of kinds) {
    test(`${kind}: ${text.slice(0, 24)}`, () => assert.equal(kindOf(fileName, text), kind));
  }
});

interface EvalItem {
  id: string;
  doc?: string | null;
  evidence?: string | null;
  evidence_more?: Array<{ doc: string; evidence: string }>;
}

const evalDir = '/work/shared/eval';
const evalFiles = ['seed-qa.jsonl', 'seed-claims.jsonl'].map((name) => `${evalDir}/${name}`);

describe('cleanArticle keeps real content', { skip: evalFiles.every(existsSync) ? false : `seed eval not found in ${evalDir}` }, () => {
  const collapse = (text: string) => text.replace(/\s+/g, '');
  test('every seed evidence string occurs verbatim in a cleaned paragraph of its document', async () => {
    const checks: Array<{ id: string; doc: string; evidence: string }> = [];
    for (const file of evalFiles) {
      const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
      for (const item of lines.map((line) => JSON.parse(line) as EvalItem)) {
        if (item.doc && item.evidence) checks.push({ id: item.id, doc: item.doc, evidence: item.evidence });
        for (const more of item.evidence_more ?? []) checks.push({ id: item.id, doc: more.doc, evidence: more.evidence });
      }
    }
    assert.ok(checks.length >= 50, `expected the seed eval to carry evidence, found ${checks.length}`);
    const missing = checks.filter(({ doc, evidence }) => !paragraphTexts(doc).some((p) => collapse(p).includes(collapse(evidence))));
    assert.deepEqual(missing, []);
  });
});

describe('cleanArticle on synthetic input', () => {
  test('sentences that mention 分享, 编辑, 阅读 or 来源 survive', () => {
    const raw = [
      '标题:交流会',
      '会上,代表们分享了学习考察的心得体会。',
      '编辑部的同志认真阅读了材料。',
      '责任编辑要对稿件负责,这是新闻单位的规矩。',
      '2024年全省GDP增长5%(来源:国家统计局)',
      '首页的设计由编辑团队完成,阅读量达到872次。',
    ].join('\n');
    const { paragraphs } = cleanArticle(raw);
    assert.deepEqual(paragraphs.map((p) => [p.text, p.kind]), [
      ['会上,代表们分享了学习考察的心得体会。', 'body'],
      ['编辑部的同志认真阅读了材料。', 'body'],
      ['责任编辑要对稿件负责,这是新闻单位的规矩。', 'body'],
      ['2024年全省GDP增长5%(来源:国家统计局)', 'body'],
      ['首页的设计由编辑团队完成,阅读量达到872次。', 'body'],
    ]);
  });

  test('whitespace is normalised, punctuation is not', () => {
    const raw = '\ufeff标题一\r\n\r\n\u3000\u3000湖南省党政代表团\u200b赴广东，  考察了\u00a0深圳！\r\n\t第二段：“好”。  \r\n';
    const { meta, paragraphs } = cleanArticle(raw);
    assert.equal(meta.title, '标题一');
    assert.deepEqual(paragraphs.map((p) => p.text), ['湖南省党政代表团赴广东， 考察了 深圳！', '第二段：“好”。']);
  });

  test('site menus, site labels and 您的位置 breadcrumbs above the headline are not the title', () => {
    const cases: Array<[string, string]> = [
      ['首页 新闻 评论 视频 专题\n您的位置：首页 > 新闻 > 本地\n某市代表团赴外地考察学习\n正文第一段，内容。', '某市代表团赴外地考察学习'],
      ['人民网 正文\n县里组团外出观摩乡村振兴\n正文第一段，内容。', '县里组团外出观摩乡村振兴'],
      ['要聞 視聽 圖說 熱線\n考察團赴鄰省交流合作\n正文第一段，內容。', '考察團赴鄰省交流合作'],
      ['新闻频道\n两市签署对口合作协议\n正文第一段，内容。', '两市签署对口合作协议'],
    ];
    for (const [raw, title] of cases) {
      const { meta, paragraphs } = cleanArticle(raw);
      assert.equal(meta.title, title, raw);
      assert.deepEqual(paragraphs.map((p) => p.text), ['正文第一段，内容。'.replace('内', raw.includes('內') ? '內' : '内')], raw);
    }
  });

  test('fallbacks: file name stem as title, nulls elsewhere; long first line is content', () => {
    const body = '9月23日至28日,由湖南省委书记沈晓明、省长毛伟明率领的湖南省党政代表团,带着谱写高质量发展新篇章的迫切愿望,先后赴广东、江西、湖北学习考察。';
    const { meta, paragraphs } = cleanArticle(body, { fileName: 'notes/hunan-trip.txt' });
    assert.deepEqual(meta, { title: 'hunan-trip', source: null, author: null, publishedAt: null, url: null });
    assert.deepEqual(paragraphs, [{ text: body, kind: 'body' }]);
    assert.equal(cleanArticle('').meta.title, '(无标题)');
    assert.deepEqual(cleanArticle('').paragraphs, []);
  });

  test('hints.url is the last-resort URL; 本文链接 wins', () => {
    assert.equal(cleanArticle('标题\n正文内容。', { url: 'https://a.example/1' }).meta.url, 'https://a.example/1');
    assert.equal(cleanArticle('标题\n正文内容。\n原文链接:https://b.example/2', { url: 'https://a.example/1' }).meta.url, 'https://b.example/2');
  });

  test('a dated dateline gives the date; an agency dateline gives the agency', () => {
    const { meta } = cleanArticle('标题\n新华社北京2023年3月5日电 全国两会开幕。');
    assert.equal(meta.source, '新华社');
    assert.equal(meta.publishedAt, '2023-03-05');
  });

  test('lines that only look like datelines or bylines further down are content', () => {
    const raw = '标题\n代表团赴广东学习考察。\n截至11月18日电力供应平稳。\n会议时间 2023-09-30';
    const { meta, paragraphs } = cleanArticle(raw);
    assert.equal(meta.source, null);
    assert.deepEqual(paragraphs.map((p) => p.text), ['代表团赴广东学习考察。', '截至11月18日电力供应平稳。', '会议时间 2023-09-30']);
  });

  test('HTML pages: page metadata fills the gaps, the visible title line is consumed', () => {
    const html = `<html><head><title>湖南党政代表团赴粤学习 - 红网</title>
      <meta property="article:published_time" content="2023-09-30T11:07:33+08:00">
      <meta property="og:site_name" content="红网"><link rel="canonical" href="https://hn.rednet.cn/c/1.html"></head>
      <body><nav>首页 新闻</nav><h1>湖南党政代表团赴粤学习</h1><p>代表团先后赴深圳、东莞、广州三市进行了学习考察。</p>
      <p>图片</p><p>责任编辑:张玉</p></body></html>`;
    const { meta, paragraphs } = cleanArticle(html, { fileName: 'page.html' });
    assert.deepEqual(meta, {
      title: '湖南党政代表团赴粤学习', source: '红网', author: null, publishedAt: '2023-09-30 11:07:33', url: 'https://hn.rednet.cn/c/1.html',
    });
    assert.deepEqual(paragraphs.map((p) => p.text), ['代表团先后赴深圳、东莞、广州三市进行了学习考察。']);
  });

  test('Markdown notes', () => {
    const { meta, paragraphs } = cleanArticle('# 考察纪要\n\n**时间表**\n\n代表团赴[武汉](https://x.example)考察。', { fileName: 'a.md' });
    assert.equal(meta.title, '考察纪要');
    assert.deepEqual(paragraphs, [{ text: '时间表', kind: 'heading' }, { text: '代表团赴武汉考察。', kind: 'body' }]);
  });
});

describe('normalisePublishDate', () => {
  const cases: Array<[string, string | null]> = [
    ['2023-09-30 11:07:33', '2023-09-30 11:07:33'],
    ['新京报2023-04-15 15:32:520', '2023-04-15 15:32:52'],
    ['2023年9月30日 11:07', '2023-09-30 11:07:00'],
    ['2023/9/3', '2023-09-03'],
    ['2023-09-30T11:07:33+08:00', '2023-09-30 11:07:33'],
    ['11月18日', null],
    ['2023-13-01', null],
    ['', null],
  ];
  for (const [input, expected] of cases) test(`${input || '(empty)'} → ${expected}`, () => assert.equal(normalisePublishDate(input), expected));
});

describe('bylines and site names above the text', () => {
  test('a site breadcrumb names the outlet when no 来源 does, and is no title', () => {
    const { meta } = cleanArticle('松岭新闻网　首页 > 松岭要闻\n\n我市代表团赴外地考察\n\n本报讯 3月2日，代表团出发。', { fileName: 'x.txt' });
    assert.equal(meta.source, '松岭新闻网');
    assert.equal(meta.title, '我市代表团赴外地考察');
    const portal = cleanArticle('青石区人民政府门户网站　|　首页 > 新闻动态\n\n青石区代表团赴外地考察\n\n2024-04-19　来源：青石区融媒体中心\n\n代表团出发。', { fileName: 'y.txt' });
    assert.equal(portal.meta.source, '青石区融媒体中心');
    assert.equal(portal.meta.title, '青石区代表团赴外地考察');
  });
  test('a byline ending in editor credits still gives its source and date', () => {
    const { meta } = cleanArticle('标题\n\n来源：松岭日报 2021-06-12 09:30　责任编辑：钱多多\n\n代表团出发。', { fileName: 'x.txt' });
    assert.equal(meta.source, '松岭日报');
    assert.equal(meta.publishedAt, '2021-06-12 09:30:00');
  });
  test('a byline in traditional characters is read too', () => {
    const { meta } = cleanArticle('標題\n\n來源：松嶺日報　2020年09月11日　編輯：錢多多\n\n代表團出發。', { fileName: 'x.txt' });
    assert.equal(meta.publishedAt?.slice(0, 10), '2020-09-11');
  });
});
