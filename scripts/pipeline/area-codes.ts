import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DISTRICTS_FILE } from './config';
import { PipelineError } from './errors';

/**
 * The English local authority districts an atlas can be built for: E06 (unitary), E07 (non-metropolitan
 * district), E08 (metropolitan borough) and E09 (London borough) codes of the Dec 2024 district list.
 */
export const ENGLISH_DISTRICT_CODE = /^E0[6-9]\d{6}$/;

/** A bad ATLAS_AREA: reported on one line by the CLIs (nothing was read or written). */
export class AreaCodeError extends PipelineError {
  override name = 'AreaCodeError';
}

export interface District {
  code: string;
  name: string;
}

interface DistrictTopology {
  objects?: Record<string, { geometries?: Array<{ properties?: { AREACD?: unknown; AREANM?: unknown } }> }>;
}

const cache = new Map<string, District[]>();

/** Every English district in the sources' district list, sorted by code (296 for Dec 2024). */
export function englishDistricts(dataDir: string): District[] {
  const file = path.resolve(dataDir, DISTRICTS_FILE);
  const hit = cache.get(file);
  if (hit) return hit;
  let topo: DistrictTopology;
  try {
    topo = JSON.parse(readFileSync(file, 'utf8')) as DistrictTopology;
  } catch (e) {
    throw new PipelineError({
      file: DISTRICTS_FILE,
      message: `cannot read the district list (${(e as Error).message})`,
    });
  }
  const out: District[] = [];
  for (const obj of Object.values(topo.objects ?? {})) {
    for (const g of obj.geometries ?? []) {
      const code = String(g.properties?.AREACD ?? '');
      if (ENGLISH_DISTRICT_CODE.test(code)) out.push({ code, name: String(g.properties?.AREANM ?? '') });
    }
  }
  out.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  cache.set(file, out);
  return out;
}

export function hasDistrictList(dataDir: string): boolean {
  return existsSync(path.resolve(dataDir, DISTRICTS_FILE));
}

/**
 * Checks ATLAS_AREA before anything is read or written. The error is one line: what a valid code
 * looks like and where the list is, so a typo costs one run.
 */
export function checkAreaCode(area: string, dataDir: string): District {
  const found = englishDistricts(dataDir).find((d) => d.code === area);
  if (found) return found;
  const what = area.trim() === '' ? 'ATLAS_AREA is empty' : `ATLAS_AREA "${area}" is not an English district code`;
  throw new AreaCodeError({
    file: DISTRICTS_FILE,
    field: 'AREACD',
    message: `${what}: use one of the 296 codes E06…/E07…/E08…/E09… followed by 6 digits (e.g. E08000035 Leeds), listed in ${DISTRICTS_FILE} (AREACD, AREANM) under the data directory`,
  });
}
