import { PRIORITY_WARDS } from '../data/priority-areas';
import { For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { COUNCIL } from '../data/council';
import type { DataMetadata } from '../data/contract';
import type { InterventionProperties } from '../data/content-contract';
import type { WardBriefingModel } from '../domain/briefing';
import { typeStyle } from '../domain/interventions';
import { shapePath } from '../domain/venue-shapes';
import { VenueKeyIcon } from './VenueKeyIcon';
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

/** A venue mark's box on the briefing map, in SVG units (about 5 mm printed). */
const VENUE_MARK = 16;

const longDate = (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const count = (n: number | null) => (n === null ? 'not available' : n.toLocaleString('en-GB'));
const changeText = (c: number | null) =>
  c === null ? 'boundary changed' : c === 0 ? 'no change' : `${c > 0 ? '+' : '−'}${Math.abs(c)}`;

/** The map of the ward for print: vector (SVG), so it prints at the printer's full resolution. */
function BriefingMap(p: { model: WardBriefingModel }) {
  const m = () => p.model.map;
  return (
    <svg
      class="briefing-map__svg"
      viewBox={`0 0 ${m().width} ${m().height}`}
      role="img"
      aria-labelledby="briefing-map-title"
    >
      <title id="briefing-map-title">
        Map of {p.model.name}: its {p.model.lsoas.length} LSOAs coloured by national IMD decile (IoD 2025), numbered as
        in the list{m().venues.marks.length > 0 ? `, with ${m().venues.marks.length} venues of your lists` : ''}.
      </title>
      <defs>
        <pattern id="briefing-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#d9d9d9" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#777" stroke-width="1.5" />
        </pattern>
      </defs>
      <rect width={m().width} height={m().height} fill="#f2efe9" />
      <For each={m().context}>{(d) => <path d={d} fill="#e3e1dc" stroke="#ffffff" stroke-width="0.8" />}</For>
      <For each={m().lsoas}>
        {(l) => (
          <path
            d={l.path}
            fill={l.fill ?? 'url(#briefing-hatch)'}
            fill-rule="evenodd"
            stroke="#ffffff"
            stroke-width="0.8"
          />
        )}
      </For>
      <For each={m().lsoas.filter((l) => l.flag === '10%')}>
        {(l) => <path d={l.path} fill="none" stroke="#000" stroke-width="1.6" stroke-dasharray="5 3" />}
      </For>
      <For each={m().lsoas.filter((l) => l.flag === '1%')}>
        {(l) => (
          <>
            <path d={l.path} fill="none" stroke="#fff" stroke-width="5" />
            <path d={l.path} fill="none" stroke="#d7191c" stroke-width="3" />
          </>
        )}
      </For>
      <path d={m().wardOutline} fill="none" stroke="#fff" stroke-width="6" />
      <path d={m().wardOutline} fill="none" stroke="#000" stroke-width="3" />
      <For each={m().lsoas.filter((l) => l.label !== null)}>
        {(l) => (
          <g transform={`translate(${l.label![0].toFixed(1)} ${l.label![1].toFixed(1)})`}>
            <circle r="9" fill="#fff" stroke="#000" stroke-width="1" />
            <text class="briefing-map__label" text-anchor="middle" dy="3.5">
              {l.n}
            </text>
          </g>
        )}
      </For>
      <For each={m().venues.marks}>
        {(v) => (
          <path
            class="briefing-map__venue"
            data-venue={v.id}
            d={shapePath(v.style.shape, VENUE_MARK)}
            transform={`translate(${(v.x - VENUE_MARK / 2).toFixed(1)} ${(v.y - VENUE_MARK / 2).toFixed(1)})`}
            fill={v.style.shape === 'ring' ? 'none' : v.style.colour}
            stroke={v.style.shape === 'ring' ? v.style.colour : '#1a1a1a'}
            stroke-width={v.style.shape === 'ring' ? 2.5 : 1}
          >
            <title>{v.name}</title>
          </path>
        )}
      </For>
      <g transform={`translate(${m().width - 34} 12)`} aria-hidden="true">
        <rect x="-4" y="-4" width="30" height="46" fill="#fff" stroke="#000" stroke-width="0.8" />
        <path d="M11 2 L19 28 L11 22 L3 28 Z" fill="#000" />
        <text class="briefing-map__text" x="11" y="39" text-anchor="middle">
          N
        </text>
      </g>
      <g transform={`translate(12 ${m().height - 14})`} aria-hidden="true">
        <rect x="-4" y="-16" width={m().scaleBar.length + 8} height="24" fill="#fff" fill-opacity="0.9" />
        <rect x="0" y="0" width={m().scaleBar.length / 2} height="5" fill="#000" />
        <rect
          x={m().scaleBar.length / 2}
          y="0"
          width={m().scaleBar.length / 2}
          height="5"
          fill="#fff"
          stroke="#000"
          stroke-width="0.8"
        />
        <text class="briefing-map__text" x="0" y="-4">
          0
        </text>
        <text class="briefing-map__text" x={m().scaleBar.length} y="-4" text-anchor="end">
          {m().scaleBar.label}
        </text>
      </g>
    </svg>
  );
}

/**
 * The ward briefing: a document of at most two A4 pages a councillor can hand out — its own layout, not
 * the screen in print styles. On screen it is a preview with Print and Close; printing prints only it.
 */
const capitalise = (t: string): string => `${t.charAt(0).toUpperCase()}${t.slice(1)}`;

export function WardBriefing(p: WardBriefingProps) {
  let heading: HTMLHeadingElement | undefined;
  const release = () => p.metadata.releases.find((r) => r.id === '2025');
  const standing = useStanding();
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
        <header class="briefing__head">
          <p class="briefing__kicker">
            {p.area ? 'Area briefing' : 'Ward briefing'} · {p.metadata.area.name}
          </p>
          <h1 id="briefing-title" class="briefing__title" tabindex="-1" ref={heading}>
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

        <BriefingFactsSection {...p} />

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
                {areaMeasuresSentence(
                  areaMeasureRows(p.measureLsoas ?? [], r().nationalCount, loadedStanding(standing())),
                )}
              </p>
            </section>
          )}
        </Show>

        <BriefingFigure {...p} />

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

/** The map with its key: deciles, outlines, and the imported venues drawn (their categories, lists, approximation). */
function BriefingFigure(p: WardBriefingProps) {
  const venues = () => p.model.map.venues;
  return (
    <figure class="briefing-map">
      <BriefingMap model={p.model} />
      <figcaption class="briefing-legend">
        <strong>IMD 2025 national decile — LSOAs in this {p.area ? 'area' : 'ward'}</strong>
        <ul>
          <For each={p.model.legend}>
            {(row) => (
              <li>
                <span
                  class="briefing-legend__swatch"
                  classList={{ 'briefing-legend__swatch--none': row.colour === null }}
                  style={row.colour ? { 'background-color': row.colour } : {}}
                />
                {row.label}: {row.count}
              </li>
            )}
          </For>
          <li>
            <span class="briefing-legend__line briefing-legend__line--p1" /> most deprived 1%
          </li>
          <li>
            <span class="briefing-legend__line briefing-legend__line--p10" /> most deprived 10%
          </li>
        </ul>
        <Show when={venues().marks.length > 0}>
          <strong>Venues from your lists: {venues().lists.join(', ')}</strong>
          <ul data-testid="briefing-venue-key">
            <For each={venues().key}>
              {(k) => (
                <li>
                  <VenueKeyIcon style={k} size={14} /> {k.label}: {k.count}
                </li>
              )}
            </For>
          </ul>
          <p class="briefing__note" data-testid="briefing-venue-note">
            Imported in this browser, not published data.
            {venues().approximate > 0
              ? ` ${venues().approximate} of ${venues().marks.length} placed by postcode centroid — approximate.`
              : ''}
          </p>
        </Show>
      </figcaption>
    </figure>
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
