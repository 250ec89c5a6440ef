/**
 * Leeds Social Progress Index (SPI): the framework (dimensions → components), the ward CSV schema
 * and the data types shared by the parser, the statistics, the calculator and the pipeline.
 *
 * Browser-safe: no node imports. See docs/spi.md for the human-readable version of this file.
 *
 * Why the framework is data, not hard-coded: the default below is the Social Progress Imperative's
 * global framework (3 dimensions × 4 components). The council's public reports (Best City Ambition
 * update, Scrutiny Board 25 Jan 2023, para 19) describe the Leeds SPI at ward level but do not list
 * its component names, and Leeds may have adapted them. Every function therefore takes a framework,
 * defaulting to DEFAULT_SPI_FRAMEWORK, and a framework can be loaded from JSON (parseFramework).
 */

/** Column id of the overall index. */
export const SPI_OVERALL_ID = 'spi';

/** Identity columns of the ward SPI CSV. */
export const WARD_CODE_COLUMN = 'ward_code';
export const WARD_NAME_COLUMN = 'ward_name';
export const YEAR_COLUMN = 'year';
/** Optional free-text column shown by the UI beside the ward's scores (e.g. "SYNTHETIC TEST DATA"). */
export const NOTE_COLUMN = 'note';

export const RESERVED_COLUMNS: readonly string[] = [
  WARD_CODE_COLUMN,
  WARD_NAME_COLUMN,
  YEAR_COLUMN,
  NOTE_COLUMN,
  SPI_OVERALL_ID,
];

/** Every SPI score (overall, dimension, component) is on this scale. */
export const SCORE_MIN = 0;
export const SCORE_MAX = 100;

/** Where the pipeline looks for the council's file, relative to the sources directory. */
export const SPI_SOURCE_FILE = 'spi/leeds_spi_wards.csv';
/** Optional framework override (component names), relative to the sources directory. */
export const SPI_FRAMEWORK_FILE = 'spi/framework.json';

export interface SpiComponentDef {
  /** snake_case column name in the CSV. */
  id: string;
  label: string;
}

export interface SpiDimensionDef {
  id: string;
  label: string;
  components: SpiComponentDef[];
}

export interface SpiFramework {
  /** Label of the overall index (its column is always `spi`). */
  overallLabel: string;
  dimensions: SpiDimensionDef[];
}

export const DEFAULT_SPI_FRAMEWORK: SpiFramework = {
  overallLabel: 'Social Progress Index',
  dimensions: [
    {
      id: 'basic_human_needs',
      label: 'Basic Human Needs',
      components: [
        { id: 'nutrition_and_basic_medical_care', label: 'Nutrition & Basic Medical Care' },
        { id: 'water_and_sanitation', label: 'Water & Sanitation' },
        { id: 'shelter', label: 'Shelter' },
        { id: 'personal_safety', label: 'Personal Safety' },
      ],
    },
    {
      id: 'foundations_of_wellbeing',
      label: 'Foundations of Wellbeing',
      components: [
        { id: 'access_to_basic_knowledge', label: 'Access to Basic Knowledge' },
        { id: 'access_to_information_and_communications', label: 'Access to Information & Communications' },
        { id: 'health_and_wellness', label: 'Health & Wellness' },
        { id: 'environmental_quality', label: 'Environmental Quality' },
      ],
    },
    {
      id: 'opportunity',
      label: 'Opportunity',
      components: [
        { id: 'personal_rights', label: 'Personal Rights' },
        { id: 'personal_freedom_and_choice', label: 'Personal Freedom & Choice' },
        { id: 'inclusiveness', label: 'Inclusiveness' },
        { id: 'access_to_advanced_education', label: 'Access to Advanced Education' },
      ],
    },
  ],
};

export type SpiLevel = 'overall' | 'dimension' | 'component';

/** A score column: the overall index, a dimension or a component. */
export interface SpiMeasure {
  id: string;
  label: string;
  level: SpiLevel;
  /** Parent dimension id (components only). */
  dimension?: string;
}

/** All measures in display order: overall, then each dimension followed by its components. */
export function listMeasures(framework: SpiFramework = DEFAULT_SPI_FRAMEWORK): SpiMeasure[] {
  const out: SpiMeasure[] = [{ id: SPI_OVERALL_ID, label: framework.overallLabel, level: 'overall' }];
  for (const d of framework.dimensions) {
    out.push({ id: d.id, label: d.label, level: 'dimension' });
    for (const c of d.components) out.push({ id: c.id, label: c.label, level: 'component', dimension: d.id });
  }
  return out;
}

export function findMeasure(framework: SpiFramework, id: string): SpiMeasure | undefined {
  return listMeasures(framework).find((m) => m.id === id);
}

/** Score columns in CSV order: spi, the dimensions, then the components (grouped by dimension). */
export function scoreColumns(framework: SpiFramework = DEFAULT_SPI_FRAMEWORK): string[] {
  return [
    SPI_OVERALL_ID,
    ...framework.dimensions.map((d) => d.id),
    ...framework.dimensions.flatMap((d) => d.components.map((c) => c.id)),
  ];
}

