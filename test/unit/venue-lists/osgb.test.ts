import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import { gridToLonLat, isGridReference } from '../../../src/domain/venue-lists/osgb';
import { bngPointToWgs84 } from '../../../scripts/pipeline/reproject';

describe('gridToLonLat (British National Grid → WGS84)', () => {
  it('agrees with proj4 (the pipeline’s EPSG:27700 + Helmert) within 0.5 m across England', () => {
    let worst = 0;
    for (let e = 100000; e <= 650000; e += 55000) {
      for (let n = 10000; n <= 650000; n += 64000) {
        const ours = gridToLonLat(e, n);
        const theirs = bngPointToWgs84(e, n);
        worst = Math.max(worst, distance(ours, theirs, { units: 'kilometers' }) * 1000);
      }
    }
    expect(worst).toBeLessThan(0.5);
  });

  it('puts Leeds Town Hall’s grid reference in central Leeds', () => {
    // SE 29825 33900 (approx.) → about 1.549 W, 53.800 N.
    const [lon, lat] = gridToLonLat(429825, 433900);
    expect(lon).toBeCloseTo(-1.549, 2);
    expect(lat).toBeCloseTo(53.8, 2);
  });

  it('knows what a grid reference looks like', () => {
    expect(isGridReference(430000, 433000)).toBe(true);
    expect(isGridReference(-1, 433000)).toBe(false);
    expect(isGridReference(53.8, -1.5)).toBe(false);
    expect(isGridReference(800000, 100)).toBe(false);
  });
});
