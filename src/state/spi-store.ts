import { createMemo, createResource, createSignal, type Accessor } from 'solid-js';
import { loadBuildSpi } from '../data/load';
import { loadSessionSpi, saveSessionSpi } from '../data/spi-session';
import { findMeasure, measureValues, SPI_OVERALL_ID, type SpiDataset } from '../domain/spi';

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
 * The SPI layer's data: scores built from the sources directory (when the council supplied a file),
 * overridden by a file imported in the browser and kept for the session only.
 */
export function createSpiStore(loadBuilt: Accessor<boolean>): SpiStore {
  const [imported, setImportedSignal] = createSignal<SpiDataset | null>(loadSessionSpi());
  const [built] = createResource(loadBuilt, () => loadBuildSpi().catch(() => null));
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
    setImported: (d) => {
      setImportedSignal(d);
      setYear(null);
      saveSessionSpi(d);
    },
    setMeasure,
    setYear,
  };
}
