/** What the bot and the terminal chat both say (Simplified Chinese, plain text; the bot escapes it for HTML). */

export const EXAMPLE_QUESTIONS = [
  '湖南省党政代表团去了哪几个省？',
  '郴州党政考察团去广州，是哪两位市领导率队的？',
  '浙江省党政代表团在江苏、上海考察了什么？',
] as const;

export const CHAT_TEXT = {
  tooLong: (max: number, got: number) => `问题太长了（${got} 字），请控制在 ${max} 字以内。`,
  followUp: (question: string) => `（理解为：${question}）`,
  greeting: `你好！我是考察通，可以回答党政代表团学习考察的问题，例如：${EXAMPLE_QUESTIONS[0]}`,
  thanks: '不客气！还有问题随时问我。',
  acknowledged: '好的！还有问题随时问我。',
  farewell: '再见！需要时随时来问。',
  gibberish: `没看懂，可以换个问法，例如：${EXAMPLE_QUESTIONS[0]}`,
  english: `请用中文提问（资料都是中文新闻），例如：${EXAMPLE_QUESTIONS[0]}`,
  contextCleared: '好的，已开始新话题。',
} as const;
