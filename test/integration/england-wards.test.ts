/**
 * Issue 24 on the real sources: the pipeline's outputs against figures worked out here straight from
 * the source CSVs (a small parse of our own, not the pipeline's readers):
 *  - the seven domains' national deciles in IoD 2019 and 2025 of an unchanged Leeds LSOA;
 *  - one ward's England percentile for the income domain, from the ONS best-fit lookup, Census 2021
 *    usual residents and the IoD 2025 LSOA scores.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import { GEO_FILES, TOPO_OBJECTS } from '../../src/data/contract';
import type { EnglandWardsData } from '../../src/data/england-wards-contract';
import { runPipeline } from '../../scripts/pipeline/run';
import { nationalWards, standardise } from '../../src/domain/ward-peers';
import { spines } from '../../src/domain/yardsticks';
import { dataDir } from '../unit/pipeline/helpers/data-dir';
import { tempDir } from '../unit/pipeline/helpers/synthetic';
import { table } from '../unit/outreach/independent';

const LSOA = 'E01011349'; // Leeds, in Burmantofts & Richmond Hill; change code U in the 2011 → 2021 lookup
const WARD = 'E05011388';
const STEMS = [
  ['inc', 'income'],
  ['emp', 'employment'],
  ['edu', 'education'],
  ['hea', 'health'],
  ['cri', 'crime'],
  ['bar', 'barriers_housing_services'],
  ['liv', 'living_environment'],
] as const;

const out = tempDir('england-wards');
let lsoaProps: Record<string, unknown> = {};
let wards: EnglandWardsData;

beforeAll(async () => {
  await runPipeline({ dataDir, outDir: out, area: 'E08000035' });
  const topo = JSON.parse(readFileSync(path.join(out, GEO_FILES.areas2021), 'utf8')) as Topology;
  const fc = feature(topo, topo.objects[TOPO_OBJECTS.lsoa21]!);
  const features = 'features' in fc ? fc.features : [];
  lsoaProps = features.find((f) => f.properties?.['code'] === LSOA)?.properties ?? {};
  wards = JSON.parse(readFileSync(path.join(out, GEO_FILES.englandWards), 'utf8')) as EnglandWardsData;
}, 300_000);

describe('an unchanged Leeds LSOA: the seven domains in IoD 2019 and 2025', () => {
  it('is unchanged by the ONS lookup', () => {
    const link = table('lookups/lsoa11_lsoa21_lad22_england_wales.csv').filter((r) => r.get('lsoa21_code') === LSOA);
    expect(link.map((r) => [r.get('lsoa11_code'), r.get('change_code')])).toEqual([[LSOA, 'U']]);
  });

  it('carries each domain’s national decile exactly as both source files give it', () => {
    const r19 = table('indices/iod2019_lsoa11_england.csv').find((r) => r.get('lsoa11cd') === LSOA)!;
    const r25 = table('indices/iod2025_lsoa21_england.csv').find((r) => r.get('lsoa21cd') === LSOA)!;
    for (const [id, stem] of STEMS) {
      expect(lsoaProps[`y19_${id}_d`], `${id} 2019`).toBe(Number(r19.get(`${stem}_decile`)));
      expect(lsoaProps[`y25_${id}_d`], `${id} 2025`).toBe(Number(r25.get(`${stem}_decile`)));
    }
  });
});

describe('a ward’s England percentile (income, IoD 2025)', () => {
  it('equals the share of England’s wards with a lower population-weighted income score, worked out here', () => {
    const pop = new Map(
      table('population/census2021_ts007a_lsoa21_england.csv').map((r) => [
        r.get('geography code')!,
        Number(r.get('Age: Total')),
      ]),
    );
    const income = new Map(
      table('indices/iod2025_lsoa21_england.csv').map((r) => [r.get('lsoa21cd')!, Number(r.get('income_score'))]),
    );
    const sums = new Map<string, { w: number; ws: number }>();
    for (const r of table('lookups/lsoa21_ward25_lad25_england_wales_best_fit.csv')) {
      const code = r.get('LSOA21CD')!;
      if (!code.startsWith('E01')) continue;
      const s = sums.get(r.get('WD25CD')!) ?? { w: 0, ws: 0 };
      s.w += pop.get(code)!;
      s.ws += pop.get(code)! * income.get(code)!;
      sums.set(r.get('WD25CD')!, s);
    }
    const scores = new Map([...sums].map(([w, s]) => [w, s.ws / s.w]));
    expect(scores.size).toBe(6793);
    const own = scores.get(WARD)!;
    const others = [...scores].filter(([w]) => w !== WARD).map(([, s]) => s);
    const expected = (100 * others.filter((s) => s < own).length) / others.length;

    const england = standardise(nationalWards(wards)).wards;
    const ward = england.find((w) => w.code === WARD)!;
    expect(ward.scores[0]).toBeCloseTo(own, 4);
    const inc = spines(ward, england, null).find((s) => s.domain === 'inc')!;
    // The file's scores are rounded to 4 dp, which can only move wards within 0.00005 of this one.
    expect(Math.abs(inc.percentile - expected)).toBeLessThan(0.1);
    expect(Math.floor(inc.percentile)).toBe(Math.floor(expected));
  });
});
