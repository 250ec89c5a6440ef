import { describe, expect, it } from 'vitest';
import { GEO_FILES } from '../../../src/data/contract';
import { PIPELINE_OUTPUTS } from '../../../scripts/cli/ensure-data';
import { configFromEnv } from '../../../scripts/pipeline/config';
import { PIPELINE_STEPS, STEP_OUTPUTS, type PipelineStep } from '../../../scripts/pipeline/steps';
import { runSteps } from '../../../scripts/pipeline/steps/run-steps';

const base = { cfg: configFromEnv(), options: {}, contentDir: null, log: (): void => undefined };

describe('pipeline step registry (issue 20.4)', () => {
  it('writes every generated file of the contract exactly once, and ensure-data expects exactly those', () => {
    expect([...STEP_OUTPUTS].sort()).toEqual(Object.keys(GEO_FILES).sort());
    expect(new Set(STEP_OUTPUTS).size).toBe(STEP_OUTPUTS.length);
    expect([...PIPELINE_OUTPUTS].sort()).toEqual(Object.values(GEO_FILES).sort());
  });

  it('lists each step once, every input provided by an earlier step, every value provided once', () => {
    const ids = PIPELINE_STEPS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const provided = new Set<string>();
    for (const step of PIPELINE_STEPS) {
      for (const input of step.inputs) expect(provided, `${step.id} reads ${input}`).toContain(input);
      for (const value of step.provides) {
        expect(provided, `${value} provided twice`).not.toContain(value);
        provided.add(value);
      }
    }
  });
});

describe('runSteps holds each step to its declaration', () => {
  const giveLookups: PipelineStep = {
    id: 'first',
    inputs: [],
    provides: ['ward11'],
    outputs: ['spi'],
    run: () => ({ values: { ward11: new Map([['E01000001', 'E05000001']]) }, files: { spi: 'null' } }),
  };

  it('passes declared values on and collects files in step order', async () => {
    const reader: PipelineStep = {
      id: 'second',
      inputs: ['ward11'],
      provides: [],
      outputs: ['standing'],
      run: ({ get }) => ({ files: { standing: JSON.stringify([...get('ward11').values()]) } }),
    };
    const { files } = await runSteps([giveLookups, reader], base);
    expect([...files]).toEqual([
      ['spi', 'null'],
      ['standing', '["E05000001"]'],
    ]);
  });

  it('fails, naming the step, on an input no earlier step provides', async () => {
    const early: PipelineStep = { id: 'early', inputs: ['geo'], provides: [], outputs: [], run: () => ({}) };
    await expect(runSteps([early], base)).rejects.toThrow('pipeline step early: no earlier step provides geo');
  });

  it('fails on reading a value the step did not declare', async () => {
    const sneaky: PipelineStep = {
      id: 'sneaky',
      inputs: [],
      provides: [],
      outputs: [],
      run: ({ get }) => ({ values: {}, files: {}, extra: get('ward11') }),
    };
    await expect(runSteps([giveLookups, sneaky], base)).rejects.toThrow(
      'pipeline step sneaky reads ward11 but does not declare it as an input',
    );
  });

  it('fails on a value or file given but not declared, or declared but not given', async () => {
    const undeclared: PipelineStep = { ...giveLookups, id: 'undeclared', provides: [] };
    await expect(runSteps([undeclared], base)).rejects.toThrow(
      'pipeline step undeclared gave values [ward11], declared []',
    );
    const missingFile: PipelineStep = { ...giveLookups, id: 'nofile', outputs: ['spi', 'context'] };
    await expect(runSteps([missingFile], base)).rejects.toThrow(
      'pipeline step nofile gave files [spi], declared [spi, context]',
    );
    await expect(
      runSteps(
        [giveLookups, { ...giveLookups, id: 'again', provides: [], run: () => ({ files: { spi: '1' } }) }],
        base,
      ),
    ).rejects.toThrow('again: spi is not written exactly once');
  });
});
