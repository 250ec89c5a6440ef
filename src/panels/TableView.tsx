import { createMemo, For, Show } from 'solid-js';
import type { LayerTable, TableFilter, TableRow } from '../domain/layer-table';
import type { VenueTableRow } from '../domain/venue-lists/venue-table';
import { sortBy } from '../domain/sort';
import { createSortState, SortHeader } from './sortable';

export interface TableViewProps {
  table: LayerTable;
  filter: TableFilter;
  wards: { code: string; name: string }[];
  flagsApply: boolean;
  onFilter: (f: TableFilter) => void;
  onSelect: (kind: 'lsoa' | 'ward', code: string) => void;
  /** Downloads the rows in the order they are shown. */
  onDownload: (rows: TableRow[]) => void;
  onClose: () => void;
  /** The venues of the shown imported lists, listed below the layer's table. */
  venues: readonly VenueTableRow[];
  onSelectVenue: (id: string) => void;
}

/** Everything the map shows, as a sortable table with the same filters: the map's non-visual equivalent. */
export function TableView(p: TableViewProps) {
  const sort = createSortState<string>('name');
  const rows = createMemo(() => sortBy(p.table.rows, (r) => r.cells[sort.key()], sort.direction()));
  return (
    <section class="table-view" aria-labelledby="table-title" data-testid="table-view">
      <div class="table-view__head">
        <h2 id="table-title">Table of the map layer</h2>
        <button type="button" class="button" onClick={() => p.onDownload(rows())}>
          Download as CSV
        </button>
        <button type="button" class="button button--secondary" onClick={p.onClose}>
          Back to the map
        </button>
      </div>
      <div class="table-view__filters">
        <label>
          Ward{' '}
          <select
            id="table-ward"
            value={p.filter.ward ?? ''}
            onChange={(e) => p.onFilter({ ...p.filter, ward: e.currentTarget.value || null })}
          >
            <option value="">All wards</option>
            <For each={p.wards}>{(w) => <option value={w.code}>{w.name}</option>}</For>
          </select>
        </label>
        <label>
          Show{' '}
          <select
            id="table-flag"
            value={p.filter.flag}
            disabled={!p.flagsApply}
            onChange={(e) => p.onFilter({ ...p.filter, flag: e.currentTarget.value as TableFilter['flag'] })}
          >
            <option value="all">All areas</option>
            <option value="p10">Most deprived 10% nationally</option>
            <option value="p1">Most deprived 1% nationally</option>
          </select>
        </label>
      </div>
      <details class="table-view__key">
        <summary>What the columns mean</summary>
        <dl>
          <For each={p.table.columns.filter((c) => c.short !== c.label)}>
            {(c) => (
              <>
                <dt>{c.short}</dt>
                <dd>{c.label}</dd>
              </>
            )}
          </For>
        </dl>
      </details>
      {/* Shown above the region so it wraps at the page's width; screen readers hear it as the table's caption. */}
      <p class="table-view__caption" aria-hidden="true">
        {p.table.caption}
      </p>
      <div class="table-view__scroll" role="region" aria-labelledby="table-title" tabindex="0">
        <table class="simple-table sortable" data-testid="layer-table">
          <caption class="sr-only">{p.table.caption}</caption>
          <thead>
            <tr>
              <For each={p.table.columns}>
                {(c) => (
                  <SortHeader sort={sort} column={c.key}>
                    <Show when={c.short !== c.label} fallback={c.label}>
                      <abbr title={c.label}>{c.short}</abbr>
                      <span class="sr-only">: {c.label}</span>
                    </Show>
                  </SortHeader>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(r) => (
                <tr>
                  <For each={p.table.columns}>
                    {(c, i) =>
                      i() === 0 ? (
                        <th scope="row">
                          <button type="button" class="link-button" onClick={() => p.onSelect(r.kind, r.code)}>
                            {String(r.cells[c.key] ?? '')}
                          </button>
                        </th>
                      ) : (
                        <td classList={{ num: c.numeric }}>{r.cells[c.key] ?? '—'}</td>
                      )
                    }
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={p.venues.length > 0}>
        <VenueTable venues={p.venues} onSelect={p.onSelectVenue} />
      </Show>
    </section>
  );
}

/** The shown imported venues: name (opens the profile), category, list, how placed, LSOA and ward. */
function VenueTable(p: { venues: readonly VenueTableRow[]; onSelect: (id: string) => void }) {
  return (
    <>
      <h3 id="venue-table-title">Your venues on the map ({p.venues.length})</h3>
      <div class="table-view__scroll" role="region" aria-labelledby="venue-table-title" tabindex="0">
        <table class="simple-table" data-testid="venue-table">
          <caption class="sr-only">
            The venues of the imported lists shown on the map; a venue placed by postcode centroid is approximate.
          </caption>
          <thead>
            <tr>
              <th scope="col">Venue</th>
              <th scope="col">Category</th>
              <th scope="col">List</th>
              <th scope="col">Placed by</th>
              <th scope="col">LSOA</th>
              <th scope="col">Ward</th>
            </tr>
          </thead>
          <tbody>
            <For each={p.venues}>
              {(v) => (
                <tr>
                  <th scope="row">
                    <button type="button" class="link-button" onClick={() => p.onSelect(v.id)}>
                      {v.name}
                    </button>
                  </th>
                  <td>{v.category || '—'}</td>
                  <td>{v.list}</td>
                  <td>{v.placedBy}</td>
                  <td>{v.lsoa}</td>
                  <td>{v.ward}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </>
  );
}
