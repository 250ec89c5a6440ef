/** The step that fits the area files (LSOA 2021 + wards, LSOA 2011) to their gzip budget as TopoJSON. */
import { TOPO_OBJECTS } from '../../../src/data/contract';
import { areaBudget } from '../area-budget';
import { BUDGET, QUANTIZATION, SIMPLIFY_MIN_WEIGHT } from '../config';
import { bboxOf, withoutDerivable } from '../feature-helpers';
import { areaMinWeight, fitTopology } from '../fit-topology';
import { releaseMetadata } from '../metadata';
import { extraIndicatorsFor } from '../people-sources';
import { buildTopology } from '../write-topojson';
import { stableStringify } from '../write-outputs';
import type { PipelineStep } from './step';

export const topologyStep = {
  id: 'topology',
  inputs: ['geo', 'joined', 'people', 'supplementary', 'lsoa21', 'lsoa11', 'wards'],
  provides: ['extraIndicators', 'topology'],
  outputs: ['areas2021', 'areas2011'],
  run: ({ cfg: { sources }, options, get, log }) => {
    log('Building topology');
    const geo = get('geo');
    const lsoa21 = get('lsoa21');
    // The release facts the app reads from metadata.json to restore the fields the files leave out.
    const extraIndicators = extraIndicatorsFor(get('people').available, get('supplementary') !== null);
    const derivation = get('joined').map((a) => releaseMetadata(a, extraIndicators[a.release.def.id]));
    // England-wide builds: bytes per LSOA (issue 11); the Leeds sources keep their absolute budget.
    const budget = options.budget ?? (sources.englandWide ? areaBudget(lsoa21.length) : BUDGET);
    const bbox = bboxOf([...geo.f21.layer.features, ...geo.fw.layer.features]);
    const fitted = fitTopology(
      {
        [TOPO_OBJECTS.lsoa21]: withoutDerivable(lsoa21, derivation, '2021'),
        [TOPO_OBJECTS.wards]: get('wards'),
      },
      options.simplifyMinWeight ?? areaMinWeight(SIMPLIFY_MIN_WEIGHT, bbox, lsoa21.length),
      QUANTIZATION,
      budget.firstViewGzip,
    );
    const { minWeight, minPartArea, quantization } = fitted;
    const topo11 = buildTopology(
      { [TOPO_OBJECTS.lsoa11]: withoutDerivable(get('lsoa11'), derivation, '2011') },
      minWeight,
      quantization,
    );
    return {
      values: { extraIndicators, topology: { bbox, minWeight, minPartArea, quantization, budget } },
      files: { areas2021: stableStringify(fitted.topology), areas2011: stableStringify(topo11) },
    };
  },
} as const satisfies PipelineStep;
