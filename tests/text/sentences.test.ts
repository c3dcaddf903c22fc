import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../src/text/index.ts';

const texts = (input: string) => splitSentences(input).map((s) => s.text);

describe('splitSentences', () => {
  const cases: Array<[string, string, string[]]> = [
    ['full stops', '学习考察是短暂的,借鉴运用是长远的。要持续优化营商环境。', ['学习考察是短暂的,借鉴运用是长远的。', '要持续优化营商环境。']],
    ['closing quote stays with its sentence', '俗话说,“三人行必有我师。”此次赴三省学习考察。', ['俗话说,“三人行必有我师。”', '此次赴三省学习考察。']],
    ['quote closed before the full stop', '要用好制度集成创新这把“万能钥匙”。要持续优化营商环境。', ['要用好制度集成创新这把“万能钥匙”。', '要持续优化营商环境。']],
    ['brackets and 」', '他说「好！」（完）然后走了', ['他说「好！」', '（完）然后走了']],
    ['half-width ! ? and ;', '这个很好!为什么?因为;所以', ['这个很好!', '为什么?', '因为;', '所以']],
    ['full-width ？！ and ；', '看了啥？谈了啥！如何干；', ['看了啥？', '谈了啥！', '如何干；']],
    ['ellipsis ends a sentence', '格力电器……考察团的每一步,都踏在了亮点上。', ['格力电器……', '考察团的每一步,都踏在了亮点上。']],
    ['runs of terminators stay together', '真的吗？！是的。。', ['真的吗？！', '是的。。']],
    ['line breaks end sentences', '时间表\n9月26日召开会议。', ['时间表', '9月26日召开会议。']],
    ['no terminator: one sentence', '稳经济一揽子政策落地实施', ['稳经济一揽子政策落地实施']],
    ['decimal points do not split', '同比增长9.28%,占60%。', ['同比增长9.28%,占60%。']],
    ['whitespace only', ' \n\t ', []],
    ['empty', '', []],
  ];
  for (const [name, input, expected] of cases) test(name, () => assert.deepEqual(texts(input), expected));

  test('offsets are exact and sentences are trimmed', () => {
    const input = '  第一句。  第二句!\n\n  第三句  ';
    const sentences = splitSentences(input);
    assert.deepEqual(sentences, [
      { text: '第一句。', start: 2, end: 6 },
      { text: '第二句!', start: 8, end: 12 },
      { text: '第三句', start: 16, end: 19 },
    ]);
  });

  test('property: exact offsets, no empty sentences, every non-space character covered once in order', () => {
    const alphabet = [...'湖南省考察代表团,、。！？；!?;…”」）)“(（ \n\tab1'];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed >> 8;
    };
    for (let run = 0; run < 1000; run += 1) {
      const input = Array.from({ length: next() % 40 }, () => alphabet[next() % alphabet.length]).join('');
      const sentences = splitSentences(input);
      let previousEnd = 0;
      let covered = '';
      for (const sentence of sentences) {
        assert.equal(input.slice(sentence.start, sentence.end), sentence.text);
        assert.ok(sentence.text.trim() !== '' && sentence.text === sentence.text.trim(), JSON.stringify(sentence));
        assert.ok(sentence.start >= previousEnd, 'sentences overlap or are out of order');
        assert.equal(input.slice(previousEnd, sentence.start).trim(), '', 'non-whitespace text skipped');
        previousEnd = sentence.end;
        covered += sentence.text;
      }
      assert.equal(input.slice(previousEnd).trim(), '', 'non-whitespace tail skipped');
      assert.equal(covered.replace(/\s/g, ''), input.replace(/\s/g, ''));
    }
  });
});
