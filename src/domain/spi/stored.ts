/**
 * Checks an SPI dataset read back from storage (sessionStorage, or spi.json) against the shape
 * parseSpiCsv produces. Storage is outside the app's control — another version of the app, an
 * extension or a person in the developer tools can leave anything there — and a dataset of the wrong
 * shape must never reach the map or the panels (it used to stop the map from starting).
 */
import type { SpiDataset, SpiDimensionDef, SpiFramework, SpiRow } from './schema';
import { SCORE_MAX, SCORE_MIN } from './schema';
import { isFiniteNumber } from '../../data/numeric';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isYear = (v: unknown): v is number => Number.isInteger(v) && isFiniteNumber(v) && v >= 1900 && v <= 2100;
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

function isNumberRecord(v: unknown, check: (n: number) => boolean = () => true): v is Partial<Record<string, number>> {
  return isObj(v) && Object.values(v).every((n) => isFiniteNumber(n) && check(n));
}

function isDimension(v: unknown): v is SpiDimensionDef {
  return (
    isObj(v) &&
    isString(v['id']) &&
    isString(v['label']) &&
    Array.isArray(v['components']) &&
    v['components'].every((c) => isObj(c) && isString(c['id']) && isString(c['label']))
  );
}

function isFramework(v: unknown): v is SpiFramework {
  return (
    isObj(v) &&
    isString(v['overallLabel']) &&
    Array.isArray(v['dimensions']) &&
    v['dimensions'].length > 0 &&
    v['dimensions'].every(isDimension)
  );
}

function isRow(v: unknown, years: ReadonlySet<number>): v is SpiRow {
  return (
    isObj(v) &&
    isString(v['wardCode']) &&
    isString(v['wardName']) &&
    isYear(v['year']) &&
    years.has(v['year']) &&
    isNumberRecord(v['scores'], (n) => n >= SCORE_MIN && n <= SCORE_MAX) &&
    isNumberRecord(v['indicators']) &&
    isObj(v['text']) &&
    Object.values(v['text']).every(isString) &&
    Number.isInteger(v['sourceRow']) &&
    (v['note'] === undefined || isString(v['note']))
  );
}

/** The dataset when `value` has the shape of one with at least one row; otherwise null. */
export function parseStoredSpi(value: unknown): SpiDataset | null {
  if (!isObj(value) || value['schemaVersion'] !== 1) return null;
  const { framework, years, indicatorColumns, notes, source, rows } = value;
  if (!isFramework(framework) || !Array.isArray(years) || years.length === 0 || !years.every(isYear)) return null;
  if (!isStringArray(indicatorColumns) || !isStringArray(notes) || !isString(source)) return null;
  const yearSet = new Set<number>(years);
  if (!Array.isArray(rows) || rows.length === 0 || !rows.every((r) => isRow(r, yearSet))) return null;
  return { schemaVersion: 1, framework, years, indicatorColumns, notes, source, rows };
}
