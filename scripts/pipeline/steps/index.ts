/**
 * The pipeline's steps in the order runPipeline (run.ts) runs them. To add a generated file: declare it
 * in GEO_FILES (src/data/contract.ts) and add a step here whose `outputs` names it; a GEO_FILES entry
 * no step writes is a compile error below, and ensure-data checks exactly these outputs.
 */
import { checksStep } from './checks';
import { lsoa11Step, lsoa21Step, wardsStep } from './features';
import { joinStep, peopleStep } from './join';
import {
  contextStep,
  englandWardsStep,
  interventionsStep,
  metadataStep,
  postcodesStep,
  spiStep,
  standingStep,
} from './outputs';
import { areaStep, boundariesStep, lookupsStep, releasesStep } from './read';
import type { GeoFileKey, PipelineStep } from './step';
import { topologyStep } from './topology';

export const PIPELINE_STEPS = [
  areaStep,
  lookupsStep,
  boundariesStep,
  releasesStep,
  checksStep,
  joinStep,
  peopleStep,
  lsoa21Step,
  lsoa11Step,
  wardsStep,
  topologyStep,
  postcodesStep,
  contextStep,
  metadataStep,
  interventionsStep,
  spiStep,
  standingStep,
  englandWardsStep,
] as const satisfies readonly PipelineStep[];

/** Every generated file some step writes: a GEO_FILES key missing here fails to compile. */
type Written = (typeof PIPELINE_STEPS)[number]['outputs'][number];
const EVERY_FILE_WRITTEN: [Exclude<GeoFileKey, Written>] extends [never] ? true : never = true;
void EVERY_FILE_WRITTEN;

/** The generated files (GEO_FILES keys) of the steps, in step order. */
export const STEP_OUTPUTS: readonly GeoFileKey[] = PIPELINE_STEPS.flatMap((s) => s.outputs);

export type { GeoFileKey, PipelineOptions, PipelineStep, StepContext, StepValues } from './step';
