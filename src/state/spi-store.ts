import { createMemo, createResource, createSignal, type Accessor } from 'solid-js';
import { loadBuildSpi } from '../data/load';
import { loadSessionSpi, saveSessionSpi } from '../data/spi-session';
import { findMeasure, measureValues, parseStoredSpi, SPI_OVERALL_ID, type SpiDataset } from '../domain/spi';

export interface SpiStore {
  data: Accessor<SpiDataset | null>;
  measure: Accessor<string>;
  year: Accessor<number | null>;
  /** Ward code → score of the chosen measure and year. */
  values: Accessor<ReadonlyMap<string, number>>;
  /** What the map shows, for the legend title and announcements. */
  label: Accessor<string>;
  /** What a person must know about the session copy (not kept, or a damaged copy dropped); null = nothing. */
  storageNotice: Accessor<string | null>;
  setImported: (d: SpiDataset | null) => void;
  setMeasure: (id: string) => void;
  setYear: (year: number | null) => void;
}

export const NOT_KEPT_NOTICE =
  'This data could not be kept in the browser for this session (too large for its storage, or storage is blocked): it is shown now, but it will not survive a reload — load the file again after reloading.';
export const DAMAGED_NOTICE = 'The SPI data kept from earlier in this session was not in a readable form and has been removed; load the file again.';

/** The session copy, checked: a copy of the wrong shape is removed (and said), never used. */
function restoreSession(): { data: SpiDataset | null; notice: string | null } {
  const stored = loadSessionSpi();
  if (stored.kind === 'none') return { data: null, notice: null };
  const data = stored.kind === 'json' ? parseStoredSpi(stored.value) : null;
  if (data) return { data, notice: null };
  saveSessionSpi(null);
  return { data: null, notice: DAMAGED_NOTICE };
}

/**
 * The SPI layer's data: scores built from the sources directory (when the council supplied a file),
 * overridden by a file imported in the browser and kept for the session only.
 */
export function createSpiStore(loadBuilt: Accessor<boolean>): SpiStore {
  const restored = restoreSession();
  const [imported, setImportedSignal] = createSignal<SpiDataset | null>(restored.data);
  const [storageNotice, setStorageNotice] = createSignal<string | null>(restored.notice);
  const [built] = createResource(loadBuilt, () =>
    loadBuildSpi()
      .then((raw: unknown) => parseStoredSpi(raw))
      .catch(() => null),
  );
  const data = () => imported() ?? built() ?? null;
  const [measure, setMeasure] = createSignal(SPI_OVERALL_ID);
  const [yearChoice, setYear] = createSignal<number | null>(null);
  const year = () => yearChoice() ?? data()?.years.at(-1) ?? null;
  const values = createMemo<ReadonlyMap<string, number>>(() => {
    const d = data();
    const y = year();
    return d && y !== null ? measureValues(d, measure(), y) : new Map<string, number>();
  });
  const label = () => {
    const d = data();
    const m = d ? findMeasure(d.framework, measure()) : undefined;
    return d && m ? `${m.label} (SPI ${year() ?? ''}, 0–100, higher is better)` : 'Social Progress Index (no data loaded)';
  };
  return {
    data,
    measure,
    year,
    values,
    label,
    storageNotice,
    setImported: (d) => {
      setImportedSignal(d);
      setYear(null);
      setStorageNotice(saveSessionSpi(d) ? null : NOT_KEPT_NOTICE);
    },
    setMeasure,
    setYear,
  };
}
