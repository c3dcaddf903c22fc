import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToText, markdownToText } from '../../src/text/index.ts';

const page = `<!DOCTYPE html>
<html><head>
  <title>粤赣鄂归来,湖南决策层“趁热”开了学习考察总结会 - 红网</title>
  <meta property="og:title" content="粤赣鄂归来,湖南决策层“趁热”开了学习考察总结会">
  <meta property="og:url" content="https://hn.rednet.cn/og-url.html">
  <meta property="og:site_name" content="红网">
  <meta property="article:published_time" content="2023-09-30T11:07:33+08:00">
  <meta name="author" content="刘玉先 王义正">
  <link rel="canonical" href="https://hn.rednet.cn/content/646743/74/13104918.html">
  <style>p { color: red }</style>
  <script>var shareText = "分享到微信";</script>
</head>
<body>
  <header><a href="/">红网首页</a></header>
  <nav><ul><li>首页</li><li>新闻</li></ul></nav>
  <article>
    <h1>粤赣鄂归来,湖南决策层“趁热”开了学习考察总结会</h1>
    <p>9月23日至28日,由湖南省委书记沈晓明、省长毛伟明率领的湖南省党政代表团,
       先后赴广东、江西、湖北学习考察。</p>
    <p>6天3个省份,2000多公里路程,36个考察点&mdash;&mdash;这是一组数据&amp;收获。<br>第二行&nbsp;内容</p>
    <div><span>包括</span><span>华为终端总部</span>等10个点。</div>
    <table><tr><td>南昌</td><td>景德镇</td></tr></table>
    <pre>代码  保留
  缩进</pre>
    <noscript>请启用JavaScript</noscript>
    <form><input value="搜索"><button>搜索</button></form>
  </article>
  <aside>相关稿件</aside>
  <footer>版权所有 红网</footer>
</body></html>`;

describe('htmlToText', () => {
  const { text, hints } = htmlToText(page);
  const lines = text.split('\n').filter((line) => line !== '');

  test('block elements become lines and inline whitespace collapses', () => {
    assert.deepEqual(lines.slice(0, 5), [
      '粤赣鄂归来,湖南决策层“趁热”开了学习考察总结会',
      '9月23日至28日,由湖南省委书记沈晓明、省长毛伟明率领的湖南省党政代表团, 先后赴广东、江西、湖北学习考察。',
      '6天3个省份,2000多公里路程,36个考察点——这是一组数据&收获。',
      '第二行\u00a0内容',
      '包括华为终端总部等10个点。',
    ]);
  });

  test('table cells share a line; pre keeps its line breaks', () => {
    assert.ok(lines.includes('南昌 景德镇'));
    assert.deepEqual(lines.slice(lines.indexOf('代码 保留'), lines.indexOf('代码 保留') + 2), ['代码 保留', '缩进']);
  });

  test('page chrome, scripts, styles and forms are dropped', () => {
    for (const gone of ['红网首页', '首页', 'color', 'shareText', '请启用JavaScript', '搜索', '相关稿件', '版权所有']) {
      assert.ok(!text.includes(gone), `"${gone}" should be dropped`);
    }
  });

  test('hints come from the page metadata', () => {
    assert.deepEqual(hints, {
      title: '粤赣鄂归来,湖南决策层“趁热”开了学习考察总结会',
      url: 'https://hn.rednet.cn/content/646743/74/13104918.html',
      publishedAt: '2023-09-30T11:07:33+08:00',
      author: '刘玉先 王义正',
      source: '红网',
    });
  });

  test('falls back to <title> and og:url; a bare fragment has no hints', () => {
    const fallback = htmlToText('<html><head><title> 标题 A </title><meta property="og:url" content="https://a.example/x"></head><body><p>正文</p></body></html>');
    assert.deepEqual(fallback.hints, { title: '标题 A', url: 'https://a.example/x' });
    assert.equal(fallback.text, '正文');
    assert.deepEqual(htmlToText('<p>只有正文</p>'), { text: '只有正文', hints: {} });
  });

  test('broken markup does not throw', () => {
    assert.equal(htmlToText('<div><p>未闭合<b>加粗').text, '未闭合加粗');
  });
});

describe('markdownToText', () => {
  const cases: Array<[string, string, string]> = [
    ['heading markers', '# 湖南省党政代表团赴粤赣鄂 #\n\n## 看了啥?', '湖南省党政代表团赴粤赣鄂\n看了啥?'],
    ['emphasis and inline code', '**沈晓明**指出,要*始终*高举~~改革~~开放`大旗`。', '沈晓明指出,要始终高举改革开放大旗。'],
    ['links keep their text, images are dropped', '详见[红网报道](https://hn.rednet.cn/x)。![合影](a.jpg)', '详见红网报道。'],
    ['bullets are stripped, each item is a line', '- 广州\n- 深圳\n* 东莞', '广州\n深圳\n东莞'],
    ['soft-wrapped Chinese lines join without a space', '湖南省党政代表团\n先后赴广东学习考察。', '湖南省党政代表团先后赴广东学习考察。'],
    ['code fences are kept as text', '前言\n```ts\nconst x = 1;\n```\n后记', '前言\nconst x = 1;\n后记'],
    ['tables become rows', '| 省份 | 考察点 |\n|---|---|\n| 广东 | 10 |', '省份 考察点\n广东 10'],
    ['snake_case is not emphasis', 'file_name_here', 'file_name_here'],
    ['blockquotes and link definitions', '> 引用内容\n\n[1]: https://a.example', '引用内容'],
  ];
  for (const [name, input, expected] of cases) {
    test(name, () => assert.equal(markdownToText(input), expected));
  }
});
