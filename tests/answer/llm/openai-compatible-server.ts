/**
 * A scripted OpenAI-compatible chat server on 127.0.0.1 for tests: each test says how the next request to
 * POST /v1/chat/completions is answered (a streamed answer, a stall, a 500, broken output), and the server
 * records every request body so tests can check what the model was sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How one request is answered. */
export type Reply = (request: RecordedRequest, response: http.ServerResponse) => void | Promise<void>;

export interface RecordedRequest {
  url: string;
  authorization: string | undefined;
  body: ChatRequestBody;
}

export interface ChatRequestBody {
  model: string;
  stream?: boolean;
  max_tokens?: number;
  messages: Array<{ role: string; content: string }>;
  [key: string]: unknown;
}

export interface ScriptedServer {
  /** e.g. http://127.0.0.1:41234/v1 */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Answers every following request with `reply` (until changed). */
  reply(reply: Reply): void;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  let current: Reply = status(503, { error: { message: 'no reply scripted' } });
  const requests: RecordedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404).end();
      return;
    }
    const recorded: RecordedRequest = {
      url: req.url,
      authorization: req.headers.authorization,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequestBody,
    };
    requests.push(recorded);
    try {
      await current(recorded, res);
    } catch {
      res.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    reply(reply) {
      current = reply;
    },
    async close() {
      // Stalled replies keep sockets open; end them so the test process can exit.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function chunkEvent(content: string, finish: string | null): string {
  const payload = {
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'test-model',
    choices: [{ index: 0, delta: finish ? {} : { role: 'assistant', content }, finish_reason: finish }],
  };
  return `data: ${JSON.stringify(payload)}\n\n`;
}

/** Splits text into pieces of `size` characters (the way tokens trickle in). */
function pieces(text: string, size: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}

/**
 * Answers with `text`: as server-sent events when the request asks to stream (pieces of `pieceChars` characters,
 * `delayMs` apart, then `data: [DONE]`), else as one chat.completion JSON body.
 */
export function answerWith(text: string, options: { pieceChars?: number; delayMs?: number } = {}): Reply {
  return async (request, res) => {
    if (!request.body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({
        id: 'chatcmpl-test',
        object: 'chat.completion',
        created: 1_700_000_000,
        model: 'test-model',
        choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    for (const piece of pieces(text, options.pieceChars ?? 6)) {
      res.write(chunkEvent(piece, null));
      if (options.delayMs) await sleep(options.delayMs);
    }
    res.write(chunkEvent('', 'stop'));
    res.end('data: [DONE]\n\n');
  };
}

/** Replies with an HTTP error status and JSON body. */
export function status(code: number, body: unknown): Reply {
  return (_request, res) => {
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
}

/** Sends nothing for `ms` (then a good answer, too late to matter). */
export function delayed(ms: number, then: Reply): Reply {
  return async (request, res) => {
    await sleep(ms);
    if (!res.destroyed) await then(request, res);
  };
}

/** Streams the first part of `text`, then neither sends more nor closes the connection. */
export function stallAfter(text: string): Reply {
  return (_request, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(chunkEvent(text, null));
  };
}

/** Streams the first part of `text`, then drops the connection without [DONE]. */
export function dropAfter(text: string): Reply {
  return async (_request, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(chunkEvent(text, null));
    await sleep(20);
    res.socket?.destroy();
  };
}

/** Sends raw bytes with a status and content type (malformed JSON or SSE). */
export function raw(contentType: string, body: string, code = 200): Reply {
  return (_request, res) => {
    res.writeHead(code, { 'content-type': contentType });
    res.end(body);
  };
}
