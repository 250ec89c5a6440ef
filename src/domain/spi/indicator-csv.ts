/**
 * The SPI calculator's input (./calculate.ts): the long indicator CSV, one row per ward × year ×
 * indicator, read and checked row by row. Every problem names its row and column.
 */
import { parseCsv, parseNumber } from './csv';
import { columnKey, DEFAULT_SPI_FRAMEWORK, type SpiFramework, type SpiIssue } from './schema';

export const DIRECTIONS = ['higher_is_better', 'higher_is_worse'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Columns of the long indicator CSV; ward_name and weight are optional. */
export const INDICATOR_COLUMNS = {
  required: ['ward_code', 'year', 'indicator', 'component', 'direction', 'best', 'worst', 'value'],
  optional: ['ward_name', 'weight'],
} as const;

export interface IndicatorRow {
  /** Spreadsheet row (header = 1). */
  row: number;
  wardCode: string;
  wardName: string;
  year: number;
  indicator: string;
  /** Component id in the framework. */
  component: string;
  direction: Direction;
  best: number;
  worst: number;
  /** Null = missing value (empty cell). */
  value: number | null;
  weight: number;
}

export interface IndicatorParseResult {
  rows: IndicatorRow[];
  errors: SpiIssue[];
}

type Cells = { row: number; cells: string[] };

/** Column key → index; duplicate or missing required columns are errors. */
function indicatorColumns(header: string[], errors: SpiIssue[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const key = columnKey(h);
    if (key === '') return;
    if (index.has(key)) errors.push({ column: key, message: `column '${key}' appears twice` });
    else index.set(key, i);
  });
  for (const col of INDICATOR_COLUMNS.required) {
    if (!index.has(col)) errors.push({ column: col, message: `missing required column '${col}'` });
  }
  return index;
}

/** Components may be written as id ("shelter") or label ("Nutrition & Basic Medical Care"). */
function componentIdsOf(framework: SpiFramework): { ids: Map<string, string>; all: string[] } {
  const ids = new Map<string, string>();
  for (const d of framework.dimensions) {
    for (const c of d.components) {
      ids.set(c.id, c.id);
      ids.set(columnKey(c.label), c.id);
    }
  }
  return { ids, all: framework.dimensions.flatMap((d) => d.components.map((c) => c.id)) };
}

/** One data row read against the columns; null when any cell is wrong (each error recorded). */
function readIndicatorRow(
  rec: Cells,
  index: ReadonlyMap<string, number>,
  components: ReturnType<typeof componentIdsOf>,
  errors: SpiIssue[],
): IndicatorRow | null {
  const r = rec.row;
  const get = (col: string): string => {
    const i = index.get(col);
    return i === undefined ? '' : (rec.cells[i] ?? '').trim();
  };
  const before = errors.length;
  const err = (column: string, message: string): void => {
    errors.push({ row: r, column, message: `row ${r}, column '${column}': ${message}` });
  };
  const num = (column: string): number | null => {
    const raw = get(column);
    if (raw === '') {
      err(column, 'is empty');
      return null;
    }
    const n = parseNumber(raw);
    if (n === null) err(column, `'${raw}' is not a number`);
    return n;
  };

  const wardCode = get('ward_code').toUpperCase();
  if (wardCode === '') err('ward_code', 'is empty');
  const yearRaw = get('year');
  const year = /^\d{4}$/.test(yearRaw) ? Number(yearRaw) : null;
  if (year === null)
    err('year', yearRaw === '' ? 'is empty' : `'${yearRaw}' is not a year (write the 4-digit year, e.g. 2023)`);
  const indicator = get('indicator');
  if (indicator === '') err('indicator', 'is empty');
  const componentRaw = get('component');
  const component = components.ids.get(columnKey(componentRaw));
  if (component === undefined) {
    err('component', `'${componentRaw}' is not a component of the framework (one of: ${components.all.join(', ')})`);
  }
  const directionRaw = columnKey(get('direction'));
  const direction = DIRECTIONS.find((d) => d === directionRaw);
  if (direction === undefined) err('direction', `'${get('direction')}' must be ${DIRECTIONS.join(' or ')}`);
  const best = num('best');
  const worst = num('worst');
  if (best !== null && worst !== null) {
    if (best === worst) err('best', `best and worst are both ${best}; they must differ`);
    else if (direction === 'higher_is_better' && !(best > worst)) {
      err('best', `direction is higher_is_better but best (${best}) is not above worst (${worst})`);
    } else if (direction === 'higher_is_worse' && !(best < worst)) {
      err('best', `direction is higher_is_worse but best (${best}) is not below worst (${worst})`);
    }
  }
  const valueRaw = get('value');
  const value = valueRaw === '' ? null : parseNumber(valueRaw);
  if (valueRaw !== '' && value === null) err('value', `'${valueRaw}' is not a number`);
  const weightRaw = get('weight');
  let weight = 1;
  if (weightRaw !== '') {
    const w = parseNumber(weightRaw);
    if (w === null) err('weight', `'${weightRaw}' is not a number`);
    else if (w <= 0) err('weight', `${weightRaw} must be greater than 0`);
    else weight = w;
  }
  if (
    errors.length > before ||
    year === null ||
    component === undefined ||
    direction === undefined ||
    best === null ||
    worst === null
  )
    return null;
  return {
    row: r,
    wardCode,
    wardName: get('ward_name'),
    year,
    indicator,
    component,
    direction,
    best,
    worst,
    value,
    weight,
  };
}

