/** Runs the registry's steps in order, holding each step to what it declares. */
import type { FileContent, GeoFileKey, PipelineStep, StepContext, StepValueKey, StepValues } from './step';

export interface StepsResult {
  values: Partial<StepValues>;
  /** Each generated file's content, in step order. */
  files: Map<GeoFileKey, FileContent>;
}

/**
 * A step may read only the inputs it declares, each provided by an earlier step, and must give
 * exactly the values and files it declares: a wrong declaration fails the build at once, naming the
 * step, so the list stays a true description of the pipeline (ensure-data relies on its outputs).
 */
export async function runSteps(steps: readonly PipelineStep[], base: Omit<StepContext, 'get'>): Promise<StepsResult> {
  const values: Partial<StepValues> = {};
  const files = new Map<GeoFileKey, FileContent>();
  for (const step of steps) {
    const unmet = step.inputs.filter((k) => !(k in values));
    if (unmet.length > 0) throw new Error(`pipeline step ${step.id}: no earlier step provides ${unmet.join(', ')}`);
    const get = <K extends StepValueKey>(key: K): StepValues[K] => {
      const v = values[key];
      if (!step.inputs.includes(key) || v === undefined)
        throw new Error(`pipeline step ${step.id} reads ${key} but does not declare it as an input`);
      return v;
    };
    const started = performance.now();
    const result = await step.run({ ...base, get });
    // Per-step cost in the build log, so a slow or memory-hungry step shows (issue 25).
    base.log(
      `step ${step.id}: ${Math.round(performance.now() - started)} ms, rss ${Math.round(process.memoryUsage.rss() / 2 ** 20)} MB`,
    );
    const given = Object.keys(result.values ?? {}).sort();
    if (given.join() !== [...step.provides].sort().join())
      throw new Error(
        `pipeline step ${step.id} gave values [${given.join(', ')}], declared [${step.provides.join(', ')}]`,
      );
    Object.assign(values, result.values);
    const written = Object.keys(result.files ?? {}).sort();
    if (written.join() !== [...step.outputs].sort().join())
      throw new Error(
        `pipeline step ${step.id} gave files [${written.join(', ')}], declared [${step.outputs.join(', ')}]`,
      );
    for (const key of step.outputs) {
      const content = result.files?.[key];
      if (content === undefined || files.has(key))
        throw new Error(`pipeline step ${step.id}: ${key} is not written exactly once`);
      files.set(key, content);
    }
  }
  return { values, files };
}
