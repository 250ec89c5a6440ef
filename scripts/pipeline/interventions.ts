/**
 * Interventions layer: validates the council's content folder (council.json, ./council-folder;
 * interventions.json and priority-areas.json, ./interventions-validate), reads the places files its
 * council.json declares and no others (./interventions-places), geocodes by postcode centroid
 * (./interventions-sources) or places items in their neighbourhood/ward (./interventions-place), and
 * returns a GeoJSON FeatureCollection of points (public/geo/interventions.json) plus the items it
 * could not place, with reasons.
 *
 * Pure apart from reading files. Output order is stable (type, then id) so rebuilds are
 * byte-identical.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { PipelineError, ProblemList } from './errors';
import type {
  ContentIntervention,
  InterventionsCollection,
  UnplacedIntervention,
} from '../../src/data/content-contract';
import type { CouncilFolderFile } from '../../src/data/council-folder';
import { readCouncilFolder } from './council-folder';
import { areaPoint, createPlacer, type Draft, type Poly } from './interventions-place';
import { readPlacesEntry } from './interventions-places';
import { LEEDS_POSTCODES_FILE, postcodeLookup, type PostcodeSource } from './interventions-sources';
import { CONTENT_FILES, citationText, validateInterventions, validatePriorityAreas } from './interventions-validate';

export interface BuildInterventionsInput {
  sourcesDir: string;
  contentDir: string;
  areaCode: string;
  lsoa21: FeatureCollection;
  wards: FeatureCollection;
  /** Where postcodes are geocoded; default the Leeds LS table. */
  postcodes?: PostcodeSource;
}

export interface BuildInterventionsResult {
  collection: InterventionsCollection;
  unplaced: UnplacedIntervention[];
  /** Non-fatal notes (e.g. a declared ward that differs from the point's ward). */
  warnings: string[];
  /** The validated council.json of the content folder. */
  council: CouncilFolderFile;
}

type Placer = ReturnType<typeof createPlacer>;
type Neighbourhood = ReturnType<typeof validatePriorityAreas>['neighbourhoods'][number];

/** The area's wards and LSOAs 2021 by code (a ward of another district in the input is left out). */
interface Geography {
  wardPolys: Map<string, Poly>;
  wardNames: Map<string, string>;
  lsoaPolys: Map<string, Poly>;
}

function areaGeography(input: BuildInterventionsInput): Geography {
  const wardPolys = new Map<string, Poly>();
  const wardNames = new Map<string, string>();
  for (const f of input.wards.features) {
    const p = f.properties ?? {};
    if (p.LAD24CD !== undefined && p.LAD24CD !== input.areaCode) continue;
    const code = String(p.WD24CD ?? p.code);
    wardPolys.set(code, f as Poly);
    wardNames.set(code, String(p.WD24NM ?? p.name ?? code));
  }
  const lsoaPolys = new Map<string, Poly>();
  for (const f of input.lsoa21.features) lsoaPolys.set(String(f.properties?.LSOA21CD ?? f.properties?.code), f as Poly);
  return { wardPolys, wardNames, lsoaPolys };
}

function readJson(contentDir: string, f: string): unknown {
  try {
    return JSON.parse(readFileSync(join(contentDir, f), 'utf8'));
  } catch (e) {
    throw new PipelineError({ file: join(contentDir, f), message: `not readable JSON: ${(e as Error).message}` });
  }
}

/** The content folder's priority areas and interventions, validated against the area's geography. */
function readContent(contentDir: string, council: CouncilFolderFile, geo: Geography) {
  const ctx = { wardNames: geo.wardNames, lsoa21Codes: new Set(geo.lsoaPolys.keys()), reports: council.reports };
  const pa = validatePriorityAreas(
    readJson(contentDir, CONTENT_FILES.priorityAreas),
    ctx,
    join(contentDir, CONTENT_FILES.priorityAreas),
  );
  const hoods = new Map(pa.neighbourhoods.map((h) => [h.id, h]));
  const file = join(contentDir, CONTENT_FILES.interventions);
  const content = validateInterventions(
    readJson(contentDir, CONTENT_FILES.interventions),
    { ...ctx, neighbourhoodIds: new Set(hoods.keys()), types: council.interventionTypes.map((t) => t.id) },
    file,
  );
  return { hoods, items: content.items, file };
}

/** A report item as a draft point, its citations in words and where it stands in the file. */
function reportDraft(
  it: ContentIntervention,
  i: number,
  file: string,
  publisher: CouncilFolderFile['publisher'],
): Draft {
  return {
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
    source: [it.source, ...(it.otherSources ?? [])].map((c) => citationText(c, publisher)).join('; '),
    ...(it.location.kind === 'postcode' ? { postcode: it.location.postcode } : {}),
    at: {
      file,
      item: `item ${i + 1} ("${it.id}")`,
      field: it.location.kind === 'postcode' ? 'location.postcode' : 'location',
    },
  };
}

