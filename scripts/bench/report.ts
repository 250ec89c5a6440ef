/** Turns the measurements into rows with budgets, and prints them as a table. */
import { BYTE_CATEGORIES, type ByteCategory } from './stats';

export interface ByteRow {
  category: ByteCategory;
  app: { raw: number; sent: number; files: number };
  baseline: { raw: number; sent: number; files: number };
}

export interface MetricRow {
  id: string;
  label: string;
  unit: 'ms' | 's' | 'bytes' | 'MB' | 'runs' | 'text';
  value: number | string | null;
  baseline: number | null;
  /** value / baseline where both are timings or sizes of the same thing. */
  ratio: number | null;
  budget: string | null;
  /** null = no budget on this row. */
  pass: boolean | null;
  note?: string;
}

const KB = 1024;

export function fmtBytes(n: number): string {
  if (n >= 1024 * KB) return `${(n / (1024 * KB)).toFixed(2)} MB`;
  return `${(n / KB).toFixed(1)} KB`;
}

export function fmtValue(unit: MetricRow['unit'], v: number | string | null): string {
  if (v === null || (typeof v === 'number' && !Number.isFinite(v))) return '—';
  if (typeof v === 'string') return v;
  switch (unit) {
    case 'ms':
      return `${v.toFixed(v < 10 ? 1 : 0)} ms`;
    case 's':
      return `${v.toFixed(2)} s`;
    case 'bytes':
      return fmtBytes(v);
    case 'MB':
      return `${v.toFixed(1)} MB`;
    default:
      return String(v);
  }
}

function table(header: string[], rows: string[][], rightAlign: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (rightAlign[i] ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const CATEGORY_LABEL: Record<ByteCategory, string> = {
  maplibre: 'MapLibre (JS + worker)',
  'app-js': 'App code (JS, excl. MapLibre)',
  css: 'CSS',
  geodata: 'Geodata (/geo/)',
  html: 'HTML',
  other: 'Other',
};

export function bytesTable(rows: ByteRow[]): string {
  const ordered = BYTE_CATEGORIES.map((c) => rows.find((r) => r.category === c)).filter((r): r is ByteRow => !!r);
  const total = ordered.reduce(
    (t, r) => ({ ar: t.ar + r.app.raw, as: t.as + r.app.sent, br: t.br + r.baseline.raw, bs: t.bs + r.baseline.sent }),
    { ar: 0, as: 0, br: 0, bs: 0 },
  );
  const body = ordered.map((r) => [
    CATEGORY_LABEL[r.category],
    r.app.files ? fmtBytes(r.app.raw) : '—',
    r.app.files ? fmtBytes(r.app.sent) : '—',
    r.baseline.files ? fmtBytes(r.baseline.raw) : '—',
    r.baseline.files ? fmtBytes(r.baseline.sent) : '—',
  ]);
  body.push(['Total', fmtBytes(total.ar), fmtBytes(total.as), fmtBytes(total.br), fmtBytes(total.bs)]);
  return table(['First view, bytes', 'App raw', 'App gzip', 'Baseline raw', 'Baseline gzip'], body, [
    false,
    true,
    true,
    true,
    true,
  ]);
}

export function metricsTable(rows: MetricRow[]): string {
  const body = rows.map((r) => [
    r.label,
    fmtValue(r.unit, r.value),
    r.baseline === null ? '—' : fmtValue(r.unit, r.baseline),
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    r.budget ?? '—',
    r.pass === null ? '' : r.pass ? 'PASS' : 'FAIL',
    r.note ?? '',
  ]);
  return table(['Figure', 'App', 'Baseline', 'Ratio', 'Budget', 'Result', 'Note'], body, [
    false,
    true,
    true,
    true,
    false,
    false,
    false,
  ]);
}

/** The README's table of latest figures lives between these markers; `npm run bench -- --readme` rewrites it. */
export const README_MARKERS = { start: '<!-- bench:latest:start -->', end: '<!-- bench:latest:end -->' } as const;

export interface LatestFigures {
  date: string;
  machine: Record<string, string | number>;
  settings: { coldLoads: number; switches: number; hovers: number };
  rows: MetricRow[];
  byteRows: ByteRow[];
}

/** The latest run as Markdown: date, machine, and one table row per figure (value, baseline, ratio, budget, result). */
export function latestFiguresMarkdown(f: LatestFigures): string {
  const m = f.machine;
  const when = `${f.date.slice(0, 16).replace('T', ' ')} UTC`;
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    `Latest figures (written by \`npm run bench -- --readme\`) — ${when}; ${m['cpus']} CPUs (${m['cpuModel']}), ${m['memoryGB']} GB, ` +
      `load average ${m['loadAverage1m']} at the start; Chromium ${m['chromium']} headless, WebGL renderer ${m['webglRenderer'] ?? 'unknown'}; Node ${m['node']}; ` +
      `${f.settings.coldLoads} cold loads, ${f.settings.switches} switches, ${f.settings.hovers} hovers per page; ratio = app ÷ baseline in the same run.`,
    '',
    '| figure | app | baseline | ratio | budget | result |',
    '|---|---|---|---|---|---|',
  ];
  for (const b of f.byteRows.filter((r) => r.category === 'maplibre' || r.category === 'css')) {
    lines.push(
      `| first view, ${b.category === 'maplibre' ? 'MapLibre (JS + worker)' : 'CSS'}, gzip | ${fmtBytes(b.app.sent)} | ${fmtBytes(b.baseline.sent)} | — | — | |`,
    );
  }
  for (const r of f.rows) {
    lines.push(
      `| ${cell(r.label.trim())} | ${cell(fmtValue(r.unit, r.value))} | ${r.baseline === null ? '—' : cell(fmtValue(r.unit, r.baseline))} | ${r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`} | ${cell(r.budget ?? '—')} | ${r.pass === null ? (r.note ? cell(r.note) : '') : r.pass ? 'pass' : '**fail**'} |`,
    );
  }
  return lines.join('\n');
}

/** README text with the section between the markers replaced (markers kept); throws when they are missing. */
export function replaceLatestFigures(readme: string, table: string): string {
  return replaceBetweenMarkers(readme, table, README_MARKERS, 'README.md');
}

/** Text with the section between two marker comments replaced (markers kept); throws naming the file when they are missing. */
export function replaceBetweenMarkers(
  text: string,
  section: string,
  markers: { start: string; end: string },
  file: string,
): string {
  const a = text.indexOf(markers.start);
  const b = text.indexOf(markers.end);
  if (a < 0 || b < a) throw new Error(`${file} has no ${markers.start} … ${markers.end} section`);
  return `${text.slice(0, a + markers.start.length)}\n${section}\n${text.slice(b)}`;
}
