import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Geometry } from 'geojson';
import { PipelineError } from './errors';
import type { Crs } from './crs';
import type { RawLayer } from './read-shapefile';

interface GeoJsonLike {
  type?: unknown;
  crs?: { properties?: { name?: unknown } };
  features?: unknown;
}

/**
 * GeoJSON is WGS84 by RFC 7946; older files may still carry a `crs` member, which we honour only
 * for BNG (ogr2ogr writes one for EPSG:27700 output).
 */
export function readGeojson(absPath: string, display: string): RawLayer {
  let parsed: GeoJsonLike;
  try {
    // The England-wide files are gzip-compressed GeoJSON (.geojson.gz).
    const bytes = readFileSync(absPath);
    parsed = JSON.parse((/\.gz$/i.test(absPath) ? gunzipSync(bytes) : bytes).toString('utf8')) as GeoJsonLike;
  } catch (e) {
    throw new PipelineError({ file: display, message: `cannot read GeoJSON (${(e as Error).message})` });
  }
  if (parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    throw new PipelineError({ file: display, message: 'not a GeoJSON FeatureCollection' });
  }
  let crs: Crs = 'wgs84';
  const crsName = parsed.crs?.properties?.name;
  if (typeof crsName === 'string') {
    if (/27700/.test(crsName)) crs = 'bng';
    else if (!/(4326|CRS84)/i.test(crsName)) {
      throw new PipelineError({
        file: display,
        field: 'crs',
        message: `unsupported CRS ${crsName} (only WGS84 or EPSG:27700)`,
      });
    }
  }
  const features = (
    parsed.features as Array<{ properties?: Record<string, unknown> | null; geometry?: Geometry | null }>
  ).map((f) => ({ properties: { ...(f.properties ?? {}) }, geometry: f.geometry ?? null }));
  return { file: display, crs, features };
}
