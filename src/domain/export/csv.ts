/**
 * CSV export of the current list (catchment, gap, a ward's LSOAs, any table). Pure: returns text;
 * the app turns it into a download (Blob type CSV_MIME; prefix UTF8_BOM if Excel must detect UTF-8).
 *
 * Format:
 *  - First the preamble: comment lines (what the file is, the release, the sources, how it was
 *    generated, totals), each written as `#,<text>` where <text> is one CSV field, quoted and
 *    formula-guarded like any cell — names from the data may hold commas or start with "=", and
 *    must neither split the line nor become a formula. A spreadsheet shows "#" in column A and
 *    the line in column B; the line still starts with "#", so read the file with `comment="#"`
 *    (pandas), `comment.char = "#"` (R), or delete the lines in a spreadsheet.
 *  - Then one header record and the data records, RFC 4180: fields containing a comma, a double
 *    quote, CR or LF are quoted, quotes doubled; CRLF line ends (also after the last record).
 *  - Text cells starting with = + - @ (or TAB / CR) get a leading apostrophe so a spreadsheet does
 *    not run them as a formula (CSV / formula injection). Numbers are written as numbers, so a
 *    negative number stays numeric. null/undefined → empty cell (= not known).
 *  - The release is named in the preamble AND in the header of every release-specific column
 *    ("IMD decile (IoD2025)"), so a pasted table keeps it.
 */
import type { ReleaseId } from '../../data/contract';
import { byRelease, valueKey, flagKey } from '../../data/contract';
import {
  DECILES,
  formatDistance,
  imdDecile,
  imdRank,
  lsoaPopulation,
  type CatchmentResult,
  type LsoaLike,
} from '../outreach/catchment';
import type { GapResult, GapRow, NearbyIntervention } from '../outreach/gaps';
import { hasPeople, type LsoaPeople, type PeopleDefinition, type PeopleRole, type PeopleTotals } from '../people';
import { CRLF, csvField, csvRecord, type CsvCell } from '../csv-writer';
import { slugify } from '../../data/slug';
import { COUNCIL } from '../../data/council';
import { typeStyle } from '../interventions';
import { isFiniteNumber } from '../../data/numeric';

export { csvField, type CsvCell } from '../csv-writer';
export { slugify } from '../../data/slug';

export const CSV_MIME = 'text/csv;charset=utf-8';
export const UTF8_BOM = '\uFEFF';

/** Full release titles for the preamble. */
export const RELEASE_TITLE = byRelease((r) => `${r.title} (LSOA ${r.lsoaVintage})`);

/** Short release tag for column headers and file names. */
export const RELEASE_TAG = byRelease((r) => r.tag);

/** Marks a preamble line: the first field of the record, alone, so comment-aware readers skip the line. */
export const PREAMBLE_MARK = '#';

/** One preamble line: "#", then the text as a single guarded CSV field (a leading "# " in `line` is dropped). */
function preambleLine(line: string): string {
  const text = line.replace(/\r\n|\r|\n/g, ' ').replace(/^#\s?/, '');
  return `${PREAMBLE_MARK},${csvField(text)}`;
}

/**
 * Preamble comment lines, header, rows → CSV text with CRLF line ends. Every row must have as many
 * cells as the header (a mismatch is a programming error and throws).
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  preamble: readonly string[] = [],
): string {
  const out: string[] = preamble.map(preambleLine);
  out.push(csvRecord(header));
  rows.forEach((r, i) => {
    if (r.length !== header.length)
      throw new Error(`CSV row ${i + 1} has ${r.length} cells, the header has ${header.length}`);
    out.push(csvRecord(r));
  });
  return out.join(CRLF) + CRLF;
}

// ---------------------------------------------------------------------------
// context, preamble, file names
// ---------------------------------------------------------------------------

export type ExportKind = 'catchment' | 'gap' | 'ward' | 'area' | 'table';

export interface ExportContext {
  release: ReleaseId;
  /** Overrides RELEASE_TITLE[release] (e.g. the title from metadata.json). */
  releaseTitle?: string;
  /** Default "Leeds". */
  area?: string;
  /** What the list is about: the hub/venue name, the ward name, "clicked point"… */
  subject?: string;
  /** Catchment radius or gap distance, metres. */
  distanceM?: number;
  /** Gap lists: decile 1 or deciles 1–2. */
  maxDecile?: 1 | 2;
  /** Replaces the default "Generated from" text. */
  description?: string;
  /** Ward code → name, for the ward-name column. */
  wardNames?: Readonly<Record<string, string>>;
  /** Extra preamble lines (e.g. how the hubs were chosen). */
  notes?: readonly string[];
  /** Replaces the default source lines. */
  sources?: readonly string[];
  /** ISO date/time of the export; omitted when absent (keeps the output deterministic). */
  generatedAt?: string;
  /** The data's attribution lines (metadata.attribution), one preamble line each. */
  attribution?: readonly string[];
  /** The build's people figures (metadata.population.used): they name the people columns. Without it, the rows' own. */
  peopleDefinition?: PeopleDefinition | null;
  /** How LSOAs were put in wards (metadata.json council.wards); default the loaded council's. */
  wards?: { method: 'lookup' | 'centroid'; vintage: string } | null;
}

