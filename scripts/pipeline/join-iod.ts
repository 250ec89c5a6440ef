import path from 'node:path';
import {
  flagKey,
  INDICATOR_INFO,
  valueKey,
  type IndicatorId,
  type IodValues,
  type Release,
} from '../../src/data/contract';
import { localRanks, onePercentFlag, tenPercentFlag } from '../../src/data/rank-rules';
import { cell, column, readCsv, type CsvTable } from './csv';
import { ProblemList, type Problem } from './errors';
import { parseFiniteNumber, parseIntInRange } from './validate';

/**
 * A release as the pipeline reads it: its table entry (src/data/releases.ts). The file path and
 * column names are in `source`; the indicators and which are scored come from the same entry.
 */
export type ReleaseDef = Release;

/** Published column stem of an indicator (`income` → `income_rank`). */
function columnStem(ind: IndicatorId): string {
  const info = INDICATOR_INFO.find((i) => i.id === ind);
  if (!info) throw new Error(`Unknown indicator ${ind}`);
  return info.column;
}

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
  /**
   * Rows the ranks say are missing (ranks run past the row count). Not thrown here: run.ts first
   * checks coverage, which names the missing LSOA of the area, then reports these.
   */
  missingRows?: { count: number; problem: Problem };
}

export interface ParseReleaseOptions {
  /**
   * Ranks past the row count (rows missing from the file) are returned as `missingRows` instead of
   * thrown as rank errors, so the pipeline can first name the missing LSOA (run.ts checks coverage).
   */
  deferMissingRows?: boolean;
}

/**
 * Parses and validates a whole England-wide release: a bad row anywhere means the file is not what
 * we think it is, so problems outside the area fail the build too.
 */
