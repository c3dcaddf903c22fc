/**
 * Quality gate for tour cards: the seed and dev articles are ingested into a temp index (offline built-in
 * embedder), cards are derived and scored against the hand-made gold cards (../shared/dev/dev-tours.jsonl). Every
 * figure must stay at or above a threshold a little under what was measured when it was set (README, tour cards);
 * the `tours --json` CLI must print the contract with every quote verbatim in its paragraph.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HashedNgramEmbedder } from '../../src/embed/index.ts';
import { ingestInputs } from '../../src/ingest/index.ts';
import { IndexStore, type LoadedIndex } from '../../src/store/index.ts';
import { evaluateTours, parseGoldTours, toursOf, unverifiedQuotes, type GoldTour, type TourEvalReport } from '../../src/tours/index.ts';
import { makeTempDir, removeTempDirs, ROOT, testConfig } from '../helpers/corpus-index.ts';
import { runCli } from '../helpers/run-cli.ts';

const SHARED_DIR = path.resolve(process.env.KAOCHA_SHARED_DIR ?? path.join(ROOT, '..', 'shared'));
const SEED_DIR = path.join(SHARED_DIR, 'corpus');
const DEV_DIR = path.join(SHARED_DIR, 'dev', 'articles');
const GOLD = path.join(SHARED_DIR, 'dev', 'dev-tours.jsonl');
/** Invented articles written for the failure kinds seen on unseen articles (tests/fixtures/tours-extra). */
const EXTRA_DIR = path.join(ROOT, 'tests', 'fixtures', 'tours-extra', 'articles');
const EXTRA_GOLD = path.join(ROOT, 'tests', 'fixtures', 'tours-extra', 'tours.jsonl');

interface Thresholds {
  leaders: number;
  destinations: number;
  sites: number;
  agreements: number;
  start: number;
  end: number;
  site_count: number;
}

/**
 * Measured 2026-12-04 (F1 leaders/destinations/sites/agreements): seed 1.0/1.0/0.947/1.0, dev 0.974/0.949/0.935/1.0; dates and count 1.0; merges 1/1.
 * Re-measured after the generalisation work: dev leaders 1.0 (destinations P 0.963 R 0.933), extra 1.0 on every
 * field (destinations F1 1.067: one compound place, 浙江省湖州市安吉縣, contains two gold values).
 */
const THRESHOLDS: Record<'seed' | 'dev' | 'extra', Thresholds> = {
  seed: { leaders: 0.95, destinations: 0.95, sites: 0.88, agreements: 0.95, start: 0.95, end: 0.95, site_count: 0.95 },
  dev: { leaders: 0.97, destinations: 0.9, sites: 0.88, agreements: 0.95, start: 0.9, end: 0.9, site_count: 0.95 },
  extra: { leaders: 0.95, destinations: 0.95, sites: 0.9, agreements: 0.95, start: 0.95, end: 0.95, site_count: 0.95 },
};

describe('tour card quality gate (shared/corpus + shared/dev + tests/fixtures/tours-extra)', { timeout: 5 * 60_000 }, () => {
  let dir = '';
  let index: LoadedIndex;
  let gold: GoldTour[] = [];
  let extraGold: GoldTour[] = [];

  before(async () => {
    assert.ok(existsSync(GOLD), `expected the shared gold tours in ${GOLD} (set KAOCHA_SHARED_DIR)`);
    dir = await makeTempDir('tours-gate');
    const config = testConfig(dir);
    await ingestInputs([SEED_DIR, DEV_DIR, EXTRA_DIR], { indexDir: dir, embedder: new HashedNgramEmbedder(), chunk: config.chunk, fetch: config.fetch, baseDir: SHARED_DIR });
    index = (await IndexStore.open(dir))!;
    gold = parseGoldTours(await readFile(GOLD, 'utf8'));
    extraGold = parseGoldTours(await readFile(EXTRA_GOLD, 'utf8'));
  });
  after(removeTempDirs);

  const check = (name: 'seed' | 'dev' | 'extra', report: TourEvalReport) => {
    const limits = THRESHOLDS[name];
    for (const field of ['leaders', 'destinations', 'sites', 'agreements'] as const) {
      assert.ok(report.sets[field].f1 >= limits[field], `${name}: ${field} F1 ${report.sets[field].f1} < ${limits[field]}`);
    }
    for (const field of ['start', 'end', 'site_count'] as const) {
      assert.ok(report.exact[field].accuracy >= limits[field], `${name}: ${field} exact ${report.exact[field].accuracy} < ${limits[field]}`);
    }
    assert.equal(report.merges.right, report.merges.total, `${name}: multi-article tours merged ${report.merges.right}/${report.merges.total}`);
    assert.equal(report.matched, report.goldCards, `${name}: every gold tour has a card`);
  };

  test('seed and dev cards stay above their thresholds', () => {
    const seedFiles = new Set(readdirSync(SEED_DIR));
    const isSeed = (g: GoldTour) => g.docs.every((d) => seedFiles.has(d));
    const cards = toursOf(index.corpus);
    check('seed', evaluateTours(gold.filter(isSeed), cards));
    check('dev', evaluateTours(gold.filter((g) => !isSeed(g)), cards));
    check('extra', evaluateTours(extraGold, cards));
    assert.deepEqual(unverifiedQuotes(cards, (id) => index.corpus.getParagraph(id)?.text), []);
  });

  test('tours --json prints one contract object per line, quotes verbatim and containing their values', async () => {
    const run = await runCli('tours', ['--json'], { INDEX_DIR: dir, LOG_LEVEL: 'error' });
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.equal(lines.length, toursOf(index.corpus).length);
    const keys = ['id', 'docs', 'delegation', 'level', 'from', 'leaders', 'hosts', 'start', 'end', 'destinations', 'sites', 'site_count', 'agreements', 'meetings', 'figures', 'conflicts', 'citations'];
    for (const card of lines) {
      assert.deepEqual(Object.keys(card), keys);
      for (const date of [card.start, card.end]) assert.ok(date === null || /^\d{4}-\d{2}-\d{2}$/.test(date as string));
      const citations = card.citations as Record<string, Array<{ paragraphId: string; quote: string }>>;
      for (const list of Object.values(citations)) {
        for (const c of list) assert.ok(index.corpus.getParagraph(c.paragraphId)?.text.includes(c.quote), `${card.id}: ${c.quote}`);
      }
      const quoted = (field: string) => (citations[field] ?? []).map((c) => c.quote).join('\n');
      for (const leader of card.leaders as Array<{ name: string }>) assert.ok(quoted('leaders').includes(leader.name), `${card.id}: ${leader.name}`);
      for (const site of card.sites as string[]) assert.ok(quoted('sites').includes(site), `${card.id}: ${site}`);
      for (const agreement of card.agreements as string[]) assert.ok(quoted('agreements').includes(agreement), `${card.id}: ${agreement}`);
      if (card.site_count !== null) assert.ok(quoted('site_count').includes(String(card.site_count)), `${card.id}: site_count`);
      for (const value of card.destinations as string[]) assert.ok(quoted('destinations').includes(value), `${card.id}: ${value}`);
    }
  });
});
