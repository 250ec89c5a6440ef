/**
 * One guard per generated file (GEO_FILES, src/data/contract.ts), used by the loaders (load.ts) before
 * anything reads a file: the fields the app relies on, not every field (the pipeline writes the files
 * from the same types; this catches an old build, a wrong file or a truncated one).
 * The area features themselves are checked one by one as they leave the TopoJSON (topo-areas.ts).
 */
import type { Topology } from 'topojson-specification';
import {
  arrayOf,
  bool,
  both,
  fileGuard,
  isRecord,
  nullable,
  num,
  oneOf,
  optional,
  recordOf,
  shape,
  str,
  type Check,
} from './check';
import type { InterventionsCollection } from './content-contract';
import type { AreaDetails, ContextData, DataMetadata, PostcodeDistrict } from './contract';
import type { CouncilStanding } from './standing-contract';
import { type BuiltSites, type EnglandWardsFile, PROFILE_DOMAINS } from './england-wards-contract';

const strings = arrayOf(str);
const codeAndName = shape({ code: str, name: str });

/** Arcs as lists of positions; the positions themselves are decoded by topojson-client. */
const topologyCheck: Check = shape({
  type: oneOf('Topology'),
  objects: recordOf(shape({})),
  arcs: arrayOf(arrayOf(arrayOf(() => null))),
});
/** areas-2021.topojson, areas-2011.topojson, and the topology inside context.json. */
export const topologyGuard = fileGuard<Topology>(topologyCheck);

export const metadataGuard = fileGuard<DataMetadata>(
  shape({
    schemaVersion: oneOf(1),
    area: codeAndName,
    people: shape({ available: bool }),
    releases: arrayOf(
      shape({ id: str, title: str, lsoaVintage: str, nationalCount: num, indicators: strings, scored: strings }),
    ),
    sources: arrayOf(shape({ id: str, title: str })),
    attribution: strings,
    counts: shape({ lsoa21: num, lsoa11: num, wards: num, postcodes: num }),
    derivations: recordOf(str),
    bbox: arrayOf(num, 4),
    postcodeDistricts: strings,
    postcodeSplitDistricts: optional(strings),
  }),
);

/** Every column as long as the code list, so value i is always the value of codes[i]. */
const columnsMatchCodes: Check = (v) => {
  if (!isRecord(v) || !Array.isArray(v.codes) || !isRecord(v.columns)) return null;
  const n = v.codes.length;
  const short = Object.entries(v.columns).find(([, col]) => !Array.isArray(col) || col.length !== n);
  return short ? `columns[${JSON.stringify(short[0])}]: not ${n} values, one per code` : null;
};
export const detailsGuard = fileGuard<AreaDetails>(
  both(
    shape({ codes: strings, columns: recordOf(arrayOf(nullable(num))), localRanks: optional(strings) }),
    columnsMatchCodes,
  ),
);

export const postcodeDistrictGuard = fileGuard<PostcodeDistrict>(
  shape({
    district: str,
    sector: optional(str),
    lsoaCodes: strings,
    lsoaCouncils: arrayOf(num),
    councils: arrayOf(codeAndName),
    postcodes: recordOf(arrayOf(num, 3)),
    noCoordinates: strings,
  }),
);

export const interventionsGuard = fileGuard<InterventionsCollection>(
  shape({
    type: oneOf('FeatureCollection'),
    features: arrayOf(
      shape({
        type: oneOf('Feature'),
        geometry: shape({ type: oneOf('Point'), coordinates: arrayOf(num, 2) }),
        properties: shape({
          id: str,
          type: str,
          name: str,
          precision: oneOf('exact', 'postcode', 'area'),
          precisionNote: str,
          description: str,
          outcomes: str,
          source: str,
          origin: str,
        }),
      }),
    ),
    unplaced: arrayOf(shape({ id: str, name: str, origin: str, reason: str })),
    cityWide: arrayOf(
      shape({ id: str, type: str, name: str, description: str, source: str, outcomes: arrayOf(shape({})) }),
    ),
    merged: arrayOf(shape({ id: str, into: str })),
  }),
);

const lonLat = { lon: num, lat: num };
export const contextGuard = fileGuard<ContextData | null>(
  nullable(
    shape({
      topology: topologyCheck,
      places: arrayOf(shape({ name: str, kind: oneOf('city', 'town', 'village', 'neighbourhood'), ...lonLat })),
      roadLabels: arrayOf(shape({ ref: str, c: str, ...lonLat })),
    }),
  ),
);

const figure = shape({ value: num, rank: num });
export const standingGuard = fileGuard<CouncilStanding>((v) =>
  isRecord(v) && v.available === false
    ? shape({ reason: str })(v)
    : shape({
        available: oneOf(true),
        area: codeAndName,
        districts: num,
        source: shape({ title: str, file: str, publisher: str, downloadPage: str }),
        indicators: arrayOf(shape({ indicator: str, measures: recordOf(figure) })),
      })(v),
);

const nullableNums = arrayOf(nullable(num));
const domainScores = (values: Check): Check => shape(Object.fromEntries(PROFILE_DOMAINS.map((d) => [d, values])));
/** Columnar: every per-ward column has one entry per ward code. */
const sameLengthColumns: Check = (v) => {
  if (!isRecord(v) || !Array.isArray(v.codes)) return null;
  const scores = v.scores;
  if (!isRecord(scores)) return null;
  const n = v.codes.length;
  const columns: [string, unknown][] = [
    ['names', v.names],
    ['council', v.council],
    ['lsoas', v.lsoas],
    ['population', v.population],
    ...PROFILE_DOMAINS.map((d): [string, unknown] => [`scores.${d}`, scores[d]]),
  ];
  const bad = columns.find(([, c]) => !Array.isArray(c) || c.length !== n);
  return bad ? `${bad[0]}: not ${n} items, one per ward` : null;
};
/** england-wards.json (null when the build had no England-wide sources). */
export const englandWardsGuard = fileGuard<EnglandWardsFile>(
  nullable(
    both(
      shape({
        version: oneOf(1),
        method: str,
        codes: strings,
        names: strings,
        council: arrayOf(num),
        lsoas: arrayOf(num),
        population: arrayOf(num),
        scores: domainScores(nullableNums),
        councils: arrayOf(shape({ code: str, name: str, scores: domainScores(nullable(num)) })),
      }),
      sameLengthColumns,
    ),
  ),
);

/** sites.json beside a build:sites index. */
export const builtSitesGuard = fileGuard<BuiltSites>(shape({ councils: strings }));
