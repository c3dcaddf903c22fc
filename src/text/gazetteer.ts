/**
 * China's administrative divisions (provinces → prefectures → counties, from the maintained `china-area-data`
 * package): what lies inside a place. A report from 海东 may never write 青海, yet it is about 青海. Pure lookups
 * over data loaded once.
 */
import { createRequire } from 'node:module';
import { stripAdminSuffix } from './lexicon.ts';

/** `{ parentCode: { code: name } }`, the package's data format; "86" holds the provinces. */
type DivisionTree = Record<string, Record<string, string>>;

interface Division {
  code: string;
  name: string;
}

let loaded: { byName: Map<string, Division[]>; children: DivisionTree } | undefined;

function gazetteer(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const children = createRequire(import.meta.url)('china-area-data/data.json') as DivisionTree;
  const byName = new Map<string, Division[]>();
  const add = (key: string, division: Division) => {
    const list = byName.get(key) ?? [];
    if (!list.some((d) => d.code === division.code)) list.push(division);
    byName.set(key, list);
  };
  for (const group of Object.values(children)) {
    for (const [code, name] of Object.entries(group)) {
      if (PLACEHOLDER.test(name)) continue;
      add(name, { code, name });
      // Provinces and prefectures are written without their suffix too (青海, 海东); counties are not (平安 is a word).
      if (children[code]) for (const short of shortNames(name, true)) add(short, { code, name });
    }
  }
  loaded = { byName, children };
  return loaded;
}

/** Levels of the data that stand for no place of their own. */
const PLACEHOLDER = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/**
 * How text shortens a division's name: a prefecture without its suffix (海东), an autonomous county or prefecture
 * by its first two characters (民和回族土族自治县 → 民和县, 恩施土家族苗族自治州 → 恩施州).
 */
function shortNames(name: string, isPrefecture: boolean): string[] {
  const out: string[] = [];
  if (name.endsWith('自治县')) out.push(`${name.slice(0, 2)}县`);
  if (name.endsWith('自治州')) out.push(`${name.slice(0, 2)}州`, name.slice(0, 2));
  else if (isPrefecture) out.push(stripAdminSuffix(name));
  return out.filter((n) => n.length >= 2);
}

const withinCache = new Map<string, readonly string[]>();

/**
 * The names of every division inside `place` (a province's prefectures and counties, a prefecture's counties), as
 * they are written in text: prefectures with and without suffix, counties in full. Empty for an unknown place.
 */
export function placesWithin(place: string): readonly string[] {
  const cached = withinCache.get(place);
  if (cached) return cached;
  const { byName, children } = gazetteer();
  const names = new Set<string>();
  const walk = (code: string) => {
    for (const [child, name] of Object.entries(children[code] ?? {})) {
      // 北京市 → 市辖区 → 朝阳区: a placeholder level names nothing, its children do.
      if (!PLACEHOLDER.test(name)) {
        names.add(name);
        for (const short of shortNames(name, Boolean(children[child]))) names.add(short);
      }
      if (children[child]) walk(child);
    }
  };
  for (const division of byName.get(place) ?? []) walk(division.code);
  names.delete(place);
  const result = [...names];
  withinCache.set(place, result);
  return result;
}

/**
 * Whether a word is the name of a division, written in full or without its suffix (德清 for 德清县, 临汾 for 临汾市).
 * Two characters at least; folded to simplified.
 */
export function isPlaceName(word: string): boolean {
  if (word.length < 2) return false;
  const { byName } = gazetteer();
  return byName.has(word) || ['县', '市', '区', '旗'].some((suffix) => byName.has(`${word}${suffix}`));
}

/** The level of a division: a province, a prefecture (地级), or a county (县级: counties, districts, county-level cities). */
export type DivisionLevel = 'province' | 'prefecture' | 'county';

/**
 * The levels a name stands at, written in full or without its suffix (湖南 → province; 福田 → county; 吉林 →
 * province and prefecture). Empty for an unknown name.
 */
export function divisionLevels(word: string): ReadonlySet<DivisionLevel> {
  const levels = new Set<DivisionLevel>();
  if (word.length < 2) return levels;
  const { byName, children } = gazetteer();
  const provinces = children['86'] ?? {};
  for (const key of [word, ...['县', '市', '区', '旗'].map((suffix) => `${word}${suffix}`)]) {
    for (const { code } of byName.get(key) ?? []) {
      if (provinces[code]) levels.add('province');
      else if (Object.keys(provinces).some((p) => children[p]?.[code])) levels.add('prefecture');
      else levels.add('county');
    }
  }
  return levels;
}
