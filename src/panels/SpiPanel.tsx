import { COUNCIL } from '../data/council';
import { createSignal, For, Show } from 'solid-js';
import { listMeasures, type SpiDataset, type SpiIssue, type UnmatchedRow, type Ward } from '../domain/spi';
import { importSpiFile, type SpiImportPhase } from '../state/spi-import';

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

const MAX_LISTED = 20;

/**
 * The SPI layer's panel: what is loaded, how to load a file (picker or drop; read in the browser,
 * never uploaded), validation messages by row and column, and the measure and year to map.
 */
export function SpiPanel(p: SpiPanelProps) {
  const [errors, setErrors] = createSignal<SpiIssue[]>([]);
  const [warnings, setWarnings] = createSignal<SpiIssue[]>([]);
  const [unmatched, setUnmatched] = createSignal<UnmatchedRow[]>([]);
  const [status, setStatus] = createSignal('');
  const [dragging, setDragging] = createSignal(false);

  const [progress, setProgress] = createSignal<{ phase: SpiImportPhase; percent: number } | null>(null);

  const readFile = async (file: File) => {
    setStatus(`Reading ${file.name}…`);
    setProgress({ phase: 'reading', percent: 0 });
    const outcome = await importSpiFile(file, p.wards, (phase, percent) => {
      if (phase !== progress()?.phase)
        setStatus(phase === 'reading' ? `Reading ${file.name}…` : `Checking ${file.name}…`);
      setProgress({ phase, percent });
    });
    setProgress(null);
    if (outcome.kind === 'refused') {
      setErrors([{ message: outcome.message }]);
      setWarnings([]);
      setUnmatched([]);
      setStatus(`${file.name} was not loaded.`);
      return;
    }
    const result = outcome.result;
    setErrors(result.errors);
    setWarnings(result.warnings);
    setUnmatched(result.unmatched);
    if (result.data) {
      p.onData(result.data);
      setStatus(
        `Loaded ${result.data.rows.length} rows for ${new Set(result.data.rows.map((r) => r.wardCode)).size} wards, years ${result.data.years.join(', ')}, from ${file.name}.`,
      );
    } else {
      setStatus(
        `${file.name} was not loaded: ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'} found.`,
      );
    }
  };

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
        {(d) => (
          <>
            <Show when={d().notes.length > 0}>
              <p class="notice notice--error" data-testid="spi-note">
                Note in the data: {d().notes.join('; ')}
              </p>
            </Show>
            <p>
              Source: {d().source}. {d().rows.length} rows, years {d().years.join(', ')}.
            </p>
            <label class="controls__label" for="spi-measure">
              Measure
            </label>
            <select id="spi-measure" value={p.measure} onChange={(e) => p.onMeasure(e.currentTarget.value)}>
              <For each={listMeasures(d().framework)}>
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
              <For each={d().years}>{(y) => <option value={y}>{y}</option>}</For>
            </select>
            <button type="button" class="button button--secondary" onClick={() => p.onData(null)}>
              Remove the loaded SPI data
            </button>
          </>
        )}
      </Show>

      <div
        class="dropzone"
        classList={{ 'dropzone--active': dragging() }}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer?.files[0];
          if (file) void readFile(file);
        }}
      >
        <label for="spi-file" class="controls__label">
          Load an SPI file (CSV)
        </label>
        <input
          id="spi-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void readFile(file);
          }}
        />
        <p class="controls__note">…or drop the file here.</p>
      </div>
      <p role="status" data-testid="spi-status">
        {status()}
      </p>
      <Show when={progress()}>
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
      <Show when={errors().length > 0}>
        <h3 class="profile__subtitle">Problems in the file</h3>
        <ul class="issues" data-testid="spi-errors">
          <For each={errors().slice(0, MAX_LISTED)}>{(e) => <li>{e.message}</li>}</For>
        </ul>
        <Show when={errors().length > MAX_LISTED}>
          <p>…and {errors().length - MAX_LISTED} more.</p>
        </Show>
      </Show>
      <Show when={unmatched().length > 0}>
        <h3 class="profile__subtitle">Rows not matched to a ward</h3>
        <ul class="issues" data-testid="spi-unmatched">
          <For each={unmatched().slice(0, MAX_LISTED)}>
            {(u) => (
              <li>
                Row {u.row}: {u.wardCode || u.wardName} ({u.year}) — {u.reason}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={warnings().length > 0}>
        <details>
          <summary>{warnings().length} warnings</summary>
          <ul class="issues">
            <For each={warnings().slice(0, MAX_LISTED)}>{(w) => <li>{w.message}</li>}</For>
          </ul>
        </details>
      </Show>
    </section>
  );
}
