/**
 * Interventions layer: validates the curated content (content/interventions.json,
 * content/priority-areas.json), reads the places files from the sources directory
 * (open libraries; the compiled named-venues file), geocodes by postcode centroid or places
 * items in their neighbourhood/ward, and returns a GeoJSON FeatureCollection of points
 * (public/geo/interventions.json) plus the items it could not place, with reasons.
 *
 * Pure apart from reading files. Output order is stable (type, then id) so rebuilds are
 * byte-identical. Validation problems are thrown together as one PipelineError (./errors), each
 * formatted `${file}, item ${n} ("${id}"), field "${field}": problem` (first problem per item).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon, centroid, featureCollection, union } from '@turf/turf';
import { PipelineError, ProblemList, formatProblem, type Problem } from './errors';
import {
  INTERVENTION_TYPES,
  PARTIAL_DATE,
  SEED_REPORTS,
  type Citation,
  type ContentIntervention,
  type InterventionOrigin,
  type InterventionProperties,
  type InterventionsCollection,
  type InterventionsContentFile,
  type InterventionType,
  type Outcome,
  type PriorityAreasFile,
  type UnplacedIntervention,
} from '../../src/data/content-contract';
import { csvRecords } from './csv';
import { normalisePostcode } from './postcodes';

export const CONTENT_FILES = { interventions: 'interventions.json', priorityAreas: 'priority-areas.json' } as const;
export const PLACES_FILES = {
  postcodes: 'places/ls_postcode_centroids.csv',
  libraries: 'places/leeds_libraries.csv',
  venues: 'places/leeds_named_venues_compiled.csv',
} as const;

export interface BuildInterventionsInput {
  sourcesDir: string;
  contentDir: string;
  areaCode: string;
  lsoa21: FeatureCollection;
  wards: FeatureCollection;
}

export interface BuildInterventionsResult {
  collection: InterventionsCollection;
  unplaced: UnplacedIntervention[];
  /** Non-fatal notes (e.g. a declared ward that differs from the point's ward). */
  warnings: string[];
}

// ---------------------------------------------------------------------------
// small utilities
// ---------------------------------------------------------------------------

const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/;

export function slug(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

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

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

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
        if (typeof loc.postcode !== 'string' || !UK_POSTCODE.test(normalisePostcode(loc.postcode))) fail(file, at, 'location.postcode', `not a UK postcode: ${JSON.stringify(loc.postcode)}`);
        break;
      case 'area':
        if ((loc.neighbourhood == null) === (loc.ward == null)) fail(file, at, 'location', 'area needs exactly one of neighbourhood, ward');
        if (loc.neighbourhood != null && !ctx.neighbourhoodIds.has(String(loc.neighbourhood))) fail(file, at, 'location.neighbourhood', `unknown neighbourhood ${String(loc.neighbourhood)}`);
        if (loc.ward != null && !ctx.wardCodes.has(String(loc.ward))) fail(file, at, 'location.ward', `not a ward of the area: ${String(loc.ward)}`);
        break;
      case 'none':
        if (!nonEmpty(loc.reason)) fail(file, at, 'location.reason', 'say why the item cannot be placed');
        break;
      case 'citywide':
        if (it.ward !== null || it.neighbourhood !== null) fail(file, at, 'location', 'a city-wide item has no ward or neighbourhood (set both to null)');
        break;
      default:
        fail(file, at, 'location.kind', `unknown kind ${JSON.stringify(loc.kind)}`);
    }
    if (it.dateNote !== undefined && !nonEmpty(it.dateNote)) fail(file, at, 'dateNote', 'empty; leave it out or say what the report says about timing');
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

// ---------------------------------------------------------------------------
// geometry helpers
// ---------------------------------------------------------------------------

type Poly = Feature<Polygon | MultiPolygon>;

/**
 * A point inside the union of the polygons: its centroid when that lies inside, else a point well
 * inside one member. The fallback matters when members do not touch (Boggart Hill's three LSOAs):
 * the centroid then falls between them, and turf pointOnFeature returned a boundary vertex, which
 * the simplified boundaries on the map could leave outside every member.
 */
export function areaPoint(polys: Poly[]): [number, number] {
  let shape: Poly;
  if (polys.length === 1) shape = polys[0]!;
  else {
    const u = union(featureCollection(polys));
    if (!u) throw new Error('areaPoint: empty union');
    shape = u;
  }
  const c = centroid(shape).geometry.coordinates as [number, number];
  const p = booleanPointInPolygon(c, shape) ? c : widestChordMidpoint(polys);
  return [round5(p[0]), round5(p[1])];
}

