import type { Geometry } from 'geojson';
import { PipelineError } from './errors';
import type { Crs } from './crs';
import { scanFeatureCollection } from './geojson-scan';
import type { RawLayer } from './read-shapefile';
import { readText } from './read-text';

interface GeoJsonLike {
  type?: unknown;
  crs?: { properties?: { name?: unknown } };
  features?: unknown;
}

type RawFeature = RawLayer['features'][number];

/**
 * GeoJSON is WGS84 by RFC 7946; older files may still carry a `crs` member, which we honour only
 * for BNG (ogr2ogr writes one for EPSG:27700 output). With `keep`, the collection is parsed one
 * feature at a time and only the features kept are held (their 1-based positions in `positions`).
 */
export function readGeojson(absPath: string, display: string, keep?: (f: RawFeature) => boolean): RawLayer {
  let parsed: GeoJsonLike;
  const kept: RawFeature[] = [];
  const positions: number[] = [];
  try {
    // The England-wide files are gzip-compressed GeoJSON (.geojson.gz).
    const text = readText(absPath);
    if (keep === undefined) parsed = JSON.parse(text) as GeoJsonLike;
    else {
      let n = 0;
      const scanned = scanFeatureCollection(text, (json) => {
        n++;
        const f = rawFeature(JSON.parse(json) as FeatureLike);
        if (!keep(f)) return;
        kept.push(f);
        positions.push(n);
      });
      parsed = { ...scanned.members, features: scanned.hasFeatures ? [] : undefined };
    }
  } catch (e) {
    throw new PipelineError({ file: display, message: `cannot read GeoJSON (${(e as Error).message})` });
  }
  if (parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    throw new PipelineError({ file: display, message: 'not a GeoJSON FeatureCollection' });
  }
  const crs = crsOf(parsed, display);
  if (keep !== undefined) return { file: display, crs, features: kept, positions };
  const features = (parsed.features as FeatureLike[]).map(rawFeature);
  return { file: display, crs, features };
}

type FeatureLike = { properties?: Record<string, unknown> | null; geometry?: Geometry | null };

const rawFeature = (f: FeatureLike): RawFeature => ({
  properties: { ...(f.properties ?? {}) },
  geometry: f.geometry ?? null,
});

function crsOf(parsed: GeoJsonLike, display: string): Crs {
  const crsName = parsed.crs?.properties?.name;
  if (typeof crsName !== 'string') return 'wgs84';
  if (/27700/.test(crsName)) return 'bng';
  if (/(4326|CRS84)/i.test(crsName)) return 'wgs84';
  throw new PipelineError({
    file: display,
    field: 'crs',
    message: `unsupported CRS ${crsName} (only WGS84 or EPSG:27700)`,
  });
}
