import type { ExpressionSpecification } from 'maplibre-gl';
import { flagKey, RELEASES, type ReleaseId } from '../data/contract';
import { NO_DATA_COLOUR } from '../domain/colour-schemes';
import { measureValue, type MapColouring } from '../domain/measure';

/**
 * What the area layers read from MapLibre feature state. The layers' paint expressions never change:
 * a switch of indicator, release or banding only writes these values. MapLibre applies feature state
 * on the main thread in its next frame, while a changed data-driven paint property or filter sends
 * every tile of the source back to the worker to be rebuilt (two or more frames, and the worker's
 * time). So a switch costs one render.
 */
export interface AreaPaintState {
  [key: string]: string | boolean;
  /** The fill colour (the scheme's colour for the value, or its no-data colour). */
  fill: string;
  /** In the national most-deprived 1% / 10% of the outlined release. */
  p1: boolean;
  p10: boolean;
}

/** The feature-state key of each paint value. */
export const PAINT_STATE = { fill: 'fill', p1: 'p1', p10: 'p10' } as const;

/** The fill layers' fill-color, the same for every colouring (no-data grey until a state is written). */
export const FILL_FROM_STATE: ExpressionSpecification = [
  'to-color',
  ['feature-state', PAINT_STATE.fill],
  NO_DATA_COLOUR,
];

/** An outline layer's line-opacity: drawn where the feature-state flag is set. */
export function litWhen(key: typeof PAINT_STATE.p1 | typeof PAINT_STATE.p10): ExpressionSpecification {
  return ['case', ['boolean', ['feature-state', key], false], 1, 0];
}

export interface AreaLike {
  properties: { code: string; [key: string]: unknown };
}

/** Run-time per-area values (imported SPI) that the colouring's feature-state measure reads. */
export interface RunTimeValues {
  key: string;
  values: ReadonlyMap<string, number>;
}

/**
 * Each area's paint state for a colouring: the same scale and measureValue() as the legend and the
 * table, so the map, the legend and the table cannot disagree.
 */
export function areaPaintStates(
  features: readonly AreaLike[],
  colouring: MapColouring,
  flagRelease: ReleaseId,
  runTime: RunTimeValues | null,
): Map<string, AreaPaintState> {
  const out = new Map<string, AreaPaintState>();
  const p1Key = flagKey(flagRelease, 1);
  const p10Key = flagKey(flagRelease, 10);
  for (const f of features) {
    const p = f.properties;
    const state = runTime ? { [runTime.key]: runTime.values.get(p.code) } : undefined;
    const v = measureValue(colouring.measure, p, state);
    out.set(p.code, {
      fill: v === null ? colouring.scheme.noData : colouring.scheme.scale(v),
      p1: p[p1Key] === 1,
      p10: p[p10Key] === 1,
    });
  }
  return out;
}

/** Codes of the areas without a value for the colouring: the hatch layer's filter lists exactly these. */
export function noDataCodes(
  features: readonly AreaLike[],
  colouring: MapColouring,
  runTime: RunTimeValues | null,
): string[] {
  return features
    .filter(
      (f) =>
        measureValue(
          colouring.measure,
          f.properties,
          runTime ? { [runTime.key]: runTime.values.get(f.properties.code) } : undefined,
        ) === null,
    )
    .map((f) => f.properties.code)
    .sort();
}

/**
 * Codes of the areas in the national 1% (or 10%) of any release they carry: the outline layers draw
 * these (a filter that does not change with the release), and feature state says which are lit.
 */
export function flaggedInAnyRelease(features: readonly AreaLike[], percent: 1 | 10): string[] {
  const keys = RELEASES.map((r) => flagKey(r, percent));
  return features
    .filter((f) => keys.some((k) => f.properties[k] === 1))
    .map((f) => f.properties.code)
    .sort();
}

/**
 * The feature-state writes that take the map from `applied` to `next`: only the areas and keys whose
 * value differs (a write for an unchanged area would still make MapLibre rebuild its paint values).
 */
export function stateChanges<S extends Record<string, string | boolean>>(
  applied: ReadonlyMap<string, S>,
  next: ReadonlyMap<string, S>,
): Array<[string, Partial<S>]> {
  const out: Array<[string, Partial<S>]> = [];
  for (const [code, state] of next) {
    const before = applied.get(code);
    const diff: Partial<S> = {};
    let any = false;
    for (const key of Object.keys(state) as Array<keyof S>) {
      if (before?.[key] !== state[key]) {
        diff[key] = state[key];
        any = true;
      }
    }
    if (any) out.push([code, diff]);
  }
  return out;
}
