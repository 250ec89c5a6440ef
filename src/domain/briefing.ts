/**
 * The ward briefing (issue 14): what a councillor hands out at a ward meeting, as a pure model the
 * print component (src/panels/WardBriefing.tsx) only lays out. Always IoD 2025 on LSOA 2021 areas
 * (the current release and the areas the ward is made of); change is 2019 → 2025 where comparable.
 */
import type { Geometry, Position } from 'geojson';
import { valueKey, type LsoaProperties, type WardProperties } from '../data/contract';
import { DECILE_COLOURS } from './colour-schemes';
import { geometryBBox, type BBox } from './geometry';
import { profile, propsTable, type Decile } from './area-profile';
import { areaSet } from './area-set';
import type { PeopleDefinition } from '../data/people-contract';
import { lsoaPeople } from './people';
import { wardPeople } from './ward-people';
import { deprivationFlag, wardSummary, type FlagLevel } from './profile';
import { numProp } from '../data/numeric';
import { briefingVenues, NO_BRIEFING_VENUES, type BriefingVenueInput, type BriefingVenues } from './briefing-venues';
import type { CategorySymbol } from './venue-lists/styles';

export interface AreaShape<P> {
  properties: P;
  geometry: Geometry;
}

export interface BriefingLsoa {
  /** The number printed on the map and in the list (1 = most deprived by national IMD rank). */
  n: number;
  code: string;
  name: string;
  decile: number | null;
  rank: number | null;
  flag: FlagLevel;
  /** IMD decile change 2019 → 2025 (negative = more deprived); null when the boundary changed. */
  change: number | null;
  population: number | null;
  children: number | null;
}

export interface WardPosition {
  /** 1 = the ward with the highest share of LSOAs in the national most deprived 10%. */
  byShareInDecile1: number | null;
  /** 1 = the ward whose LSOAs have the lowest (most deprived) median national IMD rank. */
  byMedianRank: number | null;
  of: number;
}

export interface BriefingFacts {
  lsoas: number;
  inDecile1: number | null;
  in1pc: number;
  /** Population summed over the ward's LSOAs (File 7 mid-2022 or Census 2021, see `people`); null when any LSOA lacks it. */
  population: number | null;
  children: number | null;
  /** The definition of population and children (source, year, band); null when there are none. */
  people: PeopleDefinition | null;
  medianRank: number | null;
  /** LSOAs in the most deprived 10% in IoD 2019 (LSOA 2011 areas of the ward), for change. */
  inDecile1In2019: number | null;
  lsoas2019: number | null;
  change: { moreDeprived: number; same: number; lessDeprived: number; notComparable: number };
  position: WardPosition;
}

export interface BriefingMap {
  width: number;
  height: number;
  /** The ward's LSOAs, filled by IMD decile (null = no data, hatched). */
  lsoas: {
    code: string;
    n: number;
    path: string;
    fill: string | null;
    flag: FlagLevel;
    label: [number, number] | null;
  }[];
  /** Other LSOAs in view, grey, so the ward is seen in its surroundings. */
  context: string[];
  wardOutline: string;
  scaleBar: { length: number; label: string };
  /** The person's imported venues inside the frame, with their key (none when no list is shown). */
  venues: BriefingVenues;
}

export interface BriefingLegendRow {
  label: string;
  colour: string | null;
  count: number;
}

export interface WardBriefingModel {
  code: string;
  name: string;
  committee: string | null;
  facts: BriefingFacts;
  lsoas: BriefingLsoa[];
  legend: BriefingLegendRow[];
  map: BriefingMap;
}

const EARTH_RADIUS_M = 6_378_137;
const NICE_METRES = [100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000];

const num = numProp;

/** Position of a ward in a list ordered by a value (ties share the better position); null without a value. */
function positionBy(
  wards: readonly WardProperties[],
  code: string,
  value: (w: WardProperties) => number | null,
  descending: boolean,
): number | null {
  const mine = wards.find((w) => w.code === code);
  const v = mine ? value(mine) : null;
  if (v === null) return null;
  return (
    1 +
    wards.filter((w) => {
      const o = value(w);
      return o !== null && (descending ? o > v : o < v);
    }).length
  );
}

/** Web Mercator, in radians: enough for a ward-sized map, and what the screen map uses. */
function mercator([lon, lat]: Position): [number, number] {
  const phi = ((lat ?? 0) * Math.PI) / 180;
  return [((lon ?? 0) * Math.PI) / 180, Math.log(Math.tan(Math.PI / 4 + phi / 2))];
}

