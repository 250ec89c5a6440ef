/**
 * The step that checks the sources agree before anything is joined: every LSOA of the area in every
 * release, a boundary for every ward, a lookup row and a centroid for every LSOA 2021, a ward for
 * every LSOA 2011. All problems are collected and thrown together.
 */
import type { ReleaseData } from '../join-iod';
import { checkCoverage, reportMissingRows } from '../coverage';
import { ProblemList } from '../errors';
import { modalWard } from '../wards';
import type { PipelineStep, StepContext } from './step';

export const on2021 = (r: ReleaseData): boolean => r.def.lsoaVintage === '2021';

function checkReleases(ctx: StepContext, problems: ProblemList): void {
  const { area, sources } = ctx.cfg;
  const geo = ctx.get('geo');
  const lookups = ctx.get('lookups');
  const releases = ctx.get('releases');
  for (const r of releases) {
    if (on2021(r)) checkCoverage(problems, geo.f21.layer, r, geo.sets.lsoa21, area, geo.iodLadColumn);
    else checkCoverage(problems, geo.f11.layer, r, geo.sets.lsoa11, area, geo.iodLadColumn);
  }
  // After coverage (which names a missing LSOA of the area): rows missing anywhere in England.
  for (const r of releases) reportMissingRows(problems, r, on2021(r) ? lookups.lsoa21.keys() : lookups.by11.keys());
  const wardCodes = new Set(geo.fw.layer.features.map((f) => f.code));
  for (const w of [...geo.sets.wards].sort()) {
    if (!wardCodes.has(w))
      problems.add({
        file: geo.fw.layer.file,
        field: sources.wards.codeField,
        message: `no boundary for ward ${w} of area ${area} (from ${sources.lsoa21Ward})`,
      });
  }
}

function checkLsoa21(ctx: StepContext, problems: ProblemList): void {
  const { sources } = ctx.cfg;
  const lookups = ctx.get('lookups');
  ctx.get('geo').f21.layer.features.forEach((f, i) => {
    if (!lookups.by21.has(f.code)) {
      problems.add({
        file: sources.lsoa11To21,
        location: `boundary feature ${i + 1} (${f.code})`,
        field: 'lsoa21_code',
        message: `LSOA 2021 ${f.code} missing from the 2011→2021 lookup`,
      });
    }
    if (!lookups.centroids.has(f.code)) {
      problems.add({
        file: sources.centroids,
        location: `boundary feature ${i + 1} (${f.code})`,
        field: 'lsoa21cd',
        message: `no population-weighted centroid for ${f.code}`,
      });
    }
  });
}

/** LSOA 2011 → ward: the modal ward of its LSOA 2021 successors, else the ward at its location. */
function lsoa11Wards(ctx: StepContext, problems: ProblemList): Map<string, string> {
  const geo = ctx.get('geo');
  const lookups = ctx.get('lookups');
  const ward11 = new Map<string, string>();
  geo.f11.layer.features.forEach((f, i) => {
    const succ = (lookups.by11.get(f.code) ?? []).map((l) => geo.ward21.get(l.code21)).filter((w): w is string => !!w);
    const w = modalWard(succ) ?? geo.ward11ByLocation.get(f.code);
    if (!w)
      problems.add({
        file: ctx.cfg.sources.lsoa11To21,
        location: `boundary feature ${i + 1} (${f.code})`,
        field: 'lsoa11_code',
        message: `LSOA 2011 ${f.code} has no LSOA 2021 successor with a ward`,
      });
    else ward11.set(f.code, w);
  });
  return ward11;
}

export const checksStep = {
  id: 'checks',
  inputs: ['geo', 'lookups', 'releases'],
  provides: ['ward11'],
  outputs: [],
  run: (ctx) => {
    const problems = new ProblemList();
    checkReleases(ctx, problems);
    checkLsoa21(ctx, problems);
    const ward11 = lsoa11Wards(ctx, problems);
    problems.throwIfAny();
    return { values: { ward11 } };
  },
} as const satisfies PipelineStep;
