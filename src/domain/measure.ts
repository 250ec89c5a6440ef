import { valueKey, wardSummaryKey, type ReleaseId } from '../data/contract';
import type { GeographyId } from '../data/geographies';
import type { AppState } from './views';
import {
  changeScheme,
  decileScheme,
  localQuintileScheme,
  shareScheme,
  spiScheme,
  type ColourScheme,
} from './colour-schemes';
import { indicatorInfo, lsoaVintage, RELEASE_LABEL } from './indicators';

/** Where a mapped value comes from: a feature property, or a local quintile derived from a local rank. */
export type Measure =
  | { kind: 'property'; key: string }
  | { kind: 'localQuintile'; rankKey: string; count: number }
  | { kind: 'featureState'; key: string };

/** The geography level a colouring is drawn on (src/data/geographies.ts). */
export type MapLayerTarget = GeographyId;

export interface MapColouring {
  target: MapLayerTarget;
  measure: Measure;
  scheme: ColourScheme;
  /** A sentence for screen readers and the live region. */
  description: string;
}

/** Local quintile from a rank within the area: ranks 1..N split into five equal groups. */
export function localQuintile(localRank: number, count: number): number {
  return Math.ceil((localRank * 5) / count);
}

export function measureValue(
  measure: Measure,
  props: Record<string, unknown>,
  state?: Record<string, unknown>,
): number | null {
  switch (measure.kind) {
    case 'property': {
      const v = props[measure.key];
      return typeof v === 'number' ? v : null;
    }
    case 'localQuintile': {
      const r = props[measure.rankKey];
      return typeof r === 'number' ? localQuintile(r, measure.count) : null;
    }
    case 'featureState': {
      const v = state?.[measure.key];
      return typeof v === 'number' ? v : null;
    }
    default: {
      const unreachable: never = measure;
      return unreachable;
    }
  }
}

export interface ColouringContext {
  /** LSOAs of the area in each release (for local quintiles). */
  areaCount: (release: ReleaseId) => number;
  spiLabel?: string;
}

export function colouringFor(
  state: Pick<AppState, 'indicator' | 'release' | 'banding' | 'view'>,
  ctx: ColouringContext,
): MapColouring {
  const { indicator, release, banding, view } = state;
  const ind = indicatorInfo(indicator);
  switch (view) {
    case 'deprivation':
      return banding === 'national'
        ? {
            target: lsoaVintage(release),
            measure: { kind: 'property', key: valueKey(release, indicator, 'd') },
            scheme: decileScheme(`${ind.label}: national decile, ${RELEASE_LABEL[release]}`),
            description: `LSOAs coloured by ${ind.label}, national decile in England, ${RELEASE_LABEL[release]}. Decile 1 is the most deprived 10%.`,
          }
        : {
            target: lsoaVintage(release),
            measure: {
              kind: 'localQuintile',
              rankKey: valueKey(release, indicator, 'lr'),
              count: ctx.areaCount(release),
            },
            scheme: localQuintileScheme(`${ind.label}: quintile within the area, ${RELEASE_LABEL[release]}`),
            description: `LSOAs coloured by ${ind.label}, quintile within the local authority, ${RELEASE_LABEL[release]}. Quintile 1 is the most deprived fifth of the area.`,
          };
    case 'change':
      return {
        target: 'lsoa21',
        measure: { kind: 'property', key: 'dchg_19_25' },
        scheme: changeScheme('IMD national decile change, 2019 → 2025'),
        description:
          'LSOAs coloured by change in IMD national decile from IoD 2019 to IoD 2025. LSOAs whose boundary changed in 2021 are hatched as not comparable.',
      };
    case 'wards':
      return {
        target: 'wards',
        measure: { kind: 'property', key: wardSummaryKey(release, 'd1s') },
        scheme: shareScheme(`Share of ward's LSOAs in national decile 1 (IMD), ${RELEASE_LABEL[release]}`),
        description: `Wards coloured by the share of their LSOAs in the most deprived 10% nationally, ${RELEASE_LABEL[release]}.`,
      };
    case 'spi':
      return {
        target: 'wards',
        measure: { kind: 'featureState', key: 'spi' },
        scheme: spiScheme(ctx.spiLabel ?? 'Social Progress Index'),
        description: `Wards coloured by ${ctx.spiLabel ?? 'Social Progress Index'}.`,
      };
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
