/**
 * The steps that build the area features: LSOA 2021 (first-view properties, the rest into the details
 * file), LSOA 2011, and wards with their summaries.
 */
import {
  CHANGE_TARGET_RELEASE,
  compactDetails,
  decileChangeKey,
  flagKey,
  INDICATORS,
  isFirstViewKey,
  RELEASE_PREFIX,
  valueKey,
  type IodValues,
  type LsoaProperties,
  type WardProperties,
} from '../../../src/data/contract';
import { labelPoint } from '../../../src/domain/label-points';
import { changeCode, sortedProps } from '../feature-helpers';
import type { AreaRelease } from '../join-iod';
import { round } from '../reproject';
import { wardSummaries, type WardMember } from '../wards';
import type { AreaGeoFeature } from '../write-topojson';
import { stableStringify } from '../write-outputs';
import { on2021 } from './checks';
import type { PipelineStep, StepContext } from './step';

/**
 * Earlier releases on 2021 areas: national rank/decile and flags only, since local ranks of a
 * partial set of unchanged areas would mean something different from the 2011-area local ranks.
 */
function comparable(a: AreaRelease, code: string): IodValues {
  const src = a.values.get(code) ?? {};
  const out: IodValues = {};
  for (const ind of a.release.def.indicators) {
    for (const field of ['r', 'd'] as const) {
      const k = valueKey(a.release.def.id, ind, field);
      if (src[k] !== undefined) out[k] = src[k];
    }
  }
  for (const p of [1, 10] as const) {
    const k = flagKey(a.release.def.id, p);
    if (src[k] !== undefined) out[k] = src[k];
  }
  return out;
}

/** Mid-2015 population from the first LSOA 2011 release that publishes one (IoD2019). */
function population11(joined11: readonly AreaRelease[], code: string): number | undefined {
  return joined11.map((a) => a.release.records.get(code)?.pop).find((p) => p !== undefined);
}

/** Every value of one LSOA 2021: its releases, people figures, and the comparable 2011 values where unchanged. */
function lsoa21Properties(ctx: StepContext, f: { code: string; name: string }): LsoaProperties {
  const lookups = ctx.get('lookups');
  const joined = ctx.get('joined');
  const people = ctx.get('people');
  const census = ctx.get('census');
  const supplementary = ctx.get('supplementary');
  const joined11 = joined.filter((a) => !on2021(a.release));
  const chg = changeCode(lookups.by21.get(f.code)) ?? 'X';
  const c = lookups.centroids.get(f.code);
  const props: LsoaProperties = {
    code: f.code,
    name: f.name,
    ward: ctx.get('geo').ward21.get(f.code) ?? '',
    chg,
    ...(c ? { cx: round(c[0], 5), cy: round(c[1], 5) } : {}),
  };
  for (const a of joined) if (on2021(a.release)) Object.assign(props, a.values.get(f.code));
  if (people.available) Object.assign(props, people.values.get(f.code));
  if (census) Object.assign(props, census.values.get(f.code));
  if (supplementary) Object.assign(props, supplementary.values.get(f.code));
  if (chg === 'U' && joined11.every((a) => a.release.records.has(f.code))) {
    for (const a of joined11) Object.assign(props, comparable(a, f.code));
    const pop = population11(joined11, f.code);
    if (pop !== undefined) props.pop = pop;
    const target = props[valueKey(CHANGE_TARGET_RELEASE, 'imd', 'd')];
    for (const a of joined11) {
      const earlier = props[valueKey(a.release.def.id, 'imd', 'd')];
      if (typeof target === 'number' && typeof earlier === 'number')
        props[decileChangeKey(a.release.def.id, CHANGE_TARGET_RELEASE)] = target - earlier;
    }
  }
  return props;
}

