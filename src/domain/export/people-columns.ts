/**
 * The people columns and preamble lines (IoD 2025 File 7 mid-2022 where the build has it, else Census
 * 2021), shared by the catchment and gap lists: every column header and note names the source, year and
 * age band of its figures.
 */
import { hasPeople, type LsoaPeople, type PeopleDefinition, type PeopleRole, type PeopleTotals } from '../people';
import type { CsvCell } from '../csv-writer';

/** The people roles a list has columns for under a definition (65+ only where the definition has it). */
const peopleRoles = (def: PeopleDefinition | null): PeopleRole[] =>
  def?.figures.olderPeople65
    ? ['population', 'children', 'olderPeople', 'olderPeople65']
    : ['population', 'children', 'olderPeople'];
/** The people columns' headers, named by the definition's figures. */
export const peopleHeader = (def: PeopleDefinition | null): string[] => [
  ...peopleRoles(def).map((role) => def?.figures[role]?.heading ?? `${role} (no figures in this build)`),
  'IDACI national decile (IoD2025)',
  'IDAOPI national decile (IoD2025)',
];
/** One LSOA's people cells: blank where its figures are from another definition than the columns'. */
export const peopleCells = (def: PeopleDefinition | null, p: LsoaPeople | null): CsvCell[] => {
  const same = p && def && p.definition.id === def.id ? p : null;
  const value = (role: PeopleRole): number | null =>
    !same
      ? null
      : role === 'population'
        ? same.population
        : role === 'children'
          ? same.children
          : role === 'olderPeople'
            ? same.olderPeople
            : role === 'olderPeople65'
              ? same.olderPeople65
              : same.workingAge;
  return [...peopleRoles(def).map(value), p?.idaciDecile ?? null, p?.idaopiDecile ?? null];
};
/** The preamble line saying where the people figures come from and how an LSOA counts. */
export function peopleNote(def: PeopleDefinition | null): string {
  const what = def ? `${def.source}: ${def.description}` : 'no population figures in this build';
  return `People: ${what} (Open Government Licence v3.0), for whole LSOAs; an LSOA counts in full when its population-weighted centroid is inside the distance; blank = not available`;
}

/** A preamble line of people totals, or why there are none. */
export function peopleLine(label: string, t: PeopleTotals): string {
  const f = t.definition?.figures;
  if (!hasPeople(t) || !f || !t.definition)
    return `${label}: population figures unavailable (the sources hold neither IoD2025 File 7 nor Census 2021 figures for this area)`;
  return (
    `${label}: ${t.population} people, ${t.children} ${f.children.what}, ${t.olderPeople} ${f.olderPeople.what} (${t.definition.source}); ` +
    `${f.children.what} in IDACI decile 1-2 LSOAs: ${t.childrenIdaci12}; ${f.olderPeople.what} in IDAOPI decile 1-2 LSOAs: ${t.olderIdaopi12}` +
    (t.unknown ? `; ${t.unknown} LSOAs without figures` : '')
  );
}
