import { NEIGHBOURHOODS } from '../data/priority-areas';
import type { LsoaFeature } from '../data/load';
import { CENTROID_RULE } from '../domain/area-set';
import { areaOutlineGeoJson } from '../domain/custom-area/area-outline';
import type { Atlas } from '../state/atlas';
import { attemptDownload, downloadText } from './download';

/**
 * The custom area's three downloads (member CSV, outline GeoJSON, content-file neighbourhood entry);
 * each loads its writer when pressed, as every export does.
 */
export function customAreaDownloads(a: Atlas, lsoa: (code: string) => LsoaFeature | undefined) {
  const s = a.customArea;
  const downloadCsv = () => {
    const area = s.area();
    if (!area) return;
    const rows = area.lsoaCodes.flatMap((c) => lsoa(c) ?? []);
    const subject = area.label;
    const council = a.data.metadata.area.name;
    const wardNames = Object.fromEntries(a.data.wards.features.map((w) => [w.properties.code, w.properties.name]));
    void attemptDownload(`the LSOAs of ${subject}`, a.announce, async () => {
      const { CSV_MIME, csvFileName, UTF8_BOM, wardLsoasCsv } = await import('../domain/export/csv');
      const ctx = {
        release: '2025' as const,
        subject,
        area: council,
        wardNames,
        attribution: a.data.metadata.attribution,
        description: `your own area “${subject}” (${rows.length} LSOAs, rule: ${area.rule.type})`,
        notes: [CENTROID_RULE],
      };
      downloadText(csvFileName('area', ctx), UTF8_BOM + wardLsoasCsv(rows, ctx), CSV_MIME);
      a.announce(`Downloaded the ${rows.length} LSOAs of ${subject} as CSV.`);
    });
  };
  const downloadGeoJson = () => {
    const area = s.area();
    if (!area) return;
    void attemptDownload(`the outline of ${area.label}`, a.announce, async () => {
      const { slugify } = await import('../data/slug');
      downloadText(
        `${slugify(a.data.metadata.area.name)}-area-${slugify(area.label)}.geojson`,
        JSON.stringify(areaOutlineGeoJson(area, a.index().lsoa21)),
        'application/geo+json',
      );
      a.announce(`Downloaded the outline of ${area.label} as GeoJSON.`);
    });
  };
  const downloadEntry = () => {
    const area = s.area();
    const base = NEIGHBOURHOODS.find((n) => n.id === s.basedOn());
    if (!area || !base) return;
    void attemptDownload(`the content-file entry of ${base.name}`, a.announce, async () => {
      const [{ neighbourhoodEntry }, { slugify }] = await Promise.all([
        import('../domain/custom-area/neighbourhood-entry'),
        import('../data/slug'),
      ]);
      const entry = neighbourhoodEntry(
        base,
        area,
        (c) => lsoa(c)?.properties.chg,
        new Date().toISOString().slice(0, 10),
      );
      downloadText(
        `neighbourhood-${slugify(base.id)}-edited.json`,
        `${JSON.stringify(entry, null, 2)}\n`,
        'application/json',
      );
      a.announce(`Downloaded ${base.name} as a content-file entry.`);
    });
  };
  return { downloadCsv, downloadGeoJson, downloadEntry };
}
