import { flagKey, valueKey, wardSummaryKey, type IndicatorId, type ReleaseId } from '../data/contract';
import { classIndex } from './colour-schemes';
import { indicatorInfo, RELEASE_LABEL } from './indicators';
import { measureValue, type MapColouring } from './measure';
import { effectiveRelease, type ViewMode } from './views';
import { numProp } from '../data/numeric';

export type CellValue = string | number | null;

export interface TableColumn {
  key: string;
  /** The full description: the CSV header and the header's tooltip / screen-reader text. */
  label: string;
  /** A few words for the header on screen, so the table reads across (the full label stays available). */
  short: string;
  numeric: boolean;
}

export interface TableRow {
  kind: 'lsoa' | 'ward';
  code: string;
  cells: Record<string, CellValue>;
}

/**
 * Names in the order a person expects ("Leeds 2" before "Leeds 10"). One collator for every sort:
 * localeCompare with options builds a collator per comparison, which took a second per switch here.
 */
const NAME_ORDER = new Intl.Collator('en-GB', { numeric: true });

export interface LayerTable {
  caption: string;
  columns: TableColumn[];
  rows: TableRow[];
}

export interface TableFilter {
  ward: string | null;
  /** Only areas in the national most deprived 1% / 10% of the release shown. */
  flag: 'all' | 'p10' | 'p1';
}

export const NO_TABLE_FILTER: TableFilter = { ward: null, flag: 'all' };

interface AreaLike {
  properties: Record<string, unknown>;
}

const num = numProp;

/**
 * The current map layer as a table: the same features, the same value and the same class as the map
 * and legend. The table view and its CSV download are both built from this, so they always agree.
 */
export function buildLayerTable(opts: {
  view: ViewMode;
  indicator: IndicatorId;
  release: ReleaseId;
  colouring: MapColouring;
  features: readonly AreaLike[];
  wardName: (code: string) => string;
  filter: TableFilter;
  stateOf?: (code: string) => Record<string, unknown> | undefined;
}): LayerTable {
  const { view, colouring, filter } = opts;
  const release: ReleaseId = effectiveRelease(opts);
  const isWard = colouring.target === 'wards';
  const classLabel = (p: Record<string, unknown>) => {
    const i = classIndex(colouring.scheme, measureValue(colouring.measure, p, opts.stateOf?.(String(p['code']))));
    return i === null || i < 0 ? 'no data' : (colouring.scheme.labels[i] ?? '');
  };

  const columns: TableColumn[] = [
    { key: 'name', label: isWard ? 'Ward' : 'LSOA', short: isWard ? 'Ward' : 'LSOA', numeric: false },
    { key: 'code', label: 'Code', short: 'Code', numeric: false },
  ];
  if (!isWard) columns.push({ key: 'ward', label: 'Ward', short: 'Ward', numeric: false });
  const label = indicatorInfo(opts.indicator).label;
  const rel = RELEASE_LABEL[release];
  switch (view) {
    case 'deprivation':
      columns.push(
        { key: 'decile', label: `${label}: national decile (${rel})`, short: 'Decile', numeric: true },
        { key: 'rank', label: `${label}: national rank (${rel})`, short: 'Rank', numeric: true },
        { key: 'localRank', label: `${label}: rank within the area (${rel})`, short: 'Local rank', numeric: true },
      );
      break;
    case 'change':
      columns.push(
        { key: 'd19', label: 'IMD national decile (IoD 2019)', short: 'Decile 2019', numeric: true },
        { key: 'd25', label: 'IMD national decile (IoD 2025)', short: 'Decile 2025', numeric: true },
        {
          key: 'change',
          label: 'Decile change 2019 → 2025 (negative = more deprived)',
          short: 'Change',
          numeric: true,
        },
      );
      break;
    case 'wards':
      columns.push(
        { key: 'n', label: `LSOAs (${rel})`, short: 'LSOAs', numeric: true },
        { key: 'd1', label: `LSOAs in national IMD decile 1 (${rel})`, short: 'In decile 1', numeric: true },
        { key: 'd1s', label: `Share in national IMD decile 1 (${rel})`, short: 'Share in decile 1', numeric: true },
        { key: 'p1', label: `LSOAs in the national most deprived 1% (${rel})`, short: 'In the 1%', numeric: true },
      );
      break;
    case 'spi':
      columns.push({ key: 'spi', label: colouring.scheme.title, short: 'SPI', numeric: true });
      break;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
  columns.push({ key: 'class', label: `Map class: ${colouring.scheme.title}`, short: 'Map class', numeric: false });
  if (!isWard)
    columns.push({
      key: 'flag',
      label: `Most deprived nationally, IMD (${RELEASE_LABEL[release]})`,
      short: 'Most deprived',
      numeric: false,
    });

  const rows: TableRow[] = [];
  for (const f of opts.features) {
    const p = f.properties;
    const code = String(p['code']);
    const ward = isWard ? code : String(p['ward'] ?? '');
    if (filter.ward && ward !== filter.ward) continue;
    const p1 = p[flagKey(release, 1)] === 1;
    const p10 = p[flagKey(release, 10)] === 1;
    if (!isWard && filter.flag === 'p1' && !p1) continue;
    if (!isWard && filter.flag === 'p10' && !p10) continue;
    const cells: Record<string, CellValue> = { name: String(p['name'] ?? code), code };
    if (!isWard) cells['ward'] = opts.wardName(ward);
    switch (view) {
      case 'deprivation':
        cells['decile'] = num(p, valueKey(release, opts.indicator, 'd'));
        cells['rank'] = num(p, valueKey(release, opts.indicator, 'r'));
        cells['localRank'] = num(p, valueKey(release, opts.indicator, 'lr'));
        break;
      case 'change':
        cells['d19'] = num(p, valueKey('2019', 'imd', 'd'));
        cells['d25'] = num(p, valueKey('2025', 'imd', 'd'));
        cells['change'] = num(p, 'dchg_19_25');
        break;
      case 'wards':
        cells['n'] = num(p, wardSummaryKey(release, 'n'));
        cells['d1'] = num(p, wardSummaryKey(release, 'd1'));
        cells['d1s'] = num(p, wardSummaryKey(release, 'd1s'));
        cells['p1'] = num(p, wardSummaryKey(release, 'p1'));
        break;
      case 'spi': {
        const v = opts.stateOf?.(code)?.['spi'];
        cells['spi'] = typeof v === 'number' ? v : null;
        break;
      }
    }
    cells['class'] = classLabel(p);
    if (!isWard) cells['flag'] = p1 ? 'most deprived 1%' : p10 ? 'most deprived 10%' : '';
    rows.push({ kind: isWard ? 'ward' : 'lsoa', code, cells });
  }
  rows.sort((a, b) => NAME_ORDER.compare(String(a.cells['name']), String(b.cells['name'])));
  return {
    caption: `${colouring.description} ${rows.length} ${isWard ? 'wards' : 'LSOAs'}${filter.ward ? ` in ${opts.wardName(filter.ward)}` : ''}.`,
    columns,
    rows,
  };
}
