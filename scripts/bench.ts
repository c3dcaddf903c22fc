/**
 * Benchmark: ingest throughput, index load time, in-process query latency and peak memory, on the seed corpus and
 * on synthetic corpora built by recombining seed sentences (to show how cost grows).
 *
 *   npm run bench [-- --sizes 10000,100000] [--json]
 *
 * Uses the built-in offline embedder, so figures are reproducible on any machine.
 */
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseConfig } from '../src/config.ts';
import { createLogger } from '../src/log.ts';
import { openQuestionAnswering } from '../src/app.ts';
import { HashedNgramEmbedder } from '../src/embed/index.ts';
import { ingestInputs } from '../src/ingest/index.ts';
import { cleanArticle, splitSentences } from '../src/text/index.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const sizes = (args.includes('--sizes') ? args[args.indexOf('--sizes') + 1]! : '10000,100000').split(',').map(Number).filter((n) => n > 0);
const PARAGRAPHS_PER_ARTICLE = 50;

interface Row {
  corpus: string;
  articles: number;
  paragraphs: number;
  chunks: number;
  ingestSeconds: number;
  paragraphsPerSecond: number;
  indexMb: number;
  loadMs: number;
  queryP50: number;
  queryP95: number;
  queryMax: number;
  peakRssMb: number;
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Deterministic PRNG (mulberry32) so synthetic corpora are the same on every run. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seedSentences(): Promise<string[]> {
  const dir = path.join(root, 'data/articles');
  const sentences: string[] = [];
  for (const file of (await readdir(dir)).sort()) {
    const cleaned = cleanArticle(await readFile(path.join(dir, file), 'utf8'), { fileName: file });
    for (const p of cleaned.paragraphs) if (p.kind === 'body') sentences.push(...splitSentences(p.text).map((s) => s.text.trim()));
  }
  return sentences.filter((s) => s.length >= 8);
}

const PLACES = ['长沙', '株洲', '湘潭', '衡阳', '邵阳', '岳阳', '常德', '益阳', '永州', '怀化', '娄底', '南昌', '武汉', '杭州', '苏州', '合肥', '福州', '成都'];

/** Writes synthetic articles whose paragraphs recombine seed sentences with varied numbers, dates and places. */
async function writeSyntheticCorpus(dir: string, paragraphs: number, sentences: string[]): Promise<void> {
  const random = prng(paragraphs);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const articles = Math.ceil(paragraphs / PARAGRAPHS_PER_ARTICLE);
  for (let a = 0; a < articles; a++) {
    const place = pick(PLACES);
    const lines = [`${place}党政代表团赴外省学习考察纪实（第${a + 1}篇）`, `来源:合成测试 2024-${String((a % 12) + 1).padStart(2, '0')}-15 10:00:00`];
    for (let p = 0; p < PARAGRAPHS_PER_ARTICLE; p++) {
      const parts = Array.from({ length: 2 + Math.floor(random() * 3) }, () =>
        pick(sentences).replace(/\d+/g, () => String(1 + Math.floor(random() * 500))).replace(/湖南|郴州|浙江/g, () => pick(PLACES)),
      );
      lines.push(`${a + 1}-${p + 1}日,${parts.join('')}`);
    }
    await writeFile(path.join(dir, `synthetic-${String(a).padStart(5, '0')}.txt`), lines.join('\n'));
  }
}

async function questions(): Promise<string[]> {
  const read = async (file: string, field: string) =>
    (await readFile(path.join(root, '../shared/eval', file), 'utf8').catch(() => ''))
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l)[field] as string);
  const all = [...(await read('seed-qa.jsonl', 'question')), ...(await read('seed-claims.jsonl', 'claim'))];
  return all.length > 0 ? all : ['湖南省党政代表团去了哪几个省？', '郴州和广州签了什么协议？'];
}

async function measure(name: string, corpusDir: string): Promise<Row> {
  const indexDir = await mkdtemp(path.join(os.tmpdir(), 'kaocha-bench-index-'));
  try {
    const config = parseConfig({ INDEX_DIR: indexDir, EMBEDDING_OFFLINE: '1' }, root);
    const embedder = new HashedNgramEmbedder();
    const started = performance.now();
    const report = await ingestInputs([corpusDir], { indexDir, embedder, chunk: config.chunk, fetch: config.fetch });
    const ingestSeconds = (performance.now() - started) / 1000;
    const counts = report.manifest?.counts ?? { articles: 0, paragraphs: 0, chunks: 0 };

    const loads: number[] = [];
    let qa = await openQuestionAnswering(config, createLogger('error'), { embedder });
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      qa = await openQuestionAnswering(config, createLogger('error'), { embedder });
      loads.push(performance.now() - t);
    }
    const qs = await questions();
    for (const q of qs) await qa.ask(q); // warm-up
    const latencies: number[] = [];
    for (let round = 0; round < 3; round++) for (const q of qs) latencies.push((await qa.ask(q)).timings.total);
    return {
      corpus: name,
      articles: counts.articles,
      paragraphs: counts.paragraphs,
      chunks: counts.chunks,
      ingestSeconds,
      paragraphsPerSecond: counts.paragraphs / ingestSeconds,
      indexMb: (await dirSize(indexDir)) / 1024 / 1024,
      loadMs: percentile(loads, 50),
      queryP50: percentile(latencies, 50),
      queryP95: percentile(latencies, 95),
      queryMax: Math.max(...latencies),
      peakRssMb: peakRss / 1024 / 1024,
    };
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}

const rows: Row[] = [await measure('seed', path.join(root, 'data/articles'))];
const sentences = await seedSentences();
for (const size of sizes) {
  const corpusDir = await mkdtemp(path.join(os.tmpdir(), 'kaocha-bench-corpus-'));
  try {
    await writeSyntheticCorpus(corpusDir, size, sentences);
    rows.push(await measure(`synthetic ${size}`, corpusDir));
  } finally {
    await rm(corpusDir, { recursive: true, force: true });
  }
}
clearInterval(sampler);

if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ cpus: os.cpus().length, embedder: new HashedNgramEmbedder().info.id, rows }, null, 2)}\n`);
} else {
  const f = (x: number, d = 1) => x.toFixed(d);
  process.stdout.write(`embedder: ${new HashedNgramEmbedder().info.id}, ${os.cpus().length} cores; targets: p95 < 50 ms (seed), < 150 ms (100k paragraphs)\n`);
  process.stdout.write('| corpus | articles | paragraphs | chunks | ingest s | paragraphs/s | index MB | load ms | query p50 ms | p95 ms | max ms | peak RSS MB |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n');
  for (const r of rows) {
    process.stdout.write(`| ${r.corpus} | ${r.articles} | ${r.paragraphs} | ${r.chunks} | ${f(r.ingestSeconds)} | ${f(r.paragraphsPerSecond, 0)} | ${f(r.indexMb)} | ${f(r.loadMs)} | ${f(r.queryP50)} | ${f(r.queryP95)} | ${f(r.queryMax)} | ${f(r.peakRssMb, 0)} |\n`);
  }
}