/** First-view budget: see isFirstViewKey() in the contract for what goes where. */
export const lsoa21Step = {
  id: 'lsoa21',
  inputs: ['geo', 'lookups', 'joined', 'people', 'census', 'supplementary'],
  provides: ['lsoa21'],
  outputs: ['details2021'],
  run: (ctx) => {
    const layer = ctx.get('geo').f21.layer;
    const detailColumns = new Map<string, Map<string, number>>();
    const lsoa21: AreaGeoFeature[] = layer.features.map((f) => {
      const first: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(lsoa21Properties(ctx, f))) {
        if (isFirstViewKey(k)) first[k] = v;
        else if (typeof v === 'number')
          detailColumns.set(k, (detailColumns.get(k) ?? new Map<string, number>()).set(f.code, v));
      }
      return { type: 'Feature', properties: sortedProps(first), geometry: f.geometry };
    });
    // Local ranks of the 2025 indicators are derived from national ranks on loading (budget).
    const detailValues = new Map<string, IodValues>();
    for (const [key, byCode] of detailColumns)
      for (const [code, v] of byCode) detailValues.set(code, { ...detailValues.get(code), [key]: v });
    const details = compactDetails(
      layer.features.map((f) => f.code),
      detailValues,
      INDICATORS.map((ind) => `${RELEASE_PREFIX['2025']}_${ind}`),
    );
    return { values: { lsoa21 }, files: { details2021: stableStringify(details) } };
  },
} as const satisfies PipelineStep;

export const lsoa11Step = {
  id: 'lsoa11',
  inputs: ['geo', 'lookups', 'joined', 'ward11'],
  provides: ['lsoa11'],
  outputs: [],
  run: ({ get }) => {
    const lookups = get('lookups');
    const ward11 = get('ward11');
    const joined11 = get('joined').filter((a) => !on2021(a.release));
    const lsoa11: AreaGeoFeature[] = get('geo').f11.layer.features.map((f) => {
      const props: LsoaProperties = {
        code: f.code,
        name: f.name,
        ward: ward11.get(f.code) ?? '',
        chg: changeCode(lookups.by11.get(f.code)) ?? 'X',
      };
      for (const a of joined11) Object.assign(props, a.values.get(f.code));
      const pop = population11(joined11, f.code);
      if (pop !== undefined) props.pop = pop;
      return { type: 'Feature', properties: sortedProps(props), geometry: f.geometry };
    });
    return { values: { lsoa11 } };
  },
} as const satisfies PipelineStep;

/** The LSOAs of a release that count towards their ward's summary: with a ward and an IMD rank and decile. */
function members(a: AreaRelease, codes: string[], wardOf: (c: string) => string | undefined): WardMember[] {
  return codes.flatMap((code) => {
    const v = a.values.get(code) ?? {};
    const ward = wardOf(code);
    if (
      !ward ||
      v[valueKey(a.release.def.id, 'imd', 'r')] === undefined ||
      v[valueKey(a.release.def.id, 'imd', 'd')] === undefined
    )
      return [];
    return [{ code, ward }];
  });
}

export const wardsStep = {
  id: 'wards',
  inputs: ['geo', 'lookups', 'joined', 'ward11'],
  provides: ['wards'],
  outputs: [],
  run: ({ cfg: { sources }, get }) => {
    const geo = get('geo');
    const lookups = get('lookups');
    const ward11 = get('ward11');
    const codes21 = geo.f21.layer.features.map((f) => f.code);
    const codes11 = geo.f11.layer.features.map((f) => f.code);
    const summaries = get('joined').map((a) =>
      on2021(a.release)
        ? wardSummaries(
            a.release.def.id,
            members(a, codes21, (c) => geo.ward21.get(c)),
            a.values,
          )
        : wardSummaries(
            a.release.def.id,
            members(a, codes11, (c) => ward11.get(c)),
            a.values,
          ),
    );
    const wards: AreaGeoFeature[] = geo.fw.layer.features.map((f) => {
      // The compiled committee list is about Leeds' Dec 2024 wards only.
      const committee = sources.englandWide ? undefined : lookups.committee.get(f.code);
      const [lx, ly] = labelPoint({ type: 'Feature', properties: {}, geometry: f.geometry });
      const props: WardProperties = {
        code: f.code,
        name: f.name,
        lx: round(lx, 5),
        ly: round(ly, 5),
        ...(committee ? { committee } : {}),
      };
      for (const s of summaries) Object.assign(props, s.get(f.code));
      return { type: 'Feature', properties: sortedProps(props), geometry: f.geometry };
    });
    return { values: { wards } };
  },
} as const satisfies PipelineStep;
