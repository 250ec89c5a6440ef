import path from 'node:path';
import type { ChangeCode } from '../../src/data/contract';
import type { SourceFiles } from './config';
import { cell, column, readCsv, type CsvTable } from './csv';
import { ProblemList } from './errors';
import { parseFiniteNumber } from './validate';

export interface Lsoa21Geo {
  ward: string;
  wardName: string;
  lad: string;
  ladName: string;
}

export interface ChangeLink {
  code11: string;
  code21: string;
  chg: ChangeCode;
}

export interface Lookups {
  lsoa21: Map<string, Lsoa21Geo>;
  by11: Map<string, ChangeLink[]>;
  by21: Map<string, ChangeLink[]>;
  /** LAD code of each LSOA 2011 in the 2011→2021 lookup (LAD 2022 vintage). */
  lad11: Map<string, string>;
  committee: Map<string, string>;
  centroids: Map<string, [number, number]>;
}

const CHANGE_CODES = new Set(['U', 'S', 'M', 'X']);

function readLsoaWard(t: CsvTable, problems: ProblemList): Map<string, Lsoa21Geo> {
  const [c, w, wn, l, ln] = ['lsoa21_code', 'ward24_code', 'ward24_name', 'ltla24_code', 'ltla24_name'].map((n) =>
    column(t, n),
  );
  const out = new Map<string, Lsoa21Geo>();
  for (const r of t.rows) {
    const code = cell(r, c ?? -1);
    if (out.has(code)) {
      problems.add({
        file: t.file,
        location: `line ${r.line}`,
        field: 'lsoa21_code',
        message: `duplicate LSOA code ${code}`,
      });
      continue;
    }
    out.set(code, {
      ward: cell(r, w ?? -1),
      wardName: cell(r, wn ?? -1),
      lad: cell(r, l ?? -1),
      ladName: cell(r, ln ?? -1),
    });
  }
  return out;
}

function readChanges(t: CsvTable, problems: ProblemList): Pick<Lookups, 'by11' | 'by21' | 'lad11'> {
  const c11 = column(t, 'lsoa11_code');
  const c21 = column(t, 'lsoa21_code');
  const cc = column(t, 'change_code');
  const lad = column(t, 'ltla22_code');
  const by11 = new Map<string, ChangeLink[]>();
  const by21 = new Map<string, ChangeLink[]>();
  const lad11 = new Map<string, string>();
  for (const r of t.rows) {
    const chg = cell(r, cc);
    if (!CHANGE_CODES.has(chg)) {
      problems.add({
        file: t.file,
        location: `line ${r.line}`,
        field: 'change_code',
        message: `unknown change code "${chg}" (expected U, S, M or X)`,
      });
      continue;
    }
    const link: ChangeLink = { code11: cell(r, c11), code21: cell(r, c21), chg: chg as ChangeCode };
    if (link.chg === 'U' && link.code11 !== link.code21) {
      problems.add({
        file: t.file,
        location: `line ${r.line}`,
        field: 'change_code',
        message: `U (unchanged) but codes differ: ${link.code11} → ${link.code21}`,
      });
    }
    const a = by11.get(link.code11) ?? [];
    a.push(link);
    by11.set(link.code11, a);
    const b = by21.get(link.code21) ?? [];
    b.push(link);
    by21.set(link.code21, b);
    lad11.set(link.code11, cell(r, lad));
  }
  return { by11, by21, lad11 };
}

function readCommittees(t: CsvTable, problems: ProblemList): Map<string, string> {
  const w = column(t, 'WD24CD');
  const cc = column(t, 'community_committee');
  const out = new Map<string, string>();
  for (const r of t.rows) {
    const code = cell(r, w);
    if (out.has(code)) {
      problems.add({
        file: t.file,
        location: `line ${r.line}`,
        field: 'WD24CD',
        message: `duplicate ward code ${code}`,
      });
      continue;
    }
    const name = cell(r, cc).trim();
    if (name !== '') out.set(code, name);
  }
  return out;
}

function readCentroids(t: CsvTable, problems: ProblemList): Map<string, [number, number]> {
  const c = column(t, 'lsoa21cd');
  const lon = column(t, 'lon');
  const lat = column(t, 'lat');
  const out = new Map<string, [number, number]>();
  for (const r of t.rows) {
    const x = parseFiniteNumber(cell(r, lon));
    const y = parseFiniteNumber(cell(r, lat));
    if (x === undefined || y === undefined) {
      problems.add({
        file: t.file,
        location: `line ${r.line}`,
        field: x === undefined ? 'lon' : 'lat',
        message: 'not a number',
      });
      continue;
    }
    out.set(cell(r, c), [x, y]);
  }
  return out;
}

export function readLookups(dataDir: string, sources: SourceFiles): Lookups {
  const problems = new ProblemList();
  const load = (rel: string): CsvTable => readCsv(path.resolve(dataDir, rel), rel);
  const lsoa21 = readLsoaWard(load(sources.lsoa21Ward), problems);
  const changes = readChanges(load(sources.lsoa11To21), problems);
  const committee = readCommittees(load(sources.wardCommittee), problems);
  const centroids = readCentroids(load(sources.centroids), problems);
  problems.throwIfAny();
  return { lsoa21, ...changes, committee, centroids };
}
