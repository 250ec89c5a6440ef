/**
 * Validation of the curated content files (content/interventions.json, content/priority-areas.json).
 * Problems are thrown together as one PipelineError (./errors), each formatted
 * `${file}, item ${n} ("${id}"), field "${field}": problem` (first problem per item).
 */
import { ProblemList, formatProblem, type Problem } from './errors';
import {
  PARTIAL_DATE,
  type Citation,
  type ContentIntervention,
  type ContentLocation,
  type InterventionsContentFile,
  type Outcome,
  type PriorityNeighbourhood,
} from '../../src/data/content-contract';
import type { ReportEntry } from '../../src/data/council-folder';
import { isFullPostcode, postcodeKey } from '../../src/data/postcode';

export const CONTENT_FILES = { interventions: 'interventions.json', priorityAreas: 'priority-areas.json' } as const;

/** Thrown by `fail` inside one item's validation; collected by `validating`. */
class ItemProblem extends Error {
  constructor(readonly problem: Problem) {
    super(formatProblem(problem));
  }
}

function fail(file: string, n: number | string, field: string, problem: string): never {
  throw new ItemProblem({ file, location: `item ${n}`, field: `"${field}"`, message: problem });
}

/** Runs `fn` for one item (or the file root), recording its first problem instead of stopping. */
function validating<T>(list: ProblemList, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ItemProblem) list.add(e.problem);
    else throw e;
    return undefined;
  }
}

/** A citation as the built layer writes it; `publisher` is the council's (council.json). */
export function citationText(c: Citation, publisher: string): string {
  return `${publisher}, ${c.title}, ${c.date}, para. ${c.paragraph} [${c.file}]`;
}

// ---------------------------------------------------------------------------
// validation
// ---------------------------------------------------------------------------

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** An optional text field: absent, or a string (checked, then copied only when present). */
function optionalText<K extends string>(
  file: string,
  n: number | string,
  field: string,
  key: K,
  v: unknown,
): Partial<Record<K, string>> {
  if (v === undefined) return {};
  if (typeof v !== 'string') fail(file, n, field, 'must be text');
  const out: Partial<Record<K, string>> = {};
  out[key] = v;
  return out;
}

/** The council's report list (council.json `reports`): citations may cite only these. */
export type ReportList = Readonly<Record<string, ReportEntry>>;

export function validateCitation(
  file: string,
  n: number | string,
  field: string,
  c: unknown,
  reports: ReportList,
): Citation {
  if (c === undefined || c === null) fail(file, n, field, 'missing citation');
  if (!isObj(c)) fail(file, n, field, 'citation must be an object {file, title, date, paragraph}');
  const reportFile = c.file;
  if (typeof reportFile !== 'string' || !Object.hasOwn(reports, reportFile))
    fail(file, n, `${field}.file`, `unknown report file "${String(c.file)}": not in council.json reports`);
  const report = reports[reportFile]!;
  if (c.title !== report.title) fail(file, n, `${field}.title`, `does not match the title of ${reportFile}`);
  if (c.date !== report.date)
    fail(file, n, `${field}.date`, `does not match the date of ${reportFile} (${report.date})`);
  if (!nonEmpty(c.paragraph)) fail(file, n, `${field}.paragraph`, 'missing paragraph');
  return { file: reportFile, title: report.title, date: report.date, paragraph: c.paragraph };
}

/** Fails on the first key of `obj` not in `allowed` (a misspelt field must not pass as "not set"). */
function knownFields(
  file: string,
  n: number | string,
  obj: Record<string, unknown>,
  allowed: readonly string[],
  prefix = '',
): void {
  for (const k of Object.keys(obj))
    if (!allowed.includes(k)) fail(file, n, `${prefix}${k}`, `unknown field; allowed: ${allowed.join(', ')}`);
}

const ROOT_FIELDS = ['compiled', 'generatedBy', 'sources', 'notes'];
const ITEM_FIELDS = [
  'id',
  'type',
  'name',
  'start',
  'end',
  'dateNote',
  'ward',
  'neighbourhood',
  'location',
  'description',
  'outcomes',
  'source',
  'otherSources',
];
const LOCATION_FIELDS: Record<string, readonly string[]> = {
  latlon: ['kind', 'lat', 'lon', 'precision'],
  postcode: ['kind', 'postcode', 'venue'],
  area: ['kind', 'neighbourhood', 'ward', 'note'],
  none: ['kind', 'reason'],
  citywide: ['kind', 'note'],
};
const PRIORITY_WARD_FIELDS = ['code', 'name', 'reportName', 'note', 'sources'];
const NEIGHBOURHOOD_FIELDS = [
  'id',
  'name',
  'reportNames',
  'ward',
  'lsoa11',
  'lsoa21',
  'membership',
  'basis',
  'sharedWardNote',
  'note',
  'sources',
];

