/** The steps that read the sources: the area's code, the lookups, its boundaries and every IoD release. */
import { RELEASE_LIST } from '../../../src/data/contract';
import { checkAreaCode, hasDistrictList } from '../area-codes';
import { readAreaGeography } from '../area-geography';
import { readRelease } from '../join-iod';
import { readLookups } from '../lookups';
import { cachedSource } from '../source-cache';
import type { PipelineStep } from './step';

/** Checked before anything is read or written. Synthetic test sources have no district list. */
export const areaStep = {
  id: 'area',
  inputs: [],
  provides: ['district'],
  outputs: [],
  run: ({ cfg: { dataDir, sources, area } }) => ({
    values: {
      district:
        sources.englandWide || hasDistrictList(dataDir) ? checkAreaCode(area, dataDir) : { code: area, name: '' },
    },
  }),
} as const satisfies PipelineStep;

export const lookupsStep = {
  id: 'lookups',
  inputs: [],
  provides: ['lookups'],
  outputs: [],
  run: ({ cfg: { dataDir, sources }, log }) => {
    log(`Reading lookups from ${dataDir}`);
    return { values: { lookups: cachedSource(`lookups:${dataDir}`, () => readLookups(dataDir, sources)) } };
  },
} as const satisfies PipelineStep;

export const boundariesStep = {
  id: 'boundaries',
  inputs: ['lookups', 'district'],
  provides: ['geo'],
  outputs: [],
  run: async ({ cfg, log, get }) => {
    log('Reading boundaries');
    return { values: { geo: await readAreaGeography(cfg, get('lookups'), get('district').name) } };
  },
} as const satisfies PipelineStep;

/**
 * Every release of the table (src/data/releases.ts), each to be joined onto the LSOAs of its vintage.
 * Missing rows are reported after the coverage check (checks step), which names the LSOA.
 * Parsed once per process (build:sites reads each file once for every council).
 */
export const releasesStep = {
  id: 'releases',
  inputs: [],
  provides: ['releases'],
  outputs: [],
  run: ({ cfg: { dataDir }, log }) => {
    log('Reading indices of deprivation');
    const releases = RELEASE_LIST.map((def) =>
      cachedSource(`iod:${dataDir}:${def.source.file}`, () => readRelease(dataDir, def, { deferMissingRows: true })),
    );
    return { values: { releases } };
  },
} as const satisfies PipelineStep;
