import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { renderFactCheckHtml } from '../../src/bot/index.ts';
import { renderFactCheckText, toFactCheckJson, type FactCheckResult } from '../../src/factcheck/index.ts';

const hostile = '<b>湖南</b> & <script>x</script>';

function result(overrides: Partial<FactCheckResult> = {}): FactCheckResult {
  return {
    claim: hostile,
    verdict: 'contradicted',
    explanation: '原文为36个考察点，而非37个点。',
    mismatches: [{ kind: 'number', claim: '37个点', source: '36个考察点' }],
    evidence: [
      {
        n: 1,
        paragraphId: 'doc#p3',
        docId: 'doc',
        file: 'data/articles/doc.txt',
        title: '标题 <i>&',
        paragraph: 3,
        quote: '36个考察点 <a>&</a>',
        text: '36个考察点 <a>&</a>',
        url: 'https://example.org/a?x=1&y="2"',
        date: '2023-09-30',
        source: '红网',
      },
    ],
    facts: [],
    timings: { retrieve: 1, check: 1, total: 2 },
    ...overrides,
  };
}

describe('rendering', () => {
  test('HTML escapes the claim, quotes, titles and links', () => {
    const html = renderFactCheckHtml(result()).join('\n');
    assert.ok(html.startsWith('<b>⚠️ 有出入</b>'));
    assert.ok(html.includes('断言：&lt;b&gt;湖南&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;'));
    assert.ok(html.includes('<blockquote>36个考察点 &lt;a&gt;&amp;&lt;/a&gt;</blockquote>[1]'), 'no [n] inside the quote');
    assert.ok(html.includes('标题 &lt;i&gt;&amp;'));
    assert.ok(html.includes('href="https://example.org/a?x=1&amp;y=&quot;2&quot;"'));
    assert.ok(!html.includes('<script>') && !html.includes('<b>湖南'));
    // Only the tags we write remain.
    const tags = new Set([...html.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]));
    assert.deepEqual([...tags].sort(), ['a', 'b', 'blockquote']);
  });

  test('each verdict has its label; long results are split under the limit', () => {
    assert.ok(renderFactCheckHtml(result({ verdict: 'supported' }))[0]!.startsWith('<b>✅ 属实</b>'));
    assert.ok(renderFactCheckHtml(result({ verdict: 'not_found', evidence: [] }))[0]!.startsWith('<b>❔ 未找到依据</b>'));
    const many = result({ evidence: Array.from({ length: 30 }, (_, i) => ({ ...result().evidence[0]!, n: i + 1, quote: '长'.repeat(300) })) });
    const messages = renderFactCheckHtml(many, 1000);
    assert.ok(messages.length > 1);
    for (const message of messages) assert.ok(message.length <= 1000);
  });

  test('plain text and the JSON contract', () => {
    const text = renderFactCheckText(result());
    assert.match(text, /^⚠️ 有出入\n断言：<b>湖南<\/b>/);
    assert.match(text, /「36个考察点 <a>&<\/a>」\[1\]/);
    const json = toFactCheckJson('c1', result());
    assert.deepEqual(Object.keys(json), ['id', 'claim', 'verdict', 'explanation', 'mismatches', 'evidence', 'facts']);
    assert.deepEqual(Object.keys(json.evidence[0]!), ['n', 'paragraphId', 'docId', 'file', 'title', 'paragraph', 'quote', 'text']);
  });
});
