import { configFromEnv } from '../../../../scripts/pipeline/config';

/**
 * The shared read-only source mirror, resolved exactly as the pipeline resolves it (ATLAS_DATA_DIR,
 * relative to the repo root, or ../shared/data): no machine's absolute path in any test.
 */
export const dataDir = configFromEnv().dataDir;
