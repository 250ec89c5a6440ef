import { mappingForHeaders } from '../domain/venue-lists/columns';
import type { StoredVenueList } from '../domain/venue-lists/stored';
import { downloadText } from './download';

/**
 * A kept list as files the build accepts (content/<code>/venues/<name>.csv and its council.json places
 * entry; docs/venue-lists.md). The CSV writers load when a download is asked for, never with the panel.
 */
export function venueListPublishing(councilCode: string, announce: (message: string) => void) {
  const published = async (l: StoredVenueList) => {
    const m = mappingForHeaders(l.mapping, l.headers);
    if (!('mapping' in m)) return null;
    const { publishedList } = await import('../domain/venue-lists/export');
    return publishedList({
      name: l.name,
      sourceFile: l.sourceFile,
      importedAt: l.importedAt,
      rows: l.rows,
      placedRows: new Set(l.venues.map((v) => v.row)),
      mapping: m.mapping,
    });
  };
  const publishCsv = async (l: StoredVenueList) => {
    const [pub, { CSV_MIME }] = await Promise.all([published(l), import('../domain/export/csv')]);
    if (!pub) return;
    downloadText(pub.fileName, pub.csv, CSV_MIME);
    announce(
      `Saved ${pub.fileName}: put it in content/${councilCode}/venues/ and add its places entry to council.json (see docs/venue-lists.md).`,
    );
  };
  const publishEntry = async (l: StoredVenueList) => {
    const pub = await published(l);
    if (pub)
      downloadText(
        pub.fileName.replace(/\.csv$/, '.places.json'),
        `${JSON.stringify(pub.entry, null, 2)}\n`,
        'application/json',
      );
  };
  return { publishCsv, publishEntry };
}
