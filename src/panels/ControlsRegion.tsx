import { For, lazy, Show, Suspense } from 'solid-js';
import { PRIORITY_WARD_CODES } from '../data/priority-areas';
import { LAYER_REGISTRY } from '../domain/map-layers';
import { controlEntries, withLayer } from '../domain/map-layers/registry';
import { yearsIn } from '../domain/interventions';
import { wardChoices } from '../domain/view-model';
import type { Atlas } from '../state/atlas';
import { ControlPanel } from './ControlPanel';
import { OnDemand } from './OnDemand';
import { SearchBox } from './SearchBox';

// Panels that only some visitors open load on demand, keeping the first view small.
const OutreachSection = lazy(() => import('./OutreachSection'));
const CustomAreaSection = lazy(() => import('./CustomAreaSection'));

/** The controls column: search, map controls, SPI, interventions, outreach planning and the ward list. */
export function ControlsRegion(props: { atlas: Atlas }) {
  const a = props.atlas;
  const { state, embed } = a;
  const sel = a.selection;
  return (
    <>
      {/* Search has its own place above the map (on phones it stays on screen while the controls are a sheet). */}
      <Show when={!embed.embed}>
        <div class="search-bar">
          <SearchBox
            entries={[...a.searchEntries(), ...a.venueLists.searchEntries()]}
            onSelect={(e) => {
              if (e.kind === 'venue') sel.selectVenue(e.id);
              else if (e.kind === 'place') a.goToPlace(e);
              else if (e.kind === 'list-venue') {
                // An imported venue's profile is in the venue-lists panel; the map moves to the venue.
                a.venueLists.select(e.id);
                a.goToPlace(e);
              } else sel.select(e.kind, e.id);
            }}
            lookupPostcode={a.lookupPostcode}
            onPostcode={(r) => sel.select('lsoa', r.lsoaCode)}
          />
        </div>
      </Show>
      <aside id="controls-panel" class="panel panel--controls" aria-label="Map controls" tabindex="-1">
        <ControlPanel
          state={state()}
          locked={embed.lock}
          metadata={a.data.metadata}
          onChange={a.changeView}
          layers={controlEntries(LAYER_REGISTRY, a.data.metadata)}
          shown={a.options().layers}
          onLayer={(id, on) => a.updateOptions({ layers: withLayer(a.options().layers, id, on) })}
        />
        <Show when={state().view === 'spi'}>
          {/* Shown only in the SPI view, so its code loads when that view is first chosen. */}
          <OnDemand load={() => import('./SpiPanel')} loading="Loading the SPI panel…">
            {(m) => (
              <m.SpiPanel
                data={a.spi.data()}
                wards={a.data.wards.features.map((w) => ({ code: w.properties.code, name: w.properties.name }))}
                measure={a.spi.measure()}
                year={a.spi.year()}
                onData={a.setSpiData}
                onMeasure={a.spi.setMeasure}
                onYear={a.spi.setYear}
                storageNotice={a.spi.storageNotice()}
              />
            )}
          </OnDemand>
        </Show>
        <Show when={!embed.embed}>
          <Show when={a.venues.collection()}>
            {(iv) => (
              // The list's code loads with the interventions file, after the first view.
              <OnDemand load={() => import('./InterventionsPanel')} loading="Loading the interventions…">
                {(m) => (
                  <m.InterventionsPanel
                    items={a.venues.filtered()}
                    total={iv().features.length}
                    unplaced={iv().unplaced}
                    cityWide={iv().cityWide}
                    years={yearsIn(iv().features.map((f) => f.properties))}
                    filter={a.venues.filter()}
                    shown={a.venues.shown()}
                    onShown={a.venues.setShown}
                    onFilter={a.venues.setFilter}
                    onSelect={sel.selectVenue}
                    wardName={(code) => (code ? a.wardName(code) : 'ward not known')}
                  />
                )}
              </OnDemand>
            )}
          </Show>
          <Show
            when={a.deferred.detailsReady()}
            fallback={
              <p class="controls__note" data-testid="outreach-loading">
                Outreach planning is loading the areas’ population-weighted centres…
              </p>
            }
          >
            <Suspense fallback={<p class="controls__note">Loading outreach planning…</p>}>
              <OutreachSection
                lsoa21={a.deferred.lsoa21()}
                interventions={a.venues.collection()}
                centre={a.outreach.centre()}
                picking={a.outreach.picking()}
                onPick={() => a.outreach.setPicking(!a.outreach.picking())}
                wards={wardChoices(a.data.wards)}
                wardName={a.wardName}
                onSelectLsoa={(code) => sel.select('lsoa', code)}
                onOverlay={a.outreach.setOverlay}
                onAnnounce={a.announce}
                attribution={a.data.metadata.attribution}
                peopleDefinition={a.data.metadata.population?.used ?? null}
                lists={a.venueLists.lists()}
              />
            </Suspense>
            <Suspense fallback={<p class="controls__note">Loading your own area…</p>}>
              <CustomAreaSection atlas={a} />
            </Suspense>
          </Show>
          {/* After the first view: the panel's code and the stored lists are not part of its budget. */}
          <Show when={a.deferred.afterFirstView()}>
            <VenueListsSection atlas={a} />
          </Show>
          <WardBrowseList atlas={a} />
        </Show>
      </aside>
    </>
  );
}

/** Venue lists of the person's own: the panel's code and the stored lists load after the first view. */
function VenueListsSection(props: { atlas: Atlas }) {
  const a = props.atlas;
  const sel = a.selection;
  return (
    <OnDemand load={() => import('./VenueListsPanel')} loading="Loading venue lists…">
      {(m) => (
        <m.default
          store={a.venueLists}
          council={a.data.metadata.area}
          areas={a.data.lsoa21.features}
          lsoa21={a.deferred.detailsReady() ? a.deferred.lsoa21() : null}
          postcodeIndex={{
            districts: a.data.metadata.postcodeDistricts,
            splitDistricts: a.data.metadata.postcodeSplitDistricts ?? [],
          }}
          attribution={a.data.metadata.attribution}
          wardName={a.wardName}
          onSelectLsoa={(code) => sel.select('lsoa', code)}
          announce={a.announce}
        />
      )}
    </OnDemand>
  );
}

/** Every ward by name, with its priority badge: the keyboard and screen-reader path to a ward. */
function WardBrowseList(props: { atlas: Atlas }) {
  const a = props.atlas;
  const sel = a.selection;
  const wardsByName = () =>
    [...a.data.wards.features].sort((x, y) => x.properties.name.localeCompare(y.properties.name));
  return (
    <details class="ward-list">
      <summary>Browse all {a.data.wards.features.length} wards</summary>
      <ul>
        <For each={wardsByName()}>
          {(w) => (
            <li>
              <button type="button" class="link-button" onClick={() => sel.select('ward', w.properties.code)}>
                {w.properties.name}
              </button>
              <Show when={PRIORITY_WARD_CODES.has(w.properties.code)}>
                <span class="badge">priority ward</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </details>
  );
}
