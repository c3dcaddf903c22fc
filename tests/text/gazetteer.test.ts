/** The gazetteer's levels: what a bare or suffixed name stands for (china-area-data). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { divisionLevels } from '../../src/text/index.ts';

describe('divisionLevels', () => {
  const cases: Array<[string, string[]]> = [
    ['江西', ['province']], ['九江', ['prefecture']], ['九江市', ['prefecture']], ['德安', ['county']], ['天河区', ['county']],
    ['不存在的地方', []], ['考察', []],
  ];
  for (const [name, levels] of cases) test(`${name} → ${levels.join(',') || 'none'}`, () => assert.deepEqual([...divisionLevels(name)].sort(), levels));
});
