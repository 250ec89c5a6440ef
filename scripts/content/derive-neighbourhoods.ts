/**
 * Documents (and re-runs) how the default LSOA lists of the six priority neighbourhoods in
 * content/E08000035/priority-areas.json were derived. There is no official boundary for the
 * neighbourhoods, so the default membership of each is: the LSOAs of its ward that were in
 * the national most-deprived 1% in IoD2015 (national rank <= floor(32844 / 100) = 328).
 * Ward = ONS best-fit LSOA 2021 -> ward Dec 2024 lookup, applied to each LSOA 2011's
 * LSOA 2021 successor(s) (ONS LSOA 2011 -> 2021 lookup, with change code).
 *
 * Usage: npx tsx scripts/content/derive-neighbourhoods.ts [sourcesDir]
 *   sourcesDir defaults to $ATLAS_DATA_DIR or ../shared/data (from the repo root).
 * Prints the JSON fragment (`onePercent2015` and the per-neighbourhood lists); the output is
 * committed into content/E08000035/priority-areas.json, and a unit test checks the two still agree.
 */
import { onePercentRank } from '../../src/data/rank-rules';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvRecords } from '../pipeline/csv';
import type { LsoaSuccessor, OnePercentLsoa, WardRef } from '../../src/data/content-contract';

export const AREA_CODE = 'E08000035';

/** Neighbourhood id → Dec 2024 ward code (from the report: 001 para 2.2). */
export const NEIGHBOURHOOD_WARDS: Record<string, string> = {
  'new-wortley': 'E05011385', // Armley
  'the-recreations': 'E05012647', // Beeston & Holbeck
  'boggart-hill': 'E05011400', // Killingbeck & Seacroft
  'beverleys-and-stratfords': 'E05011399', // Hunslet & Riverside
  'cliftons-and-nowells': 'E05011388', // Burmantofts & Richmond Hill
  'lincoln-green': 'E05011388', // Burmantofts & Richmond Hill
};

export interface Derivation {
  nationalCount: number;
  threshold: number;
  count: number;
  lsoas: OnePercentLsoa[];
  neighbourhoods: Record<string, { ward: WardRef; lsoa11: string[]; lsoa21: LsoaSuccessor[] }>;
}

export function deriveNeighbourhoods(sourcesDir: string): Derivation {
  const csv = (f: string) => csvRecords(readFileSync(join(sourcesDir, f), 'utf8'), f);
  const iod = csv('indices/iod2015_lsoa11_england.csv');
  const nationalCount = iod.length;
  const threshold = onePercentRank(nationalCount);

  const successors = new Map<string, LsoaSuccessor[]>();
  for (const r of csv('lookups/lsoa11_lsoa21_lad22_england_wales.csv')) {
    const from = r.lsoa11_code!;
    const list = successors.get(from) ?? [];
    list.push({ code: r.lsoa21_code!, from, change: r.change_code as LsoaSuccessor['change'] });
    successors.set(from, list);
  }
  const wardOf = new Map<string, WardRef>();
  for (const r of csv('lookups/lsoa21_ward24_lad24_england_wales.csv')) {
    if (r.ltla24_code === AREA_CODE) wardOf.set(r.lsoa21_code!, { code: r.ward24_code!, name: r.ward24_name! });
  }

  const lsoas: OnePercentLsoa[] = iod
    .filter((r) => r.lad13cd === AREA_CODE && Number(r.imd_rank) <= threshold)
    .map((r) => {
      const succ = (successors.get(r.lsoa11cd!) ?? []).sort((a, b) => a.code.localeCompare(b.code));
      const wards = [...new Set(succ.map((s) => wardOf.get(s.code)?.code))];
      if (wards.length !== 1 || !wards[0]) throw new Error(`${r.lsoa11cd}: successors map to ${wards.length} wards`);
      const ward = wardOf.get(succ[0]!.code)!;
      return {
        lsoa11: r.lsoa11cd!,
        name: r.lsoa11nm!,
        rank: Number(r.imd_rank),
        lsoa21: succ,
        ward,
        neighbourhoods: Object.entries(NEIGHBOURHOOD_WARDS)
          .filter(([, w]) => w === ward.code)
          .map(([id]) => id),
      };
    })
    .sort((a, b) => a.rank - b.rank);

  const neighbourhoods: Derivation['neighbourhoods'] = {};
  for (const [id, wardCode] of Object.entries(NEIGHBOURHOOD_WARDS)) {
    const mine = lsoas.filter((l) => l.ward.code === wardCode).sort((a, b) => a.lsoa11.localeCompare(b.lsoa11));
    const name = [...wardOf.values()].find((w) => w.code === wardCode)?.name ?? wardCode;
    neighbourhoods[id] = {
      ward: { code: wardCode, name },
      lsoa11: mine.map((l) => l.lsoa11),
      lsoa21: mine.flatMap((l) => l.lsoa21),
    };
  }
  return { nationalCount, threshold, count: lsoas.length, lsoas, neighbourhoods };
}

export function defaultSourcesDir(): string {
  return process.env.ATLAS_DATA_DIR ?? resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/data');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const d = deriveNeighbourhoods(process.argv[2] ?? defaultSourcesDir());
  const { neighbourhoods, ...onePercent2015 } = d;
  process.stdout.write(`${JSON.stringify({ onePercent2015, neighbourhoods }, null, 2)}\n`);
  const perWard = new Map<string, number>();
  for (const l of d.lsoas) perWard.set(l.ward.name, (perWard.get(l.ward.name) ?? 0) + 1);
  process.stderr.write(
    `${d.count} LSOAs (rank <= ${d.threshold} of ${d.nationalCount}): ${[...perWard].map(([w, n]) => `${w} ${n}`).join('; ')}\n`,
  );
}
