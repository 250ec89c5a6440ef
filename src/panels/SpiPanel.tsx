import { COUNCIL } from '../data/council';
import { For, Show } from 'solid-js';
import { listMeasures, type SpiDataset, type Ward } from '../domain/spi';
import { createSpiFileReader } from './spi-file-reader';
import { SpiFileDrop } from './SpiFileDrop';
import { SpiImportReport } from './SpiImportReport';

export interface SpiPanelProps {
  data: SpiDataset | null;
  wards: readonly Ward[];
  measure: string;
  year: number | null;
  onData: (data: SpiDataset | null) => void;
  onMeasure: (id: string) => void;
  onYear: (year: number) => void;
  /** Whether the loaded data survives a reload, or a damaged session copy was dropped; null = nothing to say. */
  storageNotice?: string | null;
}

/**
 * The SPI layer's panel: what is loaded, how to load a file (picker or drop; read in the browser,
 * never uploaded), validation messages by row and column, and the measure and year to map.
 */
export function SpiPanel(p: SpiPanelProps) {
  const reader = createSpiFileReader(
    () => p.wards,
    (data) => p.onData(data),
  );
  const onFile = (file: File) => void reader.read(file);
  return (
    <section class="spi" aria-labelledby="spi-title" data-testid="spi-panel">
      <h2 id="spi-title" class="panel__title">
        Social Progress Index
      </h2>
      <Show
        when={p.data}
        fallback={
          <p class="notice" data-testid="spi-empty">
            <strong>No Social Progress Index data is loaded.</strong> No public copy of {COUNCIL.name}’s SPI ward scores
            was available to this build, so none is shown. Load the council’s ward SPI file (CSV, columns described in
            the README) below. The file is read in your browser and is not uploaded anywhere.
          </p>
        }
      >
        {(d) => <SpiLoadedData {...p} data={d()} />}
      </Show>
      <SpiFileDrop onFile={onFile} />
      <p role="status" data-testid="spi-status">
        {reader.status()}
      </p>
      <Show when={reader.progress()}>
        {(pr) => (
          <progress
            class="spi__progress"
            data-testid="spi-progress"
            max="100"
            value={pr().percent}
            aria-label={pr().phase === 'reading' ? 'Reading the file' : 'Checking the rows'}
          />
        )}
      </Show>
      <Show when={p.storageNotice}>
        <p class="notice notice--error" data-testid="spi-storage-notice">
          {p.storageNotice}
        </p>
      </Show>
      <SpiImportReport errors={reader.errors()} unmatched={reader.unmatched()} warnings={reader.warnings()} />
    </section>
  );
}

/** The loaded data: its notes and source, the measure and year to map, and a way to remove it. */
function SpiLoadedData(p: SpiPanelProps & { data: SpiDataset }) {
  return (
    <>
      <Show when={p.data.notes.length > 0}>
        <p class="notice notice--error" data-testid="spi-note">
          Note in the data: {p.data.notes.join('; ')}
        </p>
      </Show>
      <p>
        Source: {p.data.source}. {p.data.rows.length} rows, years {p.data.years.join(', ')}.
      </p>
      <label class="controls__label" for="spi-measure">
        Measure
      </label>
      <select id="spi-measure" value={p.measure} onChange={(e) => p.onMeasure(e.currentTarget.value)}>
        <For each={listMeasures(p.data.framework)}>
          {(m) => (
            <option value={m.id}>
              {m.level === 'component' ? '— ' : ''}
              {m.label}
            </option>
          )}
        </For>
      </select>
      <label class="controls__label" for="spi-year">
        Year
      </label>
      <select id="spi-year" value={p.year ?? ''} onChange={(e) => p.onYear(Number(e.currentTarget.value))}>
        <For each={p.data.years}>{(y) => <option value={y}>{y}</option>}</For>
      </select>
      <button type="button" class="button button--secondary" onClick={() => p.onData(null)}>
        Remove the loaded SPI data
      </button>
    </>
  );
}
