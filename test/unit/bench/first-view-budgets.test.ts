import { describe, expect, it } from 'vitest';
import { firstChoroplethLimit, parseArgs } from '../../../scripts/bench/bench-setup';
import { medianLoad, timelineText } from '../../../scripts/bench/timeline';
import type { ColdLoad } from '../../../scripts/bench/measure';

const load = (first: number | undefined): ColdLoad => ({
  kind: 'app',
  marks: first === undefined ? {} : { 'atlas:first-choropleth': first },
  responses: [],
  heapUsed: 0,
  textUiPresent: true,
  problems: [],
  timeline: [],
});

describe('first-choropleth budgets (issue 25)', () => {
  it('holds Leeds and any other council to 0.85× the baseline, Birmingham and Cornwall to 0.9×', () => {
    expect(firstChoroplethLimit('E08000035')).toBe(0.85);
    expect(firstChoroplethLimit('E06000017')).toBe(0.85);
    expect(firstChoroplethLimit('E08000025')).toBe(0.9);
    expect(firstChoroplethLimit('E06000052')).toBe(0.9);
  });

  it('needs at least 9 cold loads for --check, and runs 9 by default', () => {
    expect(parseArgs([]).runs).toBe(9);
    expect(parseArgs(['--check']).runs).toBe(9);
    expect(() => parseArgs(['--check', '--runs', '7'])).toThrow(/at least 9 cold loads/);
    expect(parseArgs(['--timeline']).timeline).toBe(true);
  });

  it('--venues-only runs only the venue rows and refuses --check (it judges nothing)', () => {
    expect(parseArgs(['--venues-only']).venuesOnly).toBe(true);
    expect(parseArgs([]).venuesOnly).toBe(false);
    expect(() => parseArgs(['--venues-only', '--check'])).toThrow(/judges nothing/);
  });
});

describe('bench --timeline', () => {
  it('picks the cold load with the median first choropleth (the lower middle of an even count), skipping loads without the mark', () => {
    const loads = [load(300), load(100), load(undefined), load(200), load(400)];
    expect(medianLoad(loads, 'atlas:first-choropleth')?.marks['atlas:first-choropleth']).toBe(200);
    expect(medianLoad([load(undefined)], 'atlas:first-choropleth')).toBeNull();
  });

  it('prints marks and requests in order, requests without the page prefix', () => {
    const text = timelineText(
      'T',
      [
        { name: '/app/geo/metadata.json', kind: 'resource', start: 10.4, end: 55.6 },
        { name: 'atlas:text-ui-ready', kind: 'mark', start: 120, end: 120 },
        { name: '/app/assets/maplibre-gl-worker.js', kind: 'resource', start: 300, end: 200 },
      ],
      '/app/',
    );
    expect(text.split('\n')).toEqual([
      'T',
      '   10 –    56  geo/metadata.json',
      '  120          ● atlas:text-ui-ready',
      '    ? –   200  assets/maplibre-gl-worker.js',
    ]);
  });
});