/** The ward method as the source line states it, from the built metadata (never one council's method for all). */
export function wardMethodSource(w: { method: 'lookup' | 'centroid'; vintage: string } | null | undefined): string {
  if (!w) return 'LSOA 2021 to ward assignment as the built metadata states it';
  return w.method === 'lookup'
    ? `LSOA 2021 to ward (${w.vintage}) best-fit lookup`
    : `wards (${w.vintage}) by the ward containing each LSOA 2021 population-weighted centroid`;
}

const tag = (c: ExportContext) => RELEASE_TAG[c.release];
const withTag = (header: string, c: ExportContext) => (header.includes(tag(c)) ? header : `${header} (${tag(c)})`);

function defaultSources(c: ExportContext): string[] {
  return [
    `Source: ${c.releaseTitle ?? RELEASE_TITLE[c.release]}, Ministry of Housing, Communities and Local Government (Open Government Licence v3.0); national decile 1 = most deprived 10% of LSOAs in England, rank 1 = most deprived`,
    `Source: Office for National Statistics, LSOA 2021 population-weighted centroids and ${wardMethodSource(c.wards === undefined ? COUNCIL.wardMethod : c.wards)} (Open Government Licence v3.0)`,
    'Population: mid-2015 estimates (IoD2019 denominators), only for LSOAs unchanged since 2011; blank = not known',
  ];
}

function preamble(c: ExportContext, generatedFrom: string, extra: readonly string[] = []): string[] {
  // Plain text: toCsv turns each into a guarded preamble line.
  return [
    `Neighbourhood Atlas export: ${c.area ?? 'Leeds'}`,
    `Release: ${c.releaseTitle ?? RELEASE_TITLE[c.release]}`,
    ...(c.sources ?? defaultSources(c)),
    `Generated from: ${c.description ?? generatedFrom}`,
    ...extra,
    ...(c.notes ?? []),
    ...(c.attribution ?? []).map((a) => `Attribution: ${a}`),
    ...(c.generatedAt ? [`Exported: ${c.generatedAt}`] : []),
  ];
}

/** e.g. csvFileName('catchment', {release:'2025', distanceM:800, subject:'Reginald Centre'}) → "leeds-catchment-800m-reginald-centre-iod2025.csv". */
export function csvFileName(kind: ExportKind, c: ExportContext): string {
  const kindPart = kind === 'ward' ? 'ward-lsoas' : kind === 'area' ? 'area-lsoas' : kind;
  const parts = [slugify(c.area ?? 'Leeds'), kindPart];
  if (kind === 'gap') parts.push(c.maxDecile === 2 ? 'deciles-1-2' : 'decile-1');
  if ((kind === 'catchment' || kind === 'gap') && c.distanceM !== undefined) parts.push(`${Math.round(c.distanceM)}m`);
  if (c.subject) parts.push(slugify(c.subject));
  parts.push(tag(c).toLowerCase());
  return `${parts.filter(Boolean).join('-')}.csv`;
}

const wardName = (code: string, c: ExportContext) => c.wardNames?.[code] ?? null;
const metres = (m: number) => Math.round(m);

// ---------------------------------------------------------------------------
// people (IoD 2025 File 7 mid-2022 where the build has it, else Census 2021), shared by the catchment
// and gap lists: every column header and note names the source, year and age band of its figures
// ---------------------------------------------------------------------------

/** The people roles a list has columns for under a definition (65+ only where the definition has it). */
const peopleRoles = (def: PeopleDefinition | null): PeopleRole[] =>
  def?.figures.olderPeople65
    ? ['population', 'children', 'olderPeople', 'olderPeople65']
    : ['population', 'children', 'olderPeople'];
const peopleHeader = (def: PeopleDefinition | null): string[] => [
  ...peopleRoles(def).map((role) => def?.figures[role]?.heading ?? `${role} (no figures in this build)`),
  'IDACI national decile (IoD2025)',
  'IDAOPI national decile (IoD2025)',
];
const peopleCells = (def: PeopleDefinition | null, p: LsoaPeople | null): CsvCell[] => {
  const same = p && def && p.definition.id === def.id ? p : null;
  const value = (role: PeopleRole): number | null =>
    !same
      ? null
      : role === 'population'
        ? same.population
        : role === 'children'
          ? same.children
          : role === 'olderPeople'
            ? same.olderPeople
            : role === 'olderPeople65'
              ? same.olderPeople65
              : same.workingAge;
  return [...peopleRoles(def).map(value), p?.idaciDecile ?? null, p?.idaopiDecile ?? null];
};
function peopleNote(def: PeopleDefinition | null): string {
  const what = def ? `${def.source}: ${def.description}` : 'no population figures in this build';
  return `People: ${what} (Open Government Licence v3.0), for whole LSOAs; an LSOA counts in full when its population-weighted centroid is inside the distance; blank = not available`;
}

