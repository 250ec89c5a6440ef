/** Issue 25's rows for the new work: venue import, custom-area edits, postcode lookup, files kept out of the first view. */
import { POSTCODE_DISTRICT_BUDGET_GZIP } from '../../src/data/contract';
import { BUDGETS } from './bench-setup';
import { interactionRows, type Interactions } from './figures';
import type { ColdLoad } from './measure';
import type { CustomAreaEdits, PostcodeLookupTiming } from './new-work';
import type { LargestPostcodeFile } from './postcode-files';
import { fmtBytes, type MetricRow } from './report';
import { median, percentile } from './stats';
import type { BaselinePointsTiming, VenueImportTiming } from './venue-import';

/** A measurement, or why it could not be made (the row then fails and says so). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

export interface NewWorkMeasured {
  venueImport: Outcome<VenueImportTiming & { rows: number }>;
  /** The baseline page drawing the same points, for the frame-gap budget. */
  baselinePoints: Outcome<BaselinePointsTiming>;
  withVenues: Interactions | null;
  customArea: Outcome<CustomAreaEdits>;
  postcodeLookup: Outcome<PostcodeLookupTiming>;
  /** null: not measured in this run (no build:sites -- all output). */
  postcodeFiles: LargestPostcodeFile | null;
  /** Files that must never be part of the first view, whether this build has them, and loads that fetched them before the first choropleth. */
  notFirstView: Array<{ file: string; what: string; present: boolean; fetchedIn: number; loads: number }>;
  softwareGl: boolean;
}

const failed = (id: string, label: string, budget: string, error: string): MetricRow => ({
  id,
  label,
  unit: 'text',
  value: 'not measured',
  baseline: null,
  ratio: null,
  budget,
  pass: false,
  note: error,
});

/**
 * The longest gap between frames during the import. Budget: no gap over venueFrameGapMs, or, where one
 * map frame alone takes longer than that (software WebGL), no gap over venueFrameGapRatio × the
 * longest the baseline page left between frames drawing the same points (bare MapLibre, one GeoJSON
 * source, circles), measured in the same run.
 */
export function venueFrameGapRow(t: VenueImportTiming, base: Outcome<BaselinePointsTiming>): MetricRow {
  const longest = t.longTasks.reduce((a, x) => Math.max(a, x.ms), 0);
  const baseGap = base.ok ? base.value.maxFrameGapMs : null;
  const limit = Math.max(BUDGETS.venueFrameGapMs, BUDGETS.venueFrameGapRatio * (baseGap ?? 0));
  const notes = [
    `${t.frames} frames; ${t.longTasks.length} long tasks (> 50 ms), longest ${longest.toFixed(0)} ms`,
    base.ok
      ? `the baseline drew the same points in ${base.value.toDrawnMs.toFixed(0)} ms, ${base.value.frames} frames`
      : base.error,
  ];
  return {
    id: 'venueFrameGap',
    label: '  longest gap between frames meanwhile',
    unit: 'ms',
    value: t.maxFrameGapMs,
    baseline: baseGap,
    ratio: baseGap ? t.maxFrameGapMs / baseGap : null,
    budget: `≤ max(${BUDGETS.venueFrameGapMs} ms, ${BUDGETS.venueFrameGapRatio}× baseline)`,
    pass: base.ok && t.maxFrameGapMs <= limit,
    note: notes.join('; '),
  };
}

function venueRows(n: NewWorkMeasured): MetricRow[] {
  const v = n.venueImport;
  const label = `Venue list import, ${BUDGETS.venueRows.toLocaleString('en-GB')} rows: click → drawn`;
  const budget = `≤ ${BUDGETS.venueImportMs / 1000} s`;
  if (!v.ok) return [failed('venueImport', label, budget, v.error)];
  const t = v.value;
  const rows: MetricRow[] = [
    {
      id: 'venueImport',
      label,
      unit: 'ms',
      value: t.toDrawnMs,
      baseline: null,
      ratio: null,
      budget,
      pass: t.toDrawnMs <= BUDGETS.venueImportMs,
      note: `listed in the panel after ${t.toListedMs.toFixed(0)} ms; ${t.outcomes.join(', ')}`,
    },
    venueFrameGapRow(t, n.baselinePoints),
  ];
  if (n.withVenues)
    rows.push(...interactionRows(n.withVenues, n.softwareGl, { id: 'Venues', label: ', 5,000 venues shown' }));
  return rows;
}

