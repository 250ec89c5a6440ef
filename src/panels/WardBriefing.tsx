import { PRIORITY_WARDS } from '../data/priority-areas';
import { For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { COUNCIL } from '../data/council';
import type { DataMetadata } from '../data/contract';
import type { InterventionProperties } from '../data/content-contract';
import type { WardBriefingModel } from '../domain/briefing';
import { typeStyle } from '../domain/interventions';
import { BriefingFigure } from './BriefingFigure';
import { areaMeasureRows, areaMeasuresSentence, ordinal } from '../domain/standing';
import { loadedStanding, useStanding } from '../state/standing-store';
import { StandingHeadline } from './CouncilStanding';

export interface WardBriefingProps {
  model: WardBriefingModel;
  /** The ward's LSOAs 2021 with their values, for the IoD summary measures (absent: no standing section). */
  measureLsoas?: readonly Readonly<Record<string, unknown>>[];
  metadata: DataMetadata;
  /** What is running in the ward (null while the interventions are still loading). */
  running: InterventionProperties[] | null;
  priority: boolean;
  /** The SPI scorecard when SPI data is loaded. */
  scorecard?: JSX.Element;
  onClose: () => void;
  /** Set for your own area's briefing (issue 23): its rule replaces the ward's line; no ward position. */
  area?: { rule: string };
}

const longDate = (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const count = (n: number | null) => (n === null ? 'not available' : n.toLocaleString('en-GB'));
const changeText = (c: number | null) =>
  c === null ? 'boundary changed' : c === 0 ? 'no change' : `${c > 0 ? '+' : '−'}${Math.abs(c)}`;

const capitalise = (t: string): string => `${t.charAt(0).toUpperCase()}${t.slice(1)}`;

/**
 * The ward briefing: a document of at most two A4 pages a councillor can hand out — its own layout, not
 * the screen in print styles. On screen it is a preview with Print and Close; printing prints only it.
 */
export function WardBriefing(p: WardBriefingProps) {
  let heading: HTMLHeadingElement | undefined;
  onMount(() => {
    document.documentElement.classList.add('briefing-open');
    heading?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') p.onClose();
    };
    document.addEventListener('keydown', onKey);
    onCleanup(() => {
      document.removeEventListener('keydown', onKey);
      document.documentElement.classList.remove('briefing-open');
    });
  });
  return (
    <div class="briefing-layer" data-testid="ward-briefing">
      <div class="briefing-toolbar" role="toolbar" aria-label={p.area ? 'Area briefing' : 'Ward briefing'}>
        <button type="button" class="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <button type="button" class="button button--secondary" onClick={() => p.onClose()}>
          Close the briefing
        </button>
      </div>
      <article class="briefing" aria-labelledby="briefing-title">
        <BriefingHead {...p} heading={(el) => (heading = el)} />

        <BriefingFactsSection {...p} />

        <BriefingStanding {...p} />

        <BriefingFigure model={p.model} area={p.area !== undefined} />

        <BriefingLsoaTable model={p.model} />

        <BriefingRunning running={p.running} area={p.area !== undefined} />

        <Show when={p.scorecard}>
          <section class="briefing__section briefing__spi">{p.scorecard}</section>
        </Show>

        <BriefingFooter metadata={p.metadata} />
      </article>
    </div>
  );
}

/** The title block: the ward's name and code (or the area's rule), its committee and whether it is a priority ward. */
function BriefingHead(p: WardBriefingProps & { heading: (el: HTMLHeadingElement) => void }) {
  return (
    <header class="briefing__head">
      <p class="briefing__kicker">
        {p.area ? 'Area briefing' : 'Ward briefing'} · {p.metadata.area.name}
      </p>
      <h1 id="briefing-title" class="briefing__title" tabindex="-1" ref={p.heading}>
        {p.model.name}
      </h1>
      <Show
        when={p.area}
        fallback={
          <p class="briefing__sub">
            Electoral ward {p.model.code} ({COUNCIL.wardMethod?.vintage ?? 'December 2024'} boundaries)
            {p.model.committee ? ` · ${p.model.committee} Community Committee` : ''}
            {p.priority ? ` · one of the ${PRIORITY_WARDS.length} priority wards` : ''}
          </p>
        }
      >
        <p class="briefing__sub">
          An area defined in the atlas, of {p.model.lsoas.length} LSOAs 2021. {p.area?.rule}
        </p>
      </Show>
    </header>
  );
}

/** The council in England and the ward's IoD summary measures (File 10's method), when the LSOAs are given. */
function BriefingStanding(p: WardBriefingProps) {
  const release = () => p.metadata.releases.find((r) => r.id === '2025');
  const standing = useStanding();
  return (
    <Show when={p.measureLsoas && release()}>
      {(r) => (
        <section
          class="briefing__note"
          data-testid="briefing-standing"
          aria-label={`The ward and ${p.metadata.area.name} in England`}
        >
          <StandingHeadline testId="briefing-standing-headline" />
          <p data-testid="briefing-measures">
            This ward, by the method of IoD 2025 File 10 (council’s published figure in brackets):{' '}
            {areaMeasuresSentence(areaMeasureRows(p.measureLsoas ?? [], r().nationalCount, loadedStanding(standing())))}
          </p>
        </section>
      )}
    </Show>
  );
}

/** The key facts: people, deprived LSOAs, IoD 2019 and the ward's position, and the change since 2019. */
function BriefingFactsSection(p: WardBriefingProps) {
  const f = () => p.model.facts;
  return (
    <section class="briefing__facts" aria-label="Key facts">
      <dl>
        <div>
          <dt>Population</dt>
          <dd data-testid="briefing-population">
            {f().population === null ? 'Not in the sources' : count(f().population)}
          </dd>
        </div>
        <div>
          <dt>{capitalise(f().people?.figures.children.what ?? 'children')}</dt>
          <dd>{f().children === null ? 'Not in the sources' : count(f().children)}</dd>
        </div>
        <div>
          <dt>LSOAs in the most deprived 10% in England</dt>
          <dd>
            {count(f().inDecile1)} of {f().lsoas}
          </dd>
        </div>
        <div>
          <dt>LSOAs in the most deprived 1%</dt>
          <dd>
            {f().in1pc} of {f().lsoas}
          </dd>
        </div>
        <Show when={!p.area}>
          <div>
            <dt>Most deprived 10%, IoD 2019</dt>
            <dd>
              {f().inDecile1In2019 === null
                ? 'not available'
                : `${f().inDecile1In2019} of ${count(f().lsoas2019)} (LSOA 2011)`}
            </dd>
          </div>
          <div>
            <dt>Position among {f().position.of} wards</dt>
            <dd>
              {f().position.byShareInDecile1 === null
                ? 'not available'
                : `${ordinal(f().position.byShareInDecile1!)} by share in the most deprived 10%`}
              <Show when={f().position.byMedianRank !== null}>
                <br />
                {ordinal(f().position.byMedianRank!)} by median IMD rank
              </Show>
            </dd>
          </div>
        </Show>
      </dl>
      <p class="briefing__note">
        Change 2019 → 2025 (IMD decile, LSOAs whose boundary did not change): {f().change.moreDeprived} more deprived,{' '}
        {f().change.same} the same, {f().change.lessDeprived} less deprived; {f().change.notComparable} not comparable
        (boundary changed in 2021).
        <Show when={f().people}>{(d) => ` People figures: ${d().source}.`}</Show>
        <Show when={f().population === null}>
          {' '}
          Population figures (IoD 2025 File 7 or Census 2021) are not in the sources this atlas was built from for every
          LSOA of this ward.
        </Show>
      </p>
    </section>
  );
}

/** The ward's LSOAs, numbered as on the map. */
function BriefingLsoaTable(p: { model: WardBriefingModel }) {
  const hasPopulation = () => p.model.lsoas.some((l) => l.population !== null);
  return (
    <section class="briefing__section">
      <h2>LSOAs in {p.model.name}</h2>
      <table class="briefing__table">
        <thead>
          <tr>
            <th scope="col">No.</th>
            <th scope="col">LSOA</th>
            <th scope="col">IMD decile</th>
            <th scope="col">National rank</th>
            <th scope="col">Change since 2019</th>
            <Show when={hasPopulation()}>
              <th scope="col">Population</th>
            </Show>
          </tr>
        </thead>
        <tbody>
          <For each={p.model.lsoas}>
            {(l) => (
              <tr>
                <td>{l.n}</td>
                <th scope="row">
                  {l.name} <span class="briefing__code">{l.code}</span>
                  {l.flag ? ` · most deprived ${l.flag}` : ''}
                </th>
                <td>{l.decile ?? '—'}</td>
                <td>{l.rank?.toLocaleString('en-GB') ?? '—'}</td>
                <td>{changeText(l.change)}</td>
                <Show when={hasPopulation()}>
                  <td>{l.population?.toLocaleString('en-GB') ?? '—'}</td>
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}

/** What the atlas's sources place in the ward or area. */
function BriefingRunning(p: { running: InterventionProperties[] | null; area: boolean }) {
  return (
    <section class="briefing__section">
      <h2>What is running in the {p.area ? 'area' : 'ward'}</h2>
      <Show when={p.running} fallback={<p>Loading what is running…</p>}>
        {(items) => (
          <Show
            when={items().length > 0}
            fallback={<p>Nothing in the atlas’s sources is placed in this {p.area ? 'area' : 'ward'}.</p>}
          >
            <ul class="briefing__running">
              <For each={items()}>
                {(v) => (
                  <li>
                    <strong>{v.name}</strong> ({typeStyle(v.type).label}
                    {v.start ? `, ${v.start}${v.end ? `–${v.end}` : ''}` : ''}).{' '}
                    <span class="briefing__source">Source: {v.source}</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </section>
  );
}

/** When, from which release and sources, with the attribution. */
function BriefingFooter(p: { metadata: DataMetadata }) {
  const release = () => p.metadata.releases.find((r) => r.id === '2025');
  return (
    <footer class="briefing__foot">
      <p>
        Prepared {longDate(new Date())} with Neighbourhood Atlas. Release:{' '}
        {release()?.title ?? 'English Indices of Deprivation 2025'}
        {release() ? `, published ${longDate(new Date(release()!.published))}` : ''}. LSOA: Lower-layer Super Output
        Area (about 1,500 people).
      </p>
      <p>Sources: {p.metadata.sources.map((s) => `${s.title} (${s.publisher}, ${s.licence})`).join('; ')}.</p>
      <p>{p.metadata.attribution.join(' ')}</p>
    </footer>
  );
}
