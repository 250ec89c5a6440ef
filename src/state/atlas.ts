import { createMemo, createSignal, onMount, type Accessor } from 'solid-js';
import type { Feature } from 'geojson';
import type { FirstViewData, LoadedAreas } from '../data/load';
import { loadBuiltSites, loadContext, loadEnglandWards, loadPostcodeDistrict } from '../data/load';
import type { EnglandWardsFile } from '../data/england-wards-contract';
import type { ContextData } from '../data/contract';
import type { GeographyId } from '../data/geographies';
import { placeBox, placeSearchEntries } from '../domain/place-search';
import { PRIORITY_WARD_CODES } from '../data/priority-areas';
import { buildAreaIndex, type AreaIndex } from '../domain/area-index';
import { buildLayerTable, NO_TABLE_FILTER, type LayerTable, type TableFilter } from '../domain/layer-table';
import type { LegendModel } from '../domain/legend';
import type { MapColouring } from '../domain/measure';
import type { LonLat } from '../domain/outreach/catchment';
import { lookupPostcode, type PostcodeLookup } from '../domain/postcode-lookup';
import type { SearchEntry } from '../domain/search';
import * as vm from '../domain/view-model';
import type { SpiDataset } from '../domain/spi';
import type { AppState } from '../domain/views';
import { createCustomAreaStore, type CustomAreaStore } from './custom-area-store';
import { createDeferredFile, noticeLineOver, type NoticeLine } from './deferred-file';
import { createDeferredData, type DeferredData } from './deferred-store';
import { parseEmbedOptions, type EmbedOptions } from './embed-options';
import type { MapHandle } from './map-handle';
import { createSelectionStore, type SelectionStore } from './selection-store';
import { createSpiStore, type SpiStore } from './spi-store';
import { createAppStore, type AppStore } from './store';
import { serialiseState } from './url-state';
import { createVenueStore, type VenueStore } from './venue-store';
import { createVenueListsStore, type VenueListsStore } from './venue-lists';
import { inSitesFolder } from './peer-atlas';

/** What the map reports as hovered (an area or venue markers), for the tooltip. */
export type Hovered =
  | { kind: 'area'; layer: GeographyId; code: string; point: { x: number; y: number } }
  | { kind: 'venues'; ids: string[]; point: { x: number; y: number } }
  | null;

/**
 * The composition root's state: the stores wired together and the view model as memos. Components
 * read from it; the rules themselves are pure modules in src/domain (selection, view-model).
 */
export interface Atlas extends AppStore {
  data: FirstViewData;
  embed: EmbedOptions;
  deferred: DeferredData;
  /** England's wards (england-wards.json) for a ward's peers and yardsticks: loaded when a ward is first opened. */
  englandWards: Accessor<EnglandWardsFile | undefined>;
  /** In a build:sites folder, the councils whose atlas is beside this one (sites.json); else undefined. */
  builtSites: Accessor<ReadonlySet<string> | undefined>;
  index: Accessor<AreaIndex>;
  spi: SpiStore;
  venues: VenueStore;
  /** Venue lists imported by the person (IndexedDB), shown as the URL's `vl=` says. */
  venueLists: VenueListsStore;
  selection: SelectionStore;
  colouring: Accessor<MapColouring>;
  legend: Accessor<LegendModel>;
  searchEntries: Accessor<SearchEntry[]>;
  tooltip: Accessor<vm.TooltipModel | null>;
  setHovered: (h: Hovered) => void;
  table: { filter: Accessor<TableFilter>; setFilter: (f: TableFilter) => void; model: Accessor<LayerTable> };
  outreach: {
    picking: Accessor<boolean>;
    setPicking: (on: boolean) => void;
    pick: (at: LonLat) => void;
    centre: Accessor<{ at: LonLat; name: string } | null>;
    overlay: Accessor<{ circle: Feature | null; codes: readonly string[] }>;
    setOverlay: (o: { circle: Feature | null; codes: readonly string[] }) => void;
  };
  /** Your own area (issue 23): the area being edited, its map tool, kept areas and link. */
  customArea: CustomAreaStore;
  announcement: Accessor<string>;
  announce: (message: string) => void;
  notice: Accessor<string | null>;
  setNotice: (message: string | null) => void;
  map: Accessor<MapHandle | null>;
  setMap: (m: MapHandle) => void;
  wardName: (code: string) => string;
  /** Changes what the map shows and says so in the live region. */
  changeView: (patch: Partial<AppState>) => void;
  setSpiData: (d: SpiDataset | null) => void;
  lookupPostcode: (postcode: string) => Promise<PostcodeLookup>;
  /** The orientation layer's data: loaded after the first choropleth; null when the area has none. */
  context: Accessor<ContextData | null | undefined>;
  /** Moves the map to a place name found by search (places are not areas: nothing is selected). */
  goToPlace: (entry: SearchEntry) => void;
}

