import { BUDGET } from './config';

/** Issue 11: the first view may cost at most 200 bytes gzip per LSOA, whatever the district's size. */
export const FIRST_VIEW_GZIP_PER_LSOA = 200;
/**
 * Floor for the smallest districts (City of London: 6 LSOAs but 25 wards; Isles of Scilly): the
 * topology's fixed structure and the ward outlines cost about as much whatever the LSOA count.
 */
export const FIRST_VIEW_FLOOR_GZIP = 4 * 1024;
/** The three releases' area files, scaled from Leeds' 250 KB for 488 LSOAs (≈ 524 B each). */
export const RELEASES_GZIP_PER_LSOA = Math.floor(BUDGET.releasesGzip / 488);
/** metadata.json is in the releases total and barely depends on size: a fixed allowance for it. */
export const METADATA_ALLOWANCE_GZIP = 16 * 1024;

/** Budgets that scale with the number of LSOAs, so Birmingham (659) and Rutland (24) meet Leeds' bytes per area. */
export function areaBudget(lsoaCount: number): { firstViewGzip: number; releasesGzip: number } {
  return {
    firstViewGzip: Math.max(FIRST_VIEW_FLOOR_GZIP, FIRST_VIEW_GZIP_PER_LSOA * lsoaCount),
    releasesGzip: RELEASES_GZIP_PER_LSOA * lsoaCount + METADATA_ALLOWANCE_GZIP,
  };
}
