/**
 * Reads and validates a council's content folder file, council.json (schema: src/data/council-folder.ts;
 * docs/adding-council-content.md). Every problem is collected and thrown as one PipelineError, each
 * naming the file, the item and the field; an unknown field is a problem too (a typo must not pass
 * silently as "not set").
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  PLACES_COLUMNS,
  VENUE_SHAPES,
  type CouncilFolderFile,
  type InterventionTypeDef,
  type PlacesCategory,
  type PlacesColumn,
  type PlacesFileEntry,
  type ReportEntry,
} from '../../src/data/council-folder';
import { PARTIAL_DATE } from '../../src/data/content-contract';
import { PipelineError, ProblemList } from './errors';

export const COUNCIL_FILE = 'council.json';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const TYPE_ID = /^[a-z][a-z0-9_]*$/;
const SLUG = /^[a-z0-9][a-z0-9-]*$/;
/** A CSP host source with a scheme: https://example.org, https://*.example.org (optionally :port). */
const EMBED_ORIGIN = /^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/;

/** Thrown inside one item's checks; the item's first problem is recorded and the rest of the file checked. */
class ItemProblem extends Error {}

interface Checker {
  fail(item: string, field: string, message: string): never;
  /** Fails for each key of `obj` not in `allowed`. */
  only(item: string, obj: Record<string, unknown>, allowed: readonly string[]): void;
  each(fn: () => void): void;
}

function checker(file: string, list: ProblemList): Checker {
  return {
    fail(item, field, message) {
      list.add({ file, location: item, field: `"${field}"`, message });
      throw new ItemProblem(message);
    },
    only(item, obj, allowed) {
      for (const k of Object.keys(obj))
        if (!allowed.includes(k)) this.fail(item, k, `unknown field; allowed: ${allowed.join(', ')}`);
    },
    each(fn) {
      try {
        fn();
      } catch (e) {
        if (!(e instanceof ItemProblem)) throw e;
      }
    },
  };
}

function reports(c: Checker, raw: unknown): Record<string, ReportEntry> {
  if (!isObj(raw)) c.fail('(root)', 'reports', 'must be an object: report file name → {title, date}');
  const out: Record<string, ReportEntry> = {};
  for (const [name, r] of Object.entries(raw)) {
    c.each(() => {
      const item = `report "${name}"`;
      if (!isObj(r)) c.fail(item, 'reports', 'must be an object {title, date}');
      c.only(item, r, ['title', 'date']);
      if (!nonEmpty(r.title)) c.fail(item, 'title', 'missing');
      if (typeof r.date !== 'string' || !PARTIAL_DATE.test(r.date))
        c.fail(item, 'date', `not an ISO (partial) date: ${JSON.stringify(r.date)}`);
      out[name] = { title: r.title, date: r.date };
    });
  }
  return out;
}

function interventionTypes(c: Checker, raw: unknown): InterventionTypeDef[] {
  if (!Array.isArray(raw) || raw.length === 0) c.fail('(root)', 'interventionTypes', 'must be a non-empty list');
  const out: InterventionTypeDef[] = [];
  const seen = new Set<string>();
  raw.forEach(
    (t: unknown, i: number) =>
      void c.each(() => {
        let item = `interventionTypes[${i + 1}]`;
        if (!isObj(t)) c.fail(item, '(item)', 'not an object');
        c.only(item, t, ['id', 'label', 'colour', 'shape', 'hub']);
        const id = t.id;
        if (typeof id !== 'string' || !TYPE_ID.test(id))
          c.fail(item, 'id', 'missing or not a lower-case id (a-z, 0-9, _)');
        item += ` ("${id}")`;
        if (seen.has(id)) c.fail(item, 'id', 'duplicate');
        seen.add(id);
        if (!nonEmpty(t.label)) c.fail(item, 'label', 'missing');
        if (typeof t.colour !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(t.colour))
          c.fail(item, 'colour', 'must be a #rrggbb colour');
        const shape = VENUE_SHAPES.find((s) => s === t.shape);
        if (!shape) c.fail(item, 'shape', `must be one of ${VENUE_SHAPES.join(', ')}`);
        if (typeof t.hub !== 'boolean')
          c.fail(item, 'hub', 'must be true or false (does the outreach tool count it as a hub?)');
        out.push({ id, label: t.label, colour: t.colour, shape, hub: t.hub });
      }),
  );
  return out;
}

