import {
  RELEASE_LIST,
  type CouncilContent,
  type CouncilMetadata,
  type DataMetadata,
  type IndicatorId,
  type PeopleMetadata,
  type Release,
  type ReleaseMetadata,
  type SourceMetadata,
} from '../../src/data/contract';
import type { WardMethod } from './area-geography';
import type { SourceFiles } from './config';
import type { PopulationMetadata } from '../../src/data/people-contract';
import type { AreaRelease } from './join-iod';
import { FILE10 } from './file10';
import { SUMMARY_MEASURES_METHOD } from '../../src/domain/iod-measures';
import type { ExtraIndicators } from './people-sources';

const OGL = 'Open Government Licence v3.0';
const ONS_PORTAL = 'https://geoportal.statistics.gov.uk/';
const ONS = 'Office for National Statistics';

export const ATTRIBUTION = [
  'Contains public sector information licensed under the Open Government Licence v3.0.',
  'Contains OS data © Crown copyright and database right.',
  'Source: Office for National Statistics licensed under the Open Government Licence v3.0.',
  'Contains Royal Mail data © Royal Mail copyright and database right.',
];

/**
 * The IoD line of the attribution, for the releases this build carries, by publisher:
 * "Source: English Indices of Deprivation 2025 / 2019 / 2015, Ministry of Housing, Communities and Local Government."
 * The saved PNG, the CSV preambles, the briefing and the map's attribution all read this list.
 */
export function iodAttribution(releases: readonly { id: string; publisher: string }[]): string {
  const byPublisher = new Map<string, string[]>();
  for (const r of releases) byPublisher.set(r.publisher, [...(byPublisher.get(r.publisher) ?? []), r.id]);
  const parts = [...byPublisher].map(([publisher, ids]) => `${ids.join(' / ')}, ${publisher}`);
  return `Source: English Indices of Deprivation ${parts.join('; ')}.`;
}

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
    ons(
      'lsoa21-boundaries',
      'Lower layer Super Output Areas (December 2021) boundaries, generalised clipped (BGC)',
      s.lsoa21.path,
    ),
    ons(
      'lsoa11-boundaries',
      'Lower layer Super Output Areas (December 2011) boundaries, generalised clipped (BGC)',
      s.lsoa11.path,
    ),
    ons('ward-boundaries', 'Wards (December 2024) boundaries, generalised clipped (BGC)', s.wards.path),
    ...RELEASE_LIST.flatMap((r) => [
      iod(r),
      // A release's optional files (IoD2025 File 7) are sources too, used only where they cover the area.
      ...(r.optionalSources ?? []).map((o) => ({
        ...iod(r),
        id: `iod${r.id}-${o.indicators.join('-')}`,
        title: o.title,
        file: o.file,
        note: o.usage,
      })),
    ]),
    {
      id: 'iod2025-file10',
      title: FILE10.title,
      file: FILE10.file,
      publisher: FILE10.publisher,
      licence: OGL,
      downloadPage: FILE10.downloadPage,
      compiled: false,
      note: 'The council’s standing in England: its published district summaries and their ranks.',
    },
    ons('lsoa21-ward-lookup', 'LSOA (2021) to Electoral Ward (2024) to LAD (2024) best-fit lookup', s.lsoa21Ward),
    ons('lsoa11-lsoa21-lookup', 'LSOA (2011) to LSOA (2021) to LAD (2022) lookup with change codes', s.lsoa11To21),
    ons('lsoa21-centroids', 'LSOA (2021) population-weighted centroids', s.centroids),
    ons(
      'postcodes',
      'National Statistics Postcode Lookup (NSPL), May 2025: postcode centre points, England and Wales',
      s.postcodes,
      'Live and terminated postcodes alike (the copy here has no termination date); a few have no coordinates. Contains OS data © Crown copyright and database right. Contains Royal Mail data © Royal Mail copyright and database right.',
    ),
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

