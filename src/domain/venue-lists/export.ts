/**
 * CSV downloads of a venue list's reach and gaps, through the shared writer (formula-guarded,
 * "#" preamble lines; src/domain/export/csv.ts), and the list itself in the canonical columns for
 * publishing (content/<code>/venues/<name>.csv, see docs/venue-lists.md).
 */
import { RELEASE_TITLE, toCsv } from '../export/csv';
import { slugify } from '../../data/slug';
import type { ReleaseId } from '../../data/contract';
import { formatDistance } from '../outreach/catchment';
import { VENUE_KEYS, type VenueKey, type VenueMapping } from './columns';
import type { ListReach } from '../outreach/reach';
import type { PeopleDefinition } from '../people';
import type { SheetRow } from '../table-file';

export interface ReachExportContext {
  area: string;
  listName: string;
  sourceFile: string;
  release: ReleaseId;
  attribution: readonly string[];
}

function preamble(c: ReachExportContext, r: ListReach, what: string): string[] {
  return [
    `Neighbourhood Atlas export: ${c.area}`,
    `${what}: venue list "${c.listName}" (imported from ${c.sourceFile}; kept in this browser only)`,
    `Distance: ${formatDistance(r.radiusM)} in a straight line from each venue to each LSOA's population-weighted centre; an LSOA counts whole, and once however many venues reach it`,
    `Deprivation: ${RELEASE_TITLE[c.release]}; national decile 1 = most deprived 10% of LSOAs in England`,
    `People: ${peopleOf(r) ? `${peopleOf(r)!.source} (${peopleOf(r)!.description})` : 'no population figures in this build'}, whole LSOAs; blank = not known`,
    ...c.attribution.map((a) => `Attribution: ${a}`),
  ];
}

/** The definition the reach was counted with (Census 2021 or mid-2022 File 7): it names the people columns. */
function peopleOf(r: ListReach): PeopleDefinition | null {
  return r.reached.definition ?? r.beyond.definition;
}

function peopleHeaders(r: ListReach): string[] {
  const f = peopleOf(r)?.figures;
  return f ? [f.population.heading, f.children.heading, f.olderPeople.heading] : ['People', 'Children', 'Older people'];
}

const pop = (v: number | undefined | null): number | null => (v === undefined ? null : v);

export function gapListCsv(r: ListReach, c: ReachExportContext, wardName: (code: string) => string): string {
  const header = [
    'LSOA code',
    'LSOA name',
    'Ward',
    'IMD decile',
    'IMD rank',
    ...peopleHeaders(r),
    'Nearest venue',
    'Distance to nearest venue (m)',
  ];
  const rows = r.gaps.map((g) => [
    g.code,
    g.name,
    wardName(g.ward),
    g.decile,
    g.rank,
    pop(g.people?.population),
    pop(g.people?.children),
    pop(g.people?.olderPeople),
    g.nearest?.name ?? '',
    g.nearest ? Math.round(g.nearest.distanceM) : null,
  ]);
  const range = r.maxDecile === 1 ? 'decile 1' : `deciles 1-${r.maxDecile}`;
  return toCsv(header, rows, [
    ...preamble(c, r, `LSOAs in IMD national ${range} beyond every venue, most people first`),
  ]);
}

export function reachCsv(r: ListReach, c: ReachExportContext): string {
  const header = ['Venue', 'Category', 'LSOAs within distance', ...peopleHeaders(r)];
  const rows = r.perVenue.map((v) => [
    v.venue.name,
    v.venue.category,
    v.lsoas,
    v.people.population,
    v.people.children,
    v.people.olderPeople,
  ]);
  rows.push([
    'Whole list (each LSOA once)',
    '',
    r.reached.lsoas,
    r.reached.population,
    r.reached.children,
    r.reached.olderPeople,
  ]);
  return toCsv(header, rows, preamble(c, r, 'People within reach of each venue'));
}

export function reachFileName(area: string, listName: string, kind: 'reach' | 'gaps', radiusM: number): string {
  return `${[slugify(area), slugify(listName) || 'venues', kind, `${Math.round(radiusM)}m`].join('-')}.csv`;
}

/**
 * The list for publishing, in the places-file schema of content/<code>/council.json (docs/venue-lists.md):
 * the placed rows only (the build refuses a point outside the council), under canonical-key headers,
 * and the `places[]` entry that declares the file.
 */
export function publishedList(o: {
  name: string;
  sourceFile: string;
  importedAt: string;
  rows: readonly SheetRow[];
  placedRows: ReadonlySet<number>;
  mapping: VenueMapping;
}): {
  fileName: string;
  csv: string;
  entry: PlacesEntry;
} {
  const cell = (r: SheetRow, k: VenueKey): string => {
    const i = o.mapping[k];
    return i === null ? '' : (r.cells[i] ?? '').trim();
  };
  const used = VENUE_KEYS.filter((k) => o.mapping[k] !== null);
  const slug = slugify(o.name) || 'venues';
  const rows = o.rows.filter((r) => o.placedRows.has(r.row));
  return {
    fileName: `${slug}.csv`,
    csv: toCsv(
      used,
      rows.map((r) => used.map((k) => cell(r, k))),
    ),
    entry: {
      id: slug,
      name: o.name,
      file: `venues/${slug}.csv`,
      columns: Object.fromEntries(used.map((k) => [k, k])),
      idPrefix: slug,
      type: 'other',
      source: `${o.sourceFile}, imported into the atlas ${o.importedAt.slice(0, 10)}`,
    },
  };
}

/** One `places[]` entry of council.json (the content folder's schema; see docs/adding-council-content.md). */
export interface PlacesEntry {
  id: string;
  name: string;
  file: string;
  columns: Record<string, string>;
  idPrefix: string;
  type: string;
  source: string;
}
