/**
 * The sums behind `profile()` (area-profile.ts), one member LSOA at a time. Every figure of a
 * profile is a count or a sum over the members, except the median rank and the sorted lists,
 * which are kept sorted as members come and go. `profile()` adds every member in code order; an
 * edit of one LSOA (issue 25: ≤ 50 ms per edit of a 500-LSOA area) adds or takes out just that
 * member, and gives exactly the same figures (test/unit/areas/area-profile-sums.test.ts).
 *
 * Taking a member out is exact only while no sum depends on the order of adding: whole-number
 * figures (people are counted in whole persons) and one people definition. `orderFree` says
 * whether that holds; when it does not, the caller adds every member afresh.
 */
import { flagKey, valueKey, type ReleaseId } from '../data/contract';
import { isFiniteNumber, median } from '../data/numeric';
import type { AreaProfile, ChangeCounts, Decile, DecileCounts, LsoaTable, VenueRef } from './area-profile';
import type { AreaSet } from './area-set';
import { addPeople, emptyPeopleTotals, lsoaPeople, type LsoaPeople } from './people';

export function emptyDecileCounts(): DecileCounts {
  return { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0, 10: 0 };
}

const finite = isFiniteNumber;
export const isDecile = (d: unknown): d is Decile => finite(d) && Number.isInteger(d) && d >= 1 && d <= 10;
const whole = (n: number): boolean => Number.isSafeInteger(n);

