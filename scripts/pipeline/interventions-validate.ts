/**
 * Validation of the curated content files (content/interventions.json, content/priority-areas.json).
 * Problems are thrown together as one PipelineError (./errors), each formatted
 * `${file}, item ${n} ("${id}"), field "${field}": problem` (first problem per item).
 */
import { ProblemList, formatProblem, type Problem } from './errors';
import {
  INTERVENTION_TYPES,
  PARTIAL_DATE,
  SEED_REPORTS,
  type Citation,
  type InterventionsContentFile,
  type InterventionType,
  type PriorityAreasFile,
} from '../../src/data/content-contract';
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
function validating(list: ProblemList, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    if (e instanceof ItemProblem) list.add(e.problem);
    else throw e;
  }
}

export function citationText(c: Citation): string {
  return `Leeds City Council, ${c.title}, ${c.date}, para. ${c.paragraph} [${c.file}]`;
}

// ---------------------------------------------------------------------------
// validation
// ---------------------------------------------------------------------------

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export function validateCitation(file: string, n: number | string, field: string, c: unknown): Citation {
  if (c === undefined || c === null) fail(file, n, field, 'missing citation');
  if (!isObj(c)) fail(file, n, field, 'citation must be an object {file, title, date, paragraph}');
  const report = SEED_REPORTS[c.file as keyof typeof SEED_REPORTS];
  if (!report) fail(file, n, `${field}.file`, `unknown report file "${String(c.file)}"`);
  if (c.title !== report.title) fail(file, n, `${field}.title`, `does not match the title of ${String(c.file)}`);
  if (c.date !== report.date) fail(file, n, `${field}.date`, `does not match the date of ${String(c.file)} (${report.date})`);
  if (!nonEmpty(c.paragraph)) fail(file, n, `${field}.paragraph`, 'missing paragraph');
  return c as unknown as Citation;
}

function validateDate(file: string, n: number | string, field: string, v: unknown): string | null {
  if (v === null) return null;
  if (typeof v !== 'string' || !PARTIAL_DATE.test(v)) fail(file, n, field, `not an ISO (partial) date or null: ${JSON.stringify(v)}`);
  return v;
}

export interface ValidationContext {
  wardCodes: Set<string>;
  lsoa21Codes: Set<string>;
}

/** Root checks that must pass before items can be read; throws at once if they fail. */
function checkRoot(file: string, raw: unknown, arrays: string[]): Record<string, unknown[]> {
  const list = new ProblemList();
  validating(list, () => {
    if (!isObj(raw)) fail(file, 0, '(root)', 'not an object');
    if (raw.compiled !== true) fail(file, 0, 'compiled', 'must be true (hand-compiled file)');
    if (!nonEmpty(raw.generatedBy)) fail(file, 0, 'generatedBy', 'missing');
    for (const a of arrays) if (!Array.isArray(raw[a])) fail(file, 0, a, 'not an array');
  });
  list.throwIfAny();
  return raw as Record<string, unknown[]>;
}

export function validatePriorityAreas(raw: unknown, ctx: ValidationContext, file: string = CONTENT_FILES.priorityAreas): PriorityAreasFile {
  const root = checkRoot(file, raw, ['priorityWards', 'neighbourhoods']);
  const list = new ProblemList();
  root.priorityWards!.forEach((w: unknown, i: number) => validating(list, () => {
    const n = `priorityWards[${i + 1}]`;
    if (!isObj(w)) fail(file, n, '(item)', 'not an object');
    if (!ctx.wardCodes.has(String(w.code))) fail(file, n, 'code', `not a ward of the area: ${String(w.code)}`);
    if (!Array.isArray(w.sources) || w.sources.length === 0) fail(file, n, 'sources', 'missing citation');
    w.sources.forEach((c: unknown, j: number) => validateCitation(file, n, `sources[${j}]`, c));
  }));
  const ids = new Set<string>();
  root.neighbourhoods!.forEach((h: unknown, i: number) => validating(list, () => {
    const n = `neighbourhoods[${i + 1}]`;
    if (!isObj(h)) fail(file, n, '(item)', 'not an object');
    if (!nonEmpty(h.id) || ids.has(h.id)) fail(file, n, 'id', 'missing or duplicate');
    ids.add(h.id);
    if (!isObj(h.ward) || !ctx.wardCodes.has(String(h.ward.code))) fail(file, n, 'ward', 'not a ward of the area');
    if (h.membership !== 'approximate') fail(file, n, 'membership', 'must be "approximate"');
    if (!nonEmpty(h.basis)) fail(file, n, 'basis', 'missing');
    if (!Array.isArray(h.lsoa11) || !Array.isArray(h.lsoa21)) fail(file, n, 'lsoa11/lsoa21', 'not arrays');
    for (const s of h.lsoa21 as Array<Record<string, unknown>>) {
      if (!ctx.lsoa21Codes.has(String(s.code))) fail(file, n, 'lsoa21', `unknown LSOA 2021 code ${String(s.code)}`);
    }
    if (h.lsoa21.length === 0 && !nonEmpty(h.note)) fail(file, n, 'note', 'an empty LSOA list needs a note');
    if (!Array.isArray(h.sources) || h.sources.length === 0) fail(file, n, 'sources', 'missing citation');
    h.sources.forEach((c: unknown, j: number) => validateCitation(file, n, `sources[${j}]`, c));
  }));
  list.throwIfAny();
  return raw as unknown as PriorityAreasFile;
}