function rings(g: Geometry): Position[][] {
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  return [];
}

function intersects(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function inverseMercator(x: number, y: number): [number, number] {
  return [(x * 180) / Math.PI, ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI];
}

/**
 * The projection of the map: the ward's box plus a margin, as large as fits in width × height and
 * centred there (the frame keeps its size, so the page layout does not depend on the ward's shape).
 */
export function fitProjection(bbox: BBox, width: number, height: number, margin = 0.05) {
  const [x0, y0] = mercator([bbox[0], bbox[1]]);
  const [x1, y1] = mercator([bbox[2], bbox[3]]);
  const scale = Math.min(width / ((x1 - x0) * (1 + 2 * margin)), height / ((y1 - y0) * (1 + 2 * margin)));
  const left = (x0 + x1) / 2 - width / 2 / scale;
  const top = (y0 + y1) / 2 + height / 2 / scale;
  const project = (p: Position): [number, number] => {
    const [x, y] = mercator(p);
    return [(x - left) * scale, (top - y) * scale];
  };
  // Ground metres per map unit at the middle latitude of the ward.
  const midLat = (((bbox[1] + bbox[3]) / 2) * Math.PI) / 180;
  const metresPerUnit = (EARTH_RADIUS_M * Math.cos(midLat)) / scale;
  const [west, north] = inverseMercator(left, top);
  const [east, south] = inverseMercator(left + width / scale, top - height / scale);
  const lonLatBox: BBox = [west, south, east, north];
  return { width, height, project, metresPerUnit, lonLatBox };
}

/** A scale bar of a round length close to a quarter of the map's width. */
export function scaleBar(metresPerUnit: number, mapWidth: number): { length: number; label: string } {
  const target = (mapWidth / 4) * metresPerUnit;
  const metres = NICE_METRES.reduce(
    (best, m) => (Math.abs(m - target) < Math.abs(best - target) ? m : best),
    NICE_METRES[0]!,
  );
  return { length: metres / metresPerUnit, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}

export function svgPath(g: Geometry, project: (p: Position) => [number, number]): string {
  return rings(g)
    .map(
      (ring) =>
        `${ring
          .map((p, i) => {
            const [x, y] = project(p);
            return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
          })
          .join('')}Z`,
    )
    .join('');
}

export interface BriefingInput {
  ward: AreaShape<WardProperties>;
  /** The ward's LSOA 2021 areas. */
  lsoas: readonly AreaShape<LsoaProperties>[];
  /** Every LSOA 2021 area of the council (the grey surroundings on the map). */
  allLsoas: readonly AreaShape<LsoaProperties>[];
  /** Every ward of the council (its position among them). */
  wards: readonly WardProperties[];
  mapSize: { width: number; height: number };
  /** The shown imported venues and their category symbols, drawn on the map. */
  venues?: ImportedVenues;
}

/** The shown imported venues with the symbols of their categories (src/state/venue-lists.ts). */
export interface ImportedVenues {
  venues: readonly BriefingVenueInput[];
  symbols: readonly CategorySymbol[];
}

/** Rows, legend and map of a set of LSOA 2021 areas: the body both briefings share. */
function briefingBody(
  lsoas: readonly AreaShape<LsoaProperties>[],
  allLsoas: readonly AreaShape<LsoaProperties>[],
  outline: Geometry,
  mapSize: { width: number; height: number },
  imported?: ImportedVenues,
) {
  const props = lsoas.map((l) => l.properties);
  const rows = props
    .map((l) => ({
      code: l.code,
      name: l.name,
      decile: num(l, valueKey('2025', 'imd', 'd')),
      rank: num(l, valueKey('2025', 'imd', 'r')),
      flag: deprivationFlag(l, '2025'),
      change: l.chg === 'U' ? num(l, 'dchg_19_25') : null,
      population: lsoaPeople(l)?.population ?? null,
      children: lsoaPeople(l)?.children ?? null,
    }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code))
    .map((r, i) => ({ n: i + 1, ...r }));
  const numberOf = new Map(rows.map((r) => [r.code, r.n]));
  // The same figures as every other set of LSOAs (area-profile.ts).
  const figures = profile(
    areaSet(
      'custom',
      '',
      '',
      { type: 'list' },
      rows.map((r) => r.code),
    ),
    propsTable(props),
    '2025',
  );

  const legend: BriefingLegendRow[] = DECILE_COLOURS.map((colour, i) => ({
    label: i === 0 ? '1 (most deprived 10%)' : i === 9 ? '10 (least deprived 10%)' : String(i + 1),
    colour,
    count: figures.byDecile[(i + 1) as Decile],
  }));
  if (figures.decileUnknown > 0) legend.push({ label: 'No data', colour: null, count: figures.decileUnknown });

  const fit = fitProjection(geometryBBox(outline), mapSize.width, mapSize.height);
  const inSet = new Set(rows.map((r) => r.code));
  const map: BriefingMap = {
    width: fit.width,
    height: fit.height,
    lsoas: lsoas.map((l) => {
      const p = l.properties;
      const d = num(p, valueKey('2025', 'imd', 'd'));
      const cx = num(p, 'cx');
      const cy = num(p, 'cy');
      return {
        code: p.code,
        n: numberOf.get(p.code) ?? 0,
        path: svgPath(l.geometry, fit.project),
        fill: d !== null && d >= 1 && d <= 10 ? (DECILE_COLOURS[d - 1] ?? null) : null,
        flag: deprivationFlag(p, '2025'),
        label: cx !== null && cy !== null ? fit.project([cx, cy]) : null,
      };
    }),
    context: allLsoas
      .filter((l) => !inSet.has(l.properties.code) && intersects(geometryBBox(l.geometry), fit.lonLatBox))
      .map((l) => svgPath(l.geometry, fit.project)),
    wardOutline: svgPath(outline, fit.project),
    scaleBar: scaleBar(fit.metresPerUnit, fit.width),
    venues: imported ? briefingVenues(imported.venues, imported.symbols, fit.project, mapSize) : NO_BRIEFING_VENUES,
  };
  // File 7 (Leeds) or Census 2021, never mixed; null when any LSOA lacks figures.
  const people = wardPeople(props);
  const facts = {
    lsoas: rows.length,
    inDecile1: figures.decile1,
    in1pc: figures.in1pc,
    population: people?.population ?? null,
    children: people?.children ?? null,
    people: people?.definition ?? null,
    medianRank: figures.medianRank,
    change: figures.change19to25,
  };
  return { rows, legend, map, facts };
}

export function buildWardBriefing(input: BriefingInput): WardBriefingModel {
  const { ward } = input;
  const body = briefingBody(input.lsoas, input.allLsoas, ward.geometry, input.mapSize, input.venues);
  const s19 = wardSummary(ward.properties, '2019');
  const facts: BriefingFacts = {
    ...body.facts,
    inDecile1In2019: s19.decile1,
    lsoas2019: s19.lsoas,
    position: {
      byShareInDecile1: positionBy(input.wards, ward.properties.code, (w) => wardSummary(w, '2025').decile1Share, true),
      byMedianRank: positionBy(input.wards, ward.properties.code, (w) => wardSummary(w, '2025').medianRank, false),
      of: input.wards.length,
    },
  };
  return {
    code: ward.properties.code,
    name: ward.properties.name,
    committee: ward.properties.committee ?? null,
    facts,
    lsoas: body.rows,
    legend: body.legend,
    map: body.map,
  };
}

export interface AreaBriefingInput {
  name: string;
  /** The drawn shape, or the members' own boundaries when the area is a list. */
  outline: Geometry;
  lsoas: readonly AreaShape<LsoaProperties>[];
  allLsoas: readonly AreaShape<LsoaProperties>[];
  mapSize: { width: number; height: number };
  venues?: ImportedVenues;
}

/** The briefing of your own area (issue 23): the ward briefing's body; no ward position or LSOA 2011 figures. */
export function buildAreaBriefing(input: AreaBriefingInput): WardBriefingModel {
  const body = briefingBody(input.lsoas, input.allLsoas, input.outline, input.mapSize, input.venues);
  const facts: BriefingFacts = {
    ...body.facts,
    inDecile1In2019: null,
    lsoas2019: null,
    position: { byShareInDecile1: null, byMedianRank: null, of: 0 },
  };
  return {
    code: 'custom',
    name: input.name,
    committee: null,
    facts,
    lsoas: body.rows,
    legend: body.legend,
    map: body.map,
  };
}

/** The outline a list-defined area is drawn with: its members' boundaries as one MultiPolygon. */
export function membersOutline(lsoas: readonly AreaShape<LsoaProperties>[]): Geometry {
  return {
    type: 'MultiPolygon',
    coordinates: lsoas.flatMap((l) =>
      l.geometry.type === 'Polygon'
        ? [l.geometry.coordinates]
        : l.geometry.type === 'MultiPolygon'
          ? l.geometry.coordinates
          : [],
    ),
  };
}
