import { describe, expect, it } from 'vitest';
import {
  latestFiguresMarkdown,
  README_MARKERS,
  replaceLatestFigures,
  type MetricRow,
} from '../../../scripts/bench/report';
import { median, percentile } from '../../../scripts/bench/stats';

const rows: MetricRow[] = [
  {
    id: 'switchMedian',
    label: 'Indicator switch, median of 20',
    unit: 'ms',
    value: 120,
    baseline: 200,
    ratio: 0.6,
    budget: '≤ 1.25× baseline',
    pass: true,
  },
  {
    id: 'lead',
    label: '  MapLibre loaded minus text UI usable (median)',
    unit: 'ms',
    value: null,
    baseline: null,
    ratio: null,
    budget: null,
    pass: null,
    note: 'a mark was missing in 7 runs',
  },
  {
    id: 'first',
    label: 'First choropleth',
    unit: 'ms',
    value: 5000,
    baseline: 4000,
    ratio: 1.25,
    budget: '≤ 1.0× baseline',
    pass: false,
  },
];
const figures = {
  date: '2026-11-30T05:50:12.000Z',
  machine: {
    cpus: 2,
    cpuModel: 'Test CPU',
    memoryGB: 23.5,
    loadAverage1m: 1.5,
    chromium: '156',
    node: 'v20',
    webglRenderer: 'SwiftShader',
  },
  settings: { coldLoads: 7, switches: 20, hovers: 7 },
  rows,
  byteRows: [],
};

describe('the README table of latest figures', () => {
  it('says when and on what it was measured, and gives each figure, its ratio and its result', () => {
    const md = latestFiguresMarkdown(figures);
    expect(md).toContain('2026-11-30 05:50 UTC');
    expect(md).toContain('2 CPUs (Test CPU)');
    expect(md).toContain('SwiftShader');
    expect(md).toContain('| Indicator switch, median of 20 | 120 ms | 200 ms | 0.60× | ≤ 1.25× baseline | pass |');
    expect(md).toContain('| First choropleth | 5000 ms | 4000 ms | 1.25× | ≤ 1.0× baseline | **fail** |');
    // A missing figure is a dash, never NaN.
    expect(md).toContain(
      '| MapLibre loaded minus text UI usable (median) | — | — | — | — | a mark was missing in 7 runs |',
    );
    expect(md).not.toContain('NaN');
  });

  it('replaces only the section between the markers, and refuses a README without them', () => {
    const readme = `# Title\n\nbefore\n${README_MARKERS.start}\nold table\n${README_MARKERS.end}\nafter\n`;
    const out = replaceLatestFigures(readme, 'NEW');
    expect(out).toBe(`# Title\n\nbefore\n${README_MARKERS.start}\nNEW\n${README_MARKERS.end}\nafter\n`);
    expect(replaceLatestFigures(out, 'NEWER')).toContain(`${README_MARKERS.start}\nNEWER\n${README_MARKERS.end}`);
    expect(() => replaceLatestFigures('# no markers', 'x')).toThrow(/bench:latest:start/);
  });
});

describe('order statistics', () => {
  it('median and nearest-rank p95', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBe(true);
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(twenty, 95)).toBe(19);
  });
});
