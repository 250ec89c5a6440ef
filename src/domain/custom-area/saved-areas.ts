/**
 * Areas kept in browser storage (issue 23): a versioned JSON list, parsed defensively (storage is
 * input: another version of the app, or a person, may have written it). Pure; the storage itself
 * is src/state/custom-area-store.ts.
 */
import type { AreaRule, AreaSet } from '../area-set';

export const SAVED_AREAS_KEY = 'neighbourhood-atlas:areas:v1';

export interface SavedArea {
  id: string;
  name: string;
  /** codeListCheck of the council's codes: an area is offered only on the council it was made for. */
  council: string;
  lsoaCodes: string[];
  rule: AreaRule;
  /** ISO date-time. */
  savedAt: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLonLat = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n));

function parseRule(v: unknown): AreaRule | null {
  if (!isObj(v)) return null;
  if (v['type'] === 'list') return { type: 'list' };
  if (v['type'] === 'ward' && typeof v['ward'] === 'string') return { type: 'ward', ward: v['ward'] };
  if (v['type'] === 'polygon' && Array.isArray(v['ring']) && v['ring'].every(isLonLat))
    return { type: 'polygon', ring: v['ring'] };
  if (v['type'] === 'radius' && isLonLat(v['centre']) && typeof v['radiusM'] === 'number')
    return { type: 'radius', centre: v['centre'], radiusM: v['radiusM'] };
  return null;
}

function parseOne(v: unknown): SavedArea | null {
  if (!isObj(v)) return null;
  const { id, name, council, lsoaCodes, savedAt } = v;
  const rule = parseRule(v['rule']);
  if (
    typeof id !== 'string' ||
    typeof name !== 'string' ||
    typeof council !== 'string' ||
    typeof savedAt !== 'string' ||
    !rule
  )
    return null;
  if (!Array.isArray(lsoaCodes) || !lsoaCodes.every((c) => typeof c === 'string')) return null;
  return { id, name: name.slice(0, 120), council, lsoaCodes, rule, savedAt };
}

/** The stored list; anything unreadable is skipped (never throws). */
export function parseSavedAreas(raw: string | null): SavedArea[] {
  if (!raw) return [];
  try {
    const v: unknown = JSON.parse(raw);
    return isObj(v) && Array.isArray(v['areas']) ? v['areas'].flatMap((a) => parseOne(a) ?? []) : [];
  } catch {
    return [];
  }
}

export function serialiseSavedAreas(areas: readonly SavedArea[]): string {
  return JSON.stringify({ version: 1, areas });
}

/** Saves (or replaces, by id) an area in the list. */
export function withSavedArea(list: readonly SavedArea[], set: AreaSet, council: string, savedAt: string): SavedArea[] {
  const entry: SavedArea = {
    id: set.id,
    name: set.label,
    council,
    lsoaCodes: [...set.lsoaCodes],
    rule: set.rule,
    savedAt,
  };
  return [...list.filter((a) => a.id !== set.id), entry];
}
