import { createResource, createSignal, ErrorBoundary, onCleanup, onMount, Show } from 'solid-js';
import { loadFirstView, type FirstViewData } from './data/load';
import { LAYER_REGISTRY } from './domain/map-layers';
import { legendEntries, mapNotes } from './domain/map-layers/registry';
import { flagsApply, wardChoices } from './domain/view-model';
import { mapModelFor } from './map/atlas-model';
import { FIRST_CHOROPLETH_MARK } from './offline/register';
import { MapView } from './map/MapView';
import { preloadMap } from './map/preload';
import { AppHeader } from './panels/AppHeader';
import { BottomSheet, type SheetPanel } from './panels/BottomSheet';
import { ControlsRegion } from './panels/ControlsRegion';
import { DetailsRegion } from './panels/DetailsRegion';
import { createExports } from './panels/exports';
import { Legend } from './panels/Legend';
import { MapNotes } from './panels/MapNotes';
import { OnDemand } from './panels/OnDemand';
import { Tooltip } from './panels/Tooltip';
import { createAtlas, type Atlas as AtlasState } from './state/atlas';
import type { TableRow } from './domain/layer-table';
import { placeBox } from './domain/place-search';
import { venueTableRows } from './domain/venue-lists/venue-table';
import { heightMessage } from './state/embed-options';
import { serialiseSelection, serialiseState } from './state/url-state';

/** The panels a phone shows as bottom sheets, in the dock's order (src/panels/BottomSheet.tsx). */
const PHONE_PANELS: SheetPanel[] = [
  { id: 'controls-panel', label: 'Options' },
  { id: 'legend-panel', label: 'Legend' },
  { id: 'details', label: 'Details' },
];

export function App() {
  const [data] = createResource(() =>
    loadFirstView().then((d) => {
      performance.mark('atlas:data-ready');
      return d;
    }),
  );
  return (
    <ErrorBoundary
      fallback={(err: unknown) => (
        <p class="notice notice--error">The map could not start: {err instanceof Error ? err.message : String(err)}</p>
      )}
    >
      {/* No app-wide Suspense: resources that load later (details, venues, SPI) must never blank the page. */}
      <Show
        when={data()}
        fallback={
          <p class="loading" role="status">
            Loading the map data…
          </p>
        }
      >
        {(d) => <Atlas data={d()} />}
      </Show>
    </ErrorBoundary>
  );
}

/** An embedded page reports its height to the host page so it can size the iframe (only a number is sent). */
function reportEmbedHeight(): void {
  if (window.parent === window) return;
  let last = 0;
  const report = () => {
    const h = document.documentElement.scrollHeight;
    if (h === last) return;
    last = h;
    window.parent.postMessage(heightMessage(h), '*');
  };
  const ro = new ResizeObserver(report);
  ro.observe(document.body);
  report();
  onCleanup(() => ro.disconnect());
}

