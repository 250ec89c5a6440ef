/** The benchmark's figures: one row per measured figure, with its baseline, ratio, budget and verdict. */
import { APP, BASELINE, type ColdLoad, type HoverTiming, type PrecacheLoad } from './measure';
import { fmtBytes, type MetricRow } from './report';
import { median, percentile } from './stats';
import { BUDGETS, firstChoroplethLimit, type ByteSummary } from './bench-setup';
import type { DataBuildResult } from './data-build';

type PerPage<T> = Record<'app' | 'baseline', T>;

/** `build:sites -- all`, timed like the data build, with how many council sites it wrote. */
export type AllCouncilsBuild = DataBuildResult & { councils: number };

/** Indicator switches and hovers on one app page and one baseline page, alternating. */
export interface Interactions {
  switches: PerPage<number[]>;
  switchRenders: PerPage<number[]>;
  repaints: PerPage<number[]>;
  hoverTimes: PerPage<HoverTiming[]>;
}

export interface Measured extends Interactions {
  runs: number;
  /** The council measured, and its LSOA 2021 count (budgets for sizes and the data build are Leeds'). */
  area: { code: string; name: string; lsoaCount: number };
  loads: PerPage<ColdLoad[]>;
  appBytes: ByteSummary;
  baseBytes: ByteSummary;
  precache: PrecacheLoad;
  data: DataBuildResult;
  allCouncils: AllCouncilsBuild | null;
  /** The WebGL renderer is software (SwiftShader, llvmpipe): the absolute GPU budget is not judged. */
  softwareGl: boolean;
}

const ratio = (a: number, b: number): number | null =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : null;
const row = (r: MetricRow): MetricRow => r;
const markTimes = (ls: ColdLoad[], mark: string): number[] =>
  ls.map((l) => l.marks[mark]).filter((x): x is number => typeof x === 'number');

/** Bytes of the first view, the first choropleth, and the text UI before MapLibre. */
function firstViewRows(m: Measured): MetricRow[] {
  const { loads, appBytes, baseBytes } = m;
  // Sizes have Leeds' budgets; another council's first view gets the per-LSOA one.
  const isBudgetArea = m.area.code === BUDGETS.budgetArea;
  const geodataLimit = isBudgetArea ? BUDGETS.geodataGzip : BUDGETS.geodataBytesPerLsoa * m.area.lsoaCount;
  const appFirst = markTimes(loads.app, APP.firstMark);
  const baseFirst = markTimes(loads.baseline, BASELINE.firstMark);
  const textUi = markTimes(loads.app, 'atlas:text-ui-ready');
  const mlLoaded = markTimes(loads.app, 'atlas:maplibre-loaded');
  const textBeforeMl = loads.app.filter((l) => {
    const a = l.marks['atlas:text-ui-ready'];
    const b = l.marks['atlas:maplibre-loaded'];
    return a !== undefined && b !== undefined && a < b && l.textUiPresent === true;
  }).length;
  const firstLimit = firstChoroplethLimit(m.area.code);
  const firstApp = median(appFirst);
  const firstBase = median(baseFirst);
  // Per run, how long the text UI was usable before MapLibre had loaded (both marks needed).
  const textUiLead = loads.app.flatMap((l) => {
    const a = l.marks['atlas:text-ui-ready'];
    const b = l.marks['atlas:maplibre-loaded'];
    return a !== undefined && b !== undefined ? [b - a] : [];
  });
  return [
    row({
      id: 'geodataGzip',
      label: 'First-view geodata, gzip',
      unit: 'bytes',
      value: appBytes.perCategory.geodata.sent,
      baseline: baseBytes.perCategory.geodata.sent,
      ratio: ratio(appBytes.perCategory.geodata.sent, baseBytes.perCategory.geodata.sent),
      budget: isBudgetArea
        ? `≤ ${fmtBytes(geodataLimit)}`
        : `≤ ${BUDGETS.geodataBytesPerLsoa} B × ${m.area.lsoaCount} LSOAs = ${fmtBytes(geodataLimit)}`,
      pass: appBytes.perCategory.geodata.sent <= geodataLimit,
    }),
    row({
      id: 'appJsGzip',
      label: 'App code excl. MapLibre, gzip',
      unit: 'bytes',
      value: appBytes.perCategory['app-js'].sent,
      baseline: baseBytes.perCategory['app-js'].sent,
      ratio: null,
      budget: `≤ ${fmtBytes(BUDGETS.appJsGzip)}`,
      pass: appBytes.perCategory['app-js'].sent <= BUDGETS.appJsGzip,
    }),
    row({
      id: 'firstChoropleth',
      label: `First choropleth (median of ${m.runs} cold loads)`,
      unit: 'ms',
      value: firstApp,
      baseline: firstBase,
      ratio: ratio(firstApp, firstBase),
      budget: `≤ ${firstLimit.toFixed(2)}× baseline`,
      pass: (ratio(firstApp, firstBase) ?? Infinity) <= firstLimit,
    }),
    row({
      id: 'textUiReady',
      label: 'Text UI usable (median)',
      unit: 'ms',
      value: median(textUi),
      baseline: null,
      ratio: null,
      budget: null,
      pass: null,
    }),
    row({
      id: 'maplibreLoaded',
      label: 'MapLibre chunk loaded (median)',
      unit: 'ms',
      value: median(mlLoaded),
      baseline: null,
      ratio: null,
      budget: null,
      pass: null,
    }),
    row({
      id: 'textUiBeforeMapLibre',
      label: 'Text UI usable before MapLibre loaded',
      unit: 'text',
      value: `${textBeforeMl}/${loads.app.length} runs`,
      baseline: null,
      ratio: null,
      budget: 'in every run',
      pass: textBeforeMl === loads.app.length,
    }),
    row({
      id: 'textUiLead',
      label: '  MapLibre loaded minus text UI usable (median)',
      unit: 'ms',
      value: textUiLead.length > 0 ? median(textUiLead) : null,
      baseline: null,
      ratio: null,
      budget: null,
      pass: null,
      ...(textUiLead.length < loads.app.length
        ? { note: `a mark was missing in ${loads.app.length - textUiLead.length} runs` }
        : {}),
    }),
  ];
}