function validateDate(file: string, n: number | string, field: string, v: unknown): string | null {
  if (v === null) return null;
  if (typeof v !== 'string' || !PARTIAL_DATE.test(v))
    fail(file, n, field, `not an ISO (partial) date or null: ${JSON.stringify(v)}`);
  return v;
}

export interface ValidationContext {
  /** Ward code → its name in the boundaries the build uses. */
  wardNames: ReadonlyMap<string, string>;
  lsoa21Codes: Set<string>;
  reports: ReportList;
}

interface ContentRoot {
  generatedBy: string;
  sources: string[];
  notes: string[];
  /** The item arrays named in `arrays`, not yet checked item by item. */
  lists: Map<string, unknown[]>;
}

const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Root checks that must pass before items can be read; throws at once if they fail. */
function checkRoot(file: string, raw: unknown, arrays: string[], otherFields: string[] = []): ContentRoot {
  const list = new ProblemList();
  const root = validating(list, (): ContentRoot => {
    if (!isObj(raw))
      fail(
        file,
        0,
        '(root)',
        `not an object (got ${raw === null ? 'null' : Array.isArray(raw) ? 'a list' : typeof raw})`,
      );
    knownFields(file, 0, raw, [...ROOT_FIELDS, ...arrays, ...otherFields]);
    if (raw.compiled !== true) fail(file, 0, 'compiled', 'must be true (hand-compiled file)');
    const { generatedBy, sources, notes } = raw;
    if (!nonEmpty(generatedBy)) fail(file, 0, 'generatedBy', 'missing');
    if (!isTextList(sources)) fail(file, 0, 'sources', 'must be a list of texts');
    if (!isTextList(notes)) fail(file, 0, 'notes', 'must be a list of texts');
    const lists = new Map<string, unknown[]>();
    for (const a of arrays) {
      const items = raw[a];
      if (!Array.isArray(items)) fail(file, 0, a, 'not an array');
      lists.set(a, items);
    }
    return { generatedBy, sources, notes, lists };
  });
  list.throwIfAny();
  // Unreachable: without a root the list holds its problem and throwIfAny has thrown.
  if (!root) throw new Error(`${file}: root not validated`);
  return root;
}

/**
 * The parts of priority-areas.json the build reads, as checked here (the app reads the rest of the
 * file directly; its own tests check it).
 */
export interface ValidatedNeighbourhood extends Pick<PriorityNeighbourhood, 'id' | 'name'> {
  ward: { code: string };
  lsoa21: Array<{ code: string }>;
}
export interface ValidatedPriorityAreas {
  neighbourhoods: ValidatedNeighbourhood[];
}

