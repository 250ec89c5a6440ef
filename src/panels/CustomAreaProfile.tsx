import { For, Show } from 'solid-js';
import { DECILES, type AreaProfile } from '../domain/area-profile';
import type { ComparisonRow } from '../domain/custom-area/compare';
import { AreaMeasures } from './AreaMeasures';
import { AreaWhatMoved } from './AreaWhatMoved';
import { fmtCount, hasPeople, PEOPLE_UNAVAILABLE } from '../domain/people';

const pct = (v: number | null): string => (v === null ? 'not available' : `${Math.round(v * 1000) / 10}%`);
const count = (v: number | null): string => (v === null ? 'not available' : fmtCount(Math.round(v * 10) / 10));

export interface CustomAreaProfileProps {
  name: string;
  profile: AreaProfile;
  comparison: ComparisonRow[];
  /** Member LSOA codes (the area's own list: a keyed list, so an edit adds or removes one row). */
  members: readonly string[];
  lsoaName: (code: string) => string;
  onRemove: (code: string) => void;
  onSelectLsoa: (code: string) => void;
  /** The members' LSOA 2021 values and the number of LSOAs in England: the IoD summary measures (AreaMeasures). */
  measures?: {
    lsoas: readonly Readonly<Record<string, unknown>>[];
    nationalCount: number | null;
    /** LSOAs in England in IoD 2019 and 2025, for "what moved" (ranks are relative to these). */
    changeCounts?: { from: number | null; to: number | null };
  };
}

