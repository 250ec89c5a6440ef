import { describe, expect, it } from 'vitest';
import { GEOGRAPHIES, LOADER_PLAN, loaderPlan, type GeographyDescriptor } from '../../../src/data/geographies';
import { LAYER_REGISTRY, LAYER_URL } from '../../../src/domain/map-layers';
import {
  controlEntries,
  embedEntries,
  legendEntries,
  makeUrlCodec,
  mapNotes,
  shownAttribution,
  toggleParam,
  type LayerDescriptor,
  type LayerMeta,
} from '../../../src/domain/map-layers/registry';
import { areaLayerList, beforeIdFor, buildLayerOrder, LAYER_ORDER } from '../../../src/map/layer-order';

/**
 * The two extension points (issue 20): a geography level and a switchable layer are one entry each.
 * Both entries below are synthetic (no such file or source exists); each is added to the app's own
 * table and must reach what the app builds from it.
 */
const MSOA = {
  id: 'msoa21',
  label: 'MSOA 2021 (synthetic)',
  file: 'synthetic-msoa-2021.topojson',
  topoObject: 'msoa21',
  idProperty: 'code',
  minZoom: 0,
  load: 'on-demand',
  flags: false,
  line: 'boundary',
} as const satisfies Omit<GeographyDescriptor, 'kind' | 'vintage' | 'file'> & { file: string };

const SYNTHETIC_LAYER: LayerDescriptor<'synthetic'> = {
  id: 'synthetic',
  url: toggleParam('syn', false),
  control: { group: 'Synthetic group', label: () => 'Synthetic layer (test)', note: () => 'Synthetic control note' },
  embedLabel: 'Show the synthetic layer',
  legend: { label: 'Synthetic key entry', strokes: [{ colour: '#123456', width: 2 }], when: 'lsoa' },
  mapNote: () => 'Synthetic map note',
  attribution: () => ['Synthetic source line'],
};

const META: LayerMeta = {
  attribution: ['IoD line (synthetic)', 'OSM line (synthetic)', 'Synthetic source line'],
  context: { parts: ['roads', 'places'], note: null, attribution: ['OSM line (synthetic)'] },
};

describe('a synthetic MSOA geography, one entry in the geography table', () => {
  const table = [...GEOGRAPHIES, MSOA];

  it('reaches the loader plan: its own file, loaded on demand; the app’s steps unchanged', () => {
    const plan = loaderPlan(table);
    expect(plan.slice(0, -1)).toEqual(LOADER_PLAN);
    expect(plan.at(-1)).toEqual({
      file: 'synthetic-msoa-2021.topojson',
      when: 'on-demand',
      geographies: [{ id: 'msoa21', topoObject: 'msoa21' }],
    });
    // In a file the first view already loads, it joins that step instead of adding a fetch.
    const shared = loaderPlan([...GEOGRAPHIES, { ...MSOA, file: 'areas2021', load: 'first-view' }]);
    expect(shared).toHaveLength(LOADER_PLAN.length);
    expect(shared[0]?.geographies.map((g) => g.id)).toEqual(['lsoa21', 'wards', 'msoa21']);
  });

  it('reaches the z-order: every layer id in its slot, the app’s own order kept', () => {
    const order: readonly string[] = buildLayerOrder(table);
    const ids = areaLayerList(MSOA);
    expect(ids).toEqual(['msoa21-fill', 'msoa21-nodata', 'msoa21-line', 'msoa21-hover']);
    for (const id of ids) expect(order).toContain(id);
    expect(order.filter((id) => !id.startsWith('msoa21-'))).toEqual([...LAYER_ORDER]);
    const at = (id: string) => order.indexOf(id);
    // Fills with the fills (under the orientation layer), a boundary line beside the ward lines
    // (over the 1% outlines), the hover outline with the hovers.
    expect(at('msoa21-nodata')).toBe(at('context-water') - 1);
    expect(at('msoa21-line')).toBe(at('wards-line') + 1);
    expect(at('msoa21-line')).toBeGreaterThan(at('lsoa21-flag1'));
    expect(at('msoa21-hover')).toBe(at('wards-hover') + 1);
    // Added later (on demand), it goes beneath the first present layer that follows it.
    const present = new Set<string>(LAYER_ORDER);
    expect(beforeIdFor('msoa21-fill', (id) => present.has(id), order)).toBe('context-water');
    expect(beforeIdFor('msoa21-line', (id) => present.has(id), order)).toBe('gap-fill');
  });
});

