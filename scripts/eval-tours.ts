/**
 * Tour-card evaluation against hand-made gold cards (JSONL, `docs` as file names). Loads the current index
 * (INDEX_DIR, which must hold the gold's articles), derives the cards and prints per-field precision / recall / F1
 * (leaders by name; destinations, sites and agreements as sets with containment), exact start / end / site count,
 * merged multi-article tours and verbatim quotes — for the seed articles (those in CORPUS_DIR), the other (dev)
 * articles, and all.
 *
 *   npm run eval:tours [-- ../shared/dev/dev-tours.jsonl] [--json] [--verbose]
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { IndexStore } from '../src/store/index.ts';
import { evaluateTours, parseGoldTours, toursOf, unverifiedQuotes, SET_FIELDS, EXACT_FIELDS, type GoldTour, type TourEvalReport } from '../src/tours/index.ts';

const DEFAULT_GOLD = '../shared/dev/dev-tours.jsonl';

function table(name: string, report: TourEvalReport): string {
  const out = [`== ${name} (${report.goldCards} gold cards, ${report.matched} matched) ==`];
  out.push(`${'field'.padEnd(14)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}${'tp/gold/sys'.padStart(14)}`);
  for (const field of SET_FIELDS) {
    const s = report.sets[field];
    out.push(`${field.padEnd(14)}${s.precision.toFixed(3).padStart(7)}${s.recall.toFixed(3).padStart(7)}${s.f1.toFixed(3).padStart(7)}${`${s.tp}/${s.gold}/${s.system}`.padStart(14)}`);
  }
  for (const field of EXACT_FIELDS) {
    const e = report.exact[field];
    out.push(`${`${field} exact`.padEnd(14)}${e.accuracy.toFixed(3).padStart(21)}${`${e.correct}/${e.total}`.padStart(14)}`);
  }
  out.push(`${'merged right'.padEnd(14)}${`${report.merges.right}/${report.merges.total}`.padStart(21)}`);
  return out.join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const json = argv.includes('--json');
  const verbose = argv.includes('--verbose');
  const goldPath = argv.find((a) => !a.startsWith('--')) ?? DEFAULT_GOLD;
  const config = loadConfig();
  const gold = parseGoldTours(await readFile(goldPath, 'utf8'));
  const index = await IndexStore.open(config.indexDir);
  if (!index) throw new Error(`tours: no index in ${config.indexDir} — run npm run ingest first`);
  const started = performance.now();
  const cards = toursOf(index.corpus);
  const ms = performance.now() - started;
  const missingDocs = [...new Set(gold.flatMap((g) => g.docs))].filter((d) => !index.corpus.getArticle(d.replace(/\.(txt|md|html?)$/i, '')));
  const seedFiles = new Set(await readdir(config.corpusDir).catch(() => [] as string[]));
  const isSeed = (g: GoldTour) => g.docs.every((d) => seedFiles.has(d));
  const groups: Array<[string, GoldTour[]]> = [['seed', gold.filter(isSeed)], ['dev', gold.filter((g) => !isSeed(g))], ['all', gold]];
  const reports = groups.filter(([, g]) => g.length > 0).map(([name, g]) => ({ name, report: evaluateTours(g, cards) }));
  const badQuotes = unverifiedQuotes(cards, (id) => index.corpus.getParagraph(id)?.text);
  const quotes = cards.reduce((n, c) => n + Object.values(c.citations).reduce((m, l) => m + (l?.length ?? 0), 0), 0);
  if (json) {
    process.stdout.write(`${JSON.stringify({ gold: path.resolve(goldPath), cards: cards.length, derive_ms: Math.round(ms), quotes, quotes_not_verbatim: badQuotes.length, missing_docs: missingDocs, reports }, null, 1)}\n`);
    return;
  }
  if (missingDocs.length > 0) process.stdout.write(`warning: ${missingDocs.length} gold articles are not in the index (${missingDocs.slice(0, 3).join(', ')}…)\n`);
  for (const { name, report } of reports) {
    process.stdout.write(`${table(name, report)}\n`);
    if (verbose) for (const miss of report.misses) process.stdout.write(`  MISS ${miss.id} ${miss.field}: want ${JSON.stringify(miss.want)} got ${JSON.stringify(miss.got)}\n`);
    process.stdout.write('\n');
  }
  process.stdout.write(`cards: ${cards.length} from ${index.corpus.counts.articles} articles in ${ms.toFixed(0)} ms; quotes verbatim: ${quotes - badQuotes.length}/${quotes}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
