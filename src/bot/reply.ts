/**
 * Sending answers: the typing indicator, HTML messages with the keyboard on the last part, quoting the asker in
 * groups, and the throttled "draft → final" path for answerers that stream drafts (an LLM): the first draft
 * opens a message, later drafts edit it at most once per `draftEditIntervalMs`, and the final answer replaces it.
 */
import type { Api } from 'grammy';
import type { InlineKeyboard } from './format.ts';

/** How a reply is placed in the chat. */
export interface ReplyTarget {
  chatId: number;
  /** Quote this message (groups: the asker's message). */
  quoteMessageId?: number;
  /** Forum topic of the question, so the answer lands in the same topic. */
  threadId?: number;
}

/** Options shared by every message the bot sends: HTML, no link previews (source links would each get one). */
function sendOptions(target: ReplyTarget, keyboard?: InlineKeyboard) {
  return {
    parse_mode: 'HTML' as const,
    link_preview_options: { is_disabled: true },
    ...(target.threadId !== undefined ? { message_thread_id: target.threadId } : {}),
    ...(target.quoteMessageId !== undefined
      ? { reply_parameters: { message_id: target.quoteMessageId, allow_sending_without_reply: true } }
      : {}),
    ...(keyboard ? { reply_markup: keyboard } : {}),
  };
}

/** Sends HTML messages in order; only the first quotes the asker, only the last carries the keyboard. */
export async function sendHtmlMessages(api: Api, target: ReplyTarget, messages: readonly string[], keyboard?: InlineKeyboard): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, html] of messages.entries()) {
    const last = i === messages.length - 1;
    const placed = i === 0 ? target : { chatId: target.chatId, threadId: target.threadId };
    const sent = await api.sendMessage(target.chatId, html, sendOptions(placed, last ? keyboard : undefined));
    ids.push(sent.message_id);
  }
  return ids;
}

/** Shows "typing…"; its failure (some API servers lack it) must never cost the answer. */
export async function showTyping(api: Api, target: ReplyTarget, warn: (message: string) => void): Promise<void> {
  try {
    await api.sendChatAction(target.chatId, 'typing', target.threadId !== undefined ? { message_thread_id: target.threadId } : {});
  } catch (error) {
    warn(`bot: sendChatAction failed (ignored): ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface DraftReplyOptions {
  intervalMs: number;
  now: () => number;
  /** Renders a draft as HTML (escaped, shortened). */
  preview: (draft: string) => string;
  warn: (message: string) => void;
}

/**
 * A reply that may show streaming drafts before the final answer. Drafts are best effort: a failed edit is
 * logged and skipped; the final answer is always delivered (as an edit of the draft message, or as new messages).
 */
export class DraftReply {
  #messageId: number | undefined;
  #shownHtml = '';
  #lastEditAt = -Infinity;
  #pending: string | undefined;
  #inFlight: Promise<void> = Promise.resolve();
  #finished = false;

  constructor(
    private readonly api: Api,
    private readonly target: ReplyTarget,
    private readonly options: DraftReplyOptions,
  ) {}

  /** Hand this to the answerer as `onDraft`. Never throws, never blocks the answerer. */
  readonly onDraft = (draft: string): void => {
    if (this.#finished) return;
    this.#pending = draft;
    const waitMs = this.#lastEditAt + this.options.intervalMs - this.options.now();
    if (waitMs > 0 && this.#messageId !== undefined) return;
    this.#inFlight = this.#inFlight.then(() => this.#flush());
  };

  async #flush(): Promise<void> {
    const draft = this.#pending;
    this.#pending = undefined;
    if (draft === undefined || this.#finished) return;
    const html = this.options.preview(draft);
    if (html === this.#shownHtml) return;
    this.#lastEditAt = this.options.now();
    try {
      if (this.#messageId === undefined) {
        const sent = await this.api.sendMessage(this.target.chatId, html, sendOptions(this.target));
        this.#messageId = sent.message_id;
      } else {
        await this.api.editMessageText(this.target.chatId, this.#messageId, html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
      }
      this.#shownHtml = html;
    } catch (error) {
      this.options.warn(`bot: draft update failed (ignored): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Delivers the final answer: the first part replaces the draft (if one is shown), the rest follow. */
  async finish(messages: readonly string[], keyboard?: InlineKeyboard): Promise<void> {
    this.#finished = true;
    await this.#inFlight;
    const draftId = this.#messageId;
    if (draftId === undefined || messages.length === 0) {
      await sendHtmlMessages(this.api, this.target, messages, keyboard);
      return;
    }
    const [first, ...rest] = messages;
    const firstKeyboard = rest.length === 0 ? keyboard : undefined;
    if (first !== this.#shownHtml || firstKeyboard) {
      await this.api.editMessageText(this.target.chatId, draftId, first!, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(firstKeyboard ? { reply_markup: firstKeyboard } : {}),
      });
    }
    if (rest.length > 0) await sendHtmlMessages(this.api, { chatId: this.target.chatId, threadId: this.target.threadId }, rest, keyboard);
  }
}
