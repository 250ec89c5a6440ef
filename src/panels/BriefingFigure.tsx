import { For, Show } from 'solid-js';
import type { WardBriefingModel } from '../domain/briefing';
import { shapePath } from '../domain/venue-shapes';
import { VenueKeyIcon } from './VenueKeyIcon';

/** A venue mark's box on the briefing map, in SVG units (about 5 mm printed). */
const VENUE_MARK = 16;

/** The map with its key: deciles, outlines, and the imported venues drawn (their categories, lists, approximation). */
export function BriefingFigure(p: { model: WardBriefingModel; area: boolean }) {
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
      <NorthArrow x={m().width - 34} />
      <ScaleBar y={m().height - 14} length={m().scaleBar.length} label={m().scaleBar.label} />
    </svg>
  );
}

/** The north arrow, in a white box at the map's top right. */
function NorthArrow(p: { x: number }) {
  return (
    <g transform={`translate(${p.x} 12)`} aria-hidden="true">
      <rect x="-4" y="-4" width="30" height="46" fill="#fff" stroke="#000" stroke-width="0.8" />
      <path d="M11 2 L19 28 L11 22 L3 28 Z" fill="#000" />
      <text class="briefing-map__text" x="11" y="39" text-anchor="middle">
        N
      </text>
    </g>
  );
}

/** The scale bar at the map's bottom left: two halves, black then white, labelled 0 and its length. */
function ScaleBar(p: { y: number; length: number; label: string }) {
  return (
    <g transform={`translate(12 ${p.y})`} aria-hidden="true">
      <rect x="-4" y="-16" width={p.length + 8} height="24" fill="#fff" fill-opacity="0.9" />
      <rect x="0" y="0" width={p.length / 2} height="5" fill="#000" />
      <rect x={p.length / 2} y="0" width={p.length / 2} height="5" fill="#fff" stroke="#000" stroke-width="0.8" />
      <text class="briefing-map__text" x="0" y="-4">
        0
      </text>
      <text class="briefing-map__text" x={p.length} y="-4" text-anchor="end">
        {p.label}
      </text>
    </g>
  );
}