const CLOSED_TABLE: LayerTable = { caption: '', columns: [], rows: [] };

export function createAtlas(data: FirstViewData): Atlas {
  const store = createAppStore();
  const { state } = store;
  // Embed options are fixed for the page's life: the host page chose them in the iframe's URL.
  const embed = parseEmbedOptions(window.location.search);
  const openedWithCamera = state().camera !== null;
  const [announcement, announce] = createSignal('');
  const [notice, setNotice] = createSignal<string | null>(null);
  const [map, setMap] = createSignal<MapHandle | null>(null);
  const [hovered, setHovered] = createSignal<Hovered>(null);
  const meta = data.metadata;

  // A deferred file that fails shows one line in the notice and is tried again on the person's next
  // choice: any change of state but the camera (a pan is not a choice).
  const noticeLine = noticeLineOver(notice, setNotice);
  const choices = createMemo(() => serialiseState({ ...state(), camera: null }));
  const deferred = createDeferredData(data, (id) => vm.geographyWanted(state(), id), noticeLine, choices);
  const index = createMemo(() => buildAreaIndex(deferred.areas()));
  const spi = createSpiStore(
    deferred.afterFirstView,
    { measure: () => store.options().spiMeasure, year: () => store.options().spiYear, set: store.updateOptions },
    noticeLine,
    choices,
  );
  const venues = createVenueStore(deferred.afterFirstView, noticeLine, choices);
  const venueLists = createVenueListsStore({
    council: meta.area.code,
    shownIds: () => store.options().lists,
    setShownIds: (lists) => store.updateOptions({ lists }),
  });
  const selection = createSelectionStore({
    state,
    update: store.update,
    index,
    venueById: venues.byId,
    venuesLoaded: venues.collection,
    openedWithCamera,
    embedFit: embed.fit,
    announce,
  });

  const areas = deferred.areas;
  const colouring = createMemo(() => vm.colouring(state(), meta, spi.label()));
  const legend = createMemo(() => vm.legendFor(state(), colouring(), areas(), spi.values()));
  const wardName = (code: string) => index().wards.get(code)?.properties.name ?? code;

  const table = createTable(state, colouring, areas, spi, wardName);
  const outreach = createOutreach(selection, store, announce);
  const customArea = createCustomAreaStore({ data, deferred, index, venues, setNotice, announce });

  const { context, englandWards, builtSites } = createLaterFiles(state, meta, deferred, noticeLine, choices);

  const tooltip = createTooltip(hovered, { state, index, venues, spi, meta });

  onMount(() => {
    if (embed.embed) document.documentElement.classList.add('is-embed');
  });

  return {
    ...store,
    data,
    embed,
    deferred,
    englandWards,
    builtSites,
    index,
    spi,
    venues,
    venueLists,
    selection,
    colouring,
    legend,
    searchEntries: createMemo(() => [
      ...vm.searchEntries(data.wards, data.lsoa21, venues.collection(), index(), PRIORITY_WARD_CODES),
      ...placeSearchEntries(context()?.places ?? []),
    ]),
    context,
    goToPlace: (e) => {
      if (!e.at) return;
      selection.fitTo(placeBox(e.at));
      announce(`Moved the map to ${e.label}.`);
    },
    tooltip,
    setHovered,
    table,
    outreach,
    customArea,
    announcement,
    announce,
    notice,
    setNotice,
    map,
    setMap,
    wardName,
    changeView: (patch) => {
      store.update(patch);
      announce(`Map now shows: ${colouring().description}`);
    },
    setSpiData: (d) => {
      spi.setImported(d);
      announce(d ? `Social Progress Index data loaded: ${d.rows.length} rows.` : 'Social Progress Index data removed.');
    },
    lookupPostcode: postcodeLookupFor(meta),
  };
}

