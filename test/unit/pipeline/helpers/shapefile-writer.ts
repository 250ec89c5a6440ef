import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** A polygon as rings of [x, y]; the first ring is the outer ring (written clockwise, as ESRI requires). */
export interface TestShape {
  rings: Array<Array<[number, number]>>;
  attributes: Record<string, string>;
}

export const BNG_PRJ =
  'PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",400000.0],' +
  'PARAMETER["False_Northing",-100000.0],PARAMETER["Central_Meridian",-2.0],PARAMETER["Scale_Factor",0.9996012717],' +
  'PARAMETER["Latitude_Of_Origin",49.0],UNIT["Meter",1.0]]';

export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

export interface ShapefileBytes {
  shp: Uint8Array;
  shx: Uint8Array;
  dbf: Uint8Array;
}

/** Minimal ESRI shapefile encoder (Polygon, type 5) for test fixtures; see the ESRI Shapefile Technical Description. */
export function encodeShapefile(shapes: TestShape[], fields: string[]): ShapefileBytes {
  const records = shapes.map((s) => {
    const points = s.rings.flat();
    const len = 44 + 4 * s.rings.length + 16 * points.length;
    const buf = new DataView(new ArrayBuffer(len));
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    buf.setInt32(0, 5, true);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach(
      (v, i) => void buf.setFloat64(4 + 8 * i, v, true),
    );
    buf.setInt32(36, s.rings.length, true);
    buf.setInt32(40, points.length, true);
    let start = 0;
    s.rings.forEach((r, i) => {
      buf.setInt32(44 + 4 * i, start, true);
      start += r.length;
    });
    points.forEach((p, i) => {
      buf.setFloat64(44 + 4 * s.rings.length + 16 * i, p[0], true);
      buf.setFloat64(44 + 4 * s.rings.length + 16 * i + 8, p[1], true);
    });
    return new Uint8Array(buf.buffer);
  });
  const all = shapes.flatMap((s) => s.rings.flat());
  const bbox = [
    Math.min(...all.map((p) => p[0])),
    Math.min(...all.map((p) => p[1])),
    Math.max(...all.map((p) => p[0])),
    Math.max(...all.map((p) => p[1])),
  ];
  const header = (byteLength: number): DataView => {
    const h = new DataView(new ArrayBuffer(100));
    h.setInt32(0, 9994, false);
    h.setInt32(24, byteLength / 2, false);
    h.setInt32(28, 1000, true);
    h.setInt32(32, 5, true);
    bbox.forEach((v, i) => void h.setFloat64(36 + 8 * i, v ?? 0, true));
    return h;
  };
  const shpLen = 100 + records.reduce((a, r) => a + 8 + r.byteLength, 0);
  const shp = new Uint8Array(shpLen);
  shp.set(new Uint8Array(header(shpLen).buffer), 0);
  const shxLen = 100 + 8 * records.length;
  const shx = new Uint8Array(shxLen);
  shx.set(new Uint8Array(header(shxLen).buffer), 0);
  let offset = 100;
  records.forEach((r, i) => {
    const rh = new DataView(shp.buffer, offset, 8);
    rh.setInt32(0, i + 1, false);
    rh.setInt32(4, r.byteLength / 2, false);
    shp.set(r, offset + 8);
    const ix = new DataView(shx.buffer, 100 + 8 * i, 8);
    ix.setInt32(0, offset / 2, false);
    ix.setInt32(4, r.byteLength / 2, false);
    offset += 8 + r.byteLength;
  });
  return {
    shp,
    shx,
    dbf: encodeDbf(
      shapes.map((s) => s.attributes),
      fields,
    ),
  };
}

function encodeDbf(rows: Array<Record<string, string>>, fields: string[]): Uint8Array {
  const enc = new TextEncoder();
  const widths = fields.map((f) => Math.max(1, ...rows.map((r) => enc.encode(r[f] ?? '').length)));
  const headerLen = 32 + 32 * fields.length + 1;
  const recordLen = 1 + widths.reduce((a, w) => a + w, 0);
  const out = new Uint8Array(headerLen + rows.length * recordLen + 1);
  const dv = new DataView(out.buffer);
  out[0] = 0x03;
  out[1] = 124;
  out[2] = 1;
  out[3] = 1;
  dv.setUint32(4, rows.length, true);
  dv.setUint16(8, headerLen, true);
  dv.setUint16(10, recordLen, true);
  fields.forEach((f, i) => {
    const base = 32 + 32 * i;
    out.set(enc.encode(f.slice(0, 10)), base);
    out[base + 11] = 'C'.charCodeAt(0);
    out[base + 16] = widths[i] ?? 1;
  });
  out[headerLen - 1] = 0x0d;
  rows.forEach((r, ri) => {
    let p = headerLen + ri * recordLen;
    out[p++] = 0x20;
    fields.forEach((f, i) => {
      const w = widths[i] ?? 1;
      const bytes = enc.encode((r[f] ?? '').padEnd(w, ' '));
      out.set(bytes.subarray(0, w), p);
      p += w;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

export function writeShapefile(
  dir: string,
  name: string,
  shapes: TestShape[],
  fields: string[],
  prj: string | null = BNG_PRJ,
): string {
  const b = encodeShapefile(shapes, fields);
  writeFileSync(path.join(dir, `${name}.shp`), b.shp);
  writeFileSync(path.join(dir, `${name}.shx`), b.shx);
  writeFileSync(path.join(dir, `${name}.dbf`), b.dbf);
  if (prj !== null) writeFileSync(path.join(dir, `${name}.prj`), prj);
  writeFileSync(path.join(dir, `${name}.cpg`), 'UTF-8');
  return path.join(dir, `${name}.shp`);
}

/** Clockwise square (ESRI outer-ring order) with corners in metres. */
export function square(x0: number, y0: number, size: number): Array<[number, number]> {
  return [
    [x0, y0],
    [x0, y0 + size],
    [x0 + size, y0 + size],
    [x0 + size, y0],
    [x0, y0],
  ];
}
