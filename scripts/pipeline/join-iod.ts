import path from 'node:path';
import { flagKey, valueKey, type IndicatorId, type IodValues, type ReleaseId } from '../../src/data/contract';
import { cell, column, readCsv, type CsvTable } from './csv';
import { ProblemList } from './errors';
import { parseFiniteNumber, parseIntInRange } from './validate';

/** Published column stem of each contract indicator key. */
export const INDICATOR_COLUMNS: Record<IndicatorId, string> = {
  imd: 'imd',
  inc: 'income',
  emp: 'employment',
  edu: 'education',
  hea: 'health',
  cri: 'crime',
  bar: 'barriers_housing_services',
  liv: 'living_environment',
  cyp: 'children_and_young_people',
  ads: 'adult_skills',
  geo: 'geographical_barriers',
  wid: 'wider_barriers',
  ind: 'indoors',
  out: 'outdoors',
  // Not in the England File 1/2 copy; read from File 7 headers by file7.ts.
  idc: 'idaci',
  ido: 'idaopi',
};

export interface ReleaseDef {
  id: ReleaseId;
  codeColumn: string;
  nameColumn: string;
  ladColumn: string;
  /** Indicators with rank and decile columns. */
  indicators: IndicatorId[];
  /** Indicators that also have a score column. */
  scored: IndicatorId[];
  populationColumn?: string;
  lsoaVintage: '2021' | '2011';
}

const DOMAINS: IndicatorId[] = ['imd', 'inc', 'emp', 'edu', 'hea', 'cri', 'bar', 'liv'];
const ALL: IndicatorId[] = [...DOMAINS, 'cyp', 'ads', 'geo', 'wid', 'ind', 'out'];

export const RELEASE_DEFS: Record<ReleaseId, ReleaseDef> = {
  '2025': { id: '2025', codeColumn: 'lsoa21cd', nameColumn: 'lsoa21nm', ladColumn: 'lad24cd', indicators: ALL, scored: ALL, lsoaVintage: '2021' },
  '2019': {
    id: '2019',
    codeColumn: 'lsoa11cd',
    nameColumn: 'lsoa11nm',
    ladColumn: 'lad19cd',
    indicators: DOMAINS,
    scored: ['imd'],
    populationColumn: 'pop_total_mid2015',
    lsoaVintage: '2011',
  },
  '2015': { id: '2015', codeColumn: 'lsoa11cd', nameColumn: 'lsoa11nm', ladColumn: 'lad13cd', indicators: ['imd'], scored: ['imd'], lsoaVintage: '2011' },
};

export interface IndicatorValue {
  s?: number;
  r: number;
  d: number;
}

export interface IodRecord {
  code: string;
  name: string;
  lad: string;
  line: number;
  values: Partial<Record<IndicatorId, IndicatorValue>>;
  pop?: number;
}

export interface ReleaseData {
  def: ReleaseDef;
  file: string;
  /** N in "rank R of N": LSOAs in England in this release = data rows in the file. */
  nationalCount: number;
  records: Map<string, IodRecord>;
}

/**
 * Parses and validates a whole England-wide release: a bad row anywhere means the file is not what
 * we think it is, so problems outside the area fail the build too.
 */
export function parseRelease(table: CsvTable, def: ReleaseDef): ReleaseData {
  const problems = new ProblemList();
  const codeCol = column(table, def.codeColumn);
  const nameCol = column(table, def.nameColumn);
  const ladCol = column(table, def.ladColumn);
  const popCol = def.populationColumn ? column(table, def.populationColumn) : -1;
  const cols = def.indicators.map((ind) => {
    const stem = INDICATOR_COLUMNS[ind];
    return {
      ind,
      stem,
      r: column(table, `${stem}_rank`),
      d: column(table, `${stem}_decile`),
      s: def.scored.includes(ind) ? column(table, `${stem}_score`) : -1,
    };
  });
  const n = table.rows.length;
  const records = new Map<string, IodRecord>();
  for (const row of table.rows) {
    const location = `line ${row.line}`;
    const code = cell(row, codeCol).trim();
    if (code === '') {
      problems.add({ file: table.file, location, field: def.codeColumn, message: 'missing LSOA code' });
      continue;
    }
    const prev = records.get(code);
    if (prev) {
      problems.add({ file: table.file, location, field: def.codeColumn, message: `duplicate LSOA code ${code} (also line ${prev.line})` });
      continue;
    }
    const rec: IodRecord = { code, name: cell(row, nameCol), lad: cell(row, ladCol), line: row.line, values: {} };
    for (const c of cols) {
      const rRaw = cell(row, c.r);
      const dRaw = cell(row, c.d);
      const r = parseIntInRange(rRaw, 1, n);
      const d = parseIntInRange(dRaw, 1, 10);
      if (r === undefined) {
        problems.add({ file: table.file, location: `${location} (${code})`, field: `${c.stem}_rank`, message: `rank "${rRaw}" is not an integer in 1–${n}` });
      }
      if (d === undefined) {
        problems.add({ file: table.file, location: `${location} (${code})`, field: `${c.stem}_decile`, message: `decile "${dRaw}" is not an integer in 1–10` });
      }
      let s: number | undefined;
      if (c.s >= 0) {
        s = parseFiniteNumber(cell(row, c.s));
        if (s === undefined) {
          problems.add({ file: table.file, location: `${location} (${code})`, field: `${c.stem}_score`, message: `score "${cell(row, c.s)}" is not a number` });
        }
      }
      if (r !== undefined && d !== undefined) rec.values[c.ind] = s === undefined ? { r, d } : { s, r, d };
    }
    if (popCol >= 0) {
      const raw = cell(row, popCol);
      const pop = parseIntInRange(raw, 0, Number.MAX_SAFE_INTEGER);
      if (pop === undefined) problems.add({ file: table.file, location: `${location} (${code})`, field: def.populationColumn, message: `population "${raw}" is not a whole number` });
      else rec.pop = pop;
    }
    records.set(code, rec);
  }
  problems.throwIfAny();
  return { def, file: table.file, nationalCount: n, records };
}

