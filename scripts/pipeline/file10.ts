import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  STANDING_INDICATORS,
  type CouncilStanding,
  type IndicatorStanding,
  type PublishedFigure,
  type StandingIndicator,
  type StandingMeasure,
} from '../../src/data/standing-contract';
import { cell, readCsv, type CsvTable } from './csv';
import { PipelineError, ProblemList } from './errors';
import { cachedSource } from './source-cache';
import { parseFiniteNumber, parseIntInRange } from './validate';

/**
 * IoD 2025 File 10 (local authority district summaries, lower tier, v2), as converted to CSV with
 * snake_case headers (see the sources README). The build copies the council's published figures
 * into standing.json; it computes nothing (src/domain/iod-measures.ts recomputes them in tests).
 */
export const FILE10 = {
  file: 'indices/iod2025_lad24_summaries_england.csv',
  title: 'English Indices of Deprivation 2025, File 10: local authority district summaries (lower-tier), v2',
  publisher: 'Ministry of Housing, Communities and Local Government',
  downloadPage: 'https://www.gov.uk/government/statistics/english-indices-of-deprivation-2025',
  code: 'ltla24_code',
  name: 'ltla24_name',
} as const;

/** File 10's column stem of each indicator. */
const STEM: Record<StandingIndicator, string> = {
  imd: 'imd',
  inc: 'income',
  emp: 'employment',
  edu: 'education_skills_and_training',
  hea: 'health_deprivation_and_disability',
  cri: 'crime',
  bar: 'barriers_to_housing_and_services',
  liv: 'living_environment',
};

const PROPORTION = 'proportion_of_lso_as_in_most_deprived_10_percent_nationally';

/** The [value, rank] column pairs File 10 publishes for an indicator. */
export function file10Columns(indicator: StandingIndicator): Partial<Record<StandingMeasure, [string, string]>> {
  const s = STEM[indicator];
  const columns: Partial<Record<StandingMeasure, [string, string]>> = {
    averageScore: [`${s}_average_score`, `${s}_rank_of_average_score`],
    averageRank: [`${s}_average_rank`, `${s}_rank_of_average_rank`],
    proportionMostDeprived10: [`${s}_${PROPORTION}`, `${s}_rank_of_${PROPORTION}`],
  };
  if (indicator === 'imd') {
    columns.extent = ['imd25_extent', 'imd25_rank_of_extent'];
    columns.localConcentration = ['imd25_local_concentration', 'imd25_rank_of_local_concentration'];
  }
  if (indicator === 'inc' || indicator === 'emp') columns.scale = [`${s}_scale`, `rank_of_${s}_scale`];
  return columns;
}

/** The council's row as published figures; every cell of that row is checked (file, line, field). */
export function standingFromTable(
  table: CsvTable,
  area: { code: string; name: string },
  source: { file: string },
): CouncilStanding {
  const index = (name: string): number => {
    const i = table.header.indexOf(name);
    if (i < 0)
      throw new PipelineError({
        file: table.file,
        location: 'line 1',
        field: name,
        message: 'required column missing',
      });
    return i;
  };
  const codeCol = index(FILE10.code);
  const rows = table.rows.filter((r) => cell(r, codeCol).trim() === area.code);
  if (rows.length === 0)
    return {
      available: false,
      reason: `${area.code} is not among the ${table.rows.length} districts of IoD 2025 File 10`,
    };
  const [row, second] = rows;
  if (!row) throw new Error('unreachable: rows is not empty');
  if (second)
    throw new PipelineError({
      file: table.file,
      location: `line ${second.line}`,
      field: FILE10.code,
      message: `duplicate district ${area.code} (also line ${row.line})`,
    });
  const districts = table.rows.length;
  const problems = new ProblemList();
  const figure = (valueCol: string, rankCol: string): PublishedFigure | undefined => {
    const rawValue = cell(row, index(valueCol));
    const rawRank = cell(row, index(rankCol));
    const value = parseFiniteNumber(rawValue);
    const rank = parseIntInRange(rawRank, 1, districts);
    if (value === undefined)
      problems.add({
        file: table.file,
        location: `line ${row.line} (${area.code})`,
        field: valueCol,
        message: `"${rawValue}" is not a number`,
      });
    if (rank === undefined)
      problems.add({
        file: table.file,
        location: `line ${row.line} (${area.code})`,
        field: rankCol,
        message: `"${rawRank}" is not a whole number in 1–${districts}`,
      });
    return value === undefined || rank === undefined ? undefined : { value, rank };
  };
  const indicators: IndicatorStanding[] = STANDING_INDICATORS.map((indicator) => {
    const measures: IndicatorStanding['measures'] = {};
    for (const [measure, cols] of Object.entries(file10Columns(indicator)) as Array<
      [StandingMeasure, [string, string]]
    >) {
      const f = figure(...cols);
      if (f) measures[measure] = f;
    }
    return { indicator, measures };
  });
  problems.throwIfAny();
  return {
    available: true,
    area: { code: area.code, name: cell(row, index(FILE10.name)).trim() || area.name },
    districts,
    source: { title: FILE10.title, file: source.file, publisher: FILE10.publisher, downloadPage: FILE10.downloadPage },
    indicators,
  };
}

/** The council's standing from the sources, or why there is none (no File 10 in the sources). */
export function readStanding(dataDir: string, area: { code: string; name: string }): CouncilStanding {
  const file = path.join(dataDir, FILE10.file);
  if (!existsSync(file))
    return { available: false, reason: `IoD 2025 File 10 (${FILE10.file}) is not in this build's data sources` };
  // Parsed once per process: build:sites reads it for every council.
  const table = cachedSource(`file10:${file}`, () => readCsv(file, FILE10.file));
  return standingFromTable(table, area, { file: FILE10.file });
}