export function validateInterventions(
  raw: unknown,
  ctx: ValidationContext & { neighbourhoodIds: Set<string> },
  file: string = CONTENT_FILES.interventions,
): InterventionsContentFile {
  const root = checkRoot(file, raw, ['items']);
  const list = new ProblemList();
  const ids = new Set<string>();
  root.items!.forEach((it: unknown, i: number) => validating(list, () => {
    const n = i + 1;
    if (!isObj(it)) fail(file, n, '(item)', 'not an object');
    const id = it.id;
    if (!nonEmpty(id) || !/^[a-z0-9][a-z0-9-]*$/.test(id)) fail(file, n, 'id', 'missing or not a lower-case slug');
    if (ids.has(id)) fail(file, n, 'id', `duplicate id "${id}"`);
    ids.add(id);
    const at = `${n} ("${id}")`;
    if (!INTERVENTION_TYPES.includes(it.type as InterventionType)) fail(file, at, 'type', `unknown type ${JSON.stringify(it.type)}; one of ${INTERVENTION_TYPES.join(', ')}`);
    if (!nonEmpty(it.name)) fail(file, at, 'name', 'missing');
    const start = validateDate(file, at, 'start', it.start);
    const end = validateDate(file, at, 'end', it.end);
    if (start && end && end.localeCompare(start) < 0 && !end.startsWith(start) && !start.startsWith(end)) fail(file, at, 'end', 'before start');
    if (it.ward !== null && !ctx.wardCodes.has(String(it.ward))) fail(file, at, 'ward', `not a ward of the area: ${String(it.ward)}`);
    if (it.neighbourhood !== null && !ctx.neighbourhoodIds.has(String(it.neighbourhood))) fail(file, at, 'neighbourhood', `unknown neighbourhood ${String(it.neighbourhood)}`);
    const loc = it.location;
    if (!isObj(loc)) fail(file, at, 'location', 'missing');
    switch (loc.kind) {
      case 'latlon':
        if (typeof loc.lat !== 'number' || typeof loc.lon !== 'number' || Math.abs(loc.lat) > 90 || Math.abs(loc.lon) > 180) fail(file, at, 'location', 'lat/lon must be numbers in range');
        if (!nonEmpty(loc.precision)) fail(file, at, 'location.precision', 'say what the coordinates are');
        break;
      case 'postcode':
        if (typeof loc.postcode !== 'string' || !isFullPostcode(postcodeKey(loc.postcode))) fail(file, at, 'location.postcode', `not a UK postcode: ${JSON.stringify(loc.postcode)}`);
        break;
      case 'area':
        if ((loc.neighbourhood == null) === (loc.ward == null)) fail(file, at, 'location', 'area needs exactly one of neighbourhood, ward');
        if (loc.neighbourhood != null && !ctx.neighbourhoodIds.has(String(loc.neighbourhood))) fail(file, at, 'location.neighbourhood', `unknown neighbourhood ${String(loc.neighbourhood)}`);
        if (loc.ward != null && !ctx.wardCodes.has(String(loc.ward))) fail(file, at, 'location.ward', `not a ward of the area: ${String(loc.ward)}`);
        break;
      case 'none':
        if (!nonEmpty(loc.reason)) fail(file, at, 'location.reason', 'say why the item cannot be placed');
        break;
      default:
        fail(file, at, 'location.kind', `unknown kind ${JSON.stringify(loc.kind)}`);
    }
    if (!nonEmpty(it.description)) fail(file, at, 'description', 'missing');
    if ((it.description as string).length > 500) fail(file, at, 'description', 'longer than 500 characters; keep it short');
    if (!Array.isArray(it.outcomes)) fail(file, at, 'outcomes', 'must be an array (may be empty)');
    it.outcomes.forEach((o: unknown, j: number) => {
      if (!isObj(o) || !nonEmpty(o.label)) fail(file, at, `outcomes[${j}].label`, 'missing');
      if (!(typeof o.value === 'number' && Number.isFinite(o.value)) && !nonEmpty(o.value)) fail(file, at, `outcomes[${j}].value`, 'must be a number or the reported text');
    });
    validateCitation(file, at, 'source', it.source);
    if (it.otherSources !== undefined) {
      if (!Array.isArray(it.otherSources)) fail(file, at, 'otherSources', 'not an array');
      it.otherSources.forEach((c: unknown, j: number) => validateCitation(file, at, `otherSources[${j}]`, c));
    }
  }));
  list.throwIfAny();
  return raw as unknown as InterventionsContentFile;
}
