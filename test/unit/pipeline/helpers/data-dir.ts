import path from 'node:path';
import { REPO_ROOT } from '../../../../scripts/pipeline/config';

/** The shared read-only source mirror (ATLAS_DATA_DIR or ../shared/data from the repo root). */
export const dataDir = path.resolve(REPO_ROOT, process.env.ATLAS_DATA_DIR ?? path.join('..', 'shared', 'data'));