const PLACES_FIELDS = [
  'id',
  'name',
  'file',
  'sourcesFile',
  'columns',
  'idPrefix',
  'type',
  'categories',
  'description',
  'source',
  'excludeEnded',
] as const;

/** A relative path that stays inside its folder. */
const isInsidePath = (p: string) => !path.isAbsolute(p) && !p.split(/[\\/]/).includes('..');

function placesEntry(
  c: Checker,
  item: string,
  p: Record<string, unknown>,
  types: ReadonlySet<string>,
): PlacesFileEntry {
  c.only(item, p, PLACES_FIELDS);
  if (!nonEmpty(p.name)) c.fail(item, 'name', "missing (the list's display name)");
  if ((p.file === undefined) === (p.sourcesFile === undefined))
    c.fail(item, 'file', 'give exactly one of file (in the content folder) and sourcesFile (in the sources directory)');
  const where = p.file === undefined ? 'sourcesFile' : 'file';
  const csv = p[where];
  if (!nonEmpty(csv) || !isInsidePath(csv) || !/\.csv$/i.test(csv))
    c.fail(item, where, 'must be a relative path to a .csv file, inside its folder');
  if (!isObj(p.columns)) c.fail(item, 'columns', 'must be an object: canonical key → header name');
  const columns: Partial<Record<PlacesColumn, string | string[]>> = {};
  for (const [key, header] of Object.entries(p.columns)) {
    const col = PLACES_COLUMNS.find((k) => k === key);
    if (!col) c.fail(item, `columns.${key}`, `unknown key; allowed: ${PLACES_COLUMNS.join(', ')}`);
    const ok =
      nonEmpty(header) || (col === 'address' && Array.isArray(header) && header.length > 0 && header.every(nonEmpty));
    if (!ok)
      c.fail(
        item,
        `columns.${key}`,
        col === 'address' ? 'must be a header name or a list of them' : 'must be a header name',
      );
    columns[col] = header;
  }
  if (!columns.name) c.fail(item, 'columns.name', 'required');
  const located = columns.postcode || (columns.latitude && columns.longitude) || (columns.easting && columns.northing);
  if (!located) c.fail(item, 'columns', 'needs postcode, or latitude + longitude, or easting + northing');
  for (const [a, b] of [
    ['latitude', 'longitude'],
    ['easting', 'northing'],
  ] as const) {
    if (Boolean(columns[a]) !== Boolean(columns[b]))
      c.fail(item, `columns.${columns[a] ? b : a}`, `${a} and ${b} go together`);
  }
  if (typeof p.idPrefix !== 'string' || !SLUG.test(p.idPrefix))
    c.fail(item, 'idPrefix', 'missing or not a lower-case slug');
  if (typeof p.type !== 'string' || !types.has(p.type))
    c.fail(item, 'type', `not a type of interventionTypes: ${JSON.stringify(p.type)}`);
  let categories: Record<string, PlacesCategory> | undefined;
  if (p.categories !== undefined) {
    if (!isObj(p.categories)) c.fail(item, 'categories', 'must be an object: category value → type');
    if (!columns.category) c.fail(item, 'columns.category', 'categories need a category column');
    categories = {};
    for (const [value, to] of Object.entries(p.categories)) {
      const field = `categories.${value}`;
      if (isObj(to)) {
        c.only(`${item} ${field}`, to, ['type', 'description']);
        if (to.description !== undefined && !nonEmpty(to.description))
          c.fail(item, `${field}.description`, 'must be text');
      }
      const type = isObj(to) ? to.type : to;
      if (typeof type !== 'string' || !types.has(type))
        c.fail(item, field, `not a type of interventionTypes: ${JSON.stringify(type)}`);
      categories[value] = isObj(to)
        ? { type, ...(typeof to.description === 'string' ? { description: to.description } : {}) }
        : type;
    }
  }
  if (p.description !== undefined && !nonEmpty(p.description)) c.fail(item, 'description', 'must be text');
  if (!nonEmpty(p.source)) c.fail(item, 'source', 'missing: say where the list comes from');
  if (p.excludeEnded !== undefined && typeof p.excludeEnded !== 'boolean')
    c.fail(item, 'excludeEnded', 'must be true or false');
  if (p.excludeEnded && !columns.end_date) c.fail(item, 'columns.end_date', 'excludeEnded needs an end_date column');
  return {
    id: String(p.id),
    name: p.name,
    ...(where === 'file' ? { file: csv } : { sourcesFile: csv }),
    columns,
    idPrefix: p.idPrefix,
    type: p.type,
    ...(categories ? { categories } : {}),
    ...(typeof p.description === 'string' ? { description: p.description } : {}),
    source: p.source,
    ...(p.excludeEnded !== undefined ? { excludeEnded: p.excludeEnded } : {}),
  };
}

