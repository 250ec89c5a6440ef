import type { AreaFeatureId, DataMetadata } from './contract';
import type { InterventionTypeDef } from './council-folder';
import { useCouncilContent } from './priority-areas';

/**
 * The council this build is for, from metadata.json: one app build serves any council (build:sites
 * copies it next to each council's data), so names and what is available are data, not code.
 * Set once by useCouncil() when the metadata loads, before the app renders (live ES bindings).
 */
export let COUNCIL: {
  code: string;
  name: string;
  /** Feature → why it is not available for this area; empty when everything is. */
  unavailable: Partial<Record<AreaFeatureId, string>>;
  /** How LSOAs were put in wards (for About). */
  wardsNote: string;
  /** Folder of the council's own content, or null when it has none. */
  contentFolder: string | null;
  /** The council's intervention vocabulary (its council.json), in key order; empty without content. */
  interventionTypes: readonly InterventionTypeDef[];
  /** How LSOAs were put in wards: 'lookup' (ONS best-fit) or 'centroid', and the ward vintage. */
  wardMethod: { method: 'lookup' | 'centroid'; vintage: string } | null;
} = {
  code: '',
  name: 'this area',
  unavailable: {},
  wardsNote: '',
  contentFolder: null,
  interventionTypes: [],
  wardMethod: null,
};

export function useCouncil(meta: DataMetadata): void {
  COUNCIL = {
    code: meta.area.code,
    name: meta.area.name,
    unavailable: meta.council?.unavailable ?? {},
    wardsNote: meta.council?.wards.note ?? '',
    contentFolder: meta.council?.content?.folder ?? null,
    interventionTypes: meta.council?.content?.interventionTypes ?? [],
    wardMethod: meta.council ? { method: meta.council.wards.method, vintage: meta.council.wards.vintage } : null,
  };
  useCouncilContent(meta.council?.content);
}

/** "Not available for this area: <why>" for a feature the sources lack here, or null when available. */
export function unavailableNote(feature: AreaFeatureId): string | null {
  const why = COUNCIL.unavailable[feature];
  return why ? `Not available for ${COUNCIL.name}: ${why}` : null;
}

const UNKNOWN_TYPE: Omit<InterventionTypeDef, 'id' | 'label'> = { colour: '#666666', shape: 'ring', hub: false };

/** A type of the council's vocabulary; a type it does not list (never in a valid build) shows as its id. */
export function interventionType(id: string): InterventionTypeDef {
  return COUNCIL.interventionTypes.find((t) => t.id === id) ?? { id, label: id, ...UNKNOWN_TYPE };
}

/** The types the outreach tool measures distances from (vocabulary `hub: true`). */
export function hubTypes(): ReadonlySet<string> {
  return new Set(COUNCIL.interventionTypes.filter((t) => t.hub).map((t) => t.id));
}

/** Replaces the vocabulary (useCouncil sets it from metadata; a test or an imported list may set its own). */
export function useInterventionTypes(types: readonly InterventionTypeDef[]): void {
  COUNCIL = { ...COUNCIL, interventionTypes: types };
}