/** The files only some views read: the orientation layer, and England's wards and other atlases for a ward. */
function createLaterFiles(
  state: Accessor<AppState>,
  meta: FirstViewData['metadata'],
  deferred: DeferredData,
  noticeLine: NoticeLine,
  choices: Accessor<unknown>,
): Pick<Atlas, 'context' | 'englandWards' | 'builtSites'> {
  // Roads, rivers and place names are never part of the first view's budget.
  const context = createDeferredFile(
    deferred.afterFirstView,
    { unavailable: 'Roads, rivers and place names are', load: loadContext },
    noticeLine,
    choices,
  );
  // A ward's peers and England yardsticks: the national file loads the first time a ward is opened.
  const wardOpen = () => state().selection?.kind === 'ward';
  const englandWards = createDeferredFile(
    wardOpen,
    { unavailable: 'The comparison with England’s wards is', load: loadEnglandWards },
    noticeLine,
    choices,
  );
  const builtSites = createDeferredFile(
    () => wardOpen() && inSitesFolder(window.location.pathname, meta.area.code),
    { unavailable: 'Links to other councils’ atlases are', load: loadBuiltSites },
    noticeLine,
    choices,
  );
  return { context, englandWards, builtSites };
}

/** Postcode search over the build's postcode files (one district's file fetched per search). */
function postcodeLookupFor(meta: FirstViewData['metadata']): Atlas['lookupPostcode'] {
  return (pc) =>
    lookupPostcode(
      pc,
      { districts: meta.postcodeDistricts, splitDistricts: meta.postcodeSplitDistricts },
      loadPostcodeDistrict,
    );
}

/** The table view's ward/flag filter and its rows, built only while the table is shown. */
function createTable(
  state: Accessor<AppState>,
  colouring: Accessor<MapColouring>,
  areas: () => LoadedAreas,
  spi: SpiStore,
  wardName: (code: string) => string,
): Atlas['table'] {
  const [filter, setFilter] = createSignal<TableFilter>(NO_TABLE_FILTER);
  // Built only while the table is shown (a switch with the table closed does not pay for it).
  const model = createMemo(
    (): LayerTable =>
      !state().table
        ? CLOSED_TABLE
        : buildLayerTable({
            view: state().view,
            indicator: state().indicator,
            release: state().release,
            colouring: colouring(),
            features: vm.withWardValues(vm.colouredFeatures(colouring(), areas()), spi.values()),
            wardName,
            filter: filter(),
            stateOf: (code) => ({ spi: spi.values().get(code) }),
          }),
  );

  return { filter, setFilter, model };
}

/** Outreach planning: the centre is the selected venue or a point picked on the map. */
function createOutreach(
  selection: SelectionStore,
  store: AppStore,
  announce: (message: string) => void,
): Atlas['outreach'] {
  const [picking, setPicking] = createSignal(false);
  const [pickedPoint, setPickedPoint] = createSignal<LonLat | null>(null);
  const [overlay, setOverlay] = createSignal<{ circle: Feature | null; codes: readonly string[] }>({
    circle: null,
    codes: [],
  });
  const centre = createMemo<{ at: LonLat; name: string } | null>(() => {
    const v = selection.venue();
    if (v) return { at: v.geometry.coordinates, name: v.properties.name };
    const pt = pickedPoint();
    return pt ? { at: pt, name: `the point you picked (${pt[1].toFixed(5)}, ${pt[0].toFixed(5)})` } : null;
  });
  const pick = (at: LonLat) => {
    setPicking(false);
    setPickedPoint(at);
    if (selection.venue()) store.update({ selection: null });
    announce('Catchment centre placed where you clicked.');
  };

  return { picking, setPicking, pick, centre, overlay, setOverlay };
}

/** The tooltip of what the map reports as hovered: an area of any geography level, or venue markers. */
function createTooltip(
  hovered: Accessor<Hovered>,
  ctx: {
    state: Accessor<AppState>;
    index: Accessor<AreaIndex>;
    venues: VenueStore;
    spi: SpiStore;
    meta: FirstViewData['metadata'];
  },
): Accessor<vm.TooltipModel | null> {
  return createMemo<vm.TooltipModel | null>(() => {
    const h = hovered();
    if (!h) return null;
    if (h.kind === 'venues') {
      const items = h.ids.flatMap((id) => {
        const p = ctx.venues.byId().get(id)?.properties;
        return p ? [p] : [];
      });
      return vm.venueTooltip(items, h.point);
    }
    const idx = ctx.index();
    // The index is keyed by geography id (src/data/geographies.ts).
    const f = idx[h.layer].get(h.code);
    return f
      ? vm.areaTooltip(ctx.state(), f, ctx.meta, ctx.spi.values().get(f.properties.code) ?? null, h.point)
      : null;
  });
}
