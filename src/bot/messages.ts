/**
 * Everything the bot says that is not an answer (Simplified Chinese), in one place. All of it is sent as
 * Telegram HTML: fixed text is written escaped, dynamic parts are escaped here.
 */
import { CHAT_TEXT } from '../chat/messages.ts';
import { escapeHtml } from './html.ts';

export { EXAMPLE_QUESTIONS } from '../chat/messages.ts';

export const TEXT = {
  intro: [
    '<b>考察通</b> — 关于党政代表团学习考察的新闻资料问答。',
    '直接发送问题，我会从已收录的文章中找出答案，并标注出处 [n]；点按钮可查看被引用的原文段落。',
    '',
    '试试这些问题：',
  ].join('\n'),
  emptyQuestion: '请在命令后写上问题，例如：/ask 湖南省党政代表团去了哪几个省？',
  tooLong: (max: number, got: number) => escapeHtml(CHAT_TEXT.tooLong(max, got)),
  nonText: '我只能回答文字问题，请直接发送问题。',
  refused: '抱歉，这个机器人仅对授权用户开放。如需使用，请联系管理员。',
  adminOnly: '抱歉，这个命令仅限管理员使用。',
  rateLimited: (seconds: number) => `提问太频繁了，请 ${seconds} 秒后再试。`,
  apology: '抱歉，处理这条消息时出错了，请稍后再试或换个说法。',
  contextCleared: CHAT_TEXT.contextCleared,
  unknownCommand: '没有这个命令。发送 /help 查看可用命令。',
  noLastAnswer: '还没有可查看的出处，请先提一个问题。',
  sourceUsage: '用法：/source &lt;n&gt;，n 是上一个回答中的出处编号，例如 /source 1',
  noSuchSource: (n: number, count: number) => `上一个回答没有第 ${n} 条出处（共 ${count} 条）。`,
  paragraphGone: '这段原文已不在资料库中（索引可能已更新）。',
  followUp: (question: string) => escapeHtml(CHAT_TEXT.followUp(question)),
  busy: '正在处理另一项索引任务，请稍后再试。',
  indexLocked: '索引正在更新，请稍后再试。',
  staleButton: '这个按钮已失效，请重新提问。',
  noMaintenance: '这个部署不支持在聊天中修改索引。',
  reindexStarted: '正在重建索引，请稍候…',
  uploadUnsupported: '只接受 .txt、.md、.html 文件。',
  uploadTooLarge: (max: number) => `文件太大，上限为 ${Math.floor(max / 1024)} KB。`,
  uploadFailed: '下载文件失败，请重新发送。',
  ingesting: (name: string) => `正在收录 ${escapeHtml(name)}…`,
  inlineEmpty: '输入问题后稍候片刻',
} as const;
