/**
 * Web Worker: one venue-list import off the main thread (venue-list-messages.ts says what is sent).
 * It reads the file (CSV or .xlsx) and keeps the table; asked to place it, it fetches the postcode
 * files the rows name (the app's own loader and guard, src/data/load.ts), places every row with the
 * one placer (domain/venue-lists/placer.ts), packs rows, venues and outcomes as the JSON Blob the
 * store keeps (venue-list-db.ts), and sends the result back in parts.
 */
import type { PostcodeDistrict } from '../data/contract';
import { loadPostcodeDistrict } from '../data/load';
import { readTable, type TableData } from '../domain/table-file';
import { unflattenAreas } from '../domain/venue-lists/flat-areas';
import { areaLocator } from '../domain/venue-lists/inside';
import { postcodeFilesNamed } from '../domain/venue-lists/place';
import { createPlacer } from '../domain/venue-lists/placer';
import { readFileBytes } from './read-file-in-worker';
import { inParts, type VenueWorkerMessage, type VenueWorkerRequest } from './venue-list-messages';

const post = (m: VenueWorkerMessage): void => self.postMessage(m);
let table: TableData | null = null;

async function read(file: Blob, name: string): Promise<void> {
  const bytes = await readFileBytes(file, (percent) => post({ kind: 'progress', phase: 'reading', percent }));
  post({ kind: 'progress', phase: 'parsing', percent: 100 });
  const result = readTable(name, bytes);
  if (result.kind === 'refused') return post({ kind: 'table', result });
  table = result;
  for (const rows of inParts(result.rows)) post({ kind: 'rows', rows });
  post({ kind: 'table', result: { ...result, rows: [] } });
}

async function place(m: Extract<VenueWorkerRequest, { kind: 'place' }>, t: TableData): Promise<void> {
  const files = new Map<string, PostcodeDistrict>();
  // A file that fails to load leaves its postcodes "not found" (each row says so).
  await Promise.all(
    postcodeFilesNamed(t.rows, m.mapping, m.postcodeIndex).map((k) =>
      loadPostcodeDistrict(k, m.geoBase).then(
        (f) => void files.set(k, f),
        () => undefined,
      ),
    ),
  );
  const placer = createPlacer({
    listId: m.listId,
    headers: t.headers,
    mapping: m.mapping,
    postcodeFiles: files,
    postcodeIndex: m.postcodeIndex,
    areas: areaLocator(unflattenAreas(m.areas)),
  });
  let shown = 0;
  t.rows.forEach((row, i) => {
    placer.add(row);
    const percent = Math.floor(((i + 1) / t.rows.length) * 100);
    if (percent < shown + 5) return;
    shown = percent;
    post({ kind: 'progress', phase: 'placing', percent });
  });
  const placed = placer.result();
  const packed = new Blob([JSON.stringify({ rows: t.rows, venues: placed.venues, outcomes: placed.outcomes })], {
    type: 'application/json',
  });
  for (const venues of inParts(placed.venues)) post({ kind: 'placed-part', venues, outcomes: [] });
  for (const outcomes of inParts(placed.outcomes)) post({ kind: 'placed-part', venues: [], outcomes });
  post({ kind: 'placed', counts: placed.counts, packed });
}

self.addEventListener('message', (e: MessageEvent<VenueWorkerRequest>) => {
  const m = e.data;
  const failed = (err: unknown) => post({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  if (m.kind === 'read') read(m.file, m.name).catch(failed);
  else if (table) place(m, table).catch(failed);
  else failed(new Error('no table has been read'));
});
