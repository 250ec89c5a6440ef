/**
 * The release table: every fact about an English Indices of Deprivation release that the pipeline
 * or the app needs, in one place. Adding a release is one entry here plus its source file in
 * ATLAS_DATA_DIR; the pipeline (scripts/pipeline/run.ts) and the app (src/data/contract.ts,
 * src/domain/indicators.ts) read everything else from this table.
 *
 * This module is plain data and types only: everything derived from it (RELEASES, prefixes,
 * labels, lookups) is computed by its readers, so a test can substitute the table (vi.mock) and
 * see the whole product follow.
 */

/**
 * Short keys of the IMD, its 7 domains, the 6 IoD2025 sub-domains and the two supplementary indices
 * (IDACI `idc`, IDAOPI `ido`: IoD2025 File 7, only where the sources hold it for the area).
 * Property names use them.
 */
export const INDICATORS = [
  'imd',
  'inc',
  'emp',
  'edu',
  'hea',
  'cri',
  'bar',
  'liv',
  'cyp',
  'ads',
  'geo',
  'wid',
  'ind',
  'out',
  'idc',
  'ido',
] as const;
export type IndicatorId = (typeof INDICATORS)[number];

/** 'supplementary': IDACI and IDAOPI, the income domain's two supplementary indices. */
export type IndicatorKind = 'index' | 'domain' | 'subdomain' | 'supplementary';

export interface IndicatorInfo {
  id: IndicatorId;
  label: string;
  kind: IndicatorKind;
  /** Sub-domains belong to a domain; shown indented under it. */
  parent?: IndicatorId;
  /** Column stem in the published files: `${column}_score`, `${column}_rank`, `${column}_decile`. */
  column: string;
}

/** Display order: IMD, then each domain followed by its IoD2025 sub-domains. */
export const INDICATOR_INFO: readonly IndicatorInfo[] = [
  { id: 'imd', label: 'Index of Multiple Deprivation', kind: 'index', column: 'imd' },
  { id: 'inc', label: 'Income', kind: 'domain', column: 'income' },
  // File 7 names its columns in full (scripts/pipeline/file7.ts reads them); these stems are ours.
  {
    id: 'idc',
    label: 'Income deprivation affecting children (IDACI)',
    kind: 'supplementary',
    parent: 'inc',
    column: 'idaci',
  },
  {
    id: 'ido',
    label: 'Income deprivation affecting older people (IDAOPI)',
    kind: 'supplementary',
    parent: 'inc',
    column: 'idaopi',
  },
  { id: 'emp', label: 'Employment', kind: 'domain', column: 'employment' },
  { id: 'edu', label: 'Education, skills and training', kind: 'domain', column: 'education' },
  {
    id: 'cyp',
    label: 'Children and young people',
    kind: 'subdomain',
    parent: 'edu',
    column: 'children_and_young_people',
  },
  { id: 'ads', label: 'Adult skills', kind: 'subdomain', parent: 'edu', column: 'adult_skills' },
  { id: 'hea', label: 'Health and disability', kind: 'domain', column: 'health' },
  { id: 'cri', label: 'Crime', kind: 'domain', column: 'crime' },
  { id: 'bar', label: 'Barriers to housing and services', kind: 'domain', column: 'barriers_housing_services' },
  { id: 'geo', label: 'Geographical barriers', kind: 'subdomain', parent: 'bar', column: 'geographical_barriers' },
  { id: 'wid', label: 'Wider barriers', kind: 'subdomain', parent: 'bar', column: 'wider_barriers' },
  { id: 'liv', label: 'Living environment', kind: 'domain', column: 'living_environment' },
  { id: 'ind', label: 'Indoors living environment', kind: 'subdomain', parent: 'liv', column: 'indoors' },
  { id: 'out', label: 'Outdoors living environment', kind: 'subdomain', parent: 'liv', column: 'outdoors' },
];

/** Where a release's England-wide file lives (relative to ATLAS_DATA_DIR) and how its columns are named. */
export interface ReleaseSourceFile {
  file: string;
  codeColumn: string;
  nameColumn: string;
  ladColumn: string;
  /** Total population column, when the file has one (IoD2019: the mid-2015 denominators). */
  populationColumn?: string;
}

/**
 * Indicators a release publishes in a separate file that a build may not have (e.g. IoD 2025
 * File 7: IDACI and IDAOPI). Such an indicator is available only when `file` exists for the area;
 * otherwise it is absent from the outputs and metadata.json says why (`note`). Declared here so the
 * table stays the one place for release facts; scripts/pipeline/inputs.ts already watches these files,
 * and the join that reads them arrives with IoD 2025 File 7 (issue 12).
 */
export interface OptionalReleaseSource extends ReleaseSourceFile {
  indicators: readonly IndicatorId[];
  scored: readonly IndicatorId[];
  /** Why the indicators may be missing, shown next to them when they are. */
  note: string;
  /** The file's published title, and what the build uses it for (listed with the sources). */
  title: string;
  usage: string;
}

