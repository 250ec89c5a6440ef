import { readFileSync } from 'node:fs';
import path from 'node:path';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { GEO_FILES, TOPO_OBJECTS, type DataMetadata } from '../../../../src/data/contract';
import { deriveFields } from '../../../../src/data/derived-fields';

type AreaObject = (typeof TOPO_OBJECTS)[keyof typeof TOPO_OBJECTS];

/**
 * The properties of one object of a built area file as the app reads them: the flags and local ranks the
 * file leaves out are restored from metadata.json's release facts (src/data/derived-fields.ts), as
 * src/data/load.ts does.
 */
export function builtAreaProps(outDir: string, object: AreaObject): Array<Record<string, unknown>> {
  const file = object === TOPO_OBJECTS.lsoa11 ? GEO_FILES.areas2011 : GEO_FILES.areas2021;
  const topo = JSON.parse(readFileSync(path.join(outDir, file), 'utf8')) as Topology;
  const geo = topo.objects[object];
  if (geo?.type !== 'GeometryCollection') throw new Error(`${file} has no GeometryCollection "${object}"`);
  const props = feature(topo, geo).features.map((f) => f.properties ?? {});
  if (object === TOPO_OBJECTS.wards) return props;
  const meta = JSON.parse(readFileSync(path.join(outDir, GEO_FILES.metadata), 'utf8')) as DataMetadata;
  return deriveFields(props, meta.releases, object === TOPO_OBJECTS.lsoa11 ? '2011' : '2021');
}