function places(c: Checker, raw: unknown, types: ReadonlySet<string>): PlacesFileEntry[] {
  if (!Array.isArray(raw)) c.fail('(root)', 'places', 'must be a list (may be empty)');
  const out: PlacesFileEntry[] = [];
  const ids = new Set<string>();
  raw.forEach(
    (p: unknown, i: number) =>
      void c.each(() => {
        let item = `places[${i + 1}]`;
        if (!isObj(p)) c.fail(item, '(item)', 'not an object');
        if (typeof p.id !== 'string' || !SLUG.test(p.id) || p.id === 'report')
          c.fail(item, 'id', 'missing or not a lower-case slug ("report" is taken)');
        item += ` ("${p.id}")`;
        if (ids.has(p.id)) c.fail(item, 'id', 'duplicate');
        ids.add(p.id);
        out.push(placesEntry(c, item, p, types));
      }),
  );
  return out;
}

/** Validates parsed council.json; `file` names it in every problem. */
export function validateCouncilFolder(raw: unknown, file: string = COUNCIL_FILE): CouncilFolderFile {
  const list = new ProblemList();
  const c: Checker = checker(file, list);
  let result: CouncilFolderFile | undefined;
  c.each(() => {
    if (!isObj(raw)) c.fail('(root)', '(root)', 'not an object');
    c.only('(root)', raw, ['publisher', 'reports', 'interventionTypes', 'places', 'embedDomains']);
    if (!nonEmpty(raw.publisher))
      c.fail('(root)', 'publisher', 'missing: who publishes the reports ("Leeds City Council")');
    const embed = raw.embedDomains;
    if (!Array.isArray(embed)) c.fail('(root)', 'embedDomains', 'must be a list (may be empty)');
    embed.forEach((d: unknown, i: number) => {
      if (typeof d !== 'string' || !EMBED_ORIGIN.test(d))
        c.fail(
          `embedDomains[${i + 1}]`,
          'embedDomains',
          `not an https origin (https://host or https://*.host): ${JSON.stringify(d)}`,
        );
    });
    let rep: Record<string, ReportEntry> = {};
    c.each(() => {
      rep = reports(c, raw.reports);
    });
    let types: InterventionTypeDef[] = [];
    c.each(() => {
      types = interventionTypes(c, raw.interventionTypes);
    });
    let pl: PlacesFileEntry[] = [];
    c.each(() => {
      pl = places(c, raw.places, new Set(types.map((t) => t.id)));
    });
    result = {
      publisher: raw.publisher,
      reports: rep,
      interventionTypes: types,
      places: pl,
      embedDomains: embed.filter((d): d is string => typeof d === 'string'),
    };
  });
  list.throwIfAny();
  if (!result) throw new PipelineError({ file, message: 'not validated' });
  return result;
}

/** Reads and validates <contentDir>/council.json. */
export function readCouncilFolder(contentDir: string): CouncilFolderFile {
  const file = path.join(contentDir, COUNCIL_FILE);
  if (!existsSync(file))
    throw new PipelineError({
      file,
      message: 'missing: a content folder needs its council.json (docs/adding-council-content.md)',
    });
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new PipelineError({ file, message: `not readable JSON: ${(e as Error).message}` });
  }
  return validateCouncilFolder(raw, file);
}

/** The path of a places entry's CSV. */
export function placesFilePath(entry: PlacesFileEntry, contentDir: string, sourcesDir: string): string {
  return entry.file !== undefined ? path.join(contentDir, entry.file) : path.join(sourcesDir, entry.sourcesFile ?? '');
}