/** Page layout: regions, skip links and the live region. The state is src/state/atlas.ts; the rules are in src/domain. */
function Atlas(props: { data: FirstViewData }) {
  const atlas = createAtlas(props.data);
  const { state, update, embed } = atlas;
  const exports = createExports(atlas);
  const map = mapModelFor(atlas, () => performance.mark(FIRST_CHOROPLETH_MARK));
  const [aboutOpen, setAboutOpen] = createSignal(false);
  const [embedOpen, setEmbedOpen] = createSignal(false);
  // Search, ward list and legend render synchronously with this component: from here they work.
  onMount(() => {
    performance.mark('atlas:text-ui-ready');
    void preloadMap();
    if (embed.embed) reportEmbedHeight();
  });

  return (
    <div class="app">
      <a class="skip-link" href={embed.embed ? '#map-area' : '#search-input'}>
        {embed.embed ? 'Skip to the map' : 'Skip to search'}
      </a>
      <a class="skip-link" href="#details">
        Skip to area details
      </a>
      <AppHeader
        embed={embed.embed}
        tableShown={state().table}
        aboutOpen={aboutOpen()}
        mapReady={atlas.map() !== null}
        onToggleTable={() => update({ table: !state().table })}
        onToggleAbout={() => setAboutOpen(!aboutOpen())}
        onSavePng={() => void exports.png()}
        onEmbed={() => setEmbedOpen(true)}
      />
      <Show when={embedOpen()}>
        {/* The embed dialog, the table and the briefing load when first opened: the first view never needs them. */}
        <EmbedArea atlas={atlas} onClose={() => setEmbedOpen(false)} />
      </Show>

      <main
        class="layout"
        classList={{ 'layout--embed': embed.embed, 'layout--no-controls': embed.embed && !embed.controls }}
      >
        <Show when={!embed.embed || embed.controls}>
          <ControlsRegion atlas={atlas} />
        </Show>

        <Show when={state().table}>
          <TableArea atlas={atlas} onDownload={(rows) => void exports.table(rows)} />
        </Show>
        <section
          id="map-area"
          class="map-area"
          classList={{ 'map-area--behind-table': state().table }}
          aria-label="Map"
          tabindex="-1"
        >
          <Show when={atlas.notice()}>
            <p class="notice" role="status">
              {atlas.notice()}
            </p>
          </Show>
          <div class="map-frame">
            <MapView model={map.model} events={map.events} />
            <Tooltip content={atlas.tooltip()} />
          </div>
          <div id="legend-panel" class="legend-panel" tabindex="-1">
            <Legend
              model={atlas.legend()}
              layers={legendEntries(LAYER_REGISTRY, atlas.options().layers, flagsApply(atlas.colouring()))}
              areaNoun={atlas.colouring().target === 'wards' ? 'wards' : 'LSOAs'}
            />
            <MapNotes layerNotes={mapNotes(LAYER_REGISTRY, props.data.metadata)} />
          </div>
        </section>

        <DetailsRegion
          atlas={atlas}
          aboutOpen={aboutOpen()}
          onCloseAbout={() => setAboutOpen(false)}
          onWardExport={(code) => void exports.ward(code)}
        />
      </main>
      <Show when={(state().brief && atlas.selection.ward() !== null) || atlas.customArea.briefing()}>
        <OnDemand load={() => import('./panels/BriefingRegion')} loading="Loading the briefing…">
          {(m) => <m.BriefingRegion atlas={atlas} />}
        </OnDemand>
      </Show>
      <Show when={!embed.embed}>
        <BottomSheet
          panels={PHONE_PANELS}
          showPanel={() =>
            aboutOpen()
              ? { id: 'details', key: 'about' }
              : state().selection
                ? { id: 'details', key: serialiseSelection(state().selection) ?? '' }
                : null
          }
        />
      </Show>
      <div class="sr-only" aria-live="polite" data-testid="live-region">
        {atlas.announcement()}
      </div>
      <Show when={atlas.map() === null}>
        <span class="sr-only" data-testid="map-loading">
          The map is loading; search, lists and the legend already work.
        </span>
      </Show>
    </div>
  );
}

/** The table view of the map layer, with the shown imported venues as a second table (loaded when first opened). */
function TableArea(props: { atlas: AtlasState; onDownload: (rows: TableRow[]) => void }) {
  const atlas = props.atlas;
  const wardOfLsoa = (code: string) => {
    const ward = atlas.index().lsoa21.get(code)?.properties.ward;
    return ward ? atlas.wardName(ward) : 'not known';
  };
  return (
    <section class="table-area">
      <OnDemand load={() => import('./panels/TableView')} loading="Loading the table…">
        {(m) => (
          <m.TableView
            table={atlas.table.model()}
            filter={atlas.table.filter()}
            wards={wardChoices(atlas.data.wards)}
            flagsApply={flagsApply(atlas.colouring())}
            onFilter={atlas.table.setFilter}
            onSelect={(kind, code) => atlas.selection.select(kind, code)}
            onDownload={props.onDownload}
            onClose={() => atlas.update({ table: false })}
            venues={venueTableRows(atlas.venueLists.withLists(), wardOfLsoa)}
            onSelectVenue={(id) => {
              const v = atlas.venueLists.byId().get(id)?.venue;
              atlas.venueLists.select(id);
              if (!v) return;
              atlas.selection.fitTo(placeBox(v.lonLat));
              atlas.announce(`Selected ${v.name}: its details are in the venue lists panel.`);
            }}
          />
        )}
      </OnDemand>
    </section>
  );
}

/** The embed dialog, loaded when first opened. */
function EmbedArea(props: { atlas: AtlasState; onClose: () => void }) {
  const atlas = props.atlas;
  return (
    <OnDemand load={() => import('./panels/EmbedDialog')} loading="Loading the embed options…">
      {(m) => (
        <m.EmbedDialog
          stateQuery={serialiseState({ ...atlas.state(), camera: null, table: false }).replace(/^\?/, '')}
          layers={atlas.options().layers}
          selection={atlas.state().selection}
          selectionName={atlas.selection.ward()?.properties.name ?? atlas.selection.lsoa()?.properties.name ?? null}
          defaultTitle={`Map: ${atlas.colouring().description}`}
          onClose={props.onClose}
        />
      )}
    </OnDemand>
  );
}
