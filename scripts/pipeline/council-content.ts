import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CouncilContent } from '../../src/data/contract';
import type { PriorityAreasFile } from '../../src/data/content-contract';
import { CONTENT_DIR, REPO_ROOT } from './config';
import { PipelineError } from './errors';
import { CONTENT_FILES } from './interventions-validate';
import { readCouncilFolder } from './council-folder';

/**
 * A council's own content lives in content/<LAD code>/ (council.json, priority-areas.json,
 * interventions.json; see docs/adding-council-content.md), or in <ATLAS_CONTENT_DIR>/<LAD code>/
 * when that is set (a test's synthetic folder). No folder = no content: the build still succeeds.
 */
export function contentDirFor(
  area: string,
  root: string = process.env.ATLAS_CONTENT_DIR ? path.resolve(process.env.ATLAS_CONTENT_DIR) : CONTENT_DIR,
): string | null {
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
  const council = readCouncilFolder(contentDir);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new PipelineError({ file, message: `not readable JSON: ${(e as Error).message}` });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new PipelineError({
      file,
      field: '(root)',
      message: `must be an object with priorityWards and neighbourhoods (got ${parsed === null ? 'null' : Array.isArray(parsed) ? 'a list' : typeof parsed})`,
    });
  }
  const { priorityWards, neighbourhoods } = parsed as Partial<PriorityAreasFile>;
  for (const [field, v] of [
    ['priorityWards', priorityWards],
    ['neighbourhoods', neighbourhoods],
  ] as const) {
    if (!Array.isArray(v)) throw new PipelineError({ file, field, message: 'must be a list (may be empty)' });
  }
  const rel = path.relative(REPO_ROOT, contentDir).split(path.sep).join('/');
  return {
    folder: rel.startsWith('..') ? contentDir : rel,
    priorityWards: priorityWards ?? [],
    neighbourhoods: neighbourhoods ?? [],
    publisher: council.publisher,
    reports: council.reports,
    interventionTypes: council.interventionTypes,
    embedDomains: council.embedDomains,
  };
}
