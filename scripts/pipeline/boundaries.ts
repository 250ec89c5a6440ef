import path from 'node:path';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { BoundarySource } from './config';
import { ProblemList } from './errors';
import { readGeojson } from './read-geojson';
import { readShapefile, type RawLayer } from './read-shapefile';
import { toWgs84 } from './reproject';
import { geometryProblems } from './validate';

export interface AreaFeature {
  code: string;
  name: string;
  /** WGS84, rounded (see reproject.ts). */
  geometry: Polygon | MultiPolygon;
  /** Current district code, for England-wide layers (BoundarySource.ladField). */
  lad?: string;
}

export interface BoundaryLayer {
  file: string;
  features: AreaFeature[];
}

/** Which raw features a read keeps (all when absent); the rest are neither checked nor held. */
export type KeepFeature = (f: RawLayer['features'][number]) => boolean;

export async function readRawLayer(dataDir: string, relPath: string, keep?: KeepFeature): Promise<RawLayer> {
  const abs = path.resolve(dataDir, relPath);
  if (/\.(geo)?json(\.gz)?$/i.test(relPath)) return readGeojson(abs, relPath, keep);
  const raw = await readShapefile(abs, relPath);
  if (keep === undefined) return raw;
  const positions = raw.features.flatMap((f, i) => (keep(f) ? [i + 1] : []));
  return { ...raw, features: positions.map((p) => raw.features[p - 1]).filter((f) => f !== undefined), positions };
}

function findField(props: Record<string, unknown>, wanted: string): string | undefined {
  const lower = wanted.toLowerCase();
  return Object.keys(props).find((k) => k.toLowerCase() === lower);
}

/**
 * Reads a boundary layer, checks codes and geometry, and reprojects. Every problem is collected so
 * one run lists them all; the feature is named by 1-based index (its position in the file) and code.
 * With `keep`, only the features kept are read, checked and held.
 */
export async function readBoundaries(
  dataDir: string,
  source: BoundarySource,
  keep?: KeepFeature,
): Promise<BoundaryLayer> {
  const raw = await readRawLayer(dataDir, source.path, keep);
  const problems = new ProblemList();
  const seen = new Map<string, number>();
  const features: AreaFeature[] = [];
  raw.features.forEach((f, index) => {
    const i = (raw.positions?.[index] ?? index + 1) - 1;
    const codeKey = findField(f.properties, source.codeField);
    const nameKey = findField(f.properties, source.nameField);
    const code = codeKey === undefined ? '' : String(f.properties[codeKey] ?? '').trim();
    const location = `feature ${i + 1}${code ? ` (${code})` : ''}`;
    if (!codeKey || code === '') {
      problems.add({ file: raw.file, location, field: source.codeField, message: 'missing area code' });
      return;
    }
    const prev = seen.get(code);
    if (prev !== undefined) {
      problems.add({
        file: raw.file,
        location,
        field: source.codeField,
        message: `duplicate code ${code} (also feature ${prev})`,
      });
      return;
    }
    seen.set(code, i + 1);
    const gp = geometryProblems(f.geometry, raw.file, location, raw.crs);
    if (gp.length > 0) {
      gp.forEach((p) => void problems.add(p));
      return;
    }
    const name = nameKey === undefined ? '' : String(f.properties[nameKey] ?? '').trim();
    if (name === '') problems.add({ file: raw.file, location, field: source.nameField, message: 'missing area name' });
    const ladKey = source.ladField === undefined ? undefined : findField(f.properties, source.ladField);
    const lad = ladKey === undefined ? undefined : String(f.properties[ladKey] ?? '').trim();
    if (source.ladField !== undefined && !lad)
      problems.add({ file: raw.file, location, field: source.ladField, message: 'missing district code' });
    const geometry = toWgs84(f.geometry as Geometry, raw.crs) as Polygon | MultiPolygon;
    features.push(lad ? { code, name, geometry, lad } : { code, name, geometry });
  });
  problems.throwIfAny();
  features.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { file: raw.file, features };
}