describe('a synthetic layer, one entry in the layer registry', () => {
  const registry = [...LAYER_REGISTRY, SYNTHETIC_LAYER];
  const codec = makeUrlCodec(registry);

  it('reaches the URL: its key parsed and written by its own descriptor, the existing keys as before', () => {
    expect(codec.defaults).toEqual({ ...LAYER_URL.defaults, synthetic: false });
    expect(codec.parse(new URLSearchParams('?syn=1')).synthetic).toBe(true);
    expect(codec.parse(new URLSearchParams('?syn=yes')).synthetic).toBe(false);
    expect(codec.parse(new URLSearchParams('?p1=0&ctx=0'))).toEqual({
      p1: false,
      p10: true,
      context: false,
      synthetic: false,
    });
    const q = new URLSearchParams('keep=me');
    codec.serialise({ ...codec.defaults, synthetic: true }, q);
    expect(q.toString()).toBe('keep=me&syn=1');
    codec.serialise(codec.defaults, q);
    expect(q.toString()).toBe('keep=me');
    expect(codec.same(codec.defaults, { ...codec.defaults, synthetic: true })).toBe(false);
    expect(() => makeUrlCodec([...registry, { ...SYNTHETIC_LAYER, id: 'again' }])).toThrow(/syn/);
  });

  it('round-trips its key: the default writes nothing, the other state one value, nonsense reads as the default', () => {
    for (const synthetic of [true, false]) {
      const shown = { ...codec.defaults, synthetic };
      const q = new URLSearchParams();
      codec.serialise(shown, q);
      expect(q.toString()).toBe(synthetic ? 'syn=1' : '');
      expect(codec.parse(q)).toEqual(shown);
    }
    for (const bad of ['', '0', 'true', 'yes', '11', ' 1'])
      expect(codec.parse(new URLSearchParams({ syn: bad })).synthetic).toBe(false);
    // The app's own keys keep their defaults beside it.
    expect(codec.parse(new URLSearchParams({ syn: '1', p10: 'nonsense' }))).toEqual({
      ...LAYER_URL.defaults,
      synthetic: true,
    });
  });

  it('reaches the controls, legend, notes, embed dialog and image credits', () => {
    const groups = controlEntries(registry, META);
    expect(groups.map((g) => g.group)).toEqual(['Highlight', 'Orientation', 'Synthetic group']);
    expect(groups.at(-1)?.layers).toEqual([
      { id: 'synthetic', label: 'Synthetic layer (test)', note: 'Synthetic control note', available: true },
    ]);
    const on = { ...codec.defaults, synthetic: true };
    expect(legendEntries(registry, on, true).map((e) => e.id)).toEqual(['p1', 'p10', 'synthetic']);
    expect(legendEntries(registry, on, false)).toEqual([]);
    expect(legendEntries(registry, codec.defaults, true).map((e) => e.id)).toEqual(['p1', 'p10']);
    expect(mapNotes(registry, META)).toEqual([{ id: 'synthetic', text: 'Synthetic map note' }]);
    expect(embedEntries(registry).map((e) => e.id)).toEqual(['p1', 'p10', 'context', 'synthetic']);
    expect(shownAttribution(registry, on, META)).toEqual(META.attribution);
    expect(shownAttribution(registry, codec.defaults, META)).toEqual(['IoD line (synthetic)', 'OSM line (synthetic)']);
  });
});

describe('the app’s own layer registry', () => {
  it('lists the outlines under Highlight and the orientation layer under Orientation, disabled where the build has none', () => {
    const groups = controlEntries(LAYER_REGISTRY, META);
    expect(groups.map((g) => [g.group, g.layers.map((l) => l.id)])).toEqual([
      ['Highlight', ['p1', 'p10']],
      ['Orientation', ['context']],
    ]);
    expect(groups[1]?.layers[0]).toMatchObject({
      label: 'Roads, rail, rivers, parks and place names',
      available: true,
    });
    const none = controlEntries(LAYER_REGISTRY, {
      attribution: [],
      context: { parts: [], note: 'None here.', attribution: [] },
    });
    expect(none[1]?.layers[0]).toMatchObject({ available: false, note: 'None here.' });
  });

  it('credits the orientation layer’s sources in a saved image only while it shows', () => {
    expect(shownAttribution(LAYER_REGISTRY, LAYER_URL.defaults, META)).toEqual(META.attribution);
    expect(shownAttribution(LAYER_REGISTRY, { ...LAYER_URL.defaults, context: false }, META)).toEqual([
      'IoD line (synthetic)',
      'Synthetic source line',
    ]);
  });
});