/** The figures of your own area: the same profile() as a ward's, and the comparison with its wards, the council and England. */
export function CustomAreaProfile(p: CustomAreaProfileProps) {
  const f = () => p.profile;
  return (
    <section class="custom-area__profile" aria-labelledby="custom-area-profile-title" data-testid="custom-area-profile">
      <h3 id="custom-area-profile-title" class="profile__subtitle">
        Profile of {p.name} (IoD 2025, LSOA 2021)
      </h3>
      <dl class="profile__facts">
        <dt>LSOAs</dt>
        <dd data-testid="custom-area-lsoas">{f().lsoas}</dd>
        <dt>In the most deprived 10% nationally (IMD)</dt>
        <dd data-testid="custom-area-10pc">{f().in10pc}</dd>
        <dt>In the most deprived 1% nationally (IMD)</dt>
        <dd data-testid="custom-area-1pc">{f().in1pc}</dd>
        <dt>Median national IMD rank</dt>
        <dd>{count(f().medianRank)}</dd>
      </dl>
      <Show when={hasPeople(f().people) && f().people.definition} fallback={<p>{PEOPLE_UNAVAILABLE}</p>}>
        {(def) => (
          <>
            <dl class="profile__facts" data-testid="custom-area-people">
              <dt>{def().figures.population.heading}</dt>
              <dd data-testid="custom-area-population">{fmtCount(f().people.population)}</dd>
              <dt>{def().figures.children.heading}</dt>
              <dd>{fmtCount(f().people.children)}</dd>
              <dt>{def().figures.olderPeople.heading}</dt>
              <dd>{fmtCount(f().people.olderPeople)}</dd>
              <dt>{def().figures.children.heading}: in IDACI decile 1–2 LSOAs</dt>
              <dd>{fmtCount(f().people.childrenIdaci12)}</dd>
              <dt>{def().figures.olderPeople.heading}: in IDAOPI decile 1–2 LSOAs</dt>
              <dd>{fmtCount(f().people.olderIdaopi12)}</dd>
            </dl>
            <Show when={f().people.unknown > 0}>
              <p class="controls__note">{f().people.unknown} LSOAs have no people figures; the sums leave them out.</p>
            </Show>
          </>
        )}
      </Show>
      <table class="simple-table" data-testid="custom-area-deciles">
        <caption>LSOAs by national IMD decile (1 = most deprived 10% in England)</caption>
        <thead>
          <tr>
            <th scope="col">Decile</th>
            <For each={DECILES}>{(d) => <th scope="col">{d}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">LSOAs</th>
            <For each={DECILES}>{(d) => <td>{f().byDecile[d]}</td>}</For>
          </tr>
        </tbody>
      </table>
      <p data-testid="custom-area-change">
        Change since IoD 2019 (LSOAs whose boundary did not change): {f().change19to25.moreDeprived} more deprived,{' '}
        {f().change19to25.same} the same decile, {f().change19to25.lessDeprived} less deprived;{' '}
        {f().change19to25.notComparable} not comparable.
      </p>
      <Show
        when={p.measures?.nationalCount ? p.measures : null}
        fallback={
          <p class="controls__note">
            The IoD summary measures need the number of LSOAs in England, which this build does not state.
          </p>
        }
      >
        {(m) => (
          <AreaMeasures
            lsoas={m().lsoas}
            nationalCount={m().nationalCount!}
            areaLabel="this area"
            testId="custom-area-measures"
          />
        )}
      </Show>
      <Show when={p.measures && p.measures.lsoas.length > 0}>
        <AreaWhatMoved
          lsoas={p.measures?.lsoas ?? []}
          from="2019"
          to="2025"
          fromCount={p.measures?.changeCounts?.from ?? null}
          toCount={p.measures?.changeCounts?.to ?? null}
          testId="custom-area-what-moved"
        />
      </Show>
      <Show when={f().venues.length > 0} fallback={<p>No venues or interventions of the atlas are inside the area.</p>}>
        <h4 class="profile__subtitle">Venues and interventions inside ({f().venues.length})</h4>
        <ul>
          <For each={f().venues}>{(v) => <li>{v.name}</li>}</For>
        </ul>
      </Show>
      <CustomAreaComparison rows={p.comparison} />
      <CustomAreaMembers {...p} />
    </section>
  );
}

/**
 * The member LSOAs, keyed by code: an edit adds or removes one row instead of redrawing the list
 * (every row stays in the page, so find-in-page and screen readers see the whole list).
 */
function CustomAreaMembers(p: Pick<CustomAreaProfileProps, 'members' | 'lsoaName' | 'onRemove' | 'onSelectLsoa'>) {
  return (
    <>
      <h4 class="profile__subtitle">Member LSOAs ({p.members.length})</h4>
      <ul class="custom-area__members" data-testid="custom-area-members">
        <For each={p.members}>
          {(code) => {
            const name = p.lsoaName(code);
            return (
              <li>
                <button type="button" class="link-button" onClick={() => p.onSelectLsoa(code)}>
                  {name}
                </button>{' '}
                <span class="profile__code">{code}</span>{' '}
                <button
                  type="button"
                  class="button button--secondary button--small"
                  onClick={() => p.onRemove(code)}
                  aria-label={`Remove ${name} from the area`}
                >
                  Remove
                </button>
              </li>
            );
          }}
        </For>
      </ul>
    </>
  );
}

/** The area beside its wards, the council and England (the same profile() for each). */
function CustomAreaComparison(p: { rows: ComparisonRow[] }) {
  return (
    <Show when={p.rows.length > 0}>
      <table class="simple-table" data-testid="custom-area-comparison">
        <caption>Compared with its wards, the council and England</caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col">LSOAs</th>
            <th scope="col">In decile 1</th>
            <th scope="col">In the 1%</th>
            <th scope="col">Median rank</th>
            <th scope="col">Population</th>
          </tr>
        </thead>
        <tbody>
          <For each={p.rows}>
            {(r) => (
              <tr>
                <th scope="row">{r.label}</th>
                <td>{count(r.lsoas)}</td>
                <td>{pct(r.shareDecile1)}</td>
                <td>{pct(r.share1pc)}</td>
                <td>{count(r.medianRank)}</td>
                <td>{count(r.population)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <p class="controls__note">
        England: 10% of LSOAs are in decile 1 and 1% in the most deprived 1% by definition; its population is not in the
        atlas’s sources.
      </p>
    </Show>
  );
}
