import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyMessage, isGibberishMiss, sharesWords } from '../../src/chat/index.ts';

describe('message intent', () => {
  const cases: Array<[string, 'question' | 'smalltalk' | 'english' | 'gibberish']> = [
    ['你好', 'smalltalk'],
    ['您好！', 'smalltalk'],
    ['hello', 'smalltalk'],
    ['谢谢', 'smalltalk'],
    ['多谢了', 'smalltalk'],
    ['Thanks!', 'smalltalk'],
    ['👍', 'smalltalk'],
    ['好的', 'smalltalk'],
    ['再见', 'smalltalk'],
    ['Which provinces did the delegation visit?', 'english'],
    ['Who led the Hunan delegation', 'english'],
    ['what is this', 'english'],
    ['asdfgh qwerty', 'gibberish'],
    ['zxcvbnm', 'gibberish'],
    ['？？？！！', 'gibberish'],
    ['湖南省党政代表团去了哪几个省？', 'question'],
    ['你好，湖南省党政代表团去了哪里？', 'question'],
    ['代表团', 'question'],
  ];
  for (const [text, kind] of cases) {
    test(`${text} → ${kind}`, () => {
      const intent = classifyMessage(text);
      assert.equal(intent.kind === 'question' ? 'question' : intent.reason, kind);
      if (intent.kind === 'reply') assert.ok(!/找不到/.test(intent.text));
    });
  }
  test('gibberish after a miss: no question cue and nothing shared with the nearest paragraphs', () => {
    assert.equal(isGibberishMiss('嗯额哦呃', sharesWords('嗯额哦呃', ['代表团去了广东。'])), true);
    assert.equal(isGibberishMiss('代表团去了火星吗', false), false, 'a question cue');
    assert.equal(isGibberishMiss('代表团广东', sharesWords('代表团广东', ['代表团去了广东。'])), false, 'shares words');
  });
});
