import { describe, expect, it } from 'vitest';
import { growthMarkdown, growthRowFrom, machineLine } from '../../../scripts/bench/growth-report';

/** A synthetic, trimmed `npm run bench -- --json` result for an imaginary council. */
const benchJson = (code: string, lsoas: number, geodata: number) => ({
  area: { code, name: `Synthetic ${code}`, lsoaCount: lsoas },
  machine: { cpus: 2, cpuModel: 'Test CPU', loadAverage1m: 0.5, chromium: '156', webglRenderer: 'SwiftShader' },
  metrics: [
    { id: 'geodataGzip', value: geodata, baseline: geodata * 1.3 },
    { id: 'dataBuildTime', value: 3.25, baseline: null },
    { id: 'dataBuildRss', value: 512.4, baseline: null },
    { id: 'firstChoropleth', value: 900, baseline: 1000 },
    { id: 'switchMedian', value: 250, baseline: null },
  ],
});

describe('the growth table (docs/performance.md)', () => {
  it('reads each council’s figures from its bench JSON and lists councils by LSOA count, with bytes per LSOA and ratios', () => {
    const big = growthRowFrom(benchJson('E99999902', 400, 80_000), 'E99999902');
    const small = growthRowFrom(benchJson('E99999901', 20, 5_000), 'E99999901');
    const md = growthMarkdown(
      [big, small],
      { councils: 3, wallS: 150, peakMb: 1800.4, ok: true },
      { date: '2026-11-30T07:40:00.000Z', machine: machineLine(benchJson('x', 1, 1)), settings: 'synthetic' },
    );
    expect(md).toContain('2026-11-30 07:40 UTC');
    expect(md).toContain('2 CPUs (Test CPU), load average 0.5');
    const lines = md.split('\n');
    const smallAt = lines.findIndex((l) => l.startsWith('| Synthetic E99999901'));
    const bigAt = lines.findIndex((l) => l.startsWith('| Synthetic E99999902'));
    expect(smallAt).toBeGreaterThan(0);
    expect(bigAt).toBeGreaterThan(smallAt);
    expect(lines[bigAt]).toBe(
      '| Synthetic E99999902 (E99999902) | 400 | 78.1 KB | 200 B | 3.3 s | 512 MB | 900 ms (1000 ms, 0.90×) | 250 ms (—, —) |',
    );
    expect(md).toContain('3 sites in 2.5 min (50.00 s per council, the app built once), peak RSS 1800 MB');
    expect(md).not.toContain('NaN');
  });

  it('says when the every-council build failed, and refuses bench output without the figures', () => {
    const md = growthMarkdown(
      [],
      { councils: 2, wallS: 60, peakMb: 100, ok: false },
      { date: '2026-11-30T07:40:00.000Z', machine: '', settings: '' },
    );
    expect(md).toContain('FAILED after 1.0 min with 2 sites written');
    expect(() => growthRowFrom({ area: { name: 'x', lsoaCount: 1 }, metrics: [] }, 'E99999903')).toThrow(
      /E99999903: the bench JSON has no figure "geodataGzip"/,
    );
    expect(() => growthRowFrom('not json', 'E99999904')).toThrow(/E99999904/);
  });
});
