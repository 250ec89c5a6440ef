/**
 * The SPI calculator: ward × indicator values (long CSV) → ward SPI scores (the schema of ./schema.ts).
 * Pure and browser-safe; scripts/cli/spi.ts is the thin file-handling wrapper.
 *
 * Method (the Social Progress Imperative's, with equal weights unless given):
 *   indicator score = 100 × (value − worst) / (best − worst), clamped to 0–100
 *     (best/worst are the "utopia"/"dystopia" bounds, so one formula serves either direction);
 *   component  = weighted mean of its indicator scores (weight defaults to 1);
 *   dimension  = mean of its components;
 *   overall    = mean of the dimensions.
 * Rounding to 2 dp happens only when writing, so a dimension is the mean of unrounded components.
 * A component is left empty for a ward/year if any of that year's indicators for it has no value
 * there: averaging a smaller set would give a score not comparable with other wards. Empty parts
 * leave their dimension and the overall index empty for the same reason.
 */

import { toCsv } from './csv';
import { parseIndicatorCsv, type IndicatorRow } from './indicator-csv';
import {
  DEFAULT_SPI_FRAMEWORK,
  SCORE_MAX,
  SCORE_MIN,
  scoreColumns,
  spiCsvHeader,
  SPI_OVERALL_ID,
  type SpiFramework,
  type SpiIssue,
  type SpiScores,
} from './schema';

export {
  DIRECTIONS,
  INDICATOR_COLUMNS,
  parseIndicatorCsv,
  type Direction,
  type IndicatorParseResult,
  type IndicatorRow,
} from './indicator-csv';

export interface CalculatedRow {
  wardCode: string;
  wardName: string;
  year: number;
  /** Unrounded scores keyed by measure id; absent = missing. */
  scores: SpiScores;
}

export interface SpiCalculation {
  rows: CalculatedRow[];
  warnings: SpiIssue[];
}

/** 100 × (value − worst)/(best − worst), clamped to 0–100. Requires best ≠ worst. */
export function indicatorScore(value: number, best: number, worst: number): number {
  const s = (100 * (value - worst)) / (best - worst);
  return Math.min(SCORE_MAX, Math.max(SCORE_MIN, s));
}

/**
 * Round half away from zero to 2 dp, as a person would from the decimal: 1.005 → 1.01, 67.725 → 67.73.
 * Shifting through the decimal string ("67.725e2" = 6772.5 exactly) avoids the binary error of
 * x * 100 (67.725 * 100 = 6772.499…).
 */
export function round2(x: number): number {
  const a = Math.abs(x);
  if (a < 0.005) return 0; // also keeps `${a}` out of exponent notation below
  const r = Number(`${Math.round(Number(`${a}e2`))}e-2`);
  return x < 0 ? -r : r;
}