function customAreaRow(n: NewWorkMeasured): MetricRow {
  const c = n.customArea;
  const budget = `p95 ≤ ${BUDGETS.customAreaP95Ms} ms`;
  const label = `Custom-area edit, p95 of ${BUDGETS.customAreaEdits}`;
  if (!c.ok) return failed('customAreaEdit', label, budget, c.error);
  const p95 = percentile(c.value.toProfile, 95);
  return {
    id: 'customAreaEdit',
    label: `${label} (${c.value.members} LSOAs${c.value.members < BUDGETS.customAreaLsoas ? ', the whole council' : ''})`,
    unit: 'ms',
    value: p95,
    baseline: null,
    ratio: null,
    budget,
    pass: p95 <= BUDGETS.customAreaP95Ms,
    note: `click → profile updated; median ${median(c.value.toProfile).toFixed(0)} ms; to the next frame p95 ${percentile(c.value.toFrame, 95).toFixed(0)} ms`,
  };
}

function postcodeRows(n: NewWorkMeasured): MetricRow[] {
  const f = n.postcodeFiles;
  const sizeBudget = `≤ ${fmtBytes(POSTCODE_DISTRICT_BUDGET_GZIP)} gzip`;
  const size: MetricRow = f?.largest
    ? {
        id: 'postcodeFileLargest',
        label: `Largest postcode file, all ${f.councils} councils`,
        unit: 'bytes',
        value: f.largest.gzip,
        baseline: null,
        ratio: null,
        budget: sizeBudget,
        pass: f.largest.gzip <= POSTCODE_DISTRICT_BUDGET_GZIP && f.councils >= BUDGETS.englishCouncils,
        note: `${f.largest.file} of ${f.largest.council}; ${f.files} files${f.councils < BUDGETS.englishCouncils ? `; only ${f.councils} of ${BUDGETS.englishCouncils} councils built` : ''}`,
      }
    : {
        id: 'postcodeFileLargest',
        label: 'Largest postcode file, all councils',
        unit: 'text',
        value: 'not measured',
        baseline: null,
        ratio: null,
        budget: sizeBudget,
        pass: null,
        note: 'run with --check, --all-councils or --sites-dir DIR',
      };
  const l = n.postcodeLookup;
  const reqBudget = '1 postcode file, nothing else from /geo/';
  if (!l.ok) return [size, failed('postcodeLookupRequests', 'Postcode lookup, requests', reqBudget, l.error)];
  const geo = l.value.requests.filter((p) => p.includes('/geo/'));
  return [
    size,
    {
      id: 'postcodeLookupRequests',
      label: 'Postcode lookup, requests to /geo/',
      unit: 'text',
      value: `${geo.length} (${l.value.postcodeFileRequests} postcode file)`,
      baseline: null,
      ratio: null,
      budget: reqBudget,
      pass: l.value.postcodeFileRequests === 1 && geo.length === 1,
      note: `${l.value.postcode}: ${geo.map((p) => p.replace(/^.*\/geo\//, '')).join(', ')}; answered in ${l.value.ms.toFixed(0)} ms`,
    },
  ];
}

function notFirstViewRows(n: NewWorkMeasured): MetricRow[] {
  return n.notFirstView.map((f) => ({
    id: `notFirstView:${f.file}`,
    label: `Not in the first view: ${f.file} (${f.what})`,
    unit: 'text',
    value: f.present ? `fetched in ${f.fetchedIn}/${f.loads} loads` : 'file absent',
    baseline: null,
    ratio: null,
    budget: 'never',
    pass: f.fetchedIn === 0,
    ...(f.present ? {} : { note: 'not in this build: passes with this note' }),
  }));
}

export function newWorkRows(n: NewWorkMeasured): MetricRow[] {
  return [...venueRows(n), customAreaRow(n), ...postcodeRows(n), ...notFirstViewRows(n)];
}

/** The files issue 25 keeps out of the first view, checked against every cold load of the app. */
export function notFirstView(
  loads: readonly ColdLoad[],
  present: (file: string) => boolean,
): NewWorkMeasured['notFirstView'] {
  const files = [
    { file: 'context.json', what: 'place names and the context layer' },
    { file: 'england-wards.json', what: 'the national ward file' },
  ];
  return files.map((f) => ({
    ...f,
    present: present(f.file),
    fetchedIn: loads.filter((l) => l.responses.some((r) => r.path.endsWith(`/geo/${f.file}`))).length,
    loads: loads.length,
  }));
}
