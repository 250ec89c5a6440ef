import { describe, expect, it } from 'vitest';
import { PointerDispatcher, POINTER_PRIORITY, type PointerEvent } from '../../../src/map/dispatcher';
import { LAYER_ORDER } from '../../../src/map/layer-order';

const at: PointerEvent = { point: { x: 1, y: 2 }, lngLat: { lng: -1.5, lat: 53.8 } };

describe('pointer dispatcher', () => {
  it('asks handlers in priority order and stops at the first that takes the click', () => {
    const calls: string[] = [];
    const d = new PointerDispatcher();
    // Registered out of order on purpose: the declared priority decides, not the registration order.
    d.register({
      name: 'areas',
      priority: POINTER_PRIORITY.areas,
      click: () => {
        calls.push('areas');
        return true;
      },
    });
    d.register({
      name: 'venues',
      priority: POINTER_PRIORITY.venues,
      click: () => {
        calls.push('venues');
        return false;
      },
    });
    d.register({
      name: 'pick',
      priority: POINTER_PRIORITY.pick,
      click: () => {
        calls.push('pick');
        return true;
      },
    });
    expect(d.click(at)).toBe('pick');
    expect(calls).toEqual(['venues', 'pick']);
  });

  it('gives the hover to the first claimant and tells every other handler to leave', () => {
    const left: string[] = [];
    const d = new PointerDispatcher();
    d.register({ name: 'areas', priority: 30, hover: () => true, leave: () => left.push('areas') });
    d.register({ name: 'venues', priority: 10, hover: () => true, leave: () => left.push('venues') });
    expect(d.hover(at)).toBe('venues');
    expect(left).toEqual(['areas']);
    d.leave();
    expect(left).toEqual(['areas', 'venues', 'areas']);
  });

  it('a click nobody takes does nothing', () => {
    const d = new PointerDispatcher();
    d.register({ name: 'areas', priority: 30, click: () => false });
    expect(d.click(at)).toBeNull();
  });
});

describe('layer groups and the z-order list', () => {
  it('every layer a group adds is in LAYER_ORDER, and no layer belongs to two groups', async () => {
    // The group modules import MapLibre types only and Solid; importing them here needs no WebGL.
    const { LAYER_GROUPS } = await import('../../../src/map/layers');
    const owners = new Map<string, string>();
    for (const g of LAYER_GROUPS) {
      for (const id of g.layers) {
        expect(LAYER_ORDER, `${g.name}: ${id}`).toContain(id);
        expect(owners.get(id), `${id} is in ${owners.get(id)} and ${g.name}`).toBeUndefined();
        owners.set(id, g.name);
      }
    }
    expect([...owners.keys()].sort()).toEqual([...LAYER_ORDER].sort());
  });

  it('installs every group exactly once: the areas and ward names before the first choropleth, the rest after', async () => {
    const { LAYER_GROUPS, FIRST_VIEW_GROUPS, AFTER_FIRST_VIEW_GROUPS } = await import('../../../src/map/layers');
    expect(FIRST_VIEW_GROUPS.map((g) => g.name).sort()).toEqual(['areas', 'ward labels'].sort());
    expect([...FIRST_VIEW_GROUPS, ...AFTER_FIRST_VIEW_GROUPS].map((g) => g.name).sort()).toEqual(
      LAYER_GROUPS.map((g) => g.name).sort(),
    );
    expect(FIRST_VIEW_GROUPS.some((g) => AFTER_FIRST_VIEW_GROUPS.includes(g))).toBe(false);
  });
});
