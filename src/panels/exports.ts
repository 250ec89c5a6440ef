import type { TableRow } from '../domain/layer-table';
import { LAYER_REGISTRY } from '../domain/map-layers';
import { legendEntries, shownAttribution } from '../domain/map-layers/registry';
import { findMeasure } from '../domain/spi';
import { venueMapKey } from '../domain/venue-lists/styles';
import { flagsApply, pngFileName } from '../domain/view-model';
import type { Atlas } from '../state/atlas';
import { attemptDownload, downloadBlob, downloadText } from './download';

/**
 * The app's downloads: the table view, a ward's LSOAs, the map as a PNG. Each says what it did.
 * The CSV writers are imported on the first CSV download: the first view never needs them, and the
 * service worker precaches their chunks, so a download still works offline.
 */
export function createExports(atlas: Atlas) {
  const { state } = atlas;
  const wardNames = () =>
    Object.fromEntries(atlas.data.wards.features.map((w) => [w.properties.code, w.properties.name]));
  return {
    table(rows: TableRow[]): Promise<void> {
      // Read everything now: the state may change while the CSV code loads, and the file must match the click.
      const t = atlas.table.model();
      const s = state();
      const ward = atlas.table.filter().ward;
      const d = atlas.spi.data();
      const measure = atlas.spi.measure();
      const spiFile = d
        ? {
            source: d.source,
            measure,
            measureLabel: findMeasure(d.framework, measure)?.label ?? measure,
            year: atlas.spi.year(),
          }
        : null;
      const spec = {
        area: atlas.data.metadata.area.name,
        view: s.view,
        indicator: s.indicator,
        release: s.release,
        ward: ward ? atlas.wardName(ward) : null,
        spi: spiFile,
        caption: t.caption,
      };
      const columns = t.columns.map((col) => ({ header: col.label, value: (r: TableRow) => r.cells[col.key] ?? null }));
      return attemptDownload('the table', atlas.announce, async () => {
        const [{ CSV_MIME, tableCsv, UTF8_BOM }, { tableAttribution, tableExport }] = await Promise.all([
          import('../domain/export/csv'),
          import('../domain/export/table-export'),
        ]);
        const exp = tableExport(spec);
        const csv = tableCsv(columns, rows, {
          ...exp.context,
          attribution: tableAttribution(s.view, atlas.data.metadata.attribution),
        });
        downloadText(exp.fileName, UTF8_BOM + csv, CSV_MIME);
        atlas.announce(`Downloaded ${rows.length} rows as CSV.`);
      });
    },
    ward(wardCode: string): Promise<void> {
      const rows = atlas.selection.wardLsoas(wardCode);
      const release = atlas.selection.wardRelease();
      const subject = atlas.wardName(wardCode);
      const area = atlas.data.metadata.area.name;
      const names = wardNames();
      return attemptDownload(`the LSOAs of ${subject}`, atlas.announce, async () => {
        const { CSV_MIME, csvFileName, UTF8_BOM, wardLsoasCsv } = await import('../domain/export/csv');
        downloadText(
          csvFileName('ward', { release, subject, area }),
          UTF8_BOM +
            wardLsoasCsv(rows, {
              release,
              subject,
              wardNames: names,
              area,
              attribution: atlas.data.metadata.attribution,
            }),
          CSV_MIME,
        );
        atlas.announce(`Downloaded the ${rows.length} LSOAs of ${subject} as CSV.`);
      });
    },
    async png(): Promise<void> {
      const m = atlas.map();
      if (!m) return;
      const meta = atlas.data.metadata;
      // The orientation labels are HTML, not in the canvas: toPng draws them onto the image.
      // Credits what the image shows: a hidden layer's sources (the registry's attribution lines) are left out.
      const credits = shownAttribution(LAYER_REGISTRY, atlas.options().layers, meta);
      const layers = legendEntries(LAYER_REGISTRY, atlas.options().layers, flagsApply(atlas.colouring()));
      const l = atlas.venueLists;
      const shownLists = l.lists().filter((x) => l.shownIds().includes(x.id));
      const venues = venueMapKey(
        l.symbols(),
        l.venues(),
        shownLists.map((x) => x.name),
      );
      const blob = await m.toPng(atlas.legend(), credits, `Neighbourhood Atlas: ${meta.area.name}`, { layers, venues });
      downloadBlob(pngFileName(state(), atlas.data.metadata.area.name), blob);
      atlas.announce('Saved the map view as a PNG image.');
    },
  };
}
