/**
 * Typed GeoJSON areas from one object of a generated TopoJSON file (public/geo/areas-*.topojson).
 *
 * topojson-client's `feature()` returns features of any geometry with loosely typed (nullable)
 * properties; this checks each feature really is a polygon area with the properties the contract
 * declares, so the rest of the app can rely on the types instead of a cast. A file that does not
 * fit (an old build, a wrong file) fails with its object and feature named.
 */
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { ChangeCode, LsoaProperties, WardProperties } from './contract';

export type PropertiesGuard<P extends GeoJsonProperties> = (p: GeoJsonProperties) => p is P;

const CHANGE_CODES: ReadonlySet<unknown> = new Set<ChangeCode>(['U', 'S', 'M', 'X']);

const optionalNumber = (v: unknown): boolean => v === undefined || typeof v === 'number';
const optionalString = (v: unknown): boolean => v === undefined || typeof v === 'string';

/** Every value a string or a number, as the area contracts declare (JSON has no undefined). */
function scalarValues(p: object): boolean {
  return Object.values(p).every((v) => typeof v === 'string' || typeof v === 'number');
}

export function isLsoaProperties(p: GeoJsonProperties): p is LsoaProperties {
  return (
    p !== null &&
    typeof p.code === 'string' &&
    typeof p.name === 'string' &&
    typeof p.ward === 'string' &&
    CHANGE_CODES.has(p.chg) &&
    [p.cx, p.cy, p.pop, p.dchg_19_25, p.dchg_15_25].every(optionalNumber) &&
    scalarValues(p)
  );
}

export function isWardProperties(p: GeoJsonProperties): p is WardProperties {
  return (
    p !== null &&
    typeof p.code === 'string' &&
    typeof p.name === 'string' &&
    optionalString(p.committee) &&
    [p.lx, p.ly].every(optionalNumber) &&
    scalarValues(p)
  );
}

/** Any scalar-valued properties, unchecked by name: for readers that take the fields loosely (tests, the benchmark). */
export function isScalarProperties(p: GeoJsonProperties): p is Record<string, string | number> {
  return p !== null && scalarValues(p);
}

function isAreaFeature<P extends GeoJsonProperties>(
  f: Feature<Geometry, GeoJsonProperties>,
  isProperties: PropertiesGuard<P>,
): f is Feature<Polygon | MultiPolygon, P> {
  return (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') && isProperties(f.properties);
}

/** The features of the GeometryCollection `name`, each checked to be a polygon area with properties P. */
export function areaCollection<P extends GeoJsonProperties>(
  topology: Topology,
  name: string,
  isProperties: PropertiesGuard<P>,
): FeatureCollection<Polygon | MultiPolygon, P> {
  const obj = topology.objects[name];
  if (!obj) throw new Error(`The TopoJSON has no object "${name}"`);
  if (obj.type !== 'GeometryCollection')
    throw new Error(`The TopoJSON object "${name}" is a ${obj.type ?? 'null'}, not a GeometryCollection`);
  const features: Feature<Polygon | MultiPolygon, P>[] = [];
  feature(topology, obj).features.forEach((f, i) => {
    if (!isAreaFeature(f, isProperties)) {
      const code = typeof f.properties?.code === 'string' ? ` (${f.properties.code})` : '';
      throw new Error(
        `The TopoJSON object "${name}", feature ${i + 1}${code}, is not a polygon area with the expected properties`,
      );
    }
    features.push(f);
  });
  return { type: 'FeatureCollection', features };
}
