import { describe, expect, it } from 'vitest';
import { flagKey, valueKey } from '../../../src/data/contract';
import { profile, propsTable, type VenueRef } from '../../../src/domain/area-profile';
import { incrementalProfile, profileSums } from '../../../src/domain/area-profile-sums';
import { areaSet, toggleMember, type AreaSet } from '../../../src/domain/area-set';

/** A small seeded generator (mulberry32), so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const code = (n: number) => `E01999${String(n).padStart(3, '0')}`;

/**
 * Synthetic LSOAs (E01999xxx do not exist) with every case profile() distinguishes: deciles and
 * ranks missing or present, both flags, File 7 people or none, IDACI/IDAOPI deciles, unchanged
 * or changed boundaries, mid-2015 population missing or present.
 */
function syntheticTable(n: number, next: () => number, extra: (i: number) => Record<string, unknown> = () => ({})) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const rows = Array.from({ length: n }, (_, i) => {
    const decile = pick([1, 1, 2, 3, 5, 7, 10, null]);
    const p: Record<string, unknown> = {
      code: code(i),
      ward: `W${i % 4}`,
      chg: pick(['U', 'U', 'U', 'S', 'M']),
      dchg_19_25: pick([-2, -1, 0, 0, 1, 3]),
      ...(decile === null
        ? {}
        : { [valueKey('2025', 'imd', 'd')]: decile, [valueKey('2025', 'imd', 'r')]: 1 + Math.floor(next() * 33_000) }),
      [flagKey('2025', 1)]: decile === 1 && next() < 0.3 ? 1 : 0,
      [flagKey('2025', 10)]: decile === 1 ? 1 : 0,
      ...(next() < 0.85 ? { pop: 1000 + Math.floor(next() * 1500) } : {}),
      ...(next() < 0.9
        ? {
            pop22: 1100 + Math.floor(next() * 1500),
            chi22: 100 + Math.floor(next() * 400),
            old22: 100 + Math.floor(next() * 400),
            wa22: 700,
            [valueKey('2025', 'idc', 'd')]: pick([1, 2, 3, 9]),
            [valueKey('2025', 'ido', 'd')]: pick([1, 2, 6]),
          }
        : {}),
      ...extra(i),
    };
    return p;
  });
  return propsTable(rows);
}

/** Venues in some LSOAs, with repeated names (and one repeated name and id) so their order is tested too. */
function syntheticVenues(n: number, next: () => number): Map<string, VenueRef[]> {
  const names = ['Library', 'Community centre', 'Library', 'Food bank', 'Advice hub'];
  const out = new Map<string, VenueRef[]>();
  for (let i = 0; i < n; i += 3) {
    const list = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, j) => ({
      id: j === 2 ? 'v-dup' : `v${i}-${j}`,
      name: names[Math.floor(next() * names.length)]!,
      type: 'synthetic',
    }));
    out.set(code(i), list);
  }
  return out;
}

/** Edits as the panel makes them: one LSOA at a time (some not in the table), now and then a whole new list. */
function editSequence(start: AreaSet, steps: number, pool: number, next: () => number): AreaSet[] {
  const out: AreaSet[] = [];
  let set = start;
  for (let i = 0; i < steps; i++) {
    if (i % 25 === 24) {
      const codes = Array.from({ length: pool }, (_, j) => code(j)).filter(() => next() < 0.4);
      set = areaSet('custom', 'x', 'X', { type: 'list' }, codes);
    } else set = toggleMember(set, code(Math.floor(next() * (pool + 5))));
    out.push(set);
  }
  return out;
}

describe('profile, edit by edit', () => {
  it('equals the full profile() after every one of 200 edits of a 60-LSOA pool, venues included', () => {
    const next = random(25);
    const table = syntheticTable(60, next);
    const venues = syntheticVenues(60, next);
    const edited = incrementalProfile(table, '2025', venues);
    const start = areaSet(
      'custom',
      'x',
      'X',
      { type: 'list' },
      Array.from({ length: 40 }, (_, j) => code(j)),
    );
    expect(edited(start)).toEqual(profile(start, table, '2025', venues));
    for (const set of editSequence(start, 200, 60, next))
      expect(edited(set)).toEqual(profile(set, table, '2025', venues));
  });

  it('falls back to adding every member afresh when a population is not a whole number, and still agrees', () => {
    const next = random(7);
    const table = syntheticTable(30, next, (i) => (i === 5 ? { pop: 1234.5, pop22: 999.25 } : {}));
    const sums = profileSums(table, '2025');
    sums.step(code(4), 1);
    expect(sums.orderFree).toBe(true);
    sums.step(code(5), 1);
    expect(sums.orderFree).toBe(false);
    const edited = incrementalProfile(table, '2025');
    const start = areaSet(
      'custom',
      'x',
      'X',
      { type: 'list' },
      Array.from({ length: 20 }, (_, j) => code(j)),
    );
    expect(edited(start)).toEqual(profile(start, table, '2025'));
    for (const set of editSequence(start, 60, 30, next)) expect(edited(set)).toEqual(profile(set, table, '2025'));
  });

  it('agrees when members carry two people definitions (the first member’s counts, the rest unknown)', () => {
    const next = random(11);
    const census = (i: number) =>
      i % 7 === 3
        ? { pop22: undefined, chi22: undefined, old22: undefined, c21pop: 1500, c21chi: 200, c21old: 300 }
        : {};
    const table = syntheticTable(30, next, census);
    const edited = incrementalProfile(table, '2025');
    const start = areaSet('custom', 'x', 'X', { type: 'list' }, [code(3), code(4), code(10)]);
    const first = edited(start);
    expect(first).toEqual(profile(start, table, '2025'));
    expect(first.people.definition?.id).toBe('census2021');
    for (const set of editSequence(start, 60, 30, next)) expect(edited(set)).toEqual(profile(set, table, '2025'));
  });

  it('takes a member out exactly: add then remove leaves the empty profile', () => {
    const table = syntheticTable(10, random(3));
    const sums = profileSums(table, '2025');
    for (let i = 0; i < 10; i++) sums.step(code(i), 1);
    for (let i = 9; i >= 0; i--) sums.step(code(i), -1);
    expect(sums.result()).toEqual(profile(areaSet('custom', 'x', 'X', { type: 'list' }, []), table, '2025'));
  });
});
