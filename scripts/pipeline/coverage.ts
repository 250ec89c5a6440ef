import type { AreaFeature } from './boundaries';
import type { ProblemList } from './errors';
import { areaRecordCodes, type ReleaseData } from './join-iod';

/** Cross-file checks: each problem names the file where the missing or extra row lives. */
export function checkCoverage(
  problems: ProblemList,
  boundary: { file: string; features: AreaFeature[] },
  release: ReleaseData,
  areaMembers: Set<string>,
  area: string,
  iodLadColumn: boolean,
): void {
  const boundaryCodes = new Set(boundary.features.map((f) => f.code));
  const iodCodes = areaRecordCodes(release, areaMembers, iodLadColumn ? area : null);
  boundary.features.forEach((f, i) => {
    if (!release.records.has(f.code)) {
      problems.add({
        file: release.file,
        location: `boundary feature ${i + 1} (${f.code})`,
        field: release.def.source.codeColumn,
        message: `no IoD${release.def.id} row for boundary ${f.code} "${f.name}" (from ${boundary.file})`,
      });
    }
  });
  for (const code of [...iodCodes].sort()) {
    if (!boundaryCodes.has(code)) {
      const rec = release.records.get(code);
      problems.add({
        file: boundary.file,
        location: `IoD${release.def.id} ${release.file} line ${rec?.line ?? '?'}`,
        field: release.def.source.codeColumn,
        message: `no boundary for LSOA ${code} "${rec?.name ?? ''}" of area ${area}`,
      });
    }
  }
}

/**
 * A release whose ranks run past its row count lacks rows. Names the English LSOAs of the ONS lookup
 * that have no row (when few enough to list), then the rank gap itself.
 */
export function reportMissingRows(problems: ProblemList, release: ReleaseData, lookupCodes: Iterable<string>): void {
  const gap = release.missingRows;
  if (!gap) return;
  const absent = [...lookupCodes].filter((c) => c.startsWith('E') && !release.records.has(c)).sort();
  if (absent.length > 0 && absent.length <= 20) {
    for (const code of absent) {
      problems.add({
        file: release.file,
        field: release.def.source.codeColumn,
        message: `no row for LSOA ${code} (listed in the ONS lookup)`,
      });
    }
  }
  problems.add(gap.problem);
}
