/** The growth table of docs/performance.md: how the figures grow with the number of LSOAs (pure, unit-tested). */
import { fmtBytes } from './report';

export const GROWTH_MARKERS = { start: '<!-- bench:growth:start -->', end: '<!-- bench:growth:end -->' } as const;

/** One council's figures, read from a `npm run bench -- --json --area CODE` run. */
export interface GrowthRow {
  code: string;
  name: string;
  lsoas: number;
  /** First-view geodata, bytes sent (gzip level 6). */
  geodataSent: number;
  dataBuildS: number;
  dataBuildPeakMb: number;
  firstChoroplethMs: number | null;
  firstChoroplethBaselineMs: number | null;
  switchMedianMs: number | null;
  switchMedianBaselineMs: number | null;
  /** Issue 25's new work (absent in runs before it). */
  newWork?: {
    venueImportMs: number | null;
    venueFrameGapMs: number | null;
    switchMedianVenuesMs: number | null;
    switchMedianVenuesBaselineMs: number | null;
    hoverVenuesMs: number | null;
    customAreaP95Ms: number | null;
    customAreaLabel: string;
  };
}

export interface AllCouncilsFigures {
  councils: number;
  wallS: number;
  peakMb: number;
  ok: boolean;
}

interface BenchJson {
  area?: { code?: unknown; name?: unknown; lsoaCount?: unknown };
  metrics?: Array<{ id?: unknown; label?: unknown; value?: unknown; baseline?: unknown }>;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A growth row from the bench's JSON output; throws naming what is missing. */
export function growthRowFrom(json: unknown, code: string): GrowthRow {
  if (typeof json !== 'object' || json === null) throw new Error(`${code}: the bench printed no JSON object`);
  const j: BenchJson = json;
  const metric = (id: string) => j.metrics?.find((m) => m.id === id);
  const value = (id: string): number => {
    const v = num(metric(id)?.value);
    if (v === null) throw new Error(`${code}: the bench JSON has no figure "${id}"`);
    return v;
  };
  const lsoas = num(j.area?.lsoaCount);
  if (lsoas === null || typeof j.area?.name !== 'string')
    throw new Error(`${code}: the bench JSON does not name its area and LSOA count`);
  return {
    code,
    name: j.area.name,
    lsoas,
    geodataSent: value('geodataGzip'),
    dataBuildS: value('dataBuildTime'),
    dataBuildPeakMb: value('dataBuildRss'),
    firstChoroplethMs: num(metric('firstChoropleth')?.value),
    firstChoroplethBaselineMs: num(metric('firstChoropleth')?.baseline),
    switchMedianMs: num(metric('switchMedian')?.value),
    switchMedianBaselineMs: num(metric('switchMedian')?.baseline),
    newWork: {
      venueImportMs: num(metric('venueImport')?.value),
      venueFrameGapMs: num(metric('venueFrameGap')?.value),
      switchMedianVenuesMs: num(metric('switchMedianVenues')?.value),
      switchMedianVenuesBaselineMs: num(metric('switchMedianVenues')?.baseline),
      hoverVenuesMs: num(metric('hoverTooltipVenues')?.value),
      customAreaP95Ms: num(metric('customAreaEdit')?.value),
      customAreaLabel: String(metric('customAreaEdit')?.label ?? ''),
    },
  };
}

/** The machine as the bench JSON describes it, in one line ('' when it does not). */
export function machineLine(json: unknown): string {
  if (
    typeof json !== 'object' ||
    json === null ||
    !('machine' in json) ||
    typeof json.machine !== 'object' ||
    json.machine === null
  )
    return '';
  const m = new Map(Object.entries(json.machine));
  const get = (k: string): string => String(m.get(k) ?? '?');
  return `${get('cpus')} CPUs (${get('cpuModel')}), load average ${get('loadAverage1m')} at the start, Chromium ${get('chromium')} with ${get('webglRenderer')}`;
}

const ms = (v: number | null): string => (v === null ? '—' : `${Math.round(v)} ms`);
const ratio = (a: number | null, b: number | null): string =>
  a === null || b === null || b <= 0 ? '—' : `${(a / b).toFixed(2)}×`;

/** The section between the growth markers: what was run, one row per council (fewest LSOAs first), the all-councils build. */
export function growthMarkdown(
  rows: readonly GrowthRow[],
  all: AllCouncilsFigures | null,
  run: { date: string; machine: string; settings: string },
): string {
  const sorted = [...rows].sort((a, b) => a.lsoas - b.lsoas);
  const lines = [
    `Measured ${run.date.slice(0, 16).replace('T', ' ')} UTC by \`npm run bench:growth\` on ${run.machine}; ${run.settings}. Each council is its own bench run (its own baseline page on the same council's LSOAs), so ratios compare like with like; absolute times are software WebGL on 2 shared cores.`,
    '',
    '| council | LSOAs | first-view geodata (gzip) | bytes per LSOA | data build | data build peak RSS | first choropleth (baseline, ratio) | indicator switch median (baseline, ratio) |',
    '|---|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const r of sorted) {
    lines.push(
      `| ${r.name} (${r.code}) | ${r.lsoas} | ${fmtBytes(r.geodataSent)} | ${Math.round(r.geodataSent / r.lsoas)} B | ${r.dataBuildS.toFixed(1)} s | ${Math.round(r.dataBuildPeakMb)} MB | ${ms(r.firstChoroplethMs)} (${ms(r.firstChoroplethBaselineMs)}, ${ratio(r.firstChoroplethMs, r.firstChoroplethBaselineMs)}) | ${ms(r.switchMedianMs)} (${ms(r.switchMedianBaselineMs)}, ${ratio(r.switchMedianMs, r.switchMedianBaselineMs)}) |`,
    );
  }
  const withNew = sorted.filter((r) => r.newWork);
  if (withNew.length > 0) {
    lines.push(
      '',
      'Issue 25’s new work, same runs: a synthetic 5,000-row venue list imported (click → drawn, and the longest gap between frames meanwhile), switches and hovers with those venues shown, and 50 edits of a custom area of 500 LSOAs (the whole council when it has fewer).',
      '',
      '| council | venue import → drawn | longest frame gap | switch median, venues shown (baseline, ratio) | hover → tooltip, venues shown | custom-area edit p95 |',
      '|---|---:|---:|---|---:|---|',
    );
    for (const r of withNew) {
      const n = r.newWork;
      if (!n) continue;
      const size = /\((\d+) LSOAs/.exec(n.customAreaLabel)?.[1];
      lines.push(
        `| ${r.name} (${r.code}) | ${ms(n.venueImportMs)} | ${ms(n.venueFrameGapMs)} | ${ms(n.switchMedianVenuesMs)} (${ms(n.switchMedianVenuesBaselineMs)}, ${ratio(n.switchMedianVenuesMs, n.switchMedianVenuesBaselineMs)}) | ${ms(n.hoverVenuesMs)} | ${ms(n.customAreaP95Ms)}${size ? ` (${size} LSOAs)` : ''} |`,
      );
    }
  }
  if (all) {
    lines.push(
      '',
      all.ok
        ? `Every English council (\`npm run build:sites -- all\`): ${all.councils} sites in ${(all.wallS / 60).toFixed(1)} min (${(all.wallS / Math.max(1, all.councils)).toFixed(2)} s per council, the app built once), peak RSS ${Math.round(all.peakMb)} MB.`
        : `Every English council (\`npm run build:sites -- all\`): FAILED after ${(all.wallS / 60).toFixed(1)} min with ${all.councils} sites written; peak RSS ${Math.round(all.peakMb)} MB.`,
    );
  }
  return lines.join('\n');
}
