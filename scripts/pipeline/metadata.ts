import { RELEASE_LIST, type DataMetadata, type Release, type ReleaseMetadata, type SourceMetadata } from '../../src/data/contract';
import type { SourceFiles } from './config';
import type { AreaRelease } from './join-iod';

const OGL = 'Open Government Licence v3.0';
const ONS_PORTAL = 'https://geoportal.statistics.gov.uk/';
const ONS = 'Office for National Statistics';

export const ATTRIBUTION = [
  'Contains public sector information licensed under the Open Government Licence v3.0.',
  'Contains OS data © Crown copyright and database right.',
  'Source: Office for National Statistics licensed under the Open Government Licence v3.0.',
  'Contains Royal Mail data © Royal Mail copyright and database right.',
];

export function sourcesMetadata(s: SourceFiles): SourceMetadata[] {
  const ons = (id: string, title: string, file: string, note?: string): SourceMetadata => ({
    id,
    title,
    file,
    publisher: ONS,
    licence: OGL,
    downloadPage: ONS_PORTAL,
    compiled: false,
    ...(note ? { note } : {}),
  });
  const iod = (r: Release): SourceMetadata => ({
    id: `iod${r.id}`,
    title: r.title,
    file: r.source.file,
    publisher: r.publisher,
    licence: OGL,
    downloadPage: r.downloadPage,
    compiled: false,
  });
  return [
    ons('lsoa21-boundaries', 'Lower layer Super Output Areas (December 2021) boundaries, generalised clipped (BGC)', s.lsoa21.path),
    ons('lsoa11-boundaries', 'Lower layer Super Output Areas (December 2011) boundaries, generalised clipped (BGC)', s.lsoa11.path),
    ons('ward-boundaries', 'Wards (December 2024) boundaries, generalised clipped (BGC)', s.wards.path),
    ...RELEASE_LIST.map(iod),
    ons('lsoa21-ward-lookup', 'LSOA (2021) to Electoral Ward (2024) to LAD (2024) best-fit lookup', s.lsoa21Ward),
    ons('lsoa11-lsoa21-lookup', 'LSOA (2011) to LSOA (2021) to LAD (2022) lookup with change codes', s.lsoa11To21),
    ons('lsoa21-centroids', 'LSOA (2021) population-weighted centroids', s.centroids),
    ons('postcodes', 'ONS Postcode Directory: LS postcode centroids', s.postcodes, 'Contains Royal Mail data © Royal Mail copyright and database right.'),
    {
      id: 'ward-committee',
      title: 'Leeds wards by community committee',
      file: s.wardCommittee,
      publisher: 'Compiled from Leeds City Council community committee agendas and minutes',
      licence: OGL,
      downloadPage: 'https://democracy.leeds.gov.uk/',
      compiled: true,
      note: 'Compiled by hand from committee papers; three committees were assigned by elimination.',
    },
  ];
}

export function releaseMetadata(a: AreaRelease): ReleaseMetadata {
  const { def } = a.release;
  return {
    id: def.id,
    title: def.title,
    publisher: def.publisher,
    published: def.published,
    lsoaVintage: def.lsoaVintage,
    nationalCount: a.release.nationalCount,
    areaCount: a.areaCount,
    indicators: [...def.indicators],
    scored: [...def.scored],
    mostDeprived1pc: a.mostDeprived1pc,
    nationalDecile1: a.nationalDecile1,
    sourceFile: a.release.file,
    downloadPage: def.downloadPage,
  };
}

export const DERIVATIONS: Record<string, string> = {
  localRank:
    'Rank within the local authority (lr): the area’s LSOAs ordered by national rank, 1 = most deprived in the area. Computed separately for each release and indicator.',
  localDecile: 'Decile within the local authority (ld) = ceil(local rank × 10 / number of the area’s LSOAs in that release).',
  mostDeprived1pc:
    'p1 = 1 when the national IMD rank is at most floor(N / 100), N = number of LSOAs in England in that release (32,844 in 2015 and 2019, 33,755 in 2025).',
  mostDeprived10pc: 'p10 = 1 when the national IMD decile is 1 (most deprived 10% in England).',
  comparableValues:
    'On LSOA 2021 areas, 2019 and 2015 values (y19_*, y15_*, pop) are shown only where the ONS LSOA 2011→2021 lookup marks the area unchanged (U); split, merged or irregularly changed areas have no earlier values.',
  decileChange:
    'dchg_19_25 / dchg_15_25 = national IMD decile in 2025 minus the decile in 2019 / 2015; negative = relatively more deprived. Only for unchanged (U) LSOAs. Deciles are relative positions, not absolute levels.',
  population: 'pop = total population mid-2015, the denominator used by IoD2019 (no 2025 population is available here).',
  centroid: 'cx, cy = ONS population-weighted centroid of the LSOA 2021 (longitude, latitude, 5 dp).',
  lsoa21Ward: 'LSOA 2021 ward = ONS best-fit lookup LSOA 2021 → ward (December 2024).',
  lsoa11Ward:
    'LSOA 2011 ward is approximate: the most common ward among its LSOA 2021 successors (ties → lowest ward code), via the ONS best-fit lookup.',
  wardSummaries:
    'Ward figures per release from the ward’s LSOAs: n = number of LSOAs; d1 = number in national IMD decile 1; d1s = d1 / n (0–1, 3 dp); p1 = number in the national most-deprived 1%; mr = median national IMD rank (mean of the middle two for an even count). 2025 uses LSOA 2021 and the best-fit ward lookup; 2019 and 2015 use LSOA 2011 assigned to wards approximately (see lsoa11Ward), so older ward figures are indicative.',
  geometry:
    'Boundaries are ONS generalised clipped (BGC) boundaries, reprojected from British National Grid with the standard Helmert transformation (accurate to a few metres), further simplified for the web (vertices moving the outline by less than a few metres dropped) and quantised to about 2 m.',
  scores:
    'Scores (s) are rounded to 3 significant figures to fit the first-view size budget; ranks and deciles are exact as published.',
  firstView:
    'areas-2021.topojson carries the IMD fields, every national decile and every flag; the other LSOA 2021 values (domain scores and ranks, local ranks and deciles of domains, IoD2019 domain ranks) are in areas-2021-details.json under the same keys, for the map to load when needed.',
  postcodes:
    'Postcode → LSOA 2021 by point-in-polygon of the ONS postcode centroid in the unsimplified LSOA boundary; -1 when outside the area. One file per postcode district (postcodes/<district>.json).',
};

export interface MetadataInput {
  area: { code: string; name: string };
  releases: AreaRelease[];
  sources: SourceFiles;
  counts: DataMetadata['counts'];
  bbox: [number, number, number, number];
  postcodeDistricts: string[];
}

export function buildMetadata(m: MetadataInput): DataMetadata {
  return {
    schemaVersion: 1,
    area: m.area,
    releases: m.releases.map(releaseMetadata),
    sources: sourcesMetadata(m.sources),
    attribution: ATTRIBUTION,
    counts: m.counts,
    derivations: DERIVATIONS,
    bbox: m.bbox,
    postcodeDistricts: m.postcodeDistricts,
  };
}
