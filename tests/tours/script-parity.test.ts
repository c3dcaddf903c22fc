/**
 * Traditional and simplified characters read the same: every article of the extra tour set and the tour fixtures,
 * converted character by character to the other script, yields the same cards once folded (foldScript).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { extractTours, type TourDraft } from '../../src/tours/index.ts';
import { foldScript } from '../../src/text/index.ts';
import { articleOf, CITY_TRIP, COUNTY_TRIP, OVERVIEW, PROVINCE_TRIP } from './fixtures.ts';

const EXTRA_DIR = path.join(import.meta.dirname, '..', 'fixtures', 'tours-extra', 'articles');

type Convert = (text: string) => string;
const require = createRequire(import.meta.url);
const OpenCC = require('opencc-js') as { Converter(options: { from: string; to: string }): Convert };

/** One character at a time, so lengths (and every offset) stay as they were. */
function charwise(convert: Convert): Convert {
  return (text) => [...text].map((ch) => {
    const out = convert(ch);
    return [...out].length === 1 ? out : ch;
  }).join('');
}
const toTraditional = charwise(OpenCC.Converter({ from: 'cn', to: 'tw' }));
const toSimplified = charwise(OpenCC.Converter({ from: 'tw', to: 'cn' }));

const summary = (drafts: TourDraft[]) => foldScript(JSON.stringify(drafts.map((d) => ({
  delegation: d.delegation?.value, level: d.level, from: d.from?.value, leaders: d.leaders.map((l) => l.value.name), start: d.start?.value,
  end: d.end?.value, destinations: d.destinations.map((x) => x.value), sites: d.sites.map((x) => x.value), siteCount: d.siteCount?.value,
  agreements: d.agreements.map((x) => x.value),
}))));

const specs = [
  ...readdirSync(EXTRA_DIR).map((file) => {
    const [title, ...paragraphs] = readFileSync(path.join(EXTRA_DIR, file), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    return { name: file, title: title!, publishedAt: null, paragraphs };
  }),
  ...[PROVINCE_TRIP, CITY_TRIP, COUNTY_TRIP, OVERVIEW].map((a) => ({ name: a.docId, title: a.meta.title, publishedAt: a.meta.publishedAt, paragraphs: a.paragraphs.map((p) => p.text) })),
];

test('an article in the other script yields the same cards', () => {
  for (const spec of specs) {
    const read = (convert: Convert) => summary(extractTours(articleOf('a', { title: convert(spec.title), publishedAt: spec.publishedAt, paragraphs: spec.paragraphs.map(convert) })));
    const as = read((t) => t);
    assert.equal(read(toTraditional), as, `${spec.name} in traditional characters`);
    assert.equal(read(toSimplified), as, `${spec.name} in simplified characters`);
  }
});