/**
 * An indicator's definition must not vary between rows: scores across wards and years are only
 * comparable on the same bounds (the SPI keeps utopia/dystopia fixed over time). False (error
 * recorded) when this row defines it differently from its first row.
 */
function sameDefinition(row: IndicatorRow, definitions: Map<string, IndicatorRow>, errors: SpiIssue[]): boolean {
  const def = definitions.get(row.indicator);
  if (!def) {
    definitions.set(row.indicator, row);
    return true;
  }
  const fields: (keyof IndicatorRow)[] = ['component', 'direction', 'best', 'worst', 'weight'];
  const col = fields.find((k) => def[k] !== row[k]);
  if (col === undefined) return true;
  errors.push({
    row: row.row,
    column: col,
    message: `row ${row.row}, column '${col}': ${String(row[col])} differs from ${String(def[col])} given for indicator '${row.indicator}' on row ${def.row} (an indicator must be defined the same way on every row)`,
  });
  return false;
}

export function parseIndicatorCsv(text: string, framework: SpiFramework = DEFAULT_SPI_FRAMEWORK): IndicatorParseResult {
  const errors: SpiIssue[] = [];
  const csv = parseCsv(text);
  if (csv.errors.length > 0) return { rows: [], errors: csv.errors };
  const [header, ...body] = csv.records;
  if (!header) return { rows: [], errors: [{ message: 'the file is empty' }] };
  const index = indicatorColumns(header.cells, errors);
  if (errors.length > 0) return { rows: [], errors };

  const components = componentIdsOf(framework);
  const rows: IndicatorRow[] = [];
  const definitions = new Map<string, IndicatorRow>();
  const seen = new Map<string, number>();
  for (const rec of body) {
    const r = rec.row;
    if (rec.cells.length !== header.cells.length) {
      errors.push({
        row: r,
        message: `row ${r}: has ${rec.cells.length} fields but the header has ${header.cells.length}`,
      });
      continue;
    }
    const row = readIndicatorRow(rec, index, components, errors);
    if (!row) continue;
    const dupKey = `${row.wardCode}|${row.year}|${row.indicator}`;
    const dup = seen.get(dupKey);
    if (dup !== undefined) {
      errors.push({
        row: r,
        message: `row ${r}: duplicate of row ${dup} (ward ${row.wardCode}, year ${row.year}, indicator '${row.indicator}')`,
      });
      continue;
    }
    seen.set(dupKey, r);
    if (sameDefinition(row, definitions, errors)) rows.push(row);
  }
  if (rows.length === 0 && errors.length === 0) errors.push({ message: 'the file has no data rows' });
  return { rows, errors };
}
