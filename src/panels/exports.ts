import type { TableRow } from '../domain/layer-table';
import { CSV_MIME, csvFileName, tableCsv, UTF8_BOM, wardLsoasCsv } from '../domain/export/csv';
import { tableExport } from '../domain/export/table-export';
import { findMeasure } from '../domain/spi';
import { pngFileName } from '../domain/view-model';
import type { Atlas } from '../state/atlas';
import { downloadBlob, downloadText } from './download';

/** The app's downloads: the table view, a ward's LSOAs, the map as a PNG. Each says what it did. */
export function createExports(atlas: Atlas) {
  const { state } = atlas;
  const wardNames = () => Object.fromEntries(atlas.data.wards.features.map((w) => [w.properties.code, w.properties.name]));
  return {
    table(rows: TableRow[]): void {
      const t = atlas.table.model();
      const s = state();
      const ward = atlas.table.filter().ward;
      const d = atlas.spi.data();
      const measure = atlas.spi.measure();
      const spiFile = d ? { source: d.source, measure, measureLabel: findMeasure(d.framework, measure)?.label ?? measure, year: atlas.spi.year() } : null;
      const exp = tableExport({ area: atlas.data.metadata.area.name, view: s.view, indicator: s.indicator, release: s.release, ward: ward ? atlas.wardName(ward) : null, spi: spiFile, caption: t.caption });
      const csv = tableCsv(
        t.columns.map((col) => ({ header: col.label, value: (r: TableRow) => r.cells[col.key] ?? null })),
        rows,
        exp.context,
      );
      downloadText(exp.fileName, UTF8_BOM + csv, CSV_MIME);
      atlas.announce(`Downloaded ${rows.length} rows as CSV.`);
    },
    ward(wardCode: string): void {
      const rows = atlas.selection.wardLsoas(wardCode);
      const release = atlas.selection.wardRelease();
      const subject = atlas.wardName(wardCode);
      downloadText(csvFileName('ward', { release, subject }), UTF8_BOM + wardLsoasCsv(rows, { release, subject, wardNames: wardNames() }), CSV_MIME);
      atlas.announce(`Downloaded the ${rows.length} LSOAs of ${subject} as CSV.`);
    },
    async png(): Promise<void> {
      const m = atlas.map();
      if (!m) return;
      const meta = atlas.data.metadata;
      const blob = await m.toPng(atlas.legend(), meta.attribution, `Neighbourhood Atlas: ${meta.area.name}`);
      downloadBlob(pngFileName(state()), blob);
      atlas.announce('Saved the map view as a PNG image.');
    },
  };
}