/** Index of the first element not before `x` in a sorted array (`before` = strict order). */
function lowerBound<T>(list: readonly T[], x: T, before: (a: T, b: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid]!, x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts (sign 1) or removes (sign -1) one `x` in a sorted array. */
function sortedStep<T>(list: T[], x: T, before: (a: T, b: T) => boolean, sign: 1 | -1): void {
  const i = lowerBound(list, x, before);
  if (sign === 1) list.splice(i, 0, x);
  else if (i < list.length && !before(x, list[i]!)) list.splice(i, 1);
}

const numberBefore = (a: number, b: number): boolean => a < b;
const codeBefore = (a: string, b: string): boolean => a < b;

/** A venue with where it came from: profile() lists venues by name and id, then in member order. */
interface PlacedVenue {
  venue: VenueRef;
  code: string;
  at: number;
}
function venueBefore(a: PlacedVenue, b: PlacedVenue): boolean {
  const byName = a.venue.name.localeCompare(b.venue.name) || a.venue.id.localeCompare(b.venue.id);
  if (byName !== 0) return byName < 0;
  return a.code < b.code || (a.code === b.code && a.at < b.at);
}

export interface ProfileSums {
  /** Adds a member (sign 1) or takes one out (sign -1). */
  step(code: string, sign: 1 | -1): void;
  /** True while every sum is independent of the order members were added in (see the file comment). */
  readonly orderFree: boolean;
  /** The profile of the members added so far. */
  result(): AreaProfile;
}

/** Empty sums for one table, release and venue index. */
export function profileSums(
  table: LsoaTable,
  release: ReleaseId,
  venuesByLsoa?: ReadonlyMap<string, readonly VenueRef[]>,
): ProfileSums {
  const [dKey, rKey, p1Key, p10Key] = [
    valueKey(release, 'imd', 'd'),
    valueKey(release, 'imd', 'r'),
    flagKey(release, 1),
    flagKey(release, 10),
  ];
  const byDecile = emptyDecileCounts();
  const idaci = { byDecile: emptyDecileCounts(), unknown: 0 };
  const idaopi = { byDecile: emptyDecileCounts(), unknown: 0 };
  const change19to25: ChangeCounts = { moreDeprived: 0, same: 0, lessDeprived: 0, notComparable: 0 };
  const people = emptyPeopleTotals();
  const population2015 = { sum: 0, unknown: 0 };
  const notInTable: string[] = [];
  const ranks: number[] = [];
  const venues: PlacedVenue[] = [];
  let members = 0;
  let decileUnknown = 0;
  let in1pc = 0;
  let in10pc = 0;
  let peopleIn10pc = 0;
  let withPeople = 0;
  let orderFree = true;

  const countDecile = (c: { byDecile: DecileCounts; unknown: number }, d: number | null, sign: 1 | -1) => {
    if (isDecile(d)) c.byDecile[d] += sign;
    else c.unknown += sign;
  };
  const stepPeople = (lp: LsoaPeople | null, sign: 1 | -1) => {
    if (lp && people.definition && lp.definition.id !== people.definition.id) orderFree = false;
    if (lp && !(whole(lp.population) && whole(lp.children) && whole(lp.olderPeople))) orderFree = false;
    addPeople(people, lp, sign);
    withPeople += lp ? sign : 0;
    if (withPeople === 0) people.definition = null;
  };

  const step = (code: string, sign: 1 | -1) => {
    members += sign;
    const p = table.get(code);
    if (!p) {
      sortedStep(notInTable, code, codeBefore, sign);
      return;
    }
    const d = p[dKey];
    if (isDecile(d)) byDecile[d] += sign;
    else decileUnknown += sign;
    const r = p[rKey];
    if (finite(r)) sortedStep(ranks, r, numberBefore, sign);
    if (p[p1Key] === 1) in1pc += sign;
    const lp = lsoaPeople(p);
    stepPeople(lp, sign);
    if (p[p10Key] === 1) {
      in10pc += sign;
      peopleIn10pc += sign * (lp?.population ?? 0);
    }
    countDecile(idaci, lp?.idaciDecile ?? null, sign);
    countDecile(idaopi, lp?.idaopiDecile ?? null, sign);
    const pop = p['pop'];
    if (finite(pop)) {
      population2015.sum += sign * pop;
      if (!whole(pop)) orderFree = false;
    } else population2015.unknown += sign;
    const chg = p['dchg_19_25'];
    if (p['chg'] !== 'U' || !finite(chg)) change19to25.notComparable += sign;
    else if (chg < 0) change19to25.moreDeprived += sign;
    else if (chg > 0) change19to25.lessDeprived += sign;
    else change19to25.same += sign;
    const here = venuesByLsoa?.get(code) ?? [];
    for (let at = 0; at < here.length; at++) sortedStep(venues, { venue: here[at]!, code, at }, venueBefore, sign);
  };

  const result = (): AreaProfile => {
    const lsoas = members - notInTable.length;
    return {
      release,
      lsoas,
      notInTable: [...notInTable],
      byDecile: { ...byDecile },
      decileUnknown,
      decile1: byDecile[1],
      decile1Share: lsoas > 0 ? Math.round((byDecile[1] / lsoas) * 1000) / 1000 : null,
      in1pc,
      in10pc,
      medianRank: median(ranks),
      people: { ...people },
      peopleIn10pc,
      population2015: { ...population2015 },
      idaci: { byDecile: { ...idaci.byDecile }, unknown: idaci.unknown },
      idaopi: { byDecile: { ...idaopi.byDecile }, unknown: idaopi.unknown },
      change19to25: { ...change19to25 },
      venues: venues.map((v) => v.venue),
    };
  };

  return {
    step,
    get orderFree() {
      return orderFree;
    },
    result,
  };
}

/**
 * `profile(set, table, release, venuesByLsoa)` for a set edited a step at a time: each call applies
 * only the members added or removed since the previous call, or adds every member afresh when
 * most changed or a sum is not order-free. The answer is always the full profile's.
 */
export function incrementalProfile(
  table: LsoaTable,
  release: ReleaseId,
  venuesByLsoa?: ReadonlyMap<string, readonly VenueRef[]>,
): (set: AreaSet) => AreaProfile {
  let sums: ProfileSums | null = null;
  let codes: ReadonlySet<string> = new Set();
  const afresh = (next: readonly string[]): ProfileSums => {
    const s = profileSums(table, release, venuesByLsoa);
    for (const code of next) s.step(code, 1);
    return s;
  };
  return (set) => {
    const next = new Set(set.lsoaCodes);
    const removed = [...codes].filter((c) => !next.has(c));
    const added = set.lsoaCodes.filter((c) => !codes.has(c));
    if (sums?.orderFree && removed.length + added.length <= set.lsoaCodes.length / 2) {
      for (const c of removed) sums.step(c, -1);
      for (const c of added) sums.step(c, 1);
      if (!sums.orderFree) sums = afresh(set.lsoaCodes);
    } else sums = afresh(set.lsoaCodes);
    codes = next;
    return sums.result();
  };
}
