/**
 * File name and preamble of a table-view CSV: named by area, view, indicator, release and ward
 * filter (a folder of exports must tell them apart), and, for the SPI view, citing the SPI file the
 * scores came from rather than an IoD release.
 */
import type { IndicatorId, ReleaseId } from '../../data/contract';
import { INDICATOR_INFO } from '../indicators';
import { SPI_OVERALL_ID } from '../spi/schema';
import { effectiveRelease } from '../views';
import { RELEASE_TAG, RELEASE_TITLE, type ExportContext } from './csv';
import { slugify } from '../../data/slug';

export type TableViewKind = 'deprivation' | 'change' | 'wards' | 'spi';

export interface TableExportSpec {
  /** The area's name from metadata.json (any council), never a fixed name. */
  area: string;
  view: TableViewKind;
  indicator: IndicatorId;
  release: ReleaseId;
  /** Ward filter's name, when the table is filtered to one ward. */
  ward?: string | null;
  /** The SPI view: the loaded file, the measure's id and label, the year. */
  spi?: { source: string; measure: string; measureLabel: string; year: number | null } | null;
  /** What the table shows (its caption). */
  caption: string;
}

export interface TableExport {
  fileName: string;
  context: ExportContext;
}

const indicatorSlug = (id: IndicatorId): string =>
  id === 'imd' ? 'imd' : slugify(INDICATOR_INFO.find((i) => i.id === id)?.label ?? id, 40);

export function tableExport(spec: TableExportSpec): TableExport {
  const area = slugify(spec.area) || 'area';
  const ward = spec.ward ? slugify(spec.ward) : '';
  const subject = spec.ward ? `table of ${spec.ward}` : 'table';
  if (spec.view === 'spi') {
    const s = spec.spi;
    const measure = s && s.measure !== SPI_OVERALL_ID ? slugify(s.measure.replace(/_/g, '-')) : '';
    const parts = [
      area,
      'table',
      'wards',
      'spi',
      measure,
      s?.year !== null && s?.year !== undefined ? String(s.year) : '',
      ward,
    ];
    const file = s?.source ? `the file "${s.source}"` : 'no file (no SPI data was loaded)';
    return {
      fileName: `${parts.filter(Boolean).join('-')}.csv`,
      context: {
        release: spec.release,
        area: spec.area,
        subject,
        description: spec.caption,
        releaseTitle: `Social Progress Index${s?.year != null ? ` ${s.year}` : ''}${s && s.measure !== SPI_OVERALL_ID ? `: ${s.measureLabel}` : ''} (0–100, higher is better)`,
        sources: [
          `Source: Social Progress Index ward scores from ${file}, as loaded in the atlas`,
          'Source: Office for National Statistics, electoral ward boundaries (December 2024) (Open Government Licence v3.0)',
        ],
      },
    };
  }
  const what =
    spec.view === 'change'
      ? ['change', 'imd', 'iod2019', 'iod2025']
      : spec.view === 'wards'
        ? ['wards', 'decile-1-share', RELEASE_TAG[spec.release].toLowerCase()]
        : ['lsoas', indicatorSlug(spec.indicator), RELEASE_TAG[spec.release].toLowerCase()];
  const release: ReleaseId = effectiveRelease(spec);
  return {
    fileName: `${[area, 'table', ...what, ward].filter(Boolean).join('-')}.csv`,
    context: {
      release,
      area: spec.area,
      subject,
      description: spec.caption,
      ...(spec.view === 'change'
        ? { releaseTitle: `${RELEASE_TITLE['2019']} compared with ${RELEASE_TITLE['2025']}` }
        : {}),
    },
  };
}

/**
 * The attribution lines a table's CSV carries: all of the data's, except that the SPI table (the council's
 * own measure, no IoD figure in it) does not cite the Indices of Deprivation.
 */
export function tableAttribution(view: TableViewKind, lines: readonly string[]): readonly string[] {
  return view === 'spi' ? lines.filter((l) => !/Indices of Deprivation/.test(l)) : lines;
}
