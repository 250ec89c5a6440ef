import { type Accessor, createSignal } from 'solid-js';
import type { SpiDataset, SpiIssue, UnmatchedRow, Ward } from '../domain/spi';
import { importSpiFile, type SpiImportPhase } from '../state/spi-import';

/** Where the reading of a file has got to, for the progress bar. */
export interface SpiReadProgress {
  phase: SpiImportPhase;
  percent: number;
}

/** What the SPI panel shows about the last file it read: the status line, the progress and the problems found. */
export interface SpiFileReader {
  status: Accessor<string>;
  progress: Accessor<SpiReadProgress | null>;
  errors: Accessor<SpiIssue[]>;
  warnings: Accessor<SpiIssue[]>;
  unmatched: Accessor<UnmatchedRow[]>;
  /** Reads and checks the file (in a worker, state/spi-import.ts); hands valid data to onData. */
  read: (file: File) => Promise<void>;
}

const loadedMessage = (data: SpiDataset, fileName: string): string =>
  `Loaded ${data.rows.length} rows for ${new Set(data.rows.map((r) => r.wardCode)).size} wards, years ${data.years.join(', ')}, from ${fileName}.`;

const refusedMessage = (problems: number, fileName: string): string =>
  `${fileName} was not loaded: ${problems} problem${problems === 1 ? '' : 's'} found.`;

/**
 * One SPI file read at a time, and its outcome as the panel's messages. The wards are read when a file
 * arrives (they load after the panel can open). A refused file (too large, unreadable) clears the
 * previous file's lists, so no message outlives the file it was about.
 */
export function createSpiFileReader(wards: () => readonly Ward[], onData: (data: SpiDataset) => void): SpiFileReader {
  const [errors, setErrors] = createSignal<SpiIssue[]>([]);
  const [warnings, setWarnings] = createSignal<SpiIssue[]>([]);
  const [unmatched, setUnmatched] = createSignal<UnmatchedRow[]>([]);
  const [status, setStatus] = createSignal('');
  const [progress, setProgress] = createSignal<SpiReadProgress | null>(null);

  const read = async (file: File) => {
    setStatus(`Reading ${file.name}…`);
    setProgress({ phase: 'reading', percent: 0 });
    const outcome = await importSpiFile(file, wards(), (phase, percent) => {
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
      onData(result.data);
      setStatus(loadedMessage(result.data, file.name));
    } else {
      setStatus(refusedMessage(result.errors.length, file.name));
    }
  };

  return { status, progress, errors, warnings, unmatched, read };
}
