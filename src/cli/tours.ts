import { IndexStore } from '../store/index.ts';
import { findTours, listTours, renderTourListText, renderTourText, tourToJson, toursOf } from '../tours/index.ts';
import { runCommand } from './run.ts';
import { UsageError } from './args.ts';

/**
 * `npm run tours [-- --json] [关键词]`: every tour card (newest first as text; one JSON object per line with
 * --json, in corpus order), or the cards a keyword names.
 */
await runCommand('npm run tours [-- --json] [关键词]', async (config) => {
  const argv = process.argv.slice(2);
  const unknown = argv.find((a) => a.startsWith('--') && a !== '--json');
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
  const json = argv.includes('--json');
  const keyword = argv.filter((a) => !a.startsWith('--')).join(' ').trim();
  const index = await IndexStore.open(config.indexDir);
  if (!index) {
    if (!json) process.stdout.write(`还没有索引。先运行：npm run ingest -- ${config.corpusDir}\n`);
    return;
  }
  const all = toursOf(index.corpus);
  const cards = keyword ? findTours(all, keyword) : all;
  if (json) {
    for (const card of cards) process.stdout.write(`${JSON.stringify(tourToJson(card))}\n`);
    return;
  }
  if (cards.length === 0) {
    process.stdout.write(keyword ? `没有找到与“${keyword}”相关的考察记录。\n` : '还没有考察记录。\n');
    return;
  }
  if (!keyword) process.stdout.write(`${renderTourListText(listTours(all, { pageSize: all.length }))}\n\n`);
  for (const card of keyword ? cards.slice(0, 3) : listTours(all, { pageSize: all.length }).items) process.stdout.write(`${renderTourText(card)}\n\n`);
});