/**
 * The middle of the widest east-west chord through any member polygon (scanned at nine latitudes
 * per polygon part; even-odd, so holes are excluded): half that width from the nearest edge along
 * the chord, so boundary simplification does not move it outside.
 */
export function widestChordMidpoint(polys: Poly[]): [number, number] {
  let best: { width: number; point: [number, number] } | undefined;
  for (const f of polys) {
    const parts = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of parts) {
      const lats = rings[0]!.map((q) => q[1]!);
      const [south, north] = [Math.min(...lats), Math.max(...lats)];
      for (let k = 1; k <= 9; k++) {
        const y = south + ((north - south) * k) / 10;
        const xs: number[] = [];
        for (const ring of rings) {
          for (let i = 0; i + 1 < ring.length; i++) {
            const [ax, ay] = ring[i] as [number, number];
            const [bx, by] = ring[i + 1] as [number, number];
            if (ay <= y !== by <= y) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
          }
        }
        xs.sort((a, b) => a - b);
        for (let i = 0; i + 1 < xs.length; i += 2) {
          const width = xs[i + 1]! - xs[i]!;
          if (!best || width > best.width) best = { width, point: [(xs[i]! + xs[i + 1]!) / 2, y] };
        }
      }
    }
  }
  if (!best) throw new Error('areaPoint: no polygon with area');
  return best.point;
}

// ---------------------------------------------------------------------------
// the build
// ---------------------------------------------------------------------------

interface Draft {
  id: string;
  type: InterventionType;
  name: string;
  origin: InterventionOrigin;
  start?: string | null;
  end?: string | null;
  dateNote?: string;
  declaredWard?: string | null;
  neighbourhood?: string | null;
  description: string;
  outcomes: Outcome[];
  source: string;
  postcode?: string;
}

const VENUE_TYPES: Record<string, InterventionType> = {
  community_hub: 'community_hub',
  jobshop: 'jobshop',
  nhs_anchor: 'anchor_institution',
  community_centre: 'other',
  mini_hub: 'community_hub',
  library: 'library',
};

const TYPE_ORDER = new Map(INTERVENTION_TYPES.map((t, i) => [t, i]));

