/**
 * Issue 25's postcode budget over every council: the largest postcode file (district, or sector of a
 * split district) in a `build:sites -- all` output folder, gzipped as the pipeline measures its own
 * budget (level 9, POSTCODE_DISTRICT_BUDGET_GZIP). A lookup loads exactly one such file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface LargestPostcodeFile {
  /** Council folders read (E0… codes with a geo/postcodes folder). */
  councils: number;
  files: number;
  largest: { council: string; file: string; gzip: number } | null;
}

export function largestPostcodeFile(sitesDir: string): LargestPostcodeFile {
  let councils = 0;
  let files = 0;
  let largest: LargestPostcodeFile['largest'] = null;
  for (const council of readdirSync(sitesDir)
    .filter((d) => /^E0\d{7}$/.test(d))
    .sort()) {
    const dir = path.join(sitesDir, council, 'geo', 'postcodes');
    if (!existsSync(dir)) continue;
    councils++;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      files++;
      const gzip = gzipSync(readFileSync(path.join(dir, file)), { level: 9 }).byteLength;
      if (!largest || gzip > largest.gzip) largest = { council, file, gzip };
    }
  }
  return { councils, files, largest };
}