export interface ReleaseEntry {
  /** Year of publication; the `rel=` URL value. */
  id: string;
  /** Property-name prefix of the release's values (`y25_imd_d`). */
  prefix: string;
  /** Which LSOA boundaries the release is published on, and so which map layer shows it. */
  lsoaVintage: '2021' | '2011';
  /** Short label for controls and legends. */
  label: string;
  /** Short tag for CSV column headers and file names. */
  tag: string;
  title: string;
  publisher: string;
  /** ISO date. */
  published: string;
  downloadPage: string;
  /** Indicators with national rank and decile. */
  indicators: readonly IndicatorId[];
  /** Indicators that also carry a score. */
  scored: readonly IndicatorId[];
  /** Why the indicators this release lacks are not available; shown next to a disabled option. */
  missingReason: string;
  source: ReleaseSourceFile;
  optionalSources?: readonly OptionalReleaseSource[];
}

const MHCLG = 'Ministry of Housing, Communities and Local Government';
/** The seven IoD domains, in MHCLG's order: one list for the releases, File 10 standing and the ward summaries. */
export const SEVEN_DOMAINS = ['inc', 'emp', 'edu', 'hea', 'cri', 'bar', 'liv'] as const;
const DOMAINS = ['imd', ...SEVEN_DOMAINS] as const;
const SUBDOMAINS = ['cyp', 'ads', 'geo', 'wid', 'ind', 'out'] as const;

/** Newest first: the order of the release controls and of metadata.json. */
export const RELEASE_TABLE = [
  {
    id: '2025',
    prefix: 'y25',
    lsoaVintage: '2021',
    label: 'IoD 2025 (LSOA 2021)',
    tag: 'IoD2025',
    title: 'English Indices of Deprivation 2025',
    publisher: MHCLG,
    published: '2025-10-30',
    downloadPage: 'https://www.gov.uk/government/statistics/english-indices-of-deprivation-2025',
    indicators: [...DOMAINS, ...SUBDOMAINS],
    scored: [...DOMAINS, ...SUBDOMAINS],
    missingReason: 'not published in IoD 2025',
    source: {
      file: 'indices/iod2025_lsoa21_england.csv',
      codeColumn: 'lsoa21cd',
      nameColumn: 'lsoa21nm',
      ladColumn: 'lad24cd',
    },
    optionalSources: [
      {
        // The England File 7 is not in the sources whole: the Leeds rows only (scripts/pipeline/file7.ts).
        file: 'indices/iod2025_file7_leeds_lsoa21.csv',
        codeColumn: 'LSOA code (2021)',
        nameColumn: 'LSOA name (2021)',
        ladColumn: 'Local Authority District code (2024)',
        indicators: ['idc', 'ido'],
        scored: ['idc', 'ido'],
        note: 'IDACI and IDAOPI are not published in the sources for this area',
        title: 'English Indices of Deprivation 2025, File 7: all ranks, deciles, scores and population denominators',
        usage:
          'Used for IDACI, IDAOPI and the mid-2022 population denominators, where it holds every LSOA of the area.',
      },
    ],
  },
  {
    id: '2019',
    prefix: 'y19',
    lsoaVintage: '2011',
    label: 'IoD 2019 (LSOA 2011)',
    tag: 'IoD2019',
    title: 'English Indices of Deprivation 2019',
    publisher: MHCLG,
    published: '2019-09-26',
    downloadPage: 'https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019',
    indicators: DOMAINS,
    scored: ['imd'],
    // Both releases published these figures; the mirrored source files of this build do not carry them.
    missingReason: "IoD2019 sub-domain figures are not in this build's data sources",
    source: {
      file: 'indices/iod2019_lsoa11_england.csv',
      codeColumn: 'lsoa11cd',
      nameColumn: 'lsoa11nm',
      ladColumn: 'lad19cd',
      populationColumn: 'pop_total_mid2015',
    },
  },
  {
    id: '2015',
    prefix: 'y15',
    lsoaVintage: '2011',
    label: 'IoD 2015 (LSOA 2011)',
    tag: 'IoD2015',
    title: 'English Indices of Deprivation 2015',
    publisher: MHCLG,
    published: '2015-09-30',
    downloadPage: 'https://www.gov.uk/government/statistics/english-indices-of-deprivation-2015',
    indicators: ['imd'],
    scored: ['imd'],
    missingReason: "IoD2015 domain figures are not in this build's data sources",
    source: {
      file: 'indices/iod2015_lsoa11_england.csv',
      codeColumn: 'lsoa11cd',
      nameColumn: 'lsoa11nm',
      ladColumn: 'lad13cd',
    },
  },
] as const satisfies readonly ReleaseEntry[];

/**
 * The release the change view compares earlier releases with (`dchg_19_25` = 2025 decile minus
 * 2019 decile). Earlier releases on LSOA 2011 get a decile change against it where the area is
 * unchanged.
 */
export const CHANGE_TARGET_RELEASE: (typeof RELEASE_TABLE)[number]['id'] = '2025';
