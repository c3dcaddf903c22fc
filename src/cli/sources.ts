import { IndexStore } from '../store/index.ts';
import { runCommand } from './run.ts';

await runCommand('npm run sources [-- --json]', async (config) => {
  const index = await IndexStore.open(config.indexDir);
  const articles = index?.corpus.listArticles() ?? [];
  if (process.argv.includes('--json')) {
    const rows = articles.map((a) => ({ docId: a.docId, file: a.file, ...a.meta, paragraphs: a.paragraphs.length, addedAt: a.addedAt }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  if (!index) {
    process.stdout.write(`还没有索引。先运行：npm run ingest -- ${config.corpusDir}\n`);
    return;
  }
  process.stdout.write(`共 ${articles.length} 篇文章（嵌入模型：${index.manifest.embedder.id}）\n`);
  for (const a of articles) {
    const details = [a.meta.source ?? '来源不详', a.meta.publishedAt ?? '日期不详', `${a.paragraphs.length} 段`].join(' · ');
    process.stdout.write(`- ${a.docId}\n  ${a.meta.title}\n  ${details}${a.meta.url ? `\n  ${a.meta.url}` : ''}\n`);
  }
});
