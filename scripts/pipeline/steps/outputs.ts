/**
 * The steps that give the rest of the generated files: postcodes, the context layer, metadata,
 * interventions, SPI and the council's standing.
 */
import { POSTCODE_NEIGHBOUR_KM, postcodeDistrictFile } from '../../../src/data/contract';
import type { AreaFeature } from '../boundaries';
import { councilContent } from '../council-content';
import { buildContext } from '../context';
import { readStanding } from '../file10';
import { englandWardsContent } from '../england-wards';
import { buildInterventions } from '../interventions';
import { LEEDS_POSTCODES_FILE, NSPL_DIR } from '../interventions-sources';
import { buildMetadata } from '../metadata';
import { populationMetadata } from '../people-sources';
import { buildPostcodeIndex, searchBox } from '../postcodes';
import { readEnglandLayer, readEnglandLayerNear } from '../sources/england';
import { readSpiFromSources } from '../spi';
import { stableStringify } from '../write-outputs';
import type { PipelineStep, StepContext, StepValues } from './step';

export const postcodesStep = {
  id: 'postcodes',
  inputs: ['geo', 'lookups'],
  provides: ['postcodes'],
  outputs: ['postcodes'],
  run: async ({ cfg: { dataDir, sources }, options, get, log }) => {
    log('Indexing postcodes');
    const lookups = get('lookups');
    const own = get('geo').f21.layer.features;
    const lsoas = sources.postcodeLsoas ?? sources.lsoa21;
    // England-wide councils already hold the parsed England LSOAs (their own are among them); a
    // one-council build of Leeds reads only those near it.
    const whole = options.keepSources === true || (sources.englandWide === true && lsoas.path === sources.lsoa21.path);
    const pcs = buildPostcodeIndex({
      dataDir,
      postcodes: sources.postcodes,
      placementLayer: whole
        ? await readEnglandLayer(dataDir, lsoas)
        : await readEnglandLayerNear(dataDir, lsoas, searchBox(own, POSTCODE_NEIGHBOUR_KM)),
      own,
      councilOf: (code) => {
        const g = lookups.lsoa21.get(code);
        return g ? { code: g.lad, name: g.ladName } : undefined;
      },
      keepWholeDirectory: options.keepSources === true,
    });
    // Bad directory rows are skipped, not fatal: each named by file and line (once per process's parse).
    for (const p of pcs.skipped.slice(0, 20))
      log(`postcodes: skipped ${p.file} ${p.location ?? ''} (${p.field ?? ''}): ${p.message}`);
    if (pcs.skipped.length > 20)
      log(`postcodes: … ${pcs.skipped.length - 20} more skipped rows (report.postcodeSkipped lists them all)`);
    const files = pcs.files.map((f) => ({ name: postcodeDistrictFile(f.key), content: stableStringify(f.content) }));
    return { values: { postcodes: pcs }, files: { postcodes: files } };
  },
} as const satisfies PipelineStep;

/** Always written, as null when the sources do not cover the area. */
export const contextStep = {
  id: 'context',
  inputs: ['topology'],
  provides: ['context'],
  outputs: ['context'],
  run: async ({ cfg: { dataDir, area }, get, log }) => {
    log('Building the context layer (roads, rail, rivers, parks, place names)');
    const context = await buildContext(dataDir, area, get('topology').bbox);
    if (context.metadata.note) log(`context: ${context.metadata.note}`);
    return { values: { context }, files: { context: stableStringify(context.data) } };
  },
} as const satisfies PipelineStep;

/** The build's counts: features written and postcodes indexed. */
function buildCounts(ctx: StepContext): StepValues['counts'] {
  const pcs = ctx.get('postcodes');
  return {
    lsoa21: ctx.get('lsoa21').length,
    lsoa11: ctx.get('lsoa11').length,
    wards: ctx.get('wards').length,
    postcodes: pcs.total,
    postcodesWithoutLsoa: pcs.withoutLsoa,
    postcodesWithoutCoordinates: pcs.withoutCoordinates,
    postcodesNearby: pcs.nearby,
    postcodeRowsSkipped: pcs.skipped.length,
  };
}

