import { PipelineError } from './errors';

export type Crs = 'bng' | 'wgs84';

/** British National Grid parameters (EPSG:27700); a .prj must match all of them to count as BNG. */
const BNG_PARAMS: Record<string, number> = {
  latitudeoforigin: 49,
  centralmeridian: -2,
  scalefactor: 0.9996012717,
  falseeasting: 400000,
  falsenorthing: -100000,
};

function normalise(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Recognise the CRS of an ESRI .prj (WKT1). Decides by datum and projection parameters rather
 * than by name, because real files name BNG in several ways — some only "Transverse_Mercator".
 */
export function parsePrj(wkt: string, file: string): Crs {
  const text = wkt.trim();
  const norm = normalise(text);
  if (text === '') throw new PipelineError({ file, message: 'empty .prj: coordinate reference system unknown' });
  if (/^PROJCS\s*\[/i.test(text)) {
    const isOsgb = norm.includes('osgb1936') || norm.includes('osgb36') || norm.includes('airy1830');
    const isTm = /PROJECTION\s*\[\s*"Transverse_Mercator"/i.test(text);
    const params = new Map<string, number>();
    for (const m of text.matchAll(/PARAMETER\s*\[\s*"([^"]+)"\s*,\s*([-+0-9.eE]+)\s*\]/g)) {
      params.set(normalise(m[1] ?? ''), Number(m[2]));
    }
    const paramsMatch = Object.entries(BNG_PARAMS).every(([k, v]) => {
      const got = params.get(k);
      return got !== undefined && Math.abs(got - v) < 1e-6 * Math.max(1, Math.abs(v));
    });
    if (isOsgb && isTm && paramsMatch) return 'bng';
    throw new PipelineError({
      file,
      message: 'unsupported projected CRS (only British National Grid, EPSG:27700, or WGS84 are supported)',
    });
  }
  if (/^GEOGCS\s*\[/i.test(text)) {
    if (norm.includes('wgs1984') || norm.includes('wgs84')) return 'wgs84';
    throw new PipelineError({ file, message: 'unsupported geographic CRS (only WGS84 is supported)' });
  }
  throw new PipelineError({ file, message: 'unrecognised .prj content: coordinate reference system unknown' });
}
