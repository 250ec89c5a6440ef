import { describe, expect, it } from 'vitest';
import { createExpression, type Feature } from '@maplibre/maplibre-gl-style-spec';
import { colouringFor, measureValue } from '../../../src/domain/measure';
import {
  areaPaintStates,
  FILL_FROM_STATE,
  flaggedInAnyRelease,
  litWhen,
  noDataCodes,
  stateChanges,
  type AreaPaintState,
} from '../../../src/map/area-paint';
import {
  CHANGE_COLOURS,
  DECILE_COLOURS,
  NO_DATA_COLOUR,
  QUINTILE_COLOURS,
  SPI_COLOURS,
} from '../../../src/domain/colour-schemes';
import type { AppState } from '../../../src/domain/views';

const POLYGON: Feature = { type: 'Polygon', properties: {} };
type PropertySpec = NonNullable<Parameters<typeof createExpression>[2]>;
// As in MapLibre's style spec (v8.json): both take data-driven expressions with feature state.
const SPECS: Record<'fill-color' | 'line-opacity', PropertySpec> = {
  'fill-color': {
    type: 'color',
    'property-type': 'data-driven',
    expression: { interpolated: true, parameters: ['zoom', 'feature', 'feature-state'] },
    transition: true,
    overridable: false,
  },
  'line-opacity': {
    type: 'number',
    'property-type': 'data-driven',
    expression: { interpolated: true, parameters: ['zoom', 'feature', 'feature-state'] },
    transition: true,
  },
};

