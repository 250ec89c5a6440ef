import { valueKey, wardSummaryKey, type IndicatorId, type ReleaseId } from '../data/contract';
import { indicatorInfo, RELEASE_LABEL } from './indicators';
import { describeDecileChange, formatRank, formatShare } from './profile';
import type { ViewMode } from './views';
import { numProp } from '../data/numeric';

const num = numProp;

/** The lines of the hover card for an area under the current view: the decile and "rank R of N". */
export function tooltipLines(
  view: ViewMode,
  props: Record<string, unknown>,
  indicator: IndicatorId,
  release: ReleaseId,
  nationalCount: number | null,
  spiValue?: number | null,
): string[] {
  switch (view) {
    case 'deprivation': {
      const d = num(props, valueKey(release, indicator, 'd'));
      const r = num(props, valueKey(release, indicator, 'r'));
      return [
        `${indicatorInfo(indicator).label}, ${RELEASE_LABEL[release]}`,
        d === null ? 'Not published for this area' : `National decile ${d} · ${formatRank(r, nationalCount)}`,
      ];
    }
    case 'change': {
      const c = num(props, 'dchg_19_25');
      return c === null
        ? ['IMD change 2019 → 2025', 'Boundary changed in 2021: not comparable']
        : [
            'IMD change 2019 → 2025',
            `${describeDecileChange(c)} (decile ${num(props, valueKey('2019', 'imd', 'd'))} → ${num(props, valueKey('2025', 'imd', 'd'))})`,
          ];
    }
    case 'wards': {
      const n = num(props, wardSummaryKey(release, 'n'));
      const d1 = num(props, wardSummaryKey(release, 'd1'));
      const s = num(props, wardSummaryKey(release, 'd1s'));
      return [
        `${RELEASE_LABEL[release]}`,
        `${d1 ?? '?'} of ${n ?? '?'} LSOAs in the most deprived 10% (${formatShare(s)})`,
      ];
    }
    case 'spi':
      return [
        'Social Progress Index',
        spiValue === null || spiValue === undefined
          ? 'No SPI data loaded for this ward'
          : `Score ${spiValue.toFixed(1)} of 100`,
      ];
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
