import { describe, expect, it } from 'vitest';
import { jsonInSlices } from '../../../src/state/json-in-slices';

/** A clock that moves 1 ms per reading, so a 3 ms slice ends every few items. */
function tickingClock(): () => number {
  let t = 0;
  return () => t++;
}

describe('jsonInSlices (venue lists packed for storage a slice at a time)', () => {
  const value = {
    rows: Array.from({ length: 50 }, (_, i) => [`Synthetic row ${i}`, i % 3 === 0 ? '' : `"quoted" ${i}`]),
    venues: [
      { id: 'a:1', lonLat: [-1.5, 53.8] },
      { id: 'a:2', name: undefined },
    ],
    outcomes: [] as unknown[],
  };

  it('joins to exactly JSON.stringify of the object, split over many slices', async () => {
    const parts = await jsonInSlices(value, ['rows', 'venues', 'outcomes'], 3, tickingClock());
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.join('')).toBe(JSON.stringify(value));
  });

  it('in one slice when the clock stands still, and with empty arrays', async () => {
    const parts = await jsonInSlices({ a: [], b: [1, null, 'x'] }, ['a', 'b'], 8, () => 0);
    expect(parts.join('')).toBe('{"a":[],"b":[1,null,"x"]}');
  });

  it('writes null for an undefined item, as JSON.stringify does inside an array', async () => {
    const parts = await jsonInSlices({ a: [undefined, 1] }, ['a'], 8, () => 0);
    expect(JSON.parse(parts.join(''))).toEqual({ a: [null, 1] });
    expect(parts.join('')).toBe(JSON.stringify({ a: [undefined, 1] }));
  });
});