/** Evaluates a layer's paint expression the way the renderer would (MapLibre's own spec), for one feature's state. */
function evaluate(
  expr: unknown,
  property: 'fill-color' | 'line-opacity',
  featureState: Record<string, unknown>,
): unknown {
  const parsed = createExpression(expr, property, SPECS[property]);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const v = parsed.value.evaluate({ zoom: 10 }, POLYGON, featureState);
  if (typeof v === 'number') return v;
  const colour = v as { r: number; g: number; b: number };
  const hex = (n: number) =>
    Math.round(n * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${hex(colour.r)}${hex(colour.g)}${hex(colour.b)}`;
}

const area = (code: string, props: Record<string, number> = {}) => ({ properties: { code, ...props } });
const ctx = { areaCount: () => 488 };
const base: Pick<AppState, 'indicator' | 'release' | 'banding' | 'view'> = {
  indicator: 'imd',
  release: '2025',
  banding: 'national',
  view: 'deprivation',
};

describe('area paint through feature state', () => {
  it('gives each national decile its scale colour, and absent values the no-data colour', () => {
    const c = colouringFor(base, ctx);
    const areas = [...DECILE_COLOURS.map((_, i) => area(`E0${i}`, { y25_imd_d: i + 1 })), area('E0x')];
    const states = areaPaintStates(areas, c, '2025', null);
    DECILE_COLOURS.forEach((colour, i) => void expect(states.get(`E0${i}`)?.fill).toBe(colour));
    expect(states.get('E0x')?.fill).toBe(NO_DATA_COLOUR);
    expect(noDataCodes(areas, c, null)).toEqual(['E0x']);
  });

  it('the fill layer draws the colour written to feature state, and no-data grey before any is written', () => {
    for (const colour of [...DECILE_COLOURS, ...CHANGE_COLOURS])
      expect(evaluate(FILL_FROM_STATE, 'fill-color', { fill: colour })).toBe(colour);
    expect(evaluate(FILL_FROM_STATE, 'fill-color', {})).toBe(NO_DATA_COLOUR);
  });

  it('derives local quintiles from the local rank exactly as measureValue does', () => {
    const c = colouringFor({ ...base, banding: 'local' }, ctx);
    const ranks = [1, 97, 98, 195, 196, 390, 391, 488];
    const states = areaPaintStates(
      ranks.map((r) => area(`R${r}`, { y25_imd_lr: r })),
      c,
      '2025',
      null,
    );
    for (const r of ranks)
      expect(states.get(`R${r}`)?.fill).toBe(
        QUINTILE_COLOURS[(measureValue(c.measure, { y25_imd_lr: r }) as number) - 1],
      );
    // 488 / 5 = 97.6: rank 97 is in quintile 1, rank 98 in quintile 2.
    expect(states.get('R97')?.fill).toBe(QUINTILE_COLOURS[0]);
    expect(states.get('R98')?.fill).toBe(QUINTILE_COLOURS[1]);
  });

  it('switching indicator or release reads another property', () => {
    const a = [area('E01', { y19_inc_d: 3, y25_inc_d: 9, y25_imd_d: 1 })];
    expect(
      areaPaintStates(a, colouringFor({ ...base, indicator: 'inc', release: '2019' }, ctx), '2019', null).get('E01')
        ?.fill,
    ).toBe(DECILE_COLOURS[2]);
    expect(areaPaintStates(a, colouringFor({ ...base, indicator: 'inc' }, ctx), '2025', null).get('E01')?.fill).toBe(
      DECILE_COLOURS[8],
    );
  });

  it('hatches LSOAs without a comparable change in the change view', () => {
    const c = colouringFor({ ...base, view: 'change' }, ctx);
    const areas = [area('A', { dchg_19_25: 0 }), area('B', { dchg_19_25: -4 }), area('C')];
    const states = areaPaintStates(areas, c, '2025', null);
    expect(states.get('A')?.fill).toBe('#f7f7f7');
    expect(states.get('B')?.fill).toBe('#542788');
    expect(noDataCodes(areas, c, null)).toEqual(['C']);
  });

  it('colours wards by run-time values (imported SPI) and hatches wards without one', () => {
    const c = colouringFor({ ...base, view: 'spi' }, ctx);
    const wards = [area('W1'), area('W2')];
    const runTime = { key: 'spi', values: new Map([['W1', 90]]) };
    const states = areaPaintStates(wards, c, '2025', runTime);
    expect(SPI_COLOURS as readonly string[]).toContain(states.get('W1')?.fill);
    expect(states.get('W1')?.fill).toBe(c.scheme.scale(90));
    expect(states.get('W2')?.fill).toBe(NO_DATA_COLOUR);
    expect(noDataCodes(wards, c, runTime)).toEqual(['W2']);
  });

  it('lights the 1% / 10% outlines of the outlined release, over a filter that holds any release’s flagged areas', () => {
    const areas = [area('A', { y19_p1: 1, y19_p10: 1 }), area('B', { y15_p10: 1 }), area('C', { y19_p10: 0 })];
    const c = colouringFor({ ...base, release: '2019' }, ctx);
    const in19 = areaPaintStates(areas, c, '2019', null);
    const in15 = areaPaintStates(areas, c, '2015', null);
    expect([in19.get('A')?.p1, in19.get('A')?.p10, in19.get('B')?.p10, in19.get('C')?.p10]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([in15.get('A')?.p1, in15.get('A')?.p10, in15.get('B')?.p10]).toEqual([false, false, true]);
    expect(flaggedInAnyRelease(areas, 1)).toEqual(['A']);
    expect(flaggedInAnyRelease(areas, 10)).toEqual(['A', 'B']);
    expect(evaluate(litWhen('p10'), 'line-opacity', { p10: true })).toBe(1);
    expect(evaluate(litWhen('p10'), 'line-opacity', { p10: false })).toBe(0);
    expect(evaluate(litWhen('p1'), 'line-opacity', {})).toBe(0);
  });

  it('writes only the areas and keys that changed', () => {
    const s = (fill: string, p1 = false): AreaPaintState => ({ fill, p1, p10: false });
    const applied = new Map([
      ['A', s('#000000')],
      ['B', s('#111111')],
    ]);
    const next = new Map([
      ['A', s('#000000')],
      ['B', s('#222222', true)],
      ['C', s('#333333')],
    ]);
    expect(stateChanges(applied, next)).toEqual([
      ['B', { fill: '#222222', p1: true }],
      ['C', { fill: '#333333', p1: false, p10: false }],
    ]);
    expect(stateChanges(next, next)).toEqual([]);
  });
});