export function releaseMetadata(
  a: AreaRelease,
  extra: { indicators: IndicatorId[]; scored: IndicatorId[] } = { indicators: [], scored: [] },
): ReleaseMetadata {
  const { def } = a.release;
  return {
    id: def.id,
    title: def.title,
    publisher: def.publisher,
    published: def.published,
    lsoaVintage: def.lsoaVintage,
    nationalCount: a.release.nationalCount,
    areaCount: a.areaCount,
    indicators: [...def.indicators, ...extra.indicators],
    scored: [...def.scored, ...extra.scored],
    mostDeprived1pc: a.mostDeprived1pc,
    nationalDecile1: a.nationalDecile1,
    sourceFile: a.release.file,
    downloadPage: def.downloadPage,
  };
}

export const DERIVATIONS: Record<string, string> = {
  localRank:
    'Rank within the local authority (lr): the area’s LSOAs ordered by national rank, 1 = most deprived in the area. Computed separately for each release and indicator.',
  localDecile:
    'Decile within the local authority (ld) = ceil(local rank × 10 / number of the area’s LSOAs in that release).',
  mostDeprived1pc:
    'p1 = 1 when the national IMD rank is at most floor(N / 100), N = number of LSOAs in England in that release (32,844 in 2015 and 2019, 33,755 in 2025).',
  mostDeprived10pc: 'p10 = 1 when the national IMD decile is 1 (most deprived 10% in England).',
  comparableValues:
    'On LSOA 2021 areas, 2019 and 2015 values (y19_*, y15_*, pop) are shown only where the ONS LSOA 2011→2021 lookup marks the area unchanged (U); split, merged or irregularly changed areas have no earlier values.',
  decileChange:
    'dchg_19_25 / dchg_15_25 = national IMD decile in 2025 minus the decile in 2019 / 2015; negative = relatively more deprived. Only for unchanged (U) LSOAs. Deciles are relative positions, not absolute levels.',
  population:
    'pop = total population mid-2015, the denominator used by IoD2019, on LSOA 2021 only where unchanged since 2011.',
  population2022:
    'pop22, chi22, old22, wa22 = IoD2025 File 7 population denominators, mid-2022 (ONS small-area estimates as used by MHCLG): total, dependent children 0–15, older people 60+, working age 18–66. Present only when File 7 in the sources holds every LSOA of the area.',
  supplementaryIndices:
    'idc (IDACI, income deprivation affecting children) and ido (IDAOPI, income deprivation affecting older people): score (rate), national rank and decile as published in IoD2025 File 7; local ranks and deciles derived as for the other indicators.',
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
    'areas-2021.topojson carries the IMD ranks and deciles and every national decile; the other LSOA 2021 values (IMD and domain scores, domain ranks, local ranks and deciles of domains, IoD2019 domain ranks) are in areas-2021-details.json under the same keys, for the map to load when needed. The 1% and 10% flags (p1, p10) and the local ranks and deciles of releases on the file’s LSOA vintage are left out of both area TopoJSON files and worked out on loading by the definitions above; the build leaves a field out only when that gives back exactly the values it computed.',
  summaryMeasures: SUMMARY_MEASURES_METHOD,
  postcodes:
    'Postcode → LSOA 2021 by point-in-polygon of the NSPL (May 2025) postcode centre in the unsimplified England-wide LSOA 2021 boundaries. Kept: the area’s own postcodes (centre in one of its LSOAs) and other councils’ postcodes whose centre lies within 2 km of the area’s boundary (search says which council they are in); -1 when the centre lies in no English LSOA (Wales, Scotland, or just off the generalised coastline). Postcodes the NSPL lists without coordinates are searchable but not placed. Terminated postcodes cannot be told apart from live ones. One file per postcode district (postcodes/<district>.json), or per sector when a district would exceed 40 KB gzip.',
};