export function buildInterventions(input: BuildInterventionsInput): BuildInterventionsResult {
  const { sourcesDir, contentDir, areaCode } = input;
  const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
  const readJson = (f: string): unknown => {
    try {
      return JSON.parse(read(contentDir, f));
    } catch (e) {
      throw new PipelineError({ file: join(contentDir, f), message: `not readable JSON: ${(e as Error).message}` });
    }
  };

  // --- geography
  const wardPolys = new Map<string, Poly>();
  for (const f of input.wards.features) {
    const p = f.properties ?? {};
    if (p.LAD24CD !== undefined && p.LAD24CD !== areaCode) continue;
    const code = String(p.WD24CD ?? p.code);
    wardPolys.set(code, f as Poly);
  }
  const lsoaPolys = new Map<string, Poly>();
  for (const f of input.lsoa21.features) lsoaPolys.set(String(f.properties?.LSOA21CD ?? f.properties?.code), f as Poly);

  // --- content
  const pa = validatePriorityAreas(readJson(CONTENT_FILES.priorityAreas), {
    wardCodes: new Set(wardPolys.keys()),
    lsoa21Codes: new Set(lsoaPolys.keys()),
  }, join(contentDir, CONTENT_FILES.priorityAreas));
  const hoods = new Map(pa.neighbourhoods.map((h) => [h.id, h]));
  const content = validateInterventions(readJson(CONTENT_FILES.interventions), {
    wardCodes: new Set(wardPolys.keys()),
    lsoa21Codes: new Set(lsoaPolys.keys()),
    neighbourhoodIds: new Set(hoods.keys()),
  }, join(contentDir, CONTENT_FILES.interventions));

  // --- postcodes
  const postcodes = new Map<string, [number, number] | null>();
  for (const r of csvRecords(read(sourcesDir, PLACES_FILES.postcodes), PLACES_FILES.postcodes)) {
    const lat = parseFloat(r.lat ?? '');
    const lon = parseFloat(r.long ?? '');
    postcodes.set(normalisePostcode(r.Postcode ?? ''), Number.isFinite(lat) && Number.isFinite(lon) ? [lon, lat] : null);
  }

  const features: InterventionsCollection['features'] = [];
  const unplaced: UnplacedIntervention[] = [];
  const warnings: string[] = [];
  const merged: InterventionsCollection['merged'] = [];
  const cityWide: InterventionsCollection['cityWide'] = [];

  const wardAt = (c: [number, number]): string | undefined => {
    for (const [code, poly] of wardPolys) if (booleanPointInPolygon(c, poly)) return code;
    return undefined;
  };

  const emit = (d: Draft, coords: [number, number], precision: InterventionProperties['precision'], precisionNote: string, areaWard?: string) => {
    const ward = areaWard ?? wardAt(coords);
    if (d.declaredWard && ward && d.declaredWard !== ward) {
      warnings.push(`${d.id}: declared ward ${d.declaredWard} but the point lies in ${ward}; kept the declared ward`);
    }
    if (!ward && !d.declaredWard) warnings.push(`${d.id}: point lies in no ward of ${areaCode}`);
    const props: InterventionProperties = {
      id: d.id,
      type: d.type,
      name: d.name,
      precision,
      precisionNote,
      description: d.description,
      outcomes: JSON.stringify(d.outcomes),
      source: d.source,
      origin: d.origin,
    };
    if (d.start) props.start = d.start;
    if (d.end) props.end = d.end;
    if (d.dateNote) props.dateNote = d.dateNote;
    const w = d.declaredWard ?? ward;
    if (w) props.ward = w;
    if (d.neighbourhood) props.neighbourhood = d.neighbourhood;
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [round5(coords[0]), round5(coords[1])] }, properties: props });
  };

  const geocode = (d: Draft, pc: string) => {
    const key = normalisePostcode(pc);
    if (!postcodes.has(key)) {
      const why = /^LS\d/.test(key) ? 'is not in' : 'is outside the LS area covered by';
      unplaced.push({ id: d.id, name: d.name, origin: d.origin, reason: `postcode ${key} ${why} ${PLACES_FILES.postcodes}` });
      return;
    }
    const c = postcodes.get(key);
    if (!c) {
      unplaced.push({ id: d.id, name: d.name, origin: d.origin, reason: `postcode ${key} has no coordinates in ${PLACES_FILES.postcodes}` });
      return;
    }
    emit(d, c, 'postcode', `postcode centroid (${key}), not the building`);
  };

  // Dedupe: one feature per (postcode, type); priority report > named-venues > libraries.
  const taken = new Map<string, string>();
  const claim = (d: Draft): boolean => {
    if (!d.postcode) return true;
    const k = `${normalisePostcode(d.postcode)}|${d.type}`;
    const into = taken.get(k);
    if (into) { merged.push({ id: d.id, into }); return false; }
    taken.set(k, d.id);
    return true;
  };

  // --- report items
  const reportDrafts: Array<{ d: Draft; it: ContentIntervention }> = content.items.map((it) => ({
    it,
    d: {
      id: it.id,
      type: it.type,
      name: it.name,
      origin: 'report',
      start: it.start,
      end: it.end,
      ...(it.dateNote ? { dateNote: it.dateNote } : {}),
      declaredWard: it.ward,
      neighbourhood: it.neighbourhood,
      description: it.description,
      outcomes: it.outcomes,
      source: [it.source, ...(it.otherSources ?? [])].map(citationText).join('; '),
      ...(it.location.kind === 'postcode' ? { postcode: it.location.postcode } : {}),
    },
  }));
  for (const { d } of reportDrafts) claim(d);

  for (const { d, it } of reportDrafts) {
    const loc = it.location;
    switch (loc.kind) {
      case 'latlon':
        emit(d, [loc.lon, loc.lat], 'exact', loc.precision);
        break;
      case 'postcode':
        geocode(d, loc.postcode);
        break;
      case 'area': {
        if (loc.neighbourhood) {
          const h = hoods.get(loc.neighbourhood)!;
          if (h.lsoa21.length === 0) {
            unplaced.push({ id: d.id, name: d.name, origin: 'report', reason: `neighbourhood ${h.id} has no default LSOAs to place it in` });
            break;
          }
          const pt = areaPoint(h.lsoa21.map((s) => lsoaPolys.get(s.code)!));
          d.neighbourhood ??= h.id;
          const note = `approximate: placed in its neighbourhood (${h.name}; default LSOA membership, no official boundary)${loc.note ? `. ${loc.note}` : ''}`;
          emit(d, pt, 'area', note, h.ward.code);
        } else {
          const code = loc.ward!;
          const pt = areaPoint([wardPolys.get(code)!]);
          const name = String(wardPolys.get(code)!.properties?.WD24NM ?? code);
          emit(d, pt, 'area', `approximate: placed in its ward (${name}); the location is not in the sources${loc.note ? `. ${loc.note}` : ''}`, code);
        }
        break;
      }
      case 'none':
        unplaced.push({ id: d.id, name: d.name, origin: 'report', reason: loc.reason });
        break;
      case 'citywide':
        cityWide.push({
          id: d.id, type: d.type, name: d.name, description: d.description, outcomes: d.outcomes, source: d.source,
          ...(d.start ? { start: d.start } : {}), ...(d.end ? { end: d.end } : {}), ...(d.dateNote ? { dateNote: d.dateNote } : {}),
        });
        break;
    }
  }

  // --- named venues (compiled)
  for (const r of csvRecords(read(sourcesDir, PLACES_FILES.venues), PLACES_FILES.venues)) {
    const name = r.name ?? '';
    const firstType = (r.type ?? '').split(';')[0]!.trim();
    const type = VENUE_TYPES[firstType] ?? 'other';
    const d: Draft = {
      id: `venue-${slug(name.replace(/\(.*?\)/g, ''))}`,
      type,
      name,
      origin: 'named-venues',
      description: `Venue named in the council's reports (${r.address || 'address not given'}).`,
      outcomes: [],
      source: `${PLACES_FILES.venues} (compiled): ${r.source ?? ''}`,
      ...(r.postcode ? { postcode: r.postcode } : {}),
    };
    if (!r.postcode) {
      unplaced.push({ id: d.id, name, origin: 'named-venues', reason: `no postcode in ${PLACES_FILES.venues} (status: ${r.status || 'not stated'}; address: ${r.address || 'none'})` });
      continue;
    }
    if (claim(d)) geocode(d, r.postcode);
  }

  // --- open libraries
  for (const r of csvRecords(read(sourcesDir, PLACES_FILES.libraries), PLACES_FILES.libraries)) {
    if ((r['Year closed'] ?? '') !== '') continue;
    const name = r['Library name'] ?? '';
    const hub = /community hub/i.test(r['Co-located with'] ?? '');
    const address = [r['Address 1'], r['Address 2'], r['Address 3'], r.Postcode].filter(Boolean).join(', ');
    const d: Draft = {
      id: `library-${slug(name)}`,
      type: hub ? 'community_hub' : 'library',
      name,
      origin: 'libraries',
      description: `Public library${hub ? ' co-located with a Community Hub' : ''}; ${address}.`,
      outcomes: [],
      source: `Public libraries basic dataset (DCMS / Arts Council England) via LibrariesHacked: ${PLACES_FILES.libraries}`,
      ...(r.Postcode ? { postcode: r.Postcode } : {}),
    };
    if (!r.Postcode) {
      unplaced.push({ id: d.id, name, origin: 'libraries', reason: `no postcode in ${PLACES_FILES.libraries}` });
      continue;
    }
    // A library at the postcode of a named venue of the same type is the same building.
    if (claim(d)) geocode(d, r.Postcode);
    else {
      const into = merged[merged.length - 1]!.into;
      const f = features.find((x) => x.properties.id === into);
      if (f && !f.properties.description.includes(name)) f.properties.description += ` Listed in the public libraries dataset as "${name}".`;
    }
  }

  features.sort((a, b) =>
    (TYPE_ORDER.get(a.properties.type)! - TYPE_ORDER.get(b.properties.type)!) || a.properties.id.localeCompare(b.properties.id));
  unplaced.sort((a, b) => a.origin.localeCompare(b.origin) || a.id.localeCompare(b.id));
  merged.sort((a, b) => a.id.localeCompare(b.id));
  cityWide.sort((a, b) => (TYPE_ORDER.get(a.type)! - TYPE_ORDER.get(b.type)!) || a.id.localeCompare(b.id));
  warnings.sort();

  return { collection: { type: 'FeatureCollection', features, unplaced, cityWide, merged }, unplaced, warnings };
}

/** One-paragraph summary for the pipeline CLI. */
export function describeInterventionsReport(r: BuildInterventionsResult): string {
  const fs = r.collection.features;
  const by = (k: 'precision' | 'origin') => {
    const m = new Map<string, number>();
    for (const f of fs) m.set(f.properties[k], (m.get(f.properties[k]) ?? 0) + 1);
    return [...m].sort().map(([a, n]) => `${a} ${n}`).join(', ');
  };
  const lines = [
    `interventions: ${fs.length} placed (${by('precision')}; by origin: ${by('origin')}), ${r.unplaced.length} unplaced, ${r.collection.cityWide.length} city-wide, ${r.collection.merged.length} merged duplicates`,
    ...r.unplaced.map((u) => `  unplaced ${u.id} [${u.origin}]: ${u.reason}`),
    ...r.warnings.map((w) => `  warning ${w}`),
  ];
  return lines.join('\n');
}
