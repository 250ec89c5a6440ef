import { createMemo, createSignal, type Accessor } from 'solid-js';
import { GEO_FILES } from '../data/contract';
import { fetchJson } from '../data/load';
import { createDeferredFile, type NoticeLine } from './deferred-file';
import { loadSessionSpi, saveSessionSpi } from './spi-session';
import { findMeasure, measureValues, parseStoredSpi, type SpiDataset } from '../domain/spi';
import { resolveSpiChoice } from '../domain/spi-choice';

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
export const DAMAGED_NOTICE =
  'The SPI data kept from earlier in this session was not in a readable form and has been removed; load the file again.';

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
 * The SPI layer's data (spi.json holds SPI scores built from the sources directory, or null when the council
 * supplied no file): scores built from the sources directory (when the council supplied a file),
 * overridden by a file imported in the browser and kept for the session only.
 */
export interface SpiChoiceSource {
  /** The measure and year asked for (owned by the URL); null = the default. */
  measure: Accessor<string | null>;
  year: Accessor<number | null>;
  set: (choice: { spiMeasure?: string | null; spiYear?: number | null }) => void;
}

/**
 * The built SPI file, read and checked: null when the council supplied no file; a file of the wrong
 * shape fails with its name (the notice line shows it) rather than passing for "no SPI".
 */
const loadBuiltSpi = (): Promise<SpiDataset | null> =>
  fetchJson(GEO_FILES.spi).then((raw: unknown) => {
    if (raw === null) return null;
    const data = parseStoredSpi(raw);
    if (!data) throw new Error(`${GEO_FILES.spi} is not an SPI dataset this version of the atlas reads`);
    return data;
  });

export function createSpiStore(
  loadBuilt: Accessor<boolean>,
  choice: SpiChoiceSource,
  notice: NoticeLine,
  retryOn: Accessor<unknown>,
): SpiStore {
  const restored = restoreSession();
  const [imported, setImportedSignal] = createSignal<SpiDataset | null>(restored.data);
  const [storageNotice, setStorageNotice] = createSignal<string | null>(restored.notice);
  const built = createDeferredFile(
    loadBuilt,
    { unavailable: 'The Social Progress Index scores built for this atlas are', load: loadBuiltSpi },
    notice,
    retryOn,
  );
  const data = () => imported() ?? built() ?? null;
  const resolved = createMemo(() => resolveSpiChoice(data(), choice.measure(), choice.year()));
  const measure = () => resolved().measure;
  const year = () => resolved().year;
  const values = createMemo<ReadonlyMap<string, number>>(() => {
    const d = data();
    const y = year();
    return d && y !== null ? measureValues(d, measure(), y) : new Map<string, number>();
  });
  const label = () => {
    const d = data();
    const m = d ? findMeasure(d.framework, measure()) : undefined;
    return d && m
      ? `${m.label} (SPI ${year() ?? ''}, 0–100, higher is better)`
      : 'Social Progress Index (no data loaded)';
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
      choice.set({ spiYear: null });
      setStorageNotice(saveSessionSpi(d) ? null : NOT_KEPT_NOTICE);
    },
    setMeasure: (id) => choice.set({ spiMeasure: id }),
    setYear: (y) => choice.set({ spiYear: y }),
  };
}