const OPTIONAL_FILES = new Set(RELEASE_LIST.flatMap((r) => (r.optionalSources ?? []).map((o) => o.file)));

export interface MetadataInput {
  area: { code: string; name: string };
  /** Absent in synthetic tests: metadata then carries no council section. */
  council?: { sources: SourceFiles; wardMethod: WardMethod; content: CouncilContent | null };
  releases: AreaRelease[];
  /** Indicators a release has for this area beyond its definition (IDACI/IDAOPI from File 7 or File 3). */
  extraIndicators: ExtraIndicators;
  people: PeopleMetadata;
  /** The people figures counted (File 7 or Census 2021); absent when the sources have neither. */
  population?: PopulationMetadata;
  sources: SourceFiles;
  counts: DataMetadata['counts'];
  bbox: [number, number, number, number];
  /** The Visvalingam weight used (deg²); said in the geometry derivation when coarser than the default. */
  simplifyMinWeight?: number;
  /** Detached parts under this area (deg²) were dropped from the first view (0 = none). */
  minPartArea?: number;
  /** Grid steps across the bbox used for quantisation. */
  quantization?: number;
  postcodeDistricts: string[];
  postcodeSplitDistricts?: string[];
}

export function buildMetadata(m: MetadataInput): DataMetadata {
  const englandWide = m.council?.sources.englandWide === true;
  return {
    schemaVersion: 1,
    area: m.area,
    people: m.people,
    ...(m.population ? { population: m.population } : {}),
    releases: m.releases.map((a) => releaseMetadata(a, m.extraIndicators[a.release.def.id])),
    // An optional release file is listed only when this build used it.
    sources: [
      ...(englandWide ? englandSourcesMetadata(m.sources) : sourcesMetadata(m.sources)),
      ...peopleSourcesMetadata(m),
    ].filter((src) => !OPTIONAL_FILES.has(src.file) || (m.people.available && m.people.sourceFile === src.file)),
    attribution: [...ATTRIBUTION, iodAttribution(m.releases.map((a) => a.release.def))],
    counts: m.counts,
    derivations: {
      ...(englandWide
        ? {
            ...DERIVATIONS,
            ...ENGLAND_DERIVATIONS,
            ...simplificationNote(m.simplifyMinWeight, m.minPartArea ?? 0, m.quantization),
          }
        : DERIVATIONS),
      ...peopleDerivations(m),
    },
    bbox: m.bbox,
    postcodeDistricts: m.postcodeDistricts,
    ...(m.postcodeSplitDistricts && m.postcodeSplitDistricts.length > 0
      ? { postcodeSplitDistricts: m.postcodeSplitDistricts }
      : {}),
    ...(m.council ? { council: councilMetadata(m.council.sources, m.council.wardMethod, m.council.content) } : {}),
  };
}

/**
 * Sources for a district built from the England-wide files: May 2025 wards, no ward lookup (wards by
 * centroid), and none of the Leeds-only files (the compiled committee list).
 */
function englandSourcesMetadata(s: SourceFiles): SourceMetadata[] {
  return sourcesMetadata(s)
    .filter((m) => !['ward-committee'].includes(m.id))
    .flatMap((m) => {
      if (m.id === 'ward-boundaries')
        return [{ ...m, title: 'Wards (May 2025) boundaries, generalised clipped (BGC)' }];
      if (m.id !== 'lsoa21-ward-lookup') return [m];
      return s.lsoa21Ward25
        ? [
            {
              ...m,
              title: 'LSOA (2021) to Electoral Ward (May 2025) to LAD (May 2025) best-fit lookup',
              file: s.lsoa21Ward25,
            },
          ]
        : [];
    });
}

const LOOKUP_METHOD =
  'each LSOA 2021 is in its May 2025 ward by the official ONS best-fit lookup LSOA (2021) → electoral ward (May 2025) → LAD (2025), which places an LSOA in the ward containing its population-weighted centroid on the ONS full-resolution boundaries';