export const metadataStep = {
  id: 'metadata',
  inputs: [
    'geo',
    'joined',
    'extraIndicators',
    'people',
    'census',
    'topology',
    'postcodes',
    'context',
    'lsoa21',
    'lsoa11',
    'wards',
  ],
  provides: ['metadata', 'counts'],
  outputs: ['metadata'],
  run: (ctx) => {
    const { cfg, contentDir, get } = ctx;
    const { sources, area } = cfg;
    const geo = get('geo');
    const people = get('people');
    const topology = get('topology');
    const pcs = get('postcodes');
    const context = get('context');
    const counts = buildCounts(ctx);
    const metadata = buildMetadata({
      area: { code: area, name: geo.sets.name },
      council: { sources, wardMethod: geo.wardMethod, content: councilContent(contentDir) },
      releases: get('joined'),
      extraIndicators: get('extraIndicators'),
      people: people.available
        ? { available: true, sourceFile: people.file, reference: 'mid-2022', totals: people.totals }
        : { available: false, sourceFile: people.file, reason: people.reason },
      population: populationMetadata(people, get('census')),
      sources,
      counts,
      bbox: topology.bbox,
      simplifyMinWeight: topology.minWeight,
      minPartArea: topology.minPartArea,
      quantization: topology.quantization,
      postcodeDistricts: pcs.districts,
      postcodeSplitDistricts: pcs.splitDistricts,
    });
    metadata.context = context.metadata;
    metadata.attribution = [...metadata.attribution, ...context.metadata.attribution];
    metadata.sources = [...metadata.sources, ...context.sources];
    return {
      values: { metadata, counts },
      files: { metadata: `${JSON.stringify(JSON.parse(stableStringify(metadata)), null, 2)}\n` },
    };
  },
} as const satisfies PipelineStep;

const toCollection = (features: readonly AreaFeature[]) => ({
  type: 'FeatureCollection' as const,
  features: features.map((f) => ({
    type: 'Feature' as const,
    properties: { code: f.code, name: f.name },
    geometry: f.geometry,
  })),
});

/** Without a content directory the layer is written empty. */
export const interventionsStep = {
  id: 'interventions',
  inputs: ['geo'],
  provides: ['interventions'],
  outputs: ['interventions'],
  run: ({ cfg: { dataDir, area, sources }, contentDir, get, log }) => {
    log('Placing interventions');
    const geo = get('geo');
    const interventions =
      contentDir === null
        ? {
            collection: { type: 'FeatureCollection' as const, features: [], unplaced: [], cityWide: [], merged: [] },
            unplaced: [],
            warnings: ['no content directory: interventions layer left empty'],
          }
        : buildInterventions({
            sourcesDir: dataDir,
            contentDir,
            areaCode: area,
            lsoa21: toCollection(geo.f21.layer.features),
            wards: toCollection(geo.fw.layer.features),
            // Leeds keeps its LS table so its interventions are unchanged (WF and BD postcodes stay unplaced).
            postcodes: sources.englandWide
              ? { kind: 'areas', dir: NSPL_DIR }
              : { kind: 'table', file: LEEDS_POSTCODES_FILE },
          });
    for (const w of interventions.warnings) log(`interventions: ${w}`);
    return { values: { interventions }, files: { interventions: stableStringify(interventions.collection) } };
  },
} as const satisfies PipelineStep;

/** Always written, as null when the sources have no SPI file, so the app can tell "none" without a 404. */
export const spiStep = {
  id: 'spi',
  inputs: ['geo'],
  provides: ['spi'],
  outputs: ['spi'],
  run: ({ cfg: { dataDir, sources }, get, log }) => {
    log('Reading Social Progress Index (optional)');
    const spi = sources.englandWide
      ? null
      : readSpiFromSources(
          dataDir,
          get('geo').fw.layer.features.map((f) => ({ code: f.code, name: f.name })),
          { onWarning: (m) => log(`spi: ${m}`) },
        );
    return { values: { spi }, files: { spi: stableStringify(spi) } };
  },
} as const satisfies PipelineStep;

export const standingStep = {
  id: 'standing',
  inputs: ['geo'],
  provides: [],
  outputs: ['standing'],
  run: ({ cfg: { dataDir, area }, get }) => ({
    files: { standing: stableStringify(readStanding(dataDir, { code: area, name: get('geo').sets.name })) },
  }),
} as const satisfies PipelineStep;

/** Every England ward's summary: the same file for every council, computed once per process. */
export const englandWardsStep = {
  id: 'england-wards',
  inputs: ['releases'],
  provides: [],
  outputs: ['englandWards'],
  run: ({ cfg: { dataDir, sources }, get }) => {
    const r25 = get('releases').find((r) => r.def.id === '2025');
    if (!r25) throw new Error('the release table has no 2025 release');
    return { files: { englandWards: englandWardsContent(dataDir, sources, r25) } };
  },
} as const satisfies PipelineStep;
