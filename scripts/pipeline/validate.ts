import type { Geometry, Position } from 'geojson';
import { parseDecimal, parseInteger } from '../../src/domain/decimal';
import type { Problem } from './errors';

/**
 * Structural checks MapLibre and topojson rely on. Not a full OGC validity test (self-intersection
 * is tolerated: ONS BGC files have harmless slivers and tiny spikes).
 */
export function geometryProblems(
  geometry: Geometry | null,
  file: string,
  location: string,
  crs: 'bng' | 'wgs84',
): Problem[] {
  const problems: Problem[] = [];
  const add = (message: string): void => {
    problems.push({ file, location, field: 'geometry', message });
  };
  if (!geometry) {
    add('empty (null) geometry');
    return problems;
  }
  let polygons: Position[][][];
  if (geometry.type === 'Polygon') polygons = [geometry.coordinates];
  else if (geometry.type === 'MultiPolygon') polygons = geometry.coordinates;
  else {
    add(`geometry type ${geometry.type}, expected Polygon or MultiPolygon`);
    return problems;
  }
  if (polygons.length === 0) add('empty geometry (no polygons)');
  polygons.forEach((rings, pi) => {
    if (rings.length === 0) add(`polygon ${pi + 1} has no rings`);
    rings.forEach((ring, ri) => {
      const label = `polygon ${pi + 1} ring ${ri + 1}`;
      if (ring.length < 4) {
        add(`${label} has ${ring.length} positions, at least 4 needed`);
        return;
      }
      for (const p of ring) {
        const [x, y] = p;
        if (p.length < 2 || !Number.isFinite(x) || !Number.isFinite(y)) {
          add(`${label} has a non-finite coordinate`);
          return;
        }
        // Catches a WGS84-labelled file that really holds metres (a wrong .prj).
        if (crs === 'wgs84' && (Math.abs(x ?? 0) > 180 || Math.abs(y ?? 0) > 90)) {
          add(`${label} has coordinate (${x}, ${y}) outside longitude/latitude range`);
          return;
        }
      }
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) add(`${label} is not closed`);
    });
  });
  return problems;
}

/** Integer in [min, max]; the strict parse (src/domain/decimal.ts) catches "7.5", "", "NA", "0x1F". */
export function parseIntInRange(raw: string, min: number, max: number): number | undefined {
  const v = parseInteger(raw);
  return v !== null && v >= min && v <= max ? v : undefined;
}

/** A finite decimal in the one syntax every file is read with (src/domain/decimal.ts): "0x1F" and "Infinity" are not numbers. */
export function parseFiniteNumber(raw: string): number | undefined {
  return parseDecimal(raw) ?? undefined;
}
