/**
 * A council's places files (council.json `places[]`, schema src/data/council-folder.ts): each CSV row
 * becomes a Draft with its location, read through the entry's column mapping. Only the files the
 * council's own content folder declares are read, so one council's places never reach another's build.
 */
import type { PlacesCategory, PlacesColumn, PlacesFileEntry } from '../../src/data/council-folder';
import { slugify } from '../../src/data/slug';
import { readCsv, type CsvTable } from './csv';
import { PipelineError } from './errors';
import type { Draft, DraftOrigin } from './interventions-place';
import { placesFilePath } from './council-folder';
import { bngPointToWgs84 } from './reproject';

export type PlacesLocation =
  | { kind: 'postcode'; postcode: string }
  | { kind: 'point'; coords: [number, number]; precisionNote: string }
  | { kind: 'none'; reason: string };

export interface PlacesRow {
  draft: Draft;
  location: PlacesLocation;
}

function cellReader(entry: PlacesFileEntry, table: CsvTable, file: string) {
  const header = table.header.map((h) => h.trim());
  const index = (h: string, key: string): number => {
    const i = header.indexOf(h);
    if (i < 0)
      throw new PipelineError({
        file,
        location: 'line 1',
        field: `"${h}"`,
        message: `column missing (council.json places "${entry.id}" columns.${key})`,
      });
    return i;
  };
  const cols = new Map<PlacesColumn, number[]>();
  for (const [key, h] of Object.entries(entry.columns) as Array<[PlacesColumn, string | string[]]>) {
    cols.set(
      key,
      (Array.isArray(h) ? h : [h]).map((x) => index(x, key)),
    );
  }
  return (cells: string[], key: PlacesColumn): string =>
    (cols.get(key) ?? [])
      .map((i) => (cells[i] ?? '').trim())
      .filter(Boolean)
      .join(', ');
}

/** The category cell's type: the first ";"-separated value the mapping knows, else the entry's type. */
function categoryOf(entry: PlacesFileEntry, cellValue: string): { type: string; description?: string } {
  const byKey = new Map<string, PlacesCategory>(
    Object.entries(entry.categories ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  for (const part of cellValue.split(';')) {
    const hit = byKey.get(part.trim().toLowerCase());
    if (hit !== undefined) return typeof hit === 'string' ? { type: hit } : hit;
  }
  return { type: entry.type };
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

function defaultDescription(values: Record<string, string>, listName: string): string {
  const parts = [values.address ? `${values.address}` : `Listed in ${listName}`];
  if (values.opening_times) parts.push(`Open: ${values.opening_times}`);
  if (values.notes) parts.push(values.notes);
  return `${parts.join('. ')}.`;
}

function number(file: string, item: string, field: string, v: string): number {
  const x = Number(v);
  if (v === '' || !Number.isFinite(x))
    throw new PipelineError({
      file,
      location: item,
      field: `"${field}"`,
      message: `not a number: ${JSON.stringify(v)}`,
    });
  return x;
}

/** The rows of one places file as drafts (rows left out by `excludeEnded` are skipped). */
export function readPlacesEntry(entry: PlacesFileEntry, contentDir: string, sourcesDir: string): PlacesRow[] {
  const file = placesFilePath(entry, contentDir, sourcesDir);
  const shown = entry.sourcesFile ?? entry.file ?? file;
  const table = readCsv(file, file);
  const get = cellReader(entry, table, file);
  const rows: PlacesRow[] = [];
  for (const r of table.rows) {
    const name = get(r.cells, 'name');
    const item = `line ${r.line}${name ? ` ("${name}")` : ''}`;
    if (!name)
      throw new PipelineError({
        file,
        location: item,
        field: `"${String(entry.columns.name)}"`,
        message: 'empty name',
      });
    if (entry.excludeEnded && get(r.cells, 'end_date') !== '') continue;
    const values = {
      name,
      address: get(r.cells, 'address'),
      opening_times: get(r.cells, 'opening_times'),
      notes: get(r.cells, 'notes'),
    };
    const cat = categoryOf(entry, get(r.cells, 'category'));
    const template = cat.description ?? entry.description;
    const rowSource = get(r.cells, 'source');
    const start = get(r.cells, 'start_date');
    const end = get(r.cells, 'end_date');
    const draft: Draft = {
      id: `${entry.idPrefix}-${slugify(name, Number.POSITIVE_INFINITY)}`,
      type: cat.type,
      name,
      origin: entry.id,
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      description: template
        ? fill(template, { ...values, address: values.address || 'address not given' })
        : defaultDescription(values, entry.name),
      outcomes: [],
      source: rowSource ? `${entry.source}: ${rowSource}` : entry.source,
      at: { file, item, field: '' },
    };
    const postcode = get(r.cells, 'postcode');
    if (postcode) draft.postcode = postcode;
    const lat = get(r.cells, 'latitude');
    const lon = get(r.cells, 'longitude');
    const e = get(r.cells, 'easting');
    const n = get(r.cells, 'northing');
    let location: PlacesLocation;
    if (lat !== '' || lon !== '') {
      const coords: [number, number] = [
        number(file, item, String(entry.columns.longitude), lon),
        number(file, item, String(entry.columns.latitude), lat),
      ];
      location = { kind: 'point', coords, precisionNote: `coordinates from ${shown}` };
    } else if (e !== '' || n !== '') {
      const coords = bngPointToWgs84(
        number(file, item, String(entry.columns.easting), e),
        number(file, item, String(entry.columns.northing), n),
      );
      location = { kind: 'point', coords, precisionNote: `grid reference from ${shown}` };
    } else if (postcode) location = { kind: 'postcode', postcode };
    else {
      const extra = [values.notes && `status: ${values.notes}`, `address: ${values.address || 'none'}`]
        .filter(Boolean)
        .join('; ');
      location = { kind: 'none', reason: `no postcode or coordinates in ${shown} (${extra})` };
    }
    const at: DraftOrigin = {
      file,
      item,
      field: String(
        location.kind === 'point'
          ? lat !== ''
            ? entry.columns.latitude
            : entry.columns.easting
          : (entry.columns.postcode ?? ''),
      ),
    };
    draft.at = at;
    rows.push({ draft, location });
  }
  return rows;
}