const ENGLAND_DERIVATIONS: Record<string, string> = {
  lsoa21Ward: `LSOA 2021 ward: ${LOOKUP_METHOD}. A ward the lookup gives no LSOA is drawn but has no figures.`,
  lsoa11Ward:
    'LSOA 2011 ward is approximate: the most common ward among its LSOA 2021 successors (ties → lowest ward code); an LSOA 2011 whose successors all lie in another district (a boundary change) is placed by a point inside its own outline.',
  wardSummaries:
    'Ward figures per release from the ward’s LSOAs: n = number of LSOAs; d1 = number in national IMD decile 1; d1s = d1 / n (0–1, 3 dp); p1 = number in the national most-deprived 1%; mr = median national IMD rank (mean of the middle two for an even count). 2025 uses LSOA 2021 and the ONS best-fit lookup to the May 2025 wards; 2019 and 2015 use LSOA 2011 assigned to wards approximately (see lsoa11Ward), so older ward figures are indicative.',
  geometry:
    'Boundaries are ONS generalised clipped (BGC) boundaries in WGS84 (rounded to 5 decimal places, about 1 m), further simplified for the web (vertices moving the outline by less than a few metres dropped) and quantised to a grid across the area (stated below).',
};

/**
 * Why a source that exists for one district only is missing here: each sentence completes
 * "… is not available for this area:". Worded without naming that district, since nothing in
 * another council's atlas should name Leeds. The context layer's availability is its own step's.
 */
export const NOT_AVAILABLE_ENGLAND_WIDE: CouncilMetadata['unavailable'] = {
  committees:
    'community committees are one council’s own arrangement, compiled by hand from its committee papers; none has been compiled for this council.',
  spi: 'the Social Progress Index is a measure one council publishes for its own wards; the sources hold none for this council.',
  file7:
    'the sources hold IoD 2025 File 7 for a single district only, so IDACI and IDAOPI scores and the mid-2022 population denominators are missing here: IDACI and IDAOPI ranks and deciles come from IoD 2025 File 3, and people are counted from Census 2021. MHCLG publishes the England File 7 on gov.uk.',
};

function councilMetadata(sources: SourceFiles, method: WardMethod, content: CouncilContent | null): CouncilMetadata {
  return {
    wards: {
      vintage: method.vintage,
      method: method.method,
      note: wardMethodNote(method),
      ...(method.movedFromCentroid ? { movedFromCentroid: method.movedFromCentroid.length } : {}),
      ...(method.withoutLsoa ? { withoutLsoa: method.withoutLsoa } : {}),
    },
    unavailable: sources.englandWide ? NOT_AVAILABLE_ENGLAND_WIDE : {},
    content,
  };
}

function simplificationNote(
  weight: number | undefined,
  minPartArea: number,
  quantization: number | undefined,
): Record<string, string> {
  if (weight === undefined) return {};
  const parts =
    minPartArea > 0
      ? ` On the map, detached parts (islands, saltmarsh) smaller than about ${(minPartArea * 7.4e5).toPrecision(1)} ha were also left out of the LSOA and ward outlines; they remain part of their areas in every figure.`
      : '';
  return {
    geometry: `${ENGLAND_DERIVATIONS.geometry ?? ''} Simplification weight here: ${weight.toPrecision(2)} deg² (Visvalingam effective area; dense cities use 5e-8), scaled to the area's size per LSOA and coarsened where needed to keep the first view within 200 bytes gzip per LSOA, so outlines of large rural LSOAs and long coastlines are more generalised. Quantisation grid: ${(quantization ?? 3e4).toLocaleString('en-GB')} steps across the area.${parts}`,
  };
}

