import { IndexStore } from '../store/index.ts';
import { tourToJson, toursOf } from '../tours/index.ts';
import { runCommand } from './run.ts';

await runCommand('npm run tours [-- --json]', async (config) => {
  const index = await IndexStore.open(config.indexDir);
  if (!index) {
    process.stdout.write(`还没有索引。先运行：npm run ingest -- ${config.corpusDir}\n`);
    return;
  }
  const cards = toursOf(index.corpus);
  for (const card of cards) process.stdout.write(`${JSON.stringify(tourToJson(card))}\n`);
});