/** Full CSV header written by the calculator (identity + score columns). */
export function spiCsvHeader(framework: SpiFramework = DEFAULT_SPI_FRAMEWORK): string[] {
  return [WARD_CODE_COLUMN, WARD_NAME_COLUMN, YEAR_COLUMN, ...scoreColumns(framework)];
}

/**
 * Column key of a header or label: lower case, '&' → 'and', runs of other characters → '_'.
 * So "Nutrition & Basic Medical Care", "nutrition_and_basic_medical_care" and
 * " Nutrition and basic medical care " all meet at one key — spreadsheets exported by people
 * rarely keep snake_case headers.
 */
export function columnKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const ID_PATTERN = /^[a-z][a-z0-9_]*$/;

/**
 * Validate a framework read from JSON ({ overallLabel?, dimensions: [{ id, label, components: [{ id, label }] }] }).
 * Returns the framework or a list of problems; ids must be snake_case, unique, and not a reserved column.
 */
export function parseFramework(value: unknown): { framework: SpiFramework | null; errors: string[] } {
  const errors: string[] = [];
  if (!isRecord(value)) return { framework: null, errors: ['framework must be a JSON object'] };
  const overallLabel = value.overallLabel === undefined ? DEFAULT_SPI_FRAMEWORK.overallLabel : value.overallLabel;
  if (typeof overallLabel !== 'string' || overallLabel.trim() === '')
    errors.push("'overallLabel' must be a non-empty string");
  if (!Array.isArray(value.dimensions) || value.dimensions.length === 0) {
    errors.push("'dimensions' must be a non-empty array");
    return { framework: null, errors };
  }
  const seen = new Set<string>(RESERVED_COLUMNS);
  const checkId = (id: unknown, where: string): id is string => {
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
      errors.push(`${where}: id ${JSON.stringify(id)} must be snake_case (a-z, 0-9, _)`);
      return false;
    }
    if (seen.has(id)) {
      errors.push(`${where}: id '${id}' is used twice or is a reserved column`);
      return false;
    }
    seen.add(id);
    return true;
  };
  const dimensions: SpiDimensionDef[] = [];
  value.dimensions.forEach((d: unknown, i: number) => {
    const where = `dimensions[${i}]`;
    if (!isRecord(d)) {
      errors.push(`${where} must be an object`);
      return;
    }
    const okId = checkId(d.id, where);
    if (typeof d.label !== 'string' || d.label.trim() === '')
      errors.push(`${where}: 'label' must be a non-empty string`);
    if (!Array.isArray(d.components) || d.components.length === 0) {
      errors.push(`${where}: 'components' must be a non-empty array`);
      return;
    }
    const components: SpiComponentDef[] = [];
    d.components.forEach((c: unknown, j: number) => {
      const cw = `${where}.components[${j}]`;
      if (!isRecord(c)) {
        errors.push(`${cw} must be an object`);
        return;
      }
      const ok = checkId(c.id, cw);
      if (typeof c.label !== 'string' || c.label.trim() === '')
        errors.push(`${cw}: 'label' must be a non-empty string`);
      else if (ok) components.push({ id: c.id as string, label: c.label });
    });
    if (okId && typeof d.label === 'string') dimensions.push({ id: d.id as string, label: d.label, components });
  });
  if (errors.length > 0) return { framework: null, errors };
  return { framework: { overallLabel: overallLabel as string, dimensions }, errors };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A ward of the Dec 2024 boundaries (WD24CD / WD24NM). */
export interface Ward {
  code: string;
  name: string;
}

/**
 * Scores keyed by measure id (`spi`, dimension ids, component ids).
 * Missing is an absent key, never 0 — the same convention as src/data/contract.ts.
 */
export type SpiScores = Partial<Record<string, number>>;

export interface SpiRow {
  /** Dec 2024 ward code (from the ward list, even when the row was matched by name). */
  wardCode: string;
  /** Ward name from the ward list (canonical spelling). */
  wardName: string;
  year: number;
  scores: SpiScores;
  /** Extra numeric columns, keyed by their column key; absent = missing. Not range-checked (raw units). */
  indicators: Partial<Record<string, number>>;
  /** Extra non-numeric columns, keyed by column key. */
  text: Partial<Record<string, string>>;
  /** Content of the `note` column, if any. */
  note?: string;
  /** Spreadsheet row number in the source file (header = row 1). */
  sourceRow: number;
}

/** What the app loads (public/geo/spi.json) and what the statistics work on. */
export interface SpiDataset {
  schemaVersion: 1;
  framework: SpiFramework;
  /** Years present, ascending. */
  years: number[];
  /** Extra numeric indicator columns, in file order. */
  indicatorColumns: string[];
  /** Distinct `note` values (e.g. "SYNTHETIC TEST DATA - not real scores"): the UI should show them prominently. */
  notes: string[];
  /** Source file name as given to the parser. */
  source: string;
  /** Sorted by year, then ward code. */
  rows: SpiRow[];
}

/** A validation problem; `message` is complete ("row 4, column 'shelter': 'abc' is not a number"). */
export interface SpiIssue {
  /** Spreadsheet row number (header = row 1); absent for file-level problems. */
  row?: number;
  column?: string;
  message: string;
}

/** A data row whose ward could not be matched to the ward list (by code or by name). */
export interface UnmatchedRow {
  row: number;
  wardCode: string;
  wardName: string;
  year: string;
  reason: string;
}
