/**
 * British National Grid easting/northing (OSGB36, EPSG:27700) → WGS84 longitude/latitude, as a
 * pure function: the inverse transverse Mercator on the Airy 1830 ellipsoid, then the Ordnance
 * Survey's 7-parameter Helmert transformation to WGS84 (OS "A guide to coordinate systems in Great
 * Britain", annex C and section 6.6). Accurate to about 5 m, the accuracy of that Helmert
 * transformation (proj4's EPSG:27700 with towgs84 uses the same parameters; a unit test compares).
 * Written here instead of bundling proj4 (~100 KB minified) for one projection.
 */

const AIRY = { a: 6377563.396, b: 6356256.909 };
const WGS84 = { a: 6378137, b: 6356752.3142 };
const F0 = 0.9996012717;
const LAT0 = (49 * Math.PI) / 180;
const LON0 = (-2 * Math.PI) / 180;
const E0 = 400000;
const N0 = -100000;

/** OSGB36 → WGS84 Helmert parameters (metres, ppm, arc-seconds). */
const HELMERT = { tx: 446.448, ty: -125.157, tz: 542.06, s: -20.4894, rx: 0.1502, ry: 0.247, rz: 0.8421 };

/** Is this plausibly a grid reference in Great Britain (metres east and north of the false origin)? */
export function isGridReference(e: number, n: number): boolean {
  return Number.isFinite(e) && Number.isFinite(n) && e >= 0 && e <= 700000 && n >= 0 && n <= 1300000;
}

function gridToOsgb36(E: number, N: number): [number, number] {
  const { a, b } = AIRY;
  const e2 = 1 - (b * b) / (a * a);
  const n = (a - b) / (a + b);
  const n2 = n * n;
  const n3 = n2 * n;
  let lat = LAT0;
  let M = 0;
  do {
    lat = (N - N0 - M) / (a * F0) + lat;
    const dl = lat - LAT0;
    const sl = lat + LAT0;
    M =
      b *
      F0 *
      ((1 + n + (5 / 4) * n2 + (5 / 4) * n3) * dl -
        (3 * n + 3 * n2 + (21 / 8) * n3) * Math.sin(dl) * Math.cos(sl) +
        ((15 / 8) * n2 + (15 / 8) * n3) * Math.sin(2 * dl) * Math.cos(2 * sl) -
        (35 / 24) * n3 * Math.sin(3 * dl) * Math.cos(3 * sl));
  } while (Math.abs(N - N0 - M) >= 0.00001);
  const sin = Math.sin(lat);
  const cos = Math.cos(lat);
  const nu = (a * F0) / Math.sqrt(1 - e2 * sin * sin);
  const rho = (a * F0 * (1 - e2)) / (1 - e2 * sin * sin) ** 1.5;
  const eta2 = nu / rho - 1;
  const tan = Math.tan(lat);
  const t2 = tan * tan;
  const t4 = t2 * t2;
  const t6 = t4 * t2;
  const sec = 1 / cos;
  const VII = tan / (2 * rho * nu);
  const VIII = (tan / (24 * rho * nu ** 3)) * (5 + 3 * t2 + eta2 - 9 * t2 * eta2);
  const IX = (tan / (720 * rho * nu ** 5)) * (61 + 90 * t2 + 45 * t4);
  const X = sec / nu;
  const XI = (sec / (6 * nu ** 3)) * (nu / rho + 2 * t2);
  const XII = (sec / (120 * nu ** 5)) * (5 + 28 * t2 + 24 * t4);
  const XIIA = (sec / (5040 * nu ** 7)) * (61 + 662 * t2 + 1320 * t4 + 720 * t6);
  const dE = E - E0;
  const phi = lat - VII * dE ** 2 + VIII * dE ** 4 - IX * dE ** 6;
  const lambda = LON0 + X * dE - XI * dE ** 3 + XII * dE ** 5 - XIIA * dE ** 7;
  return [phi, lambda];
}

function toCartesian(lat: number, lon: number, ell: { a: number; b: number }): [number, number, number] {
  const e2 = 1 - (ell.b * ell.b) / (ell.a * ell.a);
  const nu = ell.a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
  return [nu * Math.cos(lat) * Math.cos(lon), nu * Math.cos(lat) * Math.sin(lon), (1 - e2) * nu * Math.sin(lat)];
}

function fromCartesian([x, y, z]: [number, number, number], ell: { a: number; b: number }): [number, number] {
  const e2 = 1 - (ell.b * ell.b) / (ell.a * ell.a);
  const p = Math.sqrt(x * x + y * y);
  let lat = Math.atan2(z, p * (1 - e2));
  for (let i = 0; i < 10; i++) {
    const nu = ell.a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
    lat = Math.atan2(z + e2 * nu * Math.sin(lat), p);
  }
  return [lat, Math.atan2(y, x)];
}

/** Easting, northing (metres, British National Grid) → [longitude, latitude] WGS84, rounded to 6 decimals (~0.1 m). */
export function gridToLonLat(easting: number, northing: number): [number, number] {
  const [lat36, lon36] = gridToOsgb36(easting, northing);
  const [x, y, z] = toCartesian(lat36, lon36, AIRY);
  const sec = Math.PI / (180 * 3600);
  const s = HELMERT.s * 1e-6;
  const rx = HELMERT.rx * sec;
  const ry = HELMERT.ry * sec;
  const rz = HELMERT.rz * sec;
  const x2 = HELMERT.tx + (1 + s) * x - rz * y + ry * z;
  const y2 = HELMERT.ty + rz * x + (1 + s) * y - rx * z;
  const z2 = HELMERT.tz - ry * x + rx * y + (1 + s) * z;
  const [lat, lon] = fromCartesian([x2, y2, z2], WGS84);
  const round = (v: number): number => Math.round(((v * 180) / Math.PI) * 1e6) / 1e6;
  return [round(lon), round(lat)];
}
