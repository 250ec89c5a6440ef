import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../scripts/pipeline/csv';
import { parsePrj } from '../../../scripts/pipeline/crs';
import { PipelineError } from '../../../scripts/pipeline/errors';
import { bngPointToWgs84 } from '../../../scripts/pipeline/reproject';
import { BNG_PRJ, WGS84_PRJ } from './helpers/shapefile-writer';
import { dataDir } from './helpers/data-dir';

describe('csv', () => {
  it('parses quoted commas, doubled quotes, CRLF and embedded newlines with the line each record starts on', () => {
    const t = parseCsv('a,b,c\r\n1,"x, y",3\n2,"say ""hi""",4\n3,"two\nlines",5\n', 'f.csv');
    expect(t.header).toEqual(['a', 'b', 'c']);
    expect(t.rows.map((r) => r.cells[1])).toEqual(['x, y', 'say "hi"', 'two\nlines']);
    expect(t.rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });
  it('names file and line of a short row', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n', 'f.csv')).toThrowError(/f\.csv, line 3: expected 2 fields, found 1/);
  });
  it('rejects an unterminated quote', () => {
    expect(() => parseCsv('a\n"open\n', 'f.csv')).toThrowError(PipelineError);
  });
});

describe('crs', () => {
  it('recognises ESRI British National Grid and WGS84', () => {
    expect(parsePrj(BNG_PRJ, 'x.prj')).toBe('bng');
    expect(parsePrj(WGS84_PRJ, 'x.prj')).toBe('wgs84');
  });
  it('recognises a .prj naming only Transverse_Mercator with OSGB36 parameters (real fixture uk_outline_bng)', () => {
    const prj = readFileSync(`${dataDir}/boundaries/fixtures/uk_outline_bng/ukbord.prj`, 'utf8');
    expect(prj).toMatch(/PROJCS\["Transverse_Mercator"/);
    expect(parsePrj(prj, 'ukbord.prj')).toBe('bng');
  });
  it('rejects other CRSs naming the file', () => {
    const utm = BNG_PRJ.replace('Central_Meridian",-2.0', 'Central_Meridian",-3.0');
    expect(() => parsePrj(utm, 'odd.prj')).toThrowError(/odd\.prj: unsupported projected CRS/);
    expect(() => parsePrj('GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989"]]', 'etrs.prj')).toThrowError(
      /etrs\.prj: unsupported geographic CRS/,
    );
    expect(() => parsePrj('', 'empty.prj')).toThrowError(/empty\.prj/);
  });
});

/**
 * Independent reference for the BNG → WGS84 test. Source: Ordnance Survey, "A guide to coordinate
 * systems in Great Britain", Annex C worked example: E 651409.903, N 313177.270 is OSGB36
 * 52°39'27.2531"N 1°43'4.5177"E. The OSGB36 → WGS84 step uses the guide's published Helmert
 * parameters (section 6.6, Table 4: tx 446.448 m, ty −125.157 m, tz 542.060 m, rx 0.1502″,
 * ry 0.2470″, rz 0.8421″, s −20.4894 ppm) with the guide's ellipsoid ↔ Cartesian formulas (Annex B),
 * written out here rather than taken from proj4, so the test does not check proj4 against itself.
 */
function osgb36ToWgs84(latDeg: number, lonDeg: number): [number, number] {
  const rad = Math.PI / 180;
  const airy = { a: 6377563.396, b: 6356256.909 };
  const grs80 = { a: 6378137.0, b: 6356752.3141 };
  const e2 = (e: { a: number; b: number }): number => (e.a ** 2 - e.b ** 2) / e.a ** 2;
  const lat = latDeg * rad;
  const lon = lonDeg * rad;
  const nu = airy.a / Math.sqrt(1 - e2(airy) * Math.sin(lat) ** 2);
  const x = nu * Math.cos(lat) * Math.cos(lon);
  const y = nu * Math.cos(lat) * Math.sin(lon);
  const z = (1 - e2(airy)) * nu * Math.sin(lat);
  const s = -20.4894e-6;
  const sec = rad / 3600;
  const [rx, ry, rz] = [0.1502 * sec, 0.247 * sec, 0.8421 * sec];
  const x2 = 446.448 + (1 + s) * x - rz * y + ry * z;
  const y2 = -125.157 + rz * x + (1 + s) * y - rx * z;
  const z2 = 542.06 - ry * x + rx * y + (1 + s) * z;
  const p = Math.hypot(x2, y2);
  let phi = Math.atan2(z2, p * (1 - e2(grs80)));
  for (let i = 0; i < 10; i++) {
    const n = grs80.a / Math.sqrt(1 - e2(grs80) * Math.sin(phi) ** 2);
    phi = Math.atan2(z2 + e2(grs80) * n * Math.sin(phi), p);
  }
  return [Math.atan2(y2, x2) / rad, phi / rad];
}

function metres(a: [number, number], b: [number, number]): number {
  const dy = (a[1] - b[1]) * 111_320;
  const dx = (a[0] - b[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180);
  return Math.hypot(dx, dy);
}

describe('reproject', () => {
  it('converts the OS worked example to WGS84 within 5 m of an independent Helmert computation', () => {
    const osgbLat = 52 + 39 / 60 + 27.2531 / 3600;
    const osgbLon = 1 + 43 / 60 + 4.5177 / 3600;
    const expected = osgb36ToWgs84(osgbLat, osgbLon);
    const got = bngPointToWgs84(651409.903, 313177.27);
    expect(metres(got, expected)).toBeLessThan(5);
    // Sanity: the datum shift is real (~100 m here), so a plain OSGB36 answer would fail.
    expect(metres([osgbLon, osgbLat], expected)).toBeGreaterThan(50);
  });
});