export function validatePriorityAreas(
  raw: unknown,
  ctx: ValidationContext,
  file: string = CONTENT_FILES.priorityAreas,
): ValidatedPriorityAreas {
  const root = checkRoot(file, raw, ['priorityWards', 'neighbourhoods'], ['onePercent2015']);
  const list = new ProblemList();
  (root.lists.get('priorityWards') ?? []).forEach(
    (w: unknown, i: number) =>
      void validating(list, () => {
        const n = `priorityWards[${i + 1}]`;
        if (!isObj(w)) fail(file, n, '(item)', 'not an object');
        knownFields(file, n, w, PRIORITY_WARD_FIELDS);
        const wardName = ctx.wardNames.get(String(w.code));
        if (typeof w.code !== 'string' || wardName === undefined)
          fail(file, n, 'code', `not a ward of the area: ${JSON.stringify(w.code)}`);
        if (w.name !== wardName)
          fail(
            file,
            n,
            'name',
            `must be the ward's name in the boundaries, "${wardName}" (got ${JSON.stringify(w.name)})`,
          );
        if (!nonEmpty(w.reportName))
          fail(
            file,
            n,
            'reportName',
            `must be the ward's name as the report writes it (got ${JSON.stringify(w.reportName)})`,
          );
        if (!Array.isArray(w.sources) || w.sources.length === 0) fail(file, n, 'sources', 'missing citation');
        w.sources.forEach((c: unknown, j: number) => void validateCitation(file, n, `sources[${j}]`, c, ctx.reports));
      }),
  );
  const ids = new Set<string>();
  const neighbourhoods: ValidatedNeighbourhood[] = [];
  (root.lists.get('neighbourhoods') ?? []).forEach(
    (h: unknown, i: number) =>
      void validating(list, () => {
        const n = `neighbourhoods[${i + 1}]`;
        if (!isObj(h)) fail(file, n, '(item)', 'not an object');
        knownFields(file, n, h, NEIGHBOURHOOD_FIELDS);
        const id = h.id;
        if (!nonEmpty(id) || ids.has(id)) fail(file, n, 'id', 'missing or duplicate');
        ids.add(id);
        if (!nonEmpty(h.name)) fail(file, n, 'name', 'missing');
        const wardCode = isObj(h.ward) ? h.ward.code : undefined;
        if (typeof wardCode !== 'string' || !ctx.wardNames.has(wardCode))
          fail(file, n, 'ward', 'not a ward of the area');
        if (h.membership !== 'approximate') fail(file, n, 'membership', 'must be "approximate"');
        if (!nonEmpty(h.basis)) fail(file, n, 'basis', 'missing');
        if (!Array.isArray(h.lsoa11) || !Array.isArray(h.lsoa21)) fail(file, n, 'lsoa11/lsoa21', 'not arrays');
        const lsoa21 = h.lsoa21.map((s: unknown) => {
          const code = isObj(s) ? s.code : undefined;
          if (typeof code !== 'string' || !ctx.lsoa21Codes.has(code))
            fail(file, n, 'lsoa21', `unknown LSOA 2021 code ${String(code)}`);
          return { code };
        });
        if (lsoa21.length === 0 && !nonEmpty(h.note)) fail(file, n, 'note', 'an empty LSOA list needs a note');
        if (!Array.isArray(h.sources) || h.sources.length === 0) fail(file, n, 'sources', 'missing citation');
        h.sources.forEach((c: unknown, j: number) => void validateCitation(file, n, `sources[${j}]`, c, ctx.reports));
        neighbourhoods.push({ id, name: h.name, ward: { code: wardCode }, lsoa21 });
      }),
  );
  list.throwIfAny();
  return { neighbourhoods };
}

export function validateInterventions(
  raw: unknown,
  ctx: ValidationContext & { neighbourhoodIds: Set<string>; types: readonly string[] },
  file: string = CONTENT_FILES.interventions,
): InterventionsContentFile {
  const root = checkRoot(file, raw, ['items']);
  const list = new ProblemList();
  const ids = new Set<string>();
  const items: ContentIntervention[] = [];
  (root.lists.get('items') ?? []).forEach(
    (it: unknown, i: number) =>
      void validating(list, () => {
        const n = i + 1;
        if (!isObj(it)) fail(file, n, '(item)', 'not an object');
        knownFields(file, n, it, ITEM_FIELDS);
        const id = it.id;
        if (!nonEmpty(id) || !/^[a-z0-9][a-z0-9-]*$/.test(id)) fail(file, n, 'id', 'missing or not a lower-case slug');
        if (ids.has(id)) fail(file, n, 'id', `duplicate id "${id}"`);
        ids.add(id);
        const at = `${n} ("${id}")`;
        const type = it.type;
        if (typeof type !== 'string' || !ctx.types.includes(type))
          fail(
            file,
            at,
            'type',
            `unknown type ${JSON.stringify(it.type)}: not in council.json interventionTypes (${ctx.types.join(', ')})`,
          );
        const name = it.name;
        if (!nonEmpty(name)) fail(file, at, 'name', 'missing');
        const start = validateDate(file, at, 'start', it.start);
        const end = validateDate(file, at, 'end', it.end);
        if (start && end && end.localeCompare(start) < 0 && !end.startsWith(start) && !start.startsWith(end))
          fail(file, at, 'end', 'before start');
        const ward = it.ward;
        if (ward !== null && (typeof ward !== 'string' || !ctx.wardNames.has(ward)))
          fail(file, at, 'ward', `not a ward of the area: ${String(ward)}`);
        const neighbourhood = it.neighbourhood;
        if (neighbourhood !== null && (typeof neighbourhood !== 'string' || !ctx.neighbourhoodIds.has(neighbourhood)))
          fail(file, at, 'neighbourhood', `unknown neighbourhood ${String(neighbourhood)}`);
        const location = validateLocation(file, at, it.location, ctx);
        if (location.kind === 'citywide' && (ward !== null || neighbourhood !== null))
          fail(file, at, 'location', 'a city-wide item has no ward or neighbourhood (set both to null)');
        if (it.dateNote !== undefined && !nonEmpty(it.dateNote))
          fail(file, at, 'dateNote', 'empty; leave it out or say what the report says about timing');
        const dateNote = optionalText(file, at, 'dateNote', 'dateNote', it.dateNote);
        const description = it.description;
        if (!nonEmpty(description)) fail(file, at, 'description', 'missing');
        if (description.length > 500) fail(file, at, 'description', 'longer than 500 characters; keep it short');
        if (!Array.isArray(it.outcomes)) fail(file, at, 'outcomes', 'must be an array (may be empty)');
        const outcomes = it.outcomes.map((o: unknown, j: number): Outcome => {
          if (!isObj(o) || !nonEmpty(o.label)) fail(file, at, `outcomes[${j}].label`, 'missing');
          knownFields(file, at, o, ['label', 'value', 'unit', 'note'], `outcomes[${j}].`);
          const value = o.value;
          if (!(typeof value === 'number' && Number.isFinite(value)) && !nonEmpty(value))
            fail(file, at, `outcomes[${j}].value`, 'must be a number or the reported text');
          return {
            label: o.label,
            value,
            ...optionalText(file, at, `outcomes[${j}].unit`, 'unit', o.unit),
            ...optionalText(file, at, `outcomes[${j}].note`, 'note', o.note),
          };
        });
        const source = validateCitation(file, at, 'source', it.source, ctx.reports);
        let otherSources: Citation[] | undefined;
        if (it.otherSources !== undefined) {
          if (!Array.isArray(it.otherSources)) fail(file, at, 'otherSources', 'not an array');
          otherSources = it.otherSources.map((c: unknown, j: number) =>
            validateCitation(file, at, `otherSources[${j}]`, c, ctx.reports),
          );
        }
        items.push({
          id,
          type,
          name,
          start,
          end,
          ...dateNote,
          ward,
          neighbourhood,
          location,
          description,
          outcomes,
          source,
          ...(otherSources ? { otherSources } : {}),
        });
      }),
  );
  list.throwIfAny();
  return {
    compiled: true,
    generatedBy: root.generatedBy,
    sources: root.sources,
    notes: root.notes,
    items,
  };
}

