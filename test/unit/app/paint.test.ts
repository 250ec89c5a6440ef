import { describe, expect, it } from 'vitest';
import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import { colouringFor, measureValue } from '../../../src/domain/measure';
import { fillColourExpression, noDataFilter } from '../../../src/map/paint';
import { DECILE_COLOURS, NO_DATA_COLOUR, QUINTILE_COLOURS } from '../../../src/domain/colour-schemes';
import type { AppState } from '../../../src/state/url-state';

/** Evaluates a MapLibre expression the way the renderer would, for one feature's properties. */
function evaluate(expr: unknown, properties: Record<string, unknown>): unknown {
  const parsed = createExpression(expr, 'fill-color', { type: 'color', 'property-type': 'data-driven', expression: { interpolated: false, parameters: ['zoom', 'feature'] } } as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const colour = parsed.value.evaluate({ zoom: 10 }, { type: 'Polygon', properties } as never) as { r: number; g: number; b: number };
  const hex = (n: number) => Math.round(n * 255).toString(16).padStart(2, '0');
  return `#${hex(colour.r)}${hex(colour.g)}${hex(colour.b)}`;
}

const ctx = { areaCount: () => 488 };
const base: Pick<AppState, 'indicator' | 'release' | 'banding' | 'view'> = { indicator: 'imd', release: '2025', banding: 'national', view: 'deprivation' };

describe('fillColourExpression', () => {
  it('gives each national decile its scale colour, and absent values the no-data colour', () => {
    const c = colouringFor(base, ctx);
    const expr = fillColourExpression(c);
    for (let d = 1; d <= 10; d++) expect(evaluate(expr, { y25_imd_d: d })).toBe(DECILE_COLOURS[d - 1]);
    expect(evaluate(expr, {})).toBe(NO_DATA_COLOUR);
  });

  it('derives local quintiles from the local rank exactly as measureValue does', () => {
    const c = colouringFor({ ...base, banding: 'local' }, ctx);
    const expr = fillColourExpression(c);
    for (const rank of [1, 97, 98, 195, 196, 390, 391, 488]) {
      const q = measureValue(c.measure, { y25_imd_lr: rank })!;
      expect(evaluate(expr, { y25_imd_lr: rank })).toBe(QUINTILE_COLOURS[q - 1]);
    }
    // 488 / 5 = 97.6: rank 97 is in quintile 1, rank 98 in quintile 2.
    expect(measureValue(c.measure, { y25_imd_lr: 97 })).toBe(1);
    expect(measureValue(c.measure, { y25_imd_lr: 98 })).toBe(2);
  });

  it('switching indicator or release changes only the property read', () => {
    const income19 = colouringFor({ ...base, indicator: 'inc', release: '2019' }, ctx);
    expect(JSON.stringify(fillColourExpression(income19))).toContain('"y19_inc_d"');
    expect(income19.target).toBe('lsoa11');
    expect(evaluate(fillColourExpression(income19), { y19_inc_d: 3, y25_inc_d: 9 })).toBe(DECILE_COLOURS[2]);
  });

  it('hatches LSOAs without a comparable change in the change view', () => {
    const c = colouringFor({ ...base, view: 'change' }, ctx);
    expect(noDataFilter(c)).toEqual(['!', ['has', 'dchg_19_25']]);
    expect(evaluate(fillColourExpression(c), { dchg_19_25: 0 })).toBe('#f7f7f7');
    expect(evaluate(fillColourExpression(c), { dchg_19_25: -4 })).toBe('#542788');
  });
});
