import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import * as shapefile from 'shapefile';
import type { Feature, Geometry } from 'geojson';
import { PipelineError } from './errors';
import { parsePrj, type Crs } from './crs';

export interface RawLayer {
  /** Path shown in messages (relative to the data dir when possible). */
  file: string;
  crs: Crs;
  features: Array<{ properties: Record<string, unknown>; geometry: Geometry | null }>;
  /** When a read kept only some features: each one's 1-based position in the file (messages name it). */
  positions?: number[];
}

interface ShapefileParts {
  name: string;
  shp: Uint8Array;
  shx: Uint8Array | undefined;
  dbf: Uint8Array | undefined;
  prj: string | undefined;
  cpg: string | undefined;
}

const POLYGON_TYPES = new Set([0, 5, 15, 25]); // null, Polygon, PolygonZ, PolygonM

function findParts(absPath: string, display: string): ShapefileParts {
  if (!existsSync(absPath)) throw new PipelineError({ file: display, message: 'file not found' });
  if (absPath.toLowerCase().endsWith('.zip')) return partsFromZip(absPath, display);
  let shpPath = absPath;
  if (statSync(absPath).isDirectory()) {
    const shps = readdirSync(absPath)
      .filter((f) => f.toLowerCase().endsWith('.shp'))
      .sort();
    const zips = readdirSync(absPath)
      .filter((f) => f.toLowerCase().endsWith('.zip'))
      .sort();
    if (shps.length === 0 && zips.length === 1)
      return partsFromZip(path.join(absPath, zips[0] ?? ''), `${display}/${zips[0]}`);
    if (shps.length !== 1) {
      throw new PipelineError({
        file: display,
        message: `expected exactly one .shp in the folder, found ${shps.length}`,
      });
    }
    shpPath = path.join(absPath, shps[0] ?? '');
    display = `${display}/${shps[0]}`;
  }
  const base = shpPath.slice(0, -4);
  const sibling = (ext: string): string | undefined => {
    for (const e of [ext, ext.toUpperCase()]) if (existsSync(base + e)) return base + e;
    return undefined;
  };
  const read = (ext: string): Uint8Array | undefined => {
    const p = sibling(ext);
    return p ? new Uint8Array(readFileSync(p)) : undefined;
  };
  const text = (ext: string): string | undefined => {
    const p = sibling(ext);
    return p ? readFileSync(p, 'utf8') : undefined;
  };
  return {
    name: display,
    shp: new Uint8Array(readFileSync(shpPath)),
    shx: read('.shx'),
    dbf: read('.dbf'),
    prj: text('.prj'),
    cpg: text('.cpg'),
  };
}

function partsFromZip(zipPath: string, display: string): ShapefileParts {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
  } catch (e) {
    throw new PipelineError({ file: display, message: `cannot unzip (${(e as Error).message})` });
  }
  const names = Object.keys(entries)
    .filter((n) => !n.startsWith('__MACOSX/'))
    .sort();
  const shps = names.filter((n) => n.toLowerCase().endsWith('.shp'));
  if (shps.length !== 1)
    throw new PipelineError({ file: display, message: `expected exactly one .shp in the zip, found ${shps.length}` });
  const shpName = shps[0] ?? '';
  const base = shpName.slice(0, -4).toLowerCase();
  const get = (ext: string): Uint8Array | undefined => {
    const n = names.find((x) => x.toLowerCase() === base + ext);
    return n ? entries[n] : undefined;
  };
  const dec = (b: Uint8Array | undefined): string | undefined => (b ? new TextDecoder().decode(b) : undefined);
  const shp = get('.shp');
  if (!shp) throw new PipelineError({ file: display, message: 'no .shp in zip' });
  return {
    name: `${display}:${shpName}`,
    shp,
    shx: get('.shx'),
    dbf: get('.dbf'),
    prj: dec(get('.prj')),
    cpg: dec(get('.cpg')),
  };
}

/**
 * Checks the .shp/.shx/.dbf headers against each other before decoding: the `shapefile` library
 * stops quietly at a truncated record, which would silently lose areas.
 */
