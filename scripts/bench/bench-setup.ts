/**
 * The benchmark's options, budgets and per-run bookkeeping (machine description, bytes per
 * category), apart from the run itself in ./bench.ts.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ColdLoad, PageSpec } from './measure';
import { BYTE_CATEGORIES, classify, type ByteCategory } from './stats';

// ---- options -------------------------------------------------------------------------------------

export interface Options {
  json: boolean;
  check: boolean;
  runs: number;
  switches: number;
  hovers: number;
  geoDir: string | null;
  keep: boolean;
  readme: boolean;
  /** Build and measure this council (district code) instead of the default (Leeds). */
  area: string | null;
  /** Also time `npm run build:sites -- all` (every English council; minutes). */
  allCouncils: boolean;
  /** Print the marks and requests of the median cold load of each page (docs/performance.md). */
  timeline: boolean;
  /** Read the postcode files of an existing `build:sites -- all` output instead of building every council. */
  sitesDir: string | null;
  /** Only the venue rows (./new-work-only.ts): no data build, cold loads or other councils. */
  venuesOnly: boolean;
}

export function parseArgs(argv: string[]): Options {
  const o: Options = {
    json: false,
    check: false,
    runs: 9,
    switches: 20,
    hovers: 7,
    geoDir: null,
    keep: false,
    readme: false,
    area: null,
    allCouncils: false,
    timeline: false,
    sitesDir: null,
    venuesOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`${a} needs a positive whole number`);
      return v;
    };
    if (a === '--json') o.json = true;
    else if (a === '--check') o.check = true;
    else if (a === '--keep') o.keep = true;
    else if (a === '--readme') o.readme = true;
    else if (a === '--runs') o.runs = num();
    else if (a === '--switches') o.switches = num();
    else if (a === '--hovers') o.hovers = num();
    else if (a === '--geo-dir') o.geoDir = path.resolve(argv[++i] ?? '');
    else if (a === '--all-councils') o.allCouncils = true;
    else if (a === '--timeline') o.timeline = true;
    else if (a === '--venues-only') o.venuesOnly = true;
    else if (a === '--sites-dir') o.sitesDir = path.resolve(argv[++i] ?? '');
    else if (a === '--area') {
      const code = argv[++i] ?? '';
      if (!/^E0[6-9]\d{6}$/.test(code))
        throw new Error(`--area needs an English district code such as E08000035, not "${code}"`);
      o.area = code;
    } else throw new Error(`unknown option ${a} (see scripts/bench/bench.ts)`);
  }
  if (o.runs < 5) throw new Error('--runs must be at least 5 (a median of fewer cold loads says little)');
  if (o.venuesOnly && o.check) throw new Error('--venues-only judges nothing: run --check without it');
  if (o.check && o.runs < BUDGETS.minColdLoadsForCheck)
    throw new Error(`--check needs at least ${BUDGETS.minColdLoadsForCheck} cold loads (--runs)`);
  if (o.switches % SWITCH_BLOCK !== 0)
    throw new Error(
      `--switches must be a multiple of ${SWITCH_BLOCK} (switches run in alternating blocks of ${SWITCH_BLOCK})`,
    );
  return o;
}

// ---- budgets -------------------------------------------------------------------------------------

/**
 * Timing budgets are ratios to the baseline page measured in the same run (judgeable on any machine);
 * sizes and the data build are absolute. The absolute switch budget only applies with a real GPU.
 */
export const BUDGETS = {
  geodataGzip: 100 * 1024,
  appJsGzip: 60 * 1024,
  /** Median first choropleth ≤ this × the baseline's (issue 25). */
  firstChoroplethRatio: 0.85,
  /** The same for these councils, measured with --area: the largest (Birmingham) and a rural one with a long coast (Cornwall). */
  firstChoroplethRatioByArea: { E08000025: 0.9, E06000052: 0.9 } as Readonly<Record<string, number>>,
  minColdLoadsForCheck: 9,
  switchMedianRatio: 1.25,
  switchP95Ratio: 1.5,
  /** Hover → tooltip median ≤ max(hoverFloorMs, hoverRatio × baseline). */
  hoverFloorMs: 16,
  hoverRatio: 2,
  /** With a GPU (not SwiftShader) only. */
  switchP95MsWithGpu: 100,
  dataBuildMs: 10_000,
  dataBuildRss: 1024 * 1024 * 1024,
  /** The size and data-build budgets above are Leeds'; another council's first view is held to this per LSOA (issue 11). */
  geodataBytesPerLsoa: 200,
  budgetArea: 'E08000035',
  /** Issue 25, the new work: a synthetic venue list of this many rows, placed and drawn within venueImportMs, no frame gap over venueFrameGapMs. */
  venueRows: 5000,
  venueImportMs: 2000,
  venueFrameGapMs: 100,
  /** …or, where the baseline page drawing the same points leaves longer gaps itself (software WebGL), this × its
   * longest gap: a worst case, judged like the switch p95 (switchP95Ratio). */
  venueFrameGapRatio: 1.5,
  /** A custom area of this many LSOAs (or the whole council when it has fewer), this many edits, p95 ≤ customAreaP95Ms. */
  customAreaLsoas: 500,
  customAreaEdits: 50,
  customAreaP95Ms: 50,
  /** The postcode budget is judged over every English council's build. */
  englishCouncils: 296,
} as const;

/** The first-choropleth budget for a council: its own ratio where it has one (issue 25), else the default. */
export function firstChoroplethLimit(areaCode: string): number {
  return BUDGETS.firstChoroplethRatioByArea[areaCode] ?? BUDGETS.firstChoroplethRatio;
}

/** Switches run in blocks of this many, app and baseline alternating (the order flips every round). */
export const SWITCH_BLOCK = 5;

// ---- helpers -------------------------------------------------------------------------------------

export const log = (msg: string): void => {
  process.stderr.write(`bench: ${msg}\n`);
};

export function machine(browserVersion: string): Record<string, string | number> {
  let cpu = 'unknown';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    cpu = os.cpus()[0]?.model ?? cpu;
  }
  return {
    cpus: os.availableParallelism(),
    cpuModel: cpu,
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: browserVersion,
  };
}

export interface ByteSummary {
  perCategory: Record<ByteCategory, { raw: number; sent: number; files: number }>;
  files: Array<{ path: string; category: ByteCategory; raw: number; sent: number; gzip: boolean }>;
}

export function summariseBytes(load: ColdLoad, spec: PageSpec, root: string): ByteSummary {
  const perCategory = Object.fromEntries(
    BYTE_CATEGORIES.map((c) => [c, { raw: 0, sent: 0, files: 0 }]),
  ) as ByteSummary['perCategory'];
  const files: ByteSummary['files'] = [];
  for (const r of load.responses) {
    if (r.status !== 200) continue;
    const rel = r.path.startsWith(spec.prefix) ? r.path.slice(spec.prefix.length) : r.path;
    const category = classify(r.path, () => {
      try {
        return readFileSync(path.join(root, rel), 'utf8');
      } catch {
        return null;
      }
    });
    const c = perCategory[category];
    c.raw += r.raw;
    c.sent += r.sent;
    c.files += 1;
    files.push({ path: r.path, category, raw: r.raw, sent: r.sent, gzip: r.gzip });
  }
  return { perCategory, files };
}