function peopleLine(label: string, t: PeopleTotals): string {
  const f = t.definition?.figures;
  if (!hasPeople(t) || !f || !t.definition)
    return `${label}: population figures unavailable (the sources hold neither IoD2025 File 7 nor Census 2021 figures for this area)`;
  return (
    `${label}: ${t.population} people, ${t.children} ${f.children.what}, ${t.olderPeople} ${f.olderPeople.what} (${t.definition.source}); ` +
    `${f.children.what} in IDACI decile 1-2 LSOAs: ${t.childrenIdaci12}; ${f.olderPeople.what} in IDAOPI decile 1-2 LSOAs: ${t.olderIdaopi12}` +
    (t.unknown ? `; ${t.unknown} LSOAs without figures` : '')
  );
}

// ---------------------------------------------------------------------------
// builders
// ---------------------------------------------------------------------------

/** Catchment list: one record per LSOA inside; totals in the preamble. */
export function catchmentCsv(result: CatchmentResult, context: ExportContext): string {
  const c: ExportContext = { ...context, release: result.release, distanceM: result.radiusM };
  const t = result.totals;
  const [lon, lat] = result.centre;
  const where = `${c.subject ?? 'a chosen point'} (${lon.toFixed(5)}, ${lat.toFixed(5)})`;
  const def = c.peopleDefinition ?? t.people.definition ?? result.peopleBeyond.definition;
  const decileSummary = DECILES.filter((d) => t.byDecile[d] > 0)
    .map((d) => `decile ${d}: ${t.byDecile[d]}`)
    .join(', ');
  const extra = [
    'Distances: straight-line (great-circle) from the point to each LSOA population-weighted centroid; not walking distance. An LSOA is listed when its centroid is inside the radius',
    `Totals: ${t.lsoas} LSOAs; population (mid-2015) ${t.population} (known for ${t.lsoas - t.populationUnknown}, not known for ${t.populationUnknown}); ` +
      `IMD ${tag(c)} ${decileSummary || 'no deciles'}${t.decileUnknown ? `, no decile: ${t.decileUnknown}` : ''}; national most-deprived 1%: ${t.mostDeprived1pc}`,
    ...(result.excludedNoCentroid.length
      ? [`Not assessed (no centroid): ${result.excludedNoCentroid.length} LSOAs`]
      : []),
    peopleNote(def),
    peopleLine(`Totals within ${formatDistance(result.radiusM)}`, t.people),
    peopleLine(`Beyond ${formatDistance(result.radiusM)} (rest of the area)`, result.peopleBeyond),
  ];
  const header = [
    'LSOA code',
    'LSOA name',
    'Ward code',
    'Ward',
    'Straight-line distance (m)',
    withTag('IMD national decile', c),
    withTag('IMD national rank', c),
    withTag('Most deprived 1%', c),
    withTag('Most deprived 10%', c),
    'Population mid-2015 (where known)',
    ...peopleHeader(def),
  ];
  const rows = result.rows.map((r) => [
    r.code,
    r.name,
    r.ward,
    wardName(r.ward, c),
    metres(r.distanceM),
    r.decile,
    r.rank,
    r.flag1,
    r.flag10,
    r.population,
    ...peopleCells(def, r.people),
  ]);
  return toCsv(
    header,
    rows,
    preamble(c, `catchment of ${formatDistance(result.radiusM)} (straight-line) around ${where}`, extra),
  );
}

function describeNearby(n: NearbyIntervention): string {
  const approx = n.precision === 'area' ? ', approximate location' : '';
  return `${n.name} (${typeStyle(n.type).label}, ${metres(n.distanceM)} m${approx})`;
}

/** An imported venue list measured from instead of the community hubs: its name and how its points were placed. */
export interface GapVenueSet {
  name: string;
  placement: string;
}

/**
 * Gap list. Rows may carry `nearby` (from withNearbyInterventions); then a column lists them and
 * `context.notes` should say the radius (or pass `nearbyRadiusM`).
 */
