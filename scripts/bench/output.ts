/** One run's results: the JSON written to bench-results/latest.json, the README table, and the text report. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, type BaselineData } from './builds';
import { BUDGETS, log, summariseBytes, type Options } from './bench-setup';
import type { DataBuildResult } from './data-build';
import type { AllCouncilsBuild, Interactions } from './figures';
import type { NewWorkMeasured } from './figures-new-work';
import { APP, BASELINE, VIEWPORT, type ColdLoad } from './measure';
import {
  bytesTable,
  fmtBytes,
  latestFiguresMarkdown,
  metricsTable,
  replaceLatestFigures,
  type ByteRow,
  type MetricRow,
} from './report';
import { BYTE_CATEGORIES } from './stats';
import { medianLoad, timelineText } from './timeline';

export interface RunRecord {
  opts: Options;
  env: Record<string, string | number>;
  renderer: string;
  area: { code: string; name: string };
  baseData: BaselineData;
  geoSource: string;
  appDir: string;
  baseDir: string;
  loads: Record<'app' | 'baseline', ColdLoad[]>;
  interactions: Interactions;
  newWork: NewWorkMeasured;
  data: DataBuildResult;
  allCouncils: AllCouncilsBuild | null;
  rows: MetricRow[];
  durationsMs: { total: number; appBuild: number; baselineBuild: number };
  warnings: Set<string>;
}

export function firstViewBytes(r: Pick<RunRecord, 'loads' | 'appDir' | 'baseDir'>) {
  const appBytes = summariseBytes(r.loads.app[0] as ColdLoad, APP, r.appDir);
  const baseBytes = summariseBytes(r.loads.baseline[0] as ColdLoad, BASELINE, r.baseDir);
  const byteRows: ByteRow[] = BYTE_CATEGORIES.filter(
    (c) => appBytes.perCategory[c].files > 0 || baseBytes.perCategory[c].files > 0,
  ).map((c) => ({ category: c, app: appBytes.perCategory[c], baseline: baseBytes.perCategory[c] }));
  return { appBytes, baseBytes, byteRows };
}

/** The first view is the same files on every cold load; say so if it was not. */
function sameFiles(ls: ColdLoad[]): boolean {
  const key = (l: ColdLoad): string =>
    l.responses
      .filter((r) => r.status === 200)
      .map((r) => r.path)
      .sort()
      .join('|');
  return ls.every((l) => key(l) === key(ls[0] as ColdLoad));
}

/** Writes bench-results/latest.json (and the README table with --readme); returns the result object. */
export function writeResults(r: RunRecord) {
  const { appBytes, baseBytes, byteRows } = firstViewBytes(r);
  const failed = r.rows.filter((x) => x.pass === false);
  const mark = (ls: ColdLoad[], m: string) => ls.map((l) => l.marks[m]).filter((x) => typeof x === 'number');
  const result = {
    date: new Date().toISOString(),
    machine: { ...r.env, webglRenderer: r.renderer },
    area: { ...r.area, lsoaCount: r.baseData.lsoaCount },
    settings: {
      coldLoads: r.opts.runs,
      switches: r.opts.switches,
      hovers: r.opts.hovers,
      viewport: VIEWPORT,
      gzipLevel: 6,
      geodata: r.geoSource,
    },
    durationsMs: r.durationsMs,
    budgets: BUDGETS,
    pass: failed.length === 0,
    failed: failed.map((x) => x.id),
    metrics: r.rows,
    bytes: {
      rows: byteRows,
      appFiles: appBytes.files,
      baselineFiles: baseBytes.files,
      sameFilesEveryLoad: { app: sameFiles(r.loads.app), baseline: sameFiles(r.loads.baseline) },
    },
    samples: {
      firstChoropleth: { app: mark(r.loads.app, APP.firstMark), baseline: mark(r.loads.baseline, BASELINE.firstMark) },
      marks: { app: r.loads.app.map((l) => l.marks), baseline: r.loads.baseline.map((l) => l.marks) },
      ...r.interactions,
      heapUsed: { app: r.loads.app.map((l) => l.heapUsed), baseline: r.loads.baseline.map((l) => l.heapUsed) },
      timelines: { app: r.loads.app.map((l) => l.timeline), baseline: r.loads.baseline.map((l) => l.timeline) },
      newWork: r.newWork,
    },
    warnings: [...r.warnings],
    dataBuild: r.data,
    allCouncilsBuild: r.allCouncils,
    baselinePage: { lsoaCount: r.baseData.lsoaCount, indicators: r.baseData.indicators },
  };
  const outDir = path.join(REPO_ROOT, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  if (r.opts.readme) {
    const readme = path.join(REPO_ROOT, 'README.md');
    const table = latestFiguresMarkdown({
      date: result.date,
      machine: result.machine,
      settings: result.settings,
      rows: r.rows,
      byteRows,
    });
    writeFileSync(readme, replaceLatestFigures(readFileSync(readme, 'utf8'), table));
    log('README.md: table of latest figures rewritten');
  }
  return result;
}

/** The text report on stdout. */
export function reportText(r: RunRecord, result: ReturnType<typeof writeResults>): string {
  const { appBytes, byteRows } = firstViewBytes(r);
  const failed = r.rows.filter((x) => x.pass === false);
  const env = r.env;
  const lines = [
    `Neighbourhood Atlas benchmark — ${result.date}`,
    `Machine: ${env['cpus']} CPU × ${env['cpuModel']}, ${env['memoryGB']} GB, load average ${env['loadAverage1m']} at the start; Chromium ${env['chromium']} (headless, WebGL renderer: ${r.renderer}); Node ${env['node']}`,
    `Area: ${r.area.name} (${r.area.code}), ${r.baseData.lsoaCount} LSOAs. Geodata: ${r.geoSource}. Viewport ${VIEWPORT.width}×${VIEWPORT.height}. Served from 127.0.0.1 with gzip level 6.`,
    '',
    bytesTable(byteRows),
    '',
    metricsTable(r.rows),
    '',
    `Timings are ms from navigation start (performance marks) or page-side performance.now() deltas; ratio = app ÷ baseline, same machine, same run.`,
    `Run took ${(result.durationsMs.total / 1000).toFixed(0)} s. Full results: bench-results/latest.json`,
  ];
  if (!result.bytes.sameFilesEveryLoad.app || !result.bytes.sameFilesEveryLoad.baseline)
    lines.push('Note: the set of first-view files differed between cold loads (bytes are from the first load).');
  if (r.warnings.size > 0)
    lines.push('', 'Warnings (page problems seen during the cold loads):', ...[...r.warnings].map((w) => `  ${w}`));
  const geoFiles = appBytes.files.filter((f) => f.category === 'geodata');
  lines.push(
    '',
    `App first-view geodata files: ${geoFiles.map((f) => `${path.basename(f.path)} ${fmtBytes(f.sent)}`).join(', ')}`,
  );
  if (r.opts.timeline) {
    for (const spec of [APP, BASELINE]) {
      const l = medianLoad(r.loads[spec.kind], spec.firstMark);
      if (l)
        lines.push(
          '',
          timelineText(
            `Timeline of the median cold load, ${spec.kind} (ms since navigation start):`,
            l.timeline,
            spec.prefix,
          ),
        );
    }
  }
  if (!r.data.ok) lines.push('', 'npm run build:data failed:', ...r.data.tail.map((l) => `  ${l}`));
  lines.push('', failed.length === 0 ? 'All budgets met.' : `Over budget: ${failed.map((x) => x.label).join('; ')}`);
  return `${lines.join('\n')}\n`;
}