export function readRelease(dataDir: string, relFile: string, def: ReleaseDef): ReleaseData {
  return parseRelease(readCsv(path.resolve(dataDir, relFile), relFile), def);
}

/** Rows of the release that belong to the area: by the lookup's membership or by the file's own LAD column. */
export function areaRecordCodes(release: ReleaseData, areaMembers: Set<string>, area: string): Set<string> {
  const out = new Set<string>();
  for (const rec of release.records.values()) if (areaMembers.has(rec.code) || rec.lad === area) out.add(rec.code);
  return out;
}

/**
 * Scores to 3 significant figures: the published 3 dp overstate their precision and the extra
 * digits cost first-view bytes (budget). Ranks and deciles are exact.
 */
export function shortenScore(s: number): number {
  if (s === 0) return 0;
  const r = Number(s.toPrecision(3));
  return Object.is(r, -0) ? 0 : r;
}

/** National 1% threshold: rank ≤ floor(N/100). */
export function onePercentRank(release: ReleaseData): number {
  return Math.floor(release.nationalCount / 100);
}

export interface AreaRelease {
  release: ReleaseData;
  /** Contract-keyed values per LSOA code (national + local ranks, deciles, flags). */
  values: Map<string, IodValues>;
  areaCount: number;
  mostDeprived1pc: number;
  nationalDecile1: number;
}

/**
 * Local rank 1 = most deprived in the area by national rank (so ties cannot occur: national ranks
 * are unique); local decile = ceil(localRank × 10 / areaCount).
 */
export function areaValues(release: ReleaseData, codes: string[]): AreaRelease {
  const { def } = release;
  const recs = codes.map((c) => {
    const r = release.records.get(c);
    if (!r) throw new Error(`areaValues: ${c} has no ${def.id} record (validate first)`);
    return r;
  });
  const values = new Map<string, IodValues>(codes.map((c) => [c, {}]));
  const m = recs.length;
  for (const ind of def.indicators) {
    const ordered = recs
      .filter((r) => r.values[ind] !== undefined)
      .sort((a, b) => (a.values[ind]?.r ?? 0) - (b.values[ind]?.r ?? 0) || (a.code < b.code ? -1 : 1));
    ordered.forEach((rec, i) => {
      const v = rec.values[ind];
      const out = values.get(rec.code);
      if (!v || !out) return;
      const lr = i + 1;
      if (v.s !== undefined) out[valueKey(def.id, ind, 's')] = shortenScore(v.s);
      out[valueKey(def.id, ind, 'r')] = v.r;
      out[valueKey(def.id, ind, 'd')] = v.d;
      out[valueKey(def.id, ind, 'lr')] = lr;
      out[valueKey(def.id, ind, 'ld')] = Math.ceil((lr * 10) / m);
    });
  }
  const p1 = onePercentRank(release);
  let mostDeprived1pc = 0;
  let nationalDecile1 = 0;
  for (const rec of recs) {
    const imd = rec.values.imd;
    const out = values.get(rec.code);
    if (!imd || !out) continue;
    const in1 = imd.r <= p1 ? 1 : 0;
    const in10 = imd.d === 1 ? 1 : 0;
    out[flagKey(def.id, 1)] = in1;
    out[flagKey(def.id, 10)] = in10;
    mostDeprived1pc += in1;
    nationalDecile1 += in10;
  }
  return { release, values, areaCount: m, mostDeprived1pc, nationalDecile1 };
}
