/**
 * The outreach lists as CSV: a catchment (the LSOAs within a distance of a point) and a gap list (deprived
 * LSOAs far from every hub or venue), each with its totals and people figures in the preamble.
 */
import { DECILES, formatDistance, type CatchmentResult } from '../outreach/catchment';
import type { GapResult, GapRow, NearbyIntervention } from '../outreach/gaps';
import { typeStyle } from '../interventions';
import { toCsv } from './csv-document';
import {
  lsoaIdentityHeader,
  metres,
  preamble,
  releaseTag,
  wardName,
  withReleaseTag,
  type ExportContext,
} from './export-context';
import { peopleCells, peopleHeader, peopleLine, peopleNote } from './people-columns';

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
      `IMD ${releaseTag(c)} ${decileSummary || 'no deciles'}${t.decileUnknown ? `, no decile: ${t.decileUnknown}` : ''}; national most-deprived 1%: ${t.mostDeprived1pc}`,
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
    withReleaseTag('IMD national decile', c),
    withReleaseTag('IMD national rank', c),
    withReleaseTag('Most deprived 1%', c),
    withReleaseTag('Most deprived 10%', c),
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
    ...lsoaIdentityHeader(c),
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
  const from = `LSOAs in IMD national ${deciles} (${releaseTag(c)}) more than ${dist} (straight-line) from every ${set ? `venue of "${set.name}"` : 'community hub'}${scope}`;
  return toCsv(header, body, preamble(c, from, extra));
}