/**
 * Indicator switches and hovers against the baseline's in the same pass. `tag` names a second pass
 * (e.g. with 5,000 venues shown): its ids and labels carry it.
 */
export function interactionRows(
  i: Interactions,
  softwareGl: boolean,
  tag?: { id: string; label: string },
): MetricRow[] {
  const { switches, switchRenders, repaints, hoverTimes } = i;
  const swP95 = percentile(switches.app, 95);
  const swP95Base = percentile(switches.baseline, 95);
  const swMedian = median(switches.app);
  const swMedianBase = median(switches.baseline);
  const hoverApp = median(hoverTimes.app.map((h) => h.toDom));
  const hoverBase = median(hoverTimes.baseline.map((h) => h.toDom));
  const hoverLimit = Math.max(BUDGETS.hoverFloorMs, BUDGETS.hoverRatio * hoverBase);
  const rows = [
    row({
      id: 'switchMedian',
      label: `Indicator switch, median of ${switches.app.length}`,
      unit: 'ms',
      value: swMedian,
      baseline: swMedianBase,
      ratio: ratio(swMedian, swMedianBase),
      budget: `≤ ${BUDGETS.switchMedianRatio}× baseline`,
      pass: (ratio(swMedian, swMedianBase) ?? Infinity) <= BUDGETS.switchMedianRatio,
    }),
    row({
      id: 'switchP95',
      label: `Indicator switch, p95 of ${switches.app.length}`,
      unit: 'ms',
      value: swP95,
      baseline: swP95Base,
      ratio: ratio(swP95, swP95Base),
      budget: `≤ ${BUDGETS.switchP95Ratio}× baseline`,
      pass: (ratio(swP95, swP95Base) ?? Infinity) <= BUDGETS.switchP95Ratio,
    }),
    row({
      id: 'switchP95Absolute',
      label: '  the same p95, absolute (budget for a GPU)',
      unit: 'ms',
      value: swP95,
      baseline: swP95Base,
      ratio: null,
      budget: `≤ ${BUDGETS.switchP95MsWithGpu} ms with a GPU${softwareGl ? ' (not judged: software WebGL)' : ''}`,
      pass: softwareGl ? null : swP95 <= BUDGETS.switchP95MsWithGpu,
    }),
    row({
      id: 'switchRenders',
      label: 'MapLibre renders per switch (median / max)',
      unit: 'text',
      value: `${median(switchRenders.app)} / ${Math.max(...switchRenders.app)}`,
      baseline: null,
      ratio: null,
      budget: null,
      pass: null,
      note: `baseline ${median(switchRenders.baseline)} / ${Math.max(...switchRenders.baseline)}`,
    }),
    row({
      id: 'repaint',
      label: `Repaint with no change (calibration, median of ${repaints.app.length})`,
      unit: 'ms',
      value: median(repaints.app),
      baseline: median(repaints.baseline),
      ratio: ratio(median(repaints.app), median(repaints.baseline)),
      budget: null,
      pass: null,
    }),
    row({
      id: 'hoverTooltip',
      label: `Hover → tooltip, median of ${hoverTimes.app.length}`,
      unit: 'ms',
      value: hoverApp,
      baseline: hoverBase,
      ratio: ratio(hoverApp, hoverBase),
      budget: `≤ max(${BUDGETS.hoverFloorMs} ms, ${BUDGETS.hoverRatio}× baseline)`,
      pass: hoverApp <= hoverLimit,
    }),
    row({
      id: 'hoverTooltipFrame',
      label: 'Hover → next frame, median',
      unit: 'ms',
      value: median(hoverTimes.app.map((h) => h.toFrame)),
      baseline: median(hoverTimes.baseline.map((h) => h.toFrame)),
      ratio: ratio(median(hoverTimes.app.map((h) => h.toFrame)), median(hoverTimes.baseline.map((h) => h.toFrame))),
      budget: null,
      pass: null,
    }),
    row({
      id: 'hoverQueued',
      label: '  of which the event waited (median)',
      unit: 'ms',
      value: median(hoverTimes.app.map((h) => h.queued)),
      baseline: median(hoverTimes.baseline.map((h) => h.queued)),
      ratio: null,
      budget: null,
      pass: null,
    }),
  ];
  if (!tag) return rows;
  return rows
    .filter((r) => ['switchMedian', 'switchP95', 'switchRenders', 'hoverTooltip'].includes(r.id))
    .map((r) => ({ ...r, id: `${r.id}${tag.id}`, label: `${r.label}${tag.label}` }));
}