export function calculateSpi(
  rows: readonly IndicatorRow[],
  framework: SpiFramework = DEFAULT_SPI_FRAMEWORK,
): SpiCalculation {
  const warnings: SpiIssue[] = [];
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const out: CalculatedRow[] = [];

  const names = new Map<string, string>();
  for (const r of rows) {
    const prev = names.get(r.wardCode);
    if (prev === undefined || (prev === '' && r.wardName !== '')) names.set(r.wardCode, r.wardName);
    else if (r.wardName !== '' && r.wardName !== prev) {
      warnings.push({
        row: r.row,
        column: 'ward_name',
        message: `row ${r.row}: ward ${r.wardCode} is named '${r.wardName}' here but '${prev}' earlier; using '${prev}'`,
      });
    }
  }

  for (const year of years) {
    const yearRows = rows.filter((r) => r.year === year);
    // The indicator set of each component this year: the union over wards.
    const indicatorsOf = new Map<string, Set<string>>();
    for (const r of yearRows) {
      const set = indicatorsOf.get(r.component) ?? new Set<string>();
      set.add(r.indicator);
      indicatorsOf.set(r.component, set);
    }
    for (const d of framework.dimensions) {
      for (const c of d.components) {
        if (!indicatorsOf.has(c.id)) {
          warnings.push({
            message: `year ${year}: no indicators for component '${c.id}'; it, '${d.id}' and '${SPI_OVERALL_ID}' are left empty`,
          });
        }
      }
    }
    const wards = [...new Set(yearRows.map((r) => r.wardCode))].sort();
    for (const ward of wards) {
      const wardRows = new Map(yearRows.filter((r) => r.wardCode === ward).map((r) => [r.indicator, r]));
      const scores: SpiScores = {};
      const dimValues: (number | undefined)[] = [];
      for (const d of framework.dimensions) {
        const compValues: (number | undefined)[] = [];
        for (const c of d.components) {
          const inds = [...(indicatorsOf.get(c.id) ?? [])];
          let sum = 0;
          let wsum = 0;
          const missing: string[] = [];
          for (const ind of inds) {
            const r = wardRows.get(ind);
            if (!r || r.value === null) {
              missing.push(r ? `'${ind}' (row ${r.row} has no value)` : `'${ind}' (no row)`);
              continue;
            }
            sum += r.weight * indicatorScore(r.value, r.best, r.worst);
            wsum += r.weight;
          }
          if (inds.length > 0 && missing.length > 0) {
            warnings.push({
              message: `ward ${ward}, year ${year}: component '${c.id}' left empty: missing ${missing.join(', ')}`,
            });
          }
          const v = inds.length > 0 && missing.length === 0 ? sum / wsum : undefined;
          if (v !== undefined) scores[c.id] = v;
          compValues.push(v);
        }
        const dv = meanIfComplete(compValues);
        if (dv !== undefined) scores[d.id] = dv;
        dimValues.push(dv);
      }
      const overall = meanIfComplete(dimValues);
      if (overall !== undefined) scores[SPI_OVERALL_ID] = overall;
      out.push({ wardCode: ward, wardName: names.get(ward) ?? '', year, scores });
    }
  }

  // One warning per indicator for values beyond the bounds, so the user can check best/worst.
  const clamped = new Map<string, number[]>();
  for (const r of rows) {
    if (r.value === null) continue;
    const raw = (100 * (r.value - r.worst)) / (r.best - r.worst);
    if (raw < SCORE_MIN || raw > SCORE_MAX) clamped.set(r.indicator, [...(clamped.get(r.indicator) ?? []), r.row]);
  }
  for (const [ind, rs] of clamped) {
    warnings.push({
      message: `indicator '${ind}': ${rs.length} value(s) beyond best/worst were clamped to 0 or 100 (rows ${rs.join(', ')})`,
    });
  }
  return { rows: out, warnings };
}

function meanIfComplete(values: readonly (number | undefined)[]): number | undefined {
  if (values.length === 0 || values.some((v) => v === undefined)) return undefined;
  return (values as number[]).reduce((a, b) => a + b, 0) / values.length;
}

/** The SPI CSV (identity + score columns), scores rounded to 2 dp, missing = empty cell. */
export function formatSpiCsv(rows: readonly CalculatedRow[], framework: SpiFramework = DEFAULT_SPI_FRAMEWORK): string {
  const cols = scoreColumns(framework);
  return toCsv([
    spiCsvHeader(framework),
    ...rows.map((r) => [
      r.wardCode,
      r.wardName,
      r.year,
      ...cols.map((c) => {
        const v = r.scores[c];
        return v === undefined ? null : round2(v);
      }),
    ]),
  ]);
}

export interface CalculatorResult {
  /** Output CSV text; null when there are errors. */
  csv: string | null;
  rows: CalculatedRow[];
  errors: SpiIssue[];
  warnings: SpiIssue[];
}

/** Parse, calculate and format in one go (what the CLI runs). */
export function runSpiCalculator(text: string, framework: SpiFramework = DEFAULT_SPI_FRAMEWORK): CalculatorResult {
  const parsed = parseIndicatorCsv(text, framework);
  if (parsed.errors.length > 0) return { csv: null, rows: [], errors: parsed.errors, warnings: [] };
  const calc = calculateSpi(parsed.rows, framework);
  return { csv: formatSpiCsv(calc.rows, framework), rows: calc.rows, errors: [], warnings: calc.warnings };
}
