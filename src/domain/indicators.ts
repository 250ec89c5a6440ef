import type { DataMetadata, IndicatorId, ReleaseId } from '../data/contract';

/** 'supplementary': IDACI and IDAOPI, the income domain's two supplementary indices. */
export type IndicatorKind = 'index' | 'domain' | 'subdomain' | 'supplementary';

export interface IndicatorInfo {
  id: IndicatorId;
  label: string;
  kind: IndicatorKind;
  /** Sub-domains belong to a domain; shown indented under it. */
  parent?: IndicatorId;
}

/** Display order: IMD, then each domain followed by its IoD2025 sub-domains. */
export const INDICATOR_INFO: readonly IndicatorInfo[] = [
  { id: 'imd', label: 'Index of Multiple Deprivation', kind: 'index' },
  { id: 'inc', label: 'Income', kind: 'domain' },
  { id: 'idc', label: 'Income deprivation affecting children (IDACI)', kind: 'supplementary', parent: 'inc' },
  { id: 'ido', label: 'Income deprivation affecting older people (IDAOPI)', kind: 'supplementary', parent: 'inc' },
  { id: 'emp', label: 'Employment', kind: 'domain' },
  { id: 'edu', label: 'Education, skills and training', kind: 'domain' },
  { id: 'cyp', label: 'Children and young people', kind: 'subdomain', parent: 'edu' },
  { id: 'ads', label: 'Adult skills', kind: 'subdomain', parent: 'edu' },
  { id: 'hea', label: 'Health and disability', kind: 'domain' },
  { id: 'cri', label: 'Crime', kind: 'domain' },
  { id: 'bar', label: 'Barriers to housing and services', kind: 'domain' },
  { id: 'geo', label: 'Geographical barriers', kind: 'subdomain', parent: 'bar' },
  { id: 'wid', label: 'Wider barriers', kind: 'subdomain', parent: 'bar' },
  { id: 'liv', label: 'Living environment', kind: 'domain' },
  { id: 'ind', label: 'Indoors living environment', kind: 'subdomain', parent: 'liv' },
  { id: 'out', label: 'Outdoors living environment', kind: 'subdomain', parent: 'liv' },
];

const DOMAINS: IndicatorId[] = ['imd', 'inc', 'emp', 'edu', 'hea', 'cri', 'bar', 'liv'];
const SUBDOMAINS: IndicatorId[] = ['cyp', 'ads', 'geo', 'wid', 'ind', 'out'];
/** IoD2025 File 7 only: a build has them when its sources hold File 7 for every LSOA of the area. */
const SUPPLEMENTARY: IndicatorId[] = ['idc', 'ido'];

/** What each release publishes (gov.uk File 1/2 of each release; the IoD2015 copy here has the IMD only). */
export function indicatorsIn(release: ReleaseId): IndicatorId[] {
  switch (release) {
    case '2025':
      return [...DOMAINS, ...SUBDOMAINS, ...SUPPLEMENTARY];
    case '2019':
      return DOMAINS;
    case '2015':
      return ['imd'];
    default: {
      const unreachable: never = release;
      return unreachable;
    }
  }
}

/**
 * Why an indicator is not available in a release, or null when it is. Shown next to the disabled
 * option. With the build's metadata, an indicator the release publishes but this build's sources
 * lack for the area (IDACI/IDAOPI without File 7) is unavailable too, with the pipeline's reason.
 */
export function unavailableReason(release: ReleaseId, indicator: IndicatorId, meta?: Pick<DataMetadata, 'releases' | 'people'>): string | null {
  if (indicatorsIn(release).includes(indicator)) {
    const built = meta?.releases.find((r) => r.id === release)?.indicators;
    if (!built || built.includes(indicator)) return null;
    const why = meta?.people.available === false ? meta.people.reason : 'they are not in this build\'s data sources';
    return `IDACI and IDAOPI are not published in the sources for this area: ${why}`;
  }
  // Both releases published these figures; the mirrored source files of this build do not carry them.
  if (release === '2015') return 'IoD2015 domain figures are not in this build\'s data sources';
  return 'IoD2019 sub-domain figures are not in this build\'s data sources';
}

export function indicatorInfo(id: IndicatorId): IndicatorInfo {
  const found = INDICATOR_INFO.find((i) => i.id === id);
  if (!found) throw new Error(`Unknown indicator ${id}`);
  return found;
}

export const RELEASE_LABEL: Record<ReleaseId, string> = {
  '2025': 'IoD 2025 (LSOA 2021)',
  '2019': 'IoD 2019 (LSOA 2011)',
  '2015': 'IoD 2015 (LSOA 2011)',
};

/** Which LSOA vintage a release is published on, and so which map layer shows it. */
export function lsoaVintage(release: ReleaseId): 'lsoa21' | 'lsoa11' {
  return release === '2025' ? 'lsoa21' : 'lsoa11';
}