/** Memory after load, the offline copy, and the builds. */
function afterLoadRows(m: Measured): MetricRow[] {
  const { loads, precache, data, allCouncils } = m;
  const isBudgetArea = m.area.code === BUDGETS.budgetArea;
  const leedsOnly = isBudgetArea ? {} : { note: `budget is Leeds’; not judged for ${m.area.name}` };
  return [
    row({
      id: 'jsHeap',
      label: 'JS heap after load (main thread, median)',
      unit: 'MB',
      value: median(loads.app.map((l) => l.heapUsed)) / 1024 ** 2,
      baseline: median(loads.baseline.map((l) => l.heapUsed)) / 1024 ** 2,
      ratio: ratio(median(loads.app.map((l) => l.heapUsed)), median(loads.baseline.map((l) => l.heapUsed))),
      budget: null,
      pass: null,
    }),
    row({
      id: 'offlineReady',
      label: 'Offline copy ready after the first choropleth (1 visit)',
      unit: 'ms',
      value: precache.readyAfterFirstMs,
      baseline: null,
      ratio: null,
      budget: 'completes',
      pass: precache.readyAfterFirstMs !== null,
      note:
        precache.readyAfterFirstMs === null
          ? 'the service worker did not become active within 60 s'
          : `${precache.files} files, ${fmtBytes(precache.sent)} sent meanwhile`,
    }),
    row({
      id: 'dataBuildTime',
      label: `npm run build:data, wall time${data.ok ? '' : ' (FAILED)'}`,
      unit: 's',
      value: data.wallMs / 1000,
      baseline: null,
      ratio: null,
      budget: '≤ 10 s, succeeds',
      pass: isBudgetArea ? data.ok && data.wallMs <= BUDGETS.dataBuildMs : data.ok ? null : false,
      ...leedsOnly,
    }),
    row({
      id: 'dataBuildRss',
      label: 'npm run build:data, peak RSS',
      unit: 'MB',
      value: data.peakRss / 1024 ** 2,
      baseline: null,
      ratio: null,
      budget: '≤ 1024 MB',
      pass: isBudgetArea ? data.peakRss <= BUDGETS.dataBuildRss : null,
      ...leedsOnly,
    }),
    ...(allCouncils
      ? [
          row({
            id: 'allCouncilsTime',
            label: `npm run build:sites -- all, wall time${allCouncils.ok ? '' : ' (FAILED)'}`,
            unit: 's',
            value: allCouncils.wallMs / 1000,
            baseline: null,
            ratio: null,
            budget: 'reported',
            pass: allCouncils.ok ? null : false,
            note: `${allCouncils.councils} council sites`,
          }),
          row({
            id: 'allCouncilsRss',
            label: 'npm run build:sites -- all, peak RSS',
            unit: 'MB',
            value: allCouncils.peakRss / 1024 ** 2,
            baseline: null,
            ratio: null,
            budget: 'reported',
            pass: null,
          }),
        ]
      : []),
  ];
}

export function metricRows(m: Measured): {
  rows: MetricRow[];
  samples: { appFirst: number[]; baseFirst: number[]; textUi: number[]; mlLoaded: number[] };
} {
  const rows = [...firstViewRows(m), ...interactionRows(m, m.softwareGl), ...afterLoadRows(m)];
  return {
    rows,
    samples: {
      appFirst: markTimes(m.loads.app, APP.firstMark),
      baseFirst: markTimes(m.loads.baseline, BASELINE.firstMark),
      textUi: markTimes(m.loads.app, 'atlas:text-ui-ready'),
      mlLoaded: markTimes(m.loads.app, 'atlas:maplibre-loaded'),
    },
  };
}