/** A report item placed in its neighbourhood (its default LSOAs) or its ward: approximate, and said so. */
function placeInArea(
  d: Draft,
  loc: Extract<ContentIntervention['location'], { kind: 'area' }>,
  placer: Placer,
  geo: Geography,
  hoods: ReadonlyMap<string, Neighbourhood>,
): void {
  const more = loc.note ? `. ${loc.note}` : '';
  if (loc.neighbourhood) {
    const h = hoods.get(loc.neighbourhood)!;
    if (h.lsoa21.length === 0) {
      placer.unplaced.push({
        id: d.id,
        name: d.name,
        origin: 'report',
        reason: `neighbourhood ${h.id} has no default LSOAs to place it in`,
      });
      return;
    }
    const pt = areaPoint(h.lsoa21.map((s) => geo.lsoaPolys.get(s.code)!));
    d.neighbourhood ??= h.id;
    const note = `approximate: placed in its neighbourhood (${h.name}; default LSOA membership, no official boundary)${more}`;
    placer.emit(d, pt, 'area', note, h.ward.code);
    return;
  }
  const code = loc.ward!;
  const pt = areaPoint([geo.wardPolys.get(code)!]);
  const name = geo.wardNames.get(code) ?? code;
  placer.emit(
    d,
    pt,
    'area',
    `approximate: placed in its ward (${name}); the location is not in the sources${more}`,
    code,
  );
}

/** One report item: a point, a geocoded postcode, an area, unplaced with its reason, or listed as city-wide. */
function placeReportItem(
  d: Draft,
  loc: ContentIntervention['location'],
  placer: Placer,
  geo: Geography,
  hoods: ReadonlyMap<string, Neighbourhood>,
  cityWide: InterventionsCollection['cityWide'],
): void {
  switch (loc.kind) {
    case 'latlon':
      placer.emit(d, [loc.lon, loc.lat], 'exact', loc.precision);
      break;
    case 'postcode':
      placer.geocode(d, loc.postcode);
      break;
    case 'area':
      placeInArea(d, loc, placer, geo, hoods);
      break;
    case 'none':
      placer.unplaced.push({ id: d.id, name: d.name, origin: 'report', reason: loc.reason });
      break;
    case 'citywide':
      cityWide.push({
        id: d.id,
        type: d.type,
        name: d.name,
        description: d.description,
        outcomes: d.outcomes,
        source: d.source,
        ...(d.start ? { start: d.start } : {}),
        ...(d.end ? { end: d.end } : {}),
        ...(d.dateNote ? { dateNote: d.dateNote } : {}),
      });
      break;
  }
}

/** The council's places files, in priority order (a duplicate folds into the earlier point). */
function placeCouncilPlaces(council: CouncilFolderFile, contentDir: string, sourcesDir: string, placer: Placer): void {
  const { features, unplaced, merged, emit, geocode, claim } = placer;
  for (const entry of council.places) {
    for (const { draft: d, location } of readPlacesEntry(entry, contentDir, sourcesDir)) {
      if (location.kind === 'none') {
        unplaced.push({ id: d.id, name: d.name, origin: d.origin, reason: location.reason });
        continue;
      }
      if (claim(d)) {
        if (location.kind === 'point') emit(d, location.coords, 'exact', location.precisionNote);
        else geocode(d, location.postcode);
        continue;
      }
      // A row at the postcode of an earlier point of the same type is the same building; a report
      // item's own description stands, a places row's says where else it is listed.
      const into = merged[merged.length - 1]!.into;
      const f = features.find((x) => x.properties.id === into);
      if (f && f.properties.origin !== 'report' && !f.properties.description.includes(d.name))
        f.properties.description += ` Listed in ${entry.name} as "${d.name}".`;
    }
  }
}

/** Every point and unplaced item has its own id (two places files with one idPrefix would clash). */
function checkUniqueIds(placer: Placer, contentDir: string): void {
  const ids = new Set<string>();
  for (const id of [...placer.features.map((f) => f.properties.id), ...placer.unplaced.map((u) => u.id)]) {
    if (ids.has(id))
      throw new PipelineError({
        file: join(contentDir, 'council.json'),
        field: 'places[].idPrefix',
        message: `two points have the id "${id}": give the places files distinct idPrefix values or the rows distinct names`,
      });
    ids.add(id);
  }
}

export function buildInterventions(input: BuildInterventionsInput): BuildInterventionsResult {
  const { sourcesDir, contentDir, areaCode } = input;
  const council = readCouncilFolder(contentDir);
  const geo = areaGeography(input);
  const content = readContent(contentDir, council, geo);
  const postcodes = postcodeLookup(sourcesDir, input.postcodes ?? { kind: 'table', file: LEEDS_POSTCODES_FILE });
  const problems = new ProblemList();
  const placer = createPlacer({ areaCode, wardPolys: geo.wardPolys, postcodes, problems });
  const cityWide: InterventionsCollection['cityWide'] = [];
  const drafts = content.items.map((it, i) => ({ it, d: reportDraft(it, i, content.file, council.publisher) }));
  for (const { d } of drafts) placer.claim(d);
  for (const { d, it } of drafts) placeReportItem(d, it.location, placer, geo, content.hoods, cityWide);
  placeCouncilPlaces(council, contentDir, sourcesDir, placer);
  problems.throwIfAny();
  checkUniqueIds(placer, contentDir);

  const { features, unplaced, warnings, merged } = placer;
  const typeOrder = new Map(council.interventionTypes.map((t, i) => [t.id, i]));
  const order = (t: string) => typeOrder.get(t) ?? typeOrder.size;
  features.sort(
    (a, b) => order(a.properties.type) - order(b.properties.type) || a.properties.id.localeCompare(b.properties.id),
  );
  unplaced.sort((a, b) => a.origin.localeCompare(b.origin) || a.id.localeCompare(b.id));
  merged.sort((a, b) => a.id.localeCompare(b.id));
  cityWide.sort((a, b) => order(a.type) - order(b.type) || a.id.localeCompare(b.id));
  warnings.sort();

  return {
    collection: { type: 'FeatureCollection', features, unplaced, cityWide, merged },
    unplaced,
    warnings,
    council,
  };
}
