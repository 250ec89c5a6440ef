import { describe, expect, it } from 'vitest';
import { venueIconFeatures, venueNear } from '../../../src/domain/venue-lists/map-points';
import { inParts } from '../../../src/state/venue-list-messages';

// Synthetic venues on a small grid near 53.8 N (no real places).
const venues = [
  { id: 'l:2', lonLat: [-1.5, 53.8] as [number, number], category: 'A' },
  { id: 'l:3', lonLat: [-1.501, 53.8] as [number, number], category: 'B' },
  { id: 'l:4', lonLat: [-1.502, 53.801] as [number, number], category: 'A' },
  { id: 'l:5', lonLat: [-1.49, 53.81] as [number, number], category: 'C' },
];

describe('venueIconFeatures (one MultiPoint per icon for the map)', () => {
  it('holds every venue once, under its own icon, in list order', () => {
    const fc = venueIconFeatures(venues, (i) => `icon-${venues[i]?.category}`);
    expect(fc.features.map((f) => f.properties.icon)).toEqual(['icon-A', 'icon-B', 'icon-C']);
    expect(fc.features[0]?.geometry).toEqual({
      type: 'MultiPoint',
      coordinates: [
        [-1.5, 53.8],
        [-1.502, 53.801],
      ],
    });
    expect(fc.features.reduce((n, f) => n + f.geometry.coordinates.length, 0)).toBe(venues.length);
  });

  it('gives an empty collection for no venues', () => {
    expect(venueIconFeatures([], () => 'x').features).toEqual([]);
  });
});

describe('venueNear (which venue a click on the layer meant)', () => {
  const box = (c: [number, number], d: number): [number, number, number, number] => [
    c[0] - d,
    c[1] - d,
    c[0] + d,
    c[1] + d,
  ];

  it('picks the nearest venue on the ground inside the box', () => {
    // 0.0006° of longitude at 53.8 N is ~40 m, of latitude ~67 m: the venue east of the click is nearer.
    const at: [number, number] = [-1.5006, 53.8];
    expect(venueNear(venues, at, box(at, 0.01))?.id).toBe('l:3');
    const at2: [number, number] = [-1.5004, 53.8];
    expect(venueNear(venues, at2, box(at2, 0.01))?.id).toBe('l:2');
  });

  it('weighs longitude by cos(latitude)', () => {
    // 0.0009° east (~59 m at 53.8 N) is nearer than 0.0007° north (~78 m).
    const vs = [
      { id: 'east', lonLat: [0.0009, 53.8] as [number, number] },
      { id: 'north', lonLat: [0, 53.8007] as [number, number] },
    ];
    expect(venueNear(vs, [0, 53.8], box([0, 53.8], 0.01))?.id).toBe('east');
  });

  it('returns null when no venue is inside the box', () => {
    const at: [number, number] = [-1.4, 53.9];
    expect(venueNear(venues, at, box(at, 0.001))).toBeNull();
  });
});

describe('inParts (long arrays sent by the venue worker a part at a time)', () => {
  it('cuts in order, the last part shorter, and nothing for an empty list', () => {
    expect(inParts([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(inParts([], 2)).toEqual([]);
    expect(inParts([1, 2, 3, 4], 2).flat()).toEqual([1, 2, 3, 4]);
  });
});