const plural = (n: number, one: string, many: string = `${one}s`): string =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** One sentence (or two) for About: the ward vintage, the method, what moved and which wards are empty. */
export function wardMethodNote(method: WardMethod): string {
  const empty = method.withoutLsoa?.length ?? 0;
  const emptyNote =
    empty > 0
      ? ` ${plural(empty, 'ward')} of the area ${empty === 1 ? 'receives' : 'receive'} no LSOA by this method (normal for best-fit): ${empty === 1 ? 'it is' : 'they are'} drawn on the map with no figures.`
      : '';
  if (method.method === 'lookup' && method.movedFromCentroid) {
    const moved = method.movedFromCentroid.length;
    return `Wards are the ${method.vintage} electoral wards: ${LOOKUP_METHOD}. Against the ward containing each LSOA's population-weighted centroid on the generalised boundaries (the rule this atlas used before), ${moved === 0 ? 'no LSOA moved' : `${plural(moved, 'LSOA')} moved`}.${emptyNote}`;
  }
  if (method.method === 'lookup')
    return `Wards are the ${method.vintage} electoral wards; each LSOA 2021 is in its ward by the ONS best-fit LSOA → ward lookup.`;
  const nearest = method.nearest.length;
  return `Wards are the ${method.vintage} electoral wards: each LSOA 2021 is in the ward that contains its ONS population-weighted centroid.${
    nearest > 0
      ? ` ${plural(nearest, 'LSOA')} whose centroid fell just outside every ward outline went to the nearest ward.`
      : ''
  }${emptyNote}`;
}

/** The people sources this build used, for the sources list. */
function peopleSourcesMetadata(m: MetadataInput): SourceMetadata[] {
  const out: SourceMetadata[] = [];
  const census = m.population?.census;
  if (census) {
    out.push({
      id: 'census2021-ts007a',
      title: 'Census 2021: usual residents by five-year age band, LSOA 2021 (TS007A)',
      file: census.sourceFile,
      publisher: ONS,
      licence: OGL,
      downloadPage: 'https://www.nomisweb.co.uk/sources/census_2021_bulk',
      compiled: false,
      note: 'Used for the people counts where IoD 2025 File 7 does not cover the area (usual residents, children aged 0–14, people aged 60+ and 65+), and carried per LSOA in every build.',
    });
  }
  const r25 = m.releases.find((a) => a.release.def.id === '2025');
  if (m.extraIndicators['2025'] && !m.people.available && m.sources.supplementary && r25) {
    out.push({
      id: 'iod2025-file3',
      title:
        'English Indices of Deprivation 2025, File 3: supplementary indices (IDACI and IDAOPI), reissued 13 November 2025',
      file: m.sources.supplementary,
      publisher: r25.release.def.publisher,
      licence: OGL,
      downloadPage: r25.release.def.downloadPage,
      compiled: false,
      note: 'Used for IDACI and IDAOPI national ranks and deciles (File 3 publishes no scores).',
    });
  }
  return out;
}

function peopleDerivations(m: MetadataInput): Record<string, string> {
  const out: Record<string, string> = {};
  if (m.population?.census) {
    out.census2021 =
      'c21pop, c21chi, c21old, c21o65 = Census 2021 usual residents of the LSOA 2021 (ONS TS007A): all ages, children aged 0–14 (the three five-year bands to 14; 0–15 cannot be cut from five-year bands), people aged 60 and over, people aged 65 and over. Census day 21 March 2021; ONS perturbs small-area counts slightly.';
  }
  if (m.population)
    out.peopleCounted = `People figures counted in profiles, the briefing, outreach and exports: ${m.population.used.description}. ${m.population.weightsNote}`;
  if (!m.people.available && m.extraIndicators['2025']) {
    out.supplementaryIndices =
      'idc (IDACI, income deprivation affecting children) and ido (IDAOPI, income deprivation affecting older people): national rank and decile as published in IoD 2025 File 3 (no scores: those are published in File 7); local ranks and deciles derived as for the other indicators.';
  }
  return out;
}
