/**
 * Pipeline step: the council's ward SPI file → public/geo/spi.json.
 *
 * Looks for <sourcesDir>/spi/leeds_spi_wards.csv (SPI_SOURCE_FILE). No public copy of the Leeds SPI
 * exists, so the file is usually absent: then this returns null and the app shows "no SPI data
 * loaded" — it must never fall back to made-up scores. An optional <sourcesDir>/spi/framework.json
 * (SPI_FRAMEWORK_FILE) overrides the dimension/component names and ids.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSpiCsv } from '../../src/domain/spi/parse';
import {
  DEFAULT_SPI_FRAMEWORK,
  parseFramework,
  SPI_FRAMEWORK_FILE,
  SPI_SOURCE_FILE,
  type SpiDataset,
  type SpiFramework,
  type Ward,
} from '../../src/domain/spi/schema';

export interface ReadSpiOptions {
  /** Called with each warning, already prefixed with the file name (default: console.warn). */
  onWarning?: (message: string) => void;
}

/**
 * Parse and validate the SPI source file. Returns the JSON-ready dataset (write it as
 * public/geo/spi.json), or null when the file is absent. Throws an Error naming the file, row and
 * column of every problem when the file is invalid. Rows whose ward matches neither a code nor a
 * name of `wards` (e.g. a "Leeds" total row) are reported as warnings and left out.
 */
export function readSpiFromSources(
  sourcesDir: string,
  wards: readonly Ward[],
  options: ReadSpiOptions = {},
): SpiDataset | null {
  const warn = options.onWarning ?? ((m: string) => console.warn(m));
  const file = join(sourcesDir, SPI_SOURCE_FILE);
  if (!existsSync(file)) return null;

  const framework = readFramework(join(sourcesDir, SPI_FRAMEWORK_FILE));
  const result = parseSpiCsv(readFileSync(file, 'utf8'), wards, { framework, source: SPI_SOURCE_FILE });
  if (result.data === null) {
    throw new Error(`${file}: invalid SPI file:\n${result.errors.map((e) => `  ${file}: ${e.message}`).join('\n')}`);
  }
  for (const w of result.warnings) warn(`${file}: warning: ${w.message}`);
  for (const u of result.unmatched) warn(`${file}: warning: row ${u.row} left out: ${u.reason}`);
  return result.data;
}

function readFramework(path: string): SpiFramework {
  if (!existsSync(path)) return DEFAULT_SPI_FRAMEWORK;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
  }
  const { framework, errors } = parseFramework(json);
  if (!framework)
    throw new Error(`${path}: invalid SPI framework:\n${errors.map((m) => `  ${path}: ${m}`).join('\n')}`);
  return framework;
}
