/**
 * Places a whole list row by row (so the caller can yield between chunks and show progress),
 * finding duplicates as it goes: a row whose mapped cells repeat an earlier row's is listed as a
 * duplicate of it and not drawn twice.
 */
import type { SheetRow } from '../table-file';
import {
  duplicateKey,
  placeRow,
  type ImportedVenue,
  type PlaceContext,
  type RowOutcome,
  type RowStatus,
} from './place';

export interface PlacedList {
  venues: ImportedVenue[];
  /** Every data row's outcome, in file order. */
  outcomes: RowOutcome[];
  counts: Record<RowStatus, number>;
}

export function emptyCounts(): Record<RowStatus, number> {
  return {
    placed: 0,
    'placed-postcode': 0,
    'postcode-not-found': 0,
    'outside-council': 0,
    'outside-england': 0,
    'no-location': 0,
    duplicate: 0,
    'missing-name': 0,
  };
}

export function createPlacer(ctx: PlaceContext): { add: (row: SheetRow) => void; result: () => PlacedList } {
  const seen = new Map<string, number>();
  const out: PlacedList = { venues: [], outcomes: [], counts: emptyCounts() };
  return {
    add(row) {
      const key = duplicateKey(row, ctx.mapping);
      const first = seen.get(key);
      let outcome: RowOutcome;
      if (first !== undefined) {
        const nameCol = ctx.mapping.name === null ? null : (ctx.headers[ctx.mapping.name] ?? null);
        const name = ctx.mapping.name === null ? '' : (row.cells[ctx.mapping.name] ?? '').trim();
        outcome = {
          row: row.row,
          status: 'duplicate',
          name,
          column: nameCol,
          message: `row ${row.row}: the same venue as row ${first}.`,
        };
      } else {
        seen.set(key, row.row);
        const placed = placeRow(row, ctx);
        outcome = placed.outcome;
        if (placed.venue) out.venues.push(placed.venue);
      }
      out.outcomes.push(outcome);
      out.counts[outcome.status]++;
    },
    result: () => out,
  };
}