export function parseRelease(table: CsvTable, def: ReleaseDef, options: ParseReleaseOptions = {}): ReleaseData {
  const problems = new ProblemList();
  const src = def.source;
  const codeCol = column(table, src.codeColumn);
  const nameCol = column(table, src.nameColumn);
  const ladCol = column(table, src.ladColumn);
  const popCol = src.populationColumn ? column(table, src.populationColumn) : -1;
  const cols = def.indicators.map((ind) => {
    const stem = columnStem(ind);
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
  // Ranks are a permutation of 1..N, so a rank above the row count means rows are missing, not
  // that this row is wrong: collected per column and reported once, after the coverage check.
  const beyond = new Map<string, number[]>();
  for (const row of table.rows) {
    const location = `line ${row.line}`;
    const code = cell(row, codeCol).trim();
    if (code === '') {
      problems.add({ file: table.file, location, field: src.codeColumn, message: 'missing LSOA code' });
      continue;
    }
    const prev = records.get(code);
    if (prev) {
      problems.add({
        file: table.file,
        location,
        field: src.codeColumn,
        message: `duplicate LSOA code ${code} (also line ${prev.line})`,
      });
      continue;
    }
    const rec: IodRecord = { code, name: cell(row, nameCol), lad: cell(row, ladCol), line: row.line, values: {} };
    for (const c of cols) {
      const rRaw = cell(row, c.r);
      const dRaw = cell(row, c.d);
      const r = parseIntInRange(rRaw, 1, Number.MAX_SAFE_INTEGER);
      const d = parseIntInRange(dRaw, 1, 10);
      if (r !== undefined && r > n) {
        const list = beyond.get(c.stem) ?? [];
        list.push(r);
        beyond.set(c.stem, list);
      }
      if (r === undefined || (r > n && !options.deferMissingRows)) {
        problems.add({
          file: table.file,
          location: `${location} (${code})`,
          field: `${c.stem}_rank`,
          message: `rank "${rRaw}" is not an integer in 1–${n}`,
        });
      }
      if (d === undefined) {
        problems.add({
          file: table.file,
          location: `${location} (${code})`,
          field: `${c.stem}_decile`,
          message: `decile "${dRaw}" is not an integer in 1–10`,
        });
      }
      let s: number | undefined;
      if (c.s >= 0) {
        s = parseFiniteNumber(cell(row, c.s));
        if (s === undefined) {
          problems.add({
            file: table.file,
            location: `${location} (${code})`,
            field: `${c.stem}_score`,
            message: `score "${cell(row, c.s)}" is not a number`,
          });
        }
      }
      if (r !== undefined && d !== undefined) rec.values[c.ind] = s === undefined ? { r, d } : { s, r, d };
    }
    if (popCol >= 0) {
      const raw = cell(row, popCol);
      const pop = parseIntInRange(raw, 0, Number.MAX_SAFE_INTEGER);
      if (pop === undefined)
        problems.add({
          file: table.file,
          location: `${location} (${code})`,
          field: src.populationColumn,
          message: `population "${raw}" is not a whole number`,
        });
      else rec.pop = pop;
    }
    records.set(code, rec);
  }
  const missingRows = missingRowsProblem(table.file, n, beyond, records);
  if (missingRows && !options.deferMissingRows) problems.add(missingRows.problem);
  problems.throwIfAny();
  return missingRows
    ? { def, file: table.file, nationalCount: n, records, missingRows }
    : { def, file: table.file, nationalCount: n, records };
}

/** One problem for ranks past the row count: how many rows are missing and which ranks no row has. */
function missingRowsProblem(
  file: string,
  n: number,
  beyond: Map<string, number[]>,
  records: Map<string, IodRecord>,
): ReleaseData['missingRows'] {
  // The IMD column when it shows the gap (the one people know), otherwise the first that does.
  const imdStem = columnStem('imd');
  const first = beyond.has(imdStem) ? ([imdStem, beyond.get(imdStem) ?? []] as const) : [...beyond.entries()][0];
  if (!first) return undefined;
  const [stem, over] = first;
  const max = Math.max(...over);
  const present = new Set<number>();
  const ind = INDICATOR_INFO.find((i) => i.column === stem)?.id;
  for (const rec of records.values()) {
    const v = ind ? rec.values[ind]?.r : undefined;
    if (v !== undefined) present.add(v);
  }
  const absent: number[] = [];
  for (let r = 1; r <= max && absent.length < 10; r++) if (!present.has(r)) absent.push(r);
  const count = max - n;
  return {
    count,
    problem: {
      file,
      field: `${stem}_rank`,
      message: `${n} data rows but ranks run to ${max}: ${count} LSOA row(s) missing from the file (no row has ${stem}_rank ${absent.join(', ')})`,
    },
  };
}

/** Reads the release's England-wide file (its table entry's `source.file`, relative to the data dir). */
export function readRelease(dataDir: string, def: ReleaseDef, options: ParseReleaseOptions = {}): ReleaseData {
  return parseRelease(readCsv(path.resolve(dataDir, def.source.file), def.source.file), def, options);
}

/**
 * Rows of the release that belong to the area: by membership, or also by the file's own LAD column
 * when `area` is given (null: membership alone, as for the England-wide boundary files).
 */
export function areaRecordCodes(release: ReleaseData, areaMembers: Set<string>, area: string | null): Set<string> {
  const out = new Set<string>();
  for (const rec of release.records.values())
    if (areaMembers.has(rec.code) || (area !== null && rec.lad === area)) out.add(rec.code);
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

export interface AreaRelease {
  release: ReleaseData;
  /** Contract-keyed values per LSOA code (national + local ranks, deciles, flags). */
  values: Map<string, IodValues>;
  areaCount: number;
  mostDeprived1pc: number;
  nationalDecile1: number;
}

/** The release's contract-keyed values for the area's LSOAs: published figures, local ranks (rank-rules.ts) and flags. */
export function areaValues(release: ReleaseData, codes: string[]): AreaRelease {
  const { def } = release;
  const recs = codes.map((c) => {
    const r = release.records.get(c);
    if (!r) throw new Error(`areaValues: ${c} has no ${def.id} record (validate first)`);
    return r;
  });
  const values = new Map<string, IodValues>(codes.map((c) => [c, {}]));
  for (const ind of def.indicators) {
    const local = localRanks(recs.map((r) => r.values[ind]?.r));
    recs.forEach((rec, i) => {
      const v = rec.values[ind];
      const lr = local[i];
      const out = values.get(rec.code);
      if (!v || !lr || !out) return;
      if (v.s !== undefined) out[valueKey(def.id, ind, 's')] = shortenScore(v.s);
      out[valueKey(def.id, ind, 'r')] = v.r;
      out[valueKey(def.id, ind, 'd')] = v.d;
      out[valueKey(def.id, ind, 'lr')] = lr.rank;
      out[valueKey(def.id, ind, 'ld')] = lr.decile;
    });
  }
  let mostDeprived1pc = 0;
  let nationalDecile1 = 0;
  for (const rec of recs) {
    const imd = rec.values.imd;
    const out = values.get(rec.code);
    if (!imd || !out) continue;
    const in1 = onePercentFlag(imd.r, release.nationalCount);
    const in10 = tenPercentFlag(imd.d);
    out[flagKey(def.id, 1)] = in1;
    out[flagKey(def.id, 10)] = in10;
    mostDeprived1pc += in1;
    nationalDecile1 += in10;
  }
  return { release, values, areaCount: recs.length, mostDeprived1pc, nationalDecile1 };
}