function checkStructure(parts: ShapefileParts): number {
  const { shp, name } = parts;
  const shpFile = `${name}`;
  if (shp.byteLength < 100) {
    throw new PipelineError({
      file: shpFile,
      message: `truncated .shp: ${shp.byteLength} bytes, shorter than the 100-byte header`,
    });
  }
  const dv = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  if (dv.getInt32(0, false) !== 9994)
    throw new PipelineError({ file: shpFile, message: 'not a shapefile (.shp file code is not 9994)' });
  const declared = dv.getInt32(24, false) * 2;
  if (declared > shp.byteLength) {
    throw new PipelineError({
      file: shpFile,
      message: `truncated .shp: header declares ${declared} bytes but the file has ${shp.byteLength}`,
    });
  }
  const shapeType = dv.getInt32(32, true);
  if (!POLYGON_TYPES.has(shapeType)) {
    throw new PipelineError({ file: shpFile, message: `shape type ${shapeType} is not a polygon type (5, 15 or 25)` });
  }
  let offset = 100;
  let count = 0;
  while (offset < declared) {
    if (offset + 8 > shp.byteLength) {
      throw new PipelineError({
        file: shpFile,
        location: `record ${count + 1} at byte ${offset}`,
        message: 'truncated .shp: record header cut off',
      });
    }
    const len = dv.getInt32(offset + 4, false) * 2;
    if (len < 4 || offset + 8 + len > shp.byteLength) {
      throw new PipelineError({
        file: shpFile,
        location: `record ${count + 1} at byte ${offset}`,
        message: `truncated .shp: record of ${len} bytes runs past the end of the file`,
      });
    }
    offset += 8 + len;
    count++;
  }
  const shxName = shpFile.replace(/\.shp$/i, '.shx');
  if (!parts.shx) throw new PipelineError({ file: shxName, message: 'missing .shx (shape index) next to the .shp' });
  if (parts.shx.byteLength < 100 || (parts.shx.byteLength - 100) % 8 !== 0) {
    throw new PipelineError({
      file: shxName,
      message: `malformed .shx: ${parts.shx.byteLength} bytes is not 100 + 8 × records`,
    });
  }
  const shxCount = (parts.shx.byteLength - 100) / 8;
  if (shxCount !== count) {
    throw new PipelineError({ file: shxName, message: `.shx has ${shxCount} records but the .shp has ${count}` });
  }
  const dbfName = shpFile.replace(/\.shp$/i, '.dbf');
  if (!parts.dbf) throw new PipelineError({ file: dbfName, message: 'missing .dbf (attributes) next to the .shp' });
  if (parts.dbf.byteLength < 32) throw new PipelineError({ file: dbfName, message: 'truncated .dbf header' });
  const ddv = new DataView(parts.dbf.buffer, parts.dbf.byteOffset, parts.dbf.byteLength);
  const dbfCount = ddv.getUint32(4, true);
  const headerLen = ddv.getUint16(8, true);
  const recordLen = ddv.getUint16(10, true);
  if (dbfCount !== count) {
    throw new PipelineError({ file: dbfName, message: `.dbf has ${dbfCount} records but the .shp has ${count}` });
  }
  if (headerLen + dbfCount * recordLen > parts.dbf.byteLength) {
    throw new PipelineError({
      file: dbfName,
      message: `truncated .dbf: ${dbfCount} records of ${recordLen} bytes need ${headerLen + dbfCount * recordLen} bytes, file has ${parts.dbf.byteLength}`,
    });
  }
  return count;
}

function encodingFromCpg(cpg: string | undefined): string {
  const c = (cpg ?? '').trim().toLowerCase();
  if (c === '') return 'windows-1252'; // the dBase default when no .cpg says otherwise
  if (c === 'utf-8' || c === 'utf8' || c === '65001') return 'utf-8';
  if (/^\d+$/.test(c)) return `windows-${c}`;
  return c;
}

/** `location` is a folder with one .shp, a .shp path, or a .zip holding one shapefile. */
export async function readShapefile(absPath: string, display: string): Promise<RawLayer> {
  const parts = findParts(absPath, display);
  const count = checkStructure(parts);
  if (parts.prj === undefined) {
    throw new PipelineError({
      file: parts.name.replace(/\.shp$/i, '.prj'),
      message: 'missing .prj: coordinate reference system unknown',
    });
  }
  const crs = parsePrj(parts.prj, parts.name.replace(/\.shp$/i, '.prj'));
  const features: RawLayer['features'] = [];
  try {
    const source = await shapefile.open(parts.shp, parts.dbf, { encoding: encodingFromCpg(parts.cpg) });
    for (;;) {
      const r = await source.read();
      if (r.done) break;
      const f = r.value as Feature<Geometry | null>;
      features.push({ properties: { ...(f.properties ?? {}) }, geometry: f.geometry });
    }
  } catch (e) {
    if (e instanceof PipelineError) throw e;
    throw new PipelineError({ file: parts.name, message: `cannot decode shapefile (${(e as Error).message})` });
  }
  if (features.length !== count) {
    throw new PipelineError({
      file: parts.name,
      message: `decoded ${features.length} features but the .shp has ${count} records`,
    });
  }
  return { file: parts.name, crs, features };
}