function validateLocation(
  file: string,
  at: string,
  loc: unknown,
  ctx: ValidationContext & { neighbourhoodIds: Set<string> },
): ContentLocation {
  if (!isObj(loc)) fail(file, at, 'location', 'missing');
  const allowed = typeof loc.kind === 'string' ? LOCATION_FIELDS[loc.kind] : undefined;
  if (allowed) knownFields(file, at, loc, allowed, 'location.');
  switch (loc.kind) {
    case 'latlon':
      if (
        typeof loc.lat !== 'number' ||
        typeof loc.lon !== 'number' ||
        Math.abs(loc.lat) > 90 ||
        Math.abs(loc.lon) > 180
      )
        fail(file, at, 'location', 'lat/lon must be numbers in range');
      if (!nonEmpty(loc.precision)) fail(file, at, 'location.precision', 'say what the coordinates are');
      return { kind: 'latlon', lat: loc.lat, lon: loc.lon, precision: loc.precision };
    case 'postcode':
      if (typeof loc.postcode !== 'string' || !isFullPostcode(postcodeKey(loc.postcode)))
        fail(file, at, 'location.postcode', `not a UK postcode: ${JSON.stringify(loc.postcode)}`);
      return {
        kind: 'postcode',
        postcode: loc.postcode,
        ...optionalText(file, at, 'location.venue', 'venue', loc.venue),
      };
    case 'area': {
      if ((loc.neighbourhood == null) === (loc.ward == null))
        fail(file, at, 'location', 'area needs exactly one of neighbourhood, ward');
      const { neighbourhood, ward } = loc;
      const note = optionalText(file, at, 'location.note', 'note', loc.note);
      if (neighbourhood != null) {
        if (typeof neighbourhood !== 'string' || !ctx.neighbourhoodIds.has(neighbourhood))
          fail(file, at, 'location.neighbourhood', `unknown neighbourhood ${String(neighbourhood)}`);
        return { kind: 'area', neighbourhood, ...note };
      }
      if (typeof ward !== 'string' || !ctx.wardNames.has(ward))
        fail(file, at, 'location.ward', `not a ward of the area: ${String(ward)}`);
      return { kind: 'area', ward, ...note };
    }
    case 'none':
      if (!nonEmpty(loc.reason)) fail(file, at, 'location.reason', 'say why the item cannot be placed');
      return { kind: 'none', reason: loc.reason };
    case 'citywide':
      return { kind: 'citywide', ...optionalText(file, at, 'location.note', 'note', loc.note) };
    default:
      return fail(file, at, 'location.kind', `unknown kind ${JSON.stringify(loc.kind)}`);
  }
}
