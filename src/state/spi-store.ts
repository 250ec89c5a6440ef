import { createMemo, createResource, createSignal, type Accessor } from 'solid-js';
import { GEO_FILES } from '../data/contract';
import { fetchJson } from '../data/load';
import { loadSessionSpi, saveSessionSpi } from './spi-session';
import { findMeasure, measureValues, type SpiDataset } from '../domain/spi';
import { resolveSpiChoice } from '../domain/spi-choice';

export interface SpiStore {
  data: Accessor<SpiDataset | null>;
  measure: Accessor<string>;
  year: Accessor<number | null>;
  /** Ward code → score of the chosen measure and year. */
  values: Accessor<ReadonlyMap<string, number>>;
  /** What the map shows, for the legend title and announcements. */
  label: Accessor<string>;
  setImported: (d: SpiDataset | null) => void;
  setMeasure: (id: string) => void;
  setYear: (year: number | null) => void;
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

export function createSpiStore(loadBuilt: Accessor<boolean>, choice: SpiChoiceSource): SpiStore {
  const [imported, setImportedSignal] = createSignal<SpiDataset | null>(loadSessionSpi());
  const [built] = createResource(loadBuilt, () => fetchJson<SpiDataset | null>(GEO_FILES.spi).catch(() => null));
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
    return d && m ? `${m.label} (SPI ${year() ?? ''}, 0–100, higher is better)` : 'Social Progress Index (no data loaded)';
  };
  return {
    data,
    measure,
    year,
    values,
    label,
    setImported: (d) => {
      setImportedSignal(d);
      choice.set({ spiYear: null });
      saveSessionSpi(d);
    },
    setMeasure: (id) => choice.set({ spiMeasure: id }),
    setYear: (y) => choice.set({ spiYear: y }),
  };
}
