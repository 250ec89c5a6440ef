import { createEffect, createSignal, For, Show } from 'solid-js';
import type { Feature } from 'geojson';
import { NEIGHBOURHOODS } from '../data/priority-areas';
import { centroidOf, type LonLat } from '../domain/area-set';
import { ruleShape } from '../domain/custom-area/area-outline';
import { wardChoices } from '../domain/view-model';
import { nationalCount } from '../domain/profile';
import type { Atlas } from '../state/atlas';
import { CustomAreaMethods } from './CustomAreaMethods';
import { CustomAreaProfile } from './CustomAreaProfile';
import { customAreaDownloads } from './custom-area-downloads';

/** The shape on the map: the polygon being drawn, else the area's own shape (drawn polygon or circle). */
function drawnShape(ring: readonly LonLat[], fallback: Feature | null): Feature | null {
  if (ring.length >= 3)
    return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] } };
  if (ring.length === 2)
    return { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [...ring] } };
  return fallback;
}

/** Your own area (issue 23): start, define, name, keep, share and export it. Loaded on demand. */
export default function CustomAreaSection(props: { atlas: Atlas }) {
  const a = props.atlas;
  const s = a.customArea;
  const [ward, setWard] = createSignal(wardChoices(a.data.wards)[0]?.code ?? '');
  const [neighbourhood, setNeighbourhood] = createSignal(NEIGHBOURHOODS[0]?.id ?? '');
  const [copied, setCopied] = createSignal<string | null>(null);
  const lsoa = (code: string) => a.index().lsoa21.get(code);
  const lsoaName = (code: string) => lsoa(code)?.properties.name ?? code;
  const shareUrl = () => {
    const link = s.link();
    if (!link) return null;
    const u = new URL(window.location.href);
    u.searchParams.set('area', link);
    u.searchParams.set('aname', (s.area()?.label ?? '').slice(0, 60));
    return u.toString();
  };

  createEffect(() => {
    const area = s.area();
    const drawing = s.tool() === 'draw' ? s.ring() : [];
    s.setOverlay({ circle: drawnShape(drawing, area ? ruleShape(area) : null), codes: area?.lsoaCodes ?? [] });
  });

  const { downloadCsv, downloadGeoJson, downloadEntry } = customAreaDownloads(a, lsoa);
  const copyLink = async () => {
    const url = shareUrl();
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Link copied.');
    } catch {
      setCopied('Copy the link from the box above (the browser did not allow copying).');
    }
  };

  return (
    <section class="custom-area" aria-labelledby="custom-area-title" data-testid="custom-area-panel">
      <h2 id="custom-area-title" class="controls__heading">
        Your own area
      </h2>
      <button
        type="button"
        class="button button--secondary"
        aria-expanded={s.open()}
        aria-controls="custom-area-body"
        onClick={() => {
          s.setOpen(!s.open());
          s.setTool('none');
        }}
      >
        {s.open() ? 'Close your own area' : 'Define your own area'}
      </button>
      <div id="custom-area-body" hidden={!s.open()}>
        <div class="controls__group">
          <button type="button" class="button" onClick={() => s.start({ kind: 'empty' })}>
            Start an empty area
          </button>
          <label class="controls__label" for="custom-area-ward">
            Or start from a ward
          </label>
          <select id="custom-area-ward" value={ward()} onChange={(e) => setWard(e.currentTarget.value)}>
            <For each={wardChoices(a.data.wards)}>{(w) => <option value={w.code}>{w.name}</option>}</For>
          </select>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => s.start({ kind: 'ward', code: ward() })}
          >
            Start from this ward
          </button>
          <Show when={NEIGHBOURHOODS.length > 0}>
            <label class="controls__label" for="custom-area-neighbourhood">
              Or from a priority neighbourhood (approximate)
            </label>
            <select
              id="custom-area-neighbourhood"
              value={neighbourhood()}
              onChange={(e) => setNeighbourhood(e.currentTarget.value)}
            >
              <For each={NEIGHBOURHOODS}>{(n) => <option value={n.id}>{n.name}</option>}</For>
            </select>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => s.start({ kind: 'neighbourhood', id: neighbourhood() })}
            >
              Start from this neighbourhood
            </button>
          </Show>
        </div>
        <Show when={s.saved().length > 0}>
          <h3 class="profile__subtitle">Kept in this browser</h3>
          <ul data-testid="custom-area-saved">
            <For each={s.saved()}>
              {(x) => (
                <li>
                  <button type="button" class="link-button" onClick={() => s.openSaved(x.id)}>
                    {x.name}
                  </button>{' '}
                  ({x.lsoaCodes.length} LSOAs){' '}
                  <button
                    type="button"
                    class="button button--secondary button--small"
                    aria-label={`Delete ${x.name}`}
                    onClick={() => s.removeSaved(x.id)}
                  >
                    Delete
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={s.storageMessage()}>
          <p class="notice" role="status">
            {s.storageMessage()}
          </p>
        </Show>
        <Show when={s.area()}>
          {(area) => (
            <>
              <label class="controls__label" for="custom-area-name">
                Name
              </label>
              <input
                id="custom-area-name"
                type="text"
                maxLength={120}
                value={area().label}
                onChange={(e) => s.rename(e.currentTarget.value)}
              />
              <CustomAreaMethods
                store={s}
                lookupPostcode={a.lookupPostcode}
                lsoaName={lsoaName}
                lsoaCentre={(c) => {
                  const f = lsoa(c);
                  return f ? centroidOf(f) : null;
                }}
              />
              <div class="controls__group">
                <button type="button" class="button" onClick={s.save}>
                  Keep in this browser
                </button>{' '}
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={downloadCsv}
                  disabled={area().lsoaCodes.length === 0}
                >
                  Download member list (CSV)
                </button>{' '}
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={downloadGeoJson}
                  disabled={area().lsoaCodes.length === 0}
                >
                  Download outline (GeoJSON)
                </button>{' '}
                <button
                  type="button"
                  id="custom-area-briefing-button"
                  class="button button--secondary"
                  onClick={() => s.setBriefing(true)}
                  disabled={area().lsoaCodes.length === 0}
                >
                  Area briefing (print or PDF)
                </button>
                <Show when={s.basedOn()}>
                  {' '}
                  <button type="button" class="button button--secondary" onClick={downloadEntry}>
                    Download as a content-file neighbourhood entry (JSON)
                  </button>
                  <p class="controls__note">
                    For the council’s content file (content/&lt;council code&gt;/priority-areas.json), replacing the
                    approximate default; the entry states how it was made.
                  </p>
                </Show>
              </div>
              <Show when={shareUrl()}>
                <label class="controls__label" for="custom-area-link">
                  Link to this area
                </label>
                <input
                  id="custom-area-link"
                  type="text"
                  readOnly
                  value={shareUrl() ?? ''}
                  data-testid="custom-area-link"
                />
                <button type="button" class="button button--secondary" onClick={() => void copyLink()}>
                  Copy link
                </button>
                <Show when={copied()}>
                  <span role="status"> {copied()}</span>
                </Show>
              </Show>
              <Show when={s.profile()}>
                {(f) => (
                  <CustomAreaProfile
                    name={area().label}
                    profile={f()}
                    comparison={s.comparison()}
                    members={area().lsoaCodes.map((code) => ({ code, name: lsoaName(code) }))}
                    onRemove={s.toggle}
                    onSelectLsoa={(code) => a.selection.select('lsoa', code)}
                    measures={{
                      lsoas: area().lsoaCodes.flatMap((code) => {
                        const x = lsoa(code);
                        return x ? [x.properties] : [];
                      }),
                      nationalCount: nationalCount(a.data.metadata, '2025'),
                      changeCounts: {
                        from: nationalCount(a.data.metadata, '2019'),
                        to: nationalCount(a.data.metadata, '2025'),
                      },
                    }}
                  />
                )}
              </Show>
            </>
          )}
        </Show>
      </div>
    </section>
  );
}
