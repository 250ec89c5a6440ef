import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CouncilContent } from '../../src/data/contract';
import type { PriorityAreasFile } from '../../src/data/content-contract';
import { CONTENT_DIR, REPO_ROOT } from './config';
import { PipelineError } from './errors';
import { CONTENT_FILES } from './interventions-validate';

/**
 * A council's own content lives in content/<LAD code>/ (priority-areas.json, interventions.json;
 * see docs/adding-council-content.md). No folder = no content: the build still succeeds.
 */
export function contentDirFor(area: string, root: string = CONTENT_DIR): string | null {
  const dir = path.join(root, area);
  return existsSync(dir) ? dir : null;
}

/**
 * The priority wards and neighbourhoods the app shows, carried in metadata.json so one app build
 * serves any council. The full validation of both files is the interventions step's (it fails the
 * build on any problem); this only reads what the app needs.
 */
export function councilContent(contentDir: string | null): CouncilContent | null {
  if (contentDir === null) return null;
  const file = path.join(contentDir, CONTENT_FILES.priorityAreas);
  let parsed: PriorityAreasFile;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as PriorityAreasFile;
  } catch (e) {
    throw new PipelineError({ file, message: `not readable JSON: ${(e as Error).message}` });
  }
  if (!Array.isArray(parsed.priorityWards) || !Array.isArray(parsed.neighbourhoods)) {
    throw new PipelineError({ file, field: 'priorityWards', message: 'expected arrays priorityWards and neighbourhoods' });
  }
  return {
    folder: path.relative(REPO_ROOT, contentDir).split(path.sep).join('/'),
    priorityWards: parsed.priorityWards,
    neighbourhoods: parsed.neighbourhoods,
  };
}
