/**
 * The plain search bot to beat, as `shared/tools/peer-lexical.mjs` builds it: MiniSearch with jieba
 * cut-for-search tokens over the articles' non-empty lines, no tuning. Recall@1/@5 by evidence containment.
 */
import { createRequire } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';

const require = createRequire(import.meta.url);
const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
// The peer's own stock segmenter: it must not benefit from our domain dictionary.
const jieba = Jieba.withDict(dict);
const tokenize = (text: string) =>
  jieba
    .cutForSearch(String(text).normalize('NFKC'), true)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t && !/^[\p{P}\p{S}]+$/u.test(t));
const squash = (text: string) => String(text ?? '').normalize('NFKC').replace(/[\s\u3000]+/g, '');

/** Recall@1/@5 of the peer over the articles in `corpusDir` for the gold items that have evidence. */
export async function peerRecall(corpusDir: string, gold: ReadonlyArray<{ question: string; evidence: string | null }>): Promise<{ recallAt1: number; recallAt5: number }> {
  const lines: Array<{ id: number; text: string }> = [];
  for (const file of (await readdir(corpusDir)).sort()) {
    for (const line of (await readFile(path.join(corpusDir, file), 'utf8')).split('\n')) {
      if (line.trim().length >= 2) lines.push({ id: lines.length, text: line.trim() });
    }
  }
  const search = new MiniSearch({ fields: ['text'], storeFields: ['text'], tokenize, processTerm: (t) => t });
  search.addAll(lines);
  const asked = gold.filter((g) => g.evidence);
  let r1 = 0;
  let r5 = 0;
  for (const g of asked) {
    const top = search.search(g.question).slice(0, 5).map((hit) => lines[Number(hit.id)]!.text);
    const hit = top.findIndex((text) => squash(text).includes(squash(g.evidence!)));
    if (hit === 0) r1 += 1;
    if (hit >= 0) r5 += 1;
  }
  return { recallAt1: Number((r1 / Math.max(1, asked.length)).toFixed(3)), recallAt5: Number((r5 / Math.max(1, asked.length)).toFixed(3)) };
}