export function gapCsv(
  rows: ReadonlyArray<GapRow & { nearby?: readonly NearbyIntervention[] }>,
  context: ExportContext & {
    nearbyRadiusM?: number;
    hubCount?: number;
    people?: GapResult['people'];
    venueSet?: GapVenueSet;
  },
): string {
  const c = context;
  const set = c.venueSet;
  const one = set ? 'venue' : 'community hub';
  const deciles = c.maxDecile === 2 ? 'deciles 1-2' : 'decile 1';
  const dist = c.distanceM !== undefined ? formatDistance(c.distanceM) : 'the chosen distance';
  const scope = c.subject ? `, ${c.subject}` : '';
  const withNearby = rows.some((r) => r.nearby !== undefined);
  const def =
    c.peopleDefinition ??
    rows.find((r) => r.people)?.people?.definition ??
    c.people?.within.definition ??
    c.people?.beyond.definition ??
    null;
  const extra = [
    `Distances: straight-line (great-circle) from each LSOA population-weighted centroid to the nearest ${one} point (${set?.placement ?? 'postcode centroids, not building entrances'}); not walking distance`,
    ...(c.hubCount !== undefined ? [`${set ? `Venues of "${set.name}"` : 'Community hubs'} used: ${c.hubCount}`] : []),
    `Gap LSOAs: ${rows.length}`,
    ...(c.people
      ? [
          peopleNote(def),
          peopleLine('In the gap LSOAs', c.people.gaps),
          peopleLine(`All LSOAs in scope within ${dist} of a ${set ? 'venue' : 'hub'}`, c.people.within),
          peopleLine(`All LSOAs in scope beyond ${dist} of every ${set ? 'venue' : 'hub'}`, c.people.beyond),
        ]
      : []),
  ];
  const header = [
    'LSOA code',
    'LSOA name',
    'Ward code',
    'Ward',
    withTag('IMD national decile', c),
    withTag('IMD national rank', c),
    'Population mid-2015 (where known)',
    ...peopleHeader(def),
    `Nearest ${one}`,
    `Straight-line distance to nearest ${set ? 'venue' : 'hub'} (m)`,
    ...(withNearby
      ? [
          `Interventions within ${c.nearbyRadiusM !== undefined ? formatDistance(c.nearbyRadiusM) : 'the radius'} (straight-line)`,
        ]
      : []),
  ];
  const body = rows.map((r) => [
    r.code,
    r.name,
    r.ward,
    wardName(r.ward, c),
    r.decile,
    r.rank,
    r.population,
    ...peopleCells(def, r.people),
    r.nearestHub?.name ?? null,
    r.nearestHub ? metres(r.nearestHub.distanceM) : null,
    ...(withNearby ? [(r.nearby ?? []).map(describeNearby).join('; ')] : []),
  ]);
  const from = `LSOAs in IMD national ${deciles} (${tag(c)}) more than ${dist} (straight-line) from every ${set ? `venue of "${set.name}"` : 'community hub'}${scope}`;
  return toCsv(header, body, preamble(c, from, extra));
}

/** A ward's LSOAs (or any list of LSOAs), most deprived first. */
export function wardLsoasCsv(rows: readonly LsoaLike[], context: ExportContext): string {
  const c = context;
  const sorted = [...rows].sort(
    (a, b) =>
      (imdRank(a, c.release) ?? Infinity) - (imdRank(b, c.release) ?? Infinity) ||
      a.properties.code.localeCompare(b.properties.code),
  );
  const header = [
    'LSOA code',
    'LSOA name',
    'Ward code',
    'Ward',
    withTag('IMD national decile', c),
    withTag('IMD national rank', c),
    withTag(`IMD decile within ${c.area ?? 'Leeds'}`, c),
    withTag('Most deprived 1%', c),
    withTag('Most deprived 10%', c),
    'Population mid-2015 (where known)',
  ];
  const num = (v: unknown) => (isFiniteNumber(v) ? v : null);
  const body = sorted.map((l) => {
    const p = l.properties;
    return [
      p.code,
      p.name,
      p.ward,
      wardName(p.ward, c),
      imdDecile(l, c.release),
      imdRank(l, c.release),
      num(p[valueKey(c.release, 'imd', 'ld')]),
      p[flagKey(c.release, 1)] === 1,
      p[flagKey(c.release, 10)] === 1,
      lsoaPopulation(l),
    ];
  });
  return toCsv(header, body, preamble(c, `LSOAs of ${c.subject ?? 'the selected ward'} (${rows.length})`));
}

export interface CsvColumn<R> {
  header: string;
  value: (row: R) => CsvCell;
  /** The value belongs to the release: the header gets " (IoD2025)". */
  releaseSpecific?: boolean;
}

/** Any table view: the caller's columns; release-specific headers are tagged with the release. */
export function tableCsv<R>(columns: readonly CsvColumn<R>[], rows: readonly R[], context: ExportContext): string {
  const header = columns.map((col) => (col.releaseSpecific ? withTag(col.header, context) : col.header));
  const body = rows.map((r) => columns.map((col) => col.value(r)));
  return toCsv(header, body, preamble(context, `${context.subject ?? 'table view'} (${rows.length} rows)`));
}
