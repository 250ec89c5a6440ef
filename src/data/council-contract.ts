/**
 * The part of the data contract (metadata.json's `council`) that says what one council's build has:
 * its ward vintage and method, its own content, and which area-specific sources it lacks.
 */
import type { PriorityNeighbourhood, PriorityWard } from './content-contract';
import type { CouncilVocabulary } from './council-folder';

/** Features whose sources exist only for some areas; the app says why when one is missing. */
export const AREA_FEATURES = ['postcodes', 'committees', 'spi', 'file7', 'context'] as const;
export type AreaFeatureId = (typeof AREA_FEATURES)[number];

export interface CouncilMetadata {
  wards: {
    /** Ward boundary vintage, e.g. "December 2024", "May 2025". */
    vintage: string;
    /** 'lookup' = ONS best-fit lookup; 'centroid' = ward containing the LSOA's population-weighted centroid. */
    method: 'lookup' | 'centroid';
    /** One sentence for About. */
    note: string;
    /** England-wide builds: LSOAs the best-fit lookup puts in another ward than the centroid rule did. */
    movedFromCentroid?: number;
    /** Wards of the area that receive no LSOA 2021 (codes, sorted): drawn with no figures. */
    withoutLsoa?: string[];
  };
  /** Feature id → why it is not available for this area (absent = available). */
  unavailable: Partial<Record<AreaFeatureId, string>>;
  /** The council's own content (content/<LAD code>/), or null when it has none. */
  content: CouncilContent | null;
}

/**
 * The council's own content as the app needs it: priority wards and neighbourhoods
 * (content/<LAD code>/priority-areas.json) and, from its council.json, the report list, the
 * intervention vocabulary and the embedding domains.
 */
export interface CouncilContent extends CouncilVocabulary {
  /** Folder the content was built from (e.g. "content/E08000035"). */
  folder: string;
  priorityWards: PriorityWard[];
  neighbourhoods: PriorityNeighbourhood[];
}
