import { lazy, createEffect, createMemo, createResource, createSignal, ErrorBoundary, For, Match, on, onCleanup, onMount, Show, Suspense, Switch } from 'solid-js';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { createAppStore } from './state/store';
import { loadDetails2021Into, loadFirstView, loadLsoa11, loadPostcodes, type FirstViewData, type LsoaCollection } from './data/load';
import type { InterventionProperties } from './data/content-contract';
import { INTERVENTION_STYLE, yearsIn } from './domain/interventions';
import { InterventionsPanel } from './panels/InterventionsPanel';
import { VenueProfile } from './panels/VenueProfile';
import { SpiPanel } from './panels/SpiPanel';
import { SpiScorecard } from './panels/SpiScorecard';
import type { SpiDataset } from './domain/spi';
import { createSpiStore } from './state/spi-store';
import { createVenueStore } from './state/venue-store';
import { buildLayerTable, NO_TABLE_FILTER, type TableFilter, type TableRow } from './domain/layer-table';
import { TableView } from './panels/TableView';

// Panels that only some visitors open load on demand, keeping the first view small.
const OutreachSection = lazy(() => import('./panels/OutreachSection'));
import { EmbedDialog } from './panels/EmbedDialog';
import { heightMessage, parseEmbedOptions } from './state/embed-options';
import { AppHeader } from './panels/AppHeader';
import { serialiseSelection, serialiseState } from './state/url-state';
import { BottomSheet, type SheetPanel } from './panels/BottomSheet';
import { WardBriefing } from './panels/WardBriefing';
import { buildWardBriefing } from './domain/briefing';
import { mapToPng } from './map/png-export';
import { downloadBlob } from './panels/download';
import { downloadText } from './panels/download';
import { CSV_MIME, csvFileName, tableCsv, UTF8_BOM, wardLsoasCsv } from './domain/export/csv';
import { buildAreaIndex, featureBBox, withLsoa11, type AreaIndex, type BBox } from './data/area-index';
import { NEIGHBOURHOODS, PRIORITY_WARD_CODES, neighbourhoodNote } from './data/priority-areas';
import { colouringFor } from './domain/measure';
import { buildLegend } from './domain/legend';
import { lsoaVintage, RELEASE_LABEL } from './domain/indicators';
import { areaCount, nationalCount } from './domain/profile';
import { tooltipLines } from './domain/tooltip';
import type { SearchEntry } from './domain/search';
import type { ReleaseId } from './data/contract';
import type { AtlasMap, HoverInfo } from './map/atlas-map';
import { MapView } from './map/MapView';
import { preloadMap } from './map/preload';
import { ControlPanel } from './panels/ControlPanel';
import { Legend } from './panels/Legend';
import { SearchBox, type PostcodeResult } from './panels/SearchBox';
import { LsoaProfile } from './panels/LsoaProfile';
import { WardProfile } from './panels/WardProfile';
import { AboutPanel } from './panels/AboutPanel';
import { Tooltip, type TooltipContent } from './panels/Tooltip';

/**
 * A small read-only handle for the browser tests and the benchmark: wait for the map to settle and
 * turn a coordinate into a pixel. It exposes nothing that changes state.
 */
function exposeTestHooks(m: AtlasMap): void {
  (window as unknown as { __atlas: unknown }).__atlas = {
    idle: () => m.idle(),
    project: (lon: number, lat: number) => {
      const p = m.map.project([lon, lat]);
      return { x: p.x, y: p.y };
    },
  };
}

/** The briefing map's frame in SVG units: the A4 text width (180 mm) by 90 mm. */
const BRIEFING_MAP_SIZE = { width: 720, height: 360 };

/** The panels a phone shows as bottom sheets, in the dock's order. */
const PHONE_PANELS: SheetPanel[] = [
  { id: 'controls-panel', label: 'Options' },
  { id: 'legend-panel', label: 'Legend' },
  { id: 'details', label: 'Details' },
];

export function App() {
  const [data] = createResource(() => loadFirstView());
  return (
    <ErrorBoundary fallback={(err: unknown) => <p class="notice notice--error">The map could not start: {err instanceof Error ? err.message : String(err)}</p>}>
      {/* No app-wide Suspense: resources that load later (details, venues, SPI) must never blank the page. */}
      <Show when={data()} fallback={<p class="loading" role="status">Loading the map data…</p>}>
        {(d) => <Atlas data={d()} />}
      </Show>
    </ErrorBoundary>
  );
}

function Atlas(props: { data: FirstViewData }) {
  const { state, update } = createAppStore();
  // Embed options are fixed for the page's life: the host page chose them in the iframe's URL.
  const embed = parseEmbedOptions(window.location.search);
  const [embedOpen, setEmbedOpen] = createSignal(false);
  // Whether the link itself set the camera (the map writes one back as soon as it moves).
  const openedWithCamera = state().camera !== null;
  // Search, ward list and legend render synchronously with this component: from here they work.
  onMount(() => {
    performance.mark('atlas:text-ui-ready');
    void preloadMap();
  });
  const meta = props.data.metadata;
  const [flags, setFlags] = createSignal({ p1: true, p10: true });
  const [aboutOpen, setAboutOpen] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [hover, setHover] = createSignal<HoverInfo | null>(null);
  const [announcement, setAnnouncement] = createSignal('');
  const [atlasMap, setAtlasMap] = createSignal<AtlasMap | null>(null);

  // Detail values (domain ranks and scores, local ranks) load after the first choropleth has drawn.
  const [detailsReady, setDetailsReady] = createSignal(false);
  let detailsStarted = false;
  const startDetails = () => {
    if (detailsStarted) return;
    detailsStarted = true;
    loadDetails2021Into(props.data.lsoa21)
      .then(() => {
        atlasMap()?.refreshAreaData('lsoa21', props.data.lsoa21 as unknown as FeatureCollection);
        setDetailsReady(true);
      })
      .catch((err: unknown) => setNotice(`Domain ranks and scores are unavailable: ${err instanceof Error ? err.message : String(err)}`));
  };
  // What is not needed for the first picture loads after it: details, interventions, build-time SPI.
  // If the map cannot be created (no WebGL) they load at once; the long timer is a last resort for a
  // map that never settles, so the text UI gets them either way.
  const [afterFirstView, setAfterFirstView] = createSignal(false);
  const firstViewDone = () => {
    setAfterFirstView(true);
    startDetails();
  };
  onMount(() => setTimeout(firstViewDone, 30_000));

  const needsLsoa11 = () => lsoaVintage(state().release) === 'lsoa11' && (state().view === 'deprivation' || state().view === 'wards');
  const [lsoa11] = createResource(() => (needsLsoa11() ? true : undefined), () => loadLsoa11());
  const index = createMemo<AreaIndex>((prev) => {
    const l11: LsoaCollection | undefined = lsoa11();
    if (prev && l11) return withLsoa11(prev, l11);
    return prev ?? buildAreaIndex(props.data.lsoa21, props.data.wards);
  });

  // --- Social Progress Index (imported in the browser; kept for the session only) -------------------
  const spi = createSpiStore(afterFirstView);
  const spiData = spi.data;
  const spiValues = spi.values;
  const setSpiData = (d: SpiDataset | null) => {
    spi.setImported(d);
    setAnnouncement(d ? `Social Progress Index data loaded: ${d.rows.length} rows.` : 'Social Progress Index data removed.');
  };
  const wardCodes = props.data.wards.features.map((w) => w.properties.code);
  createEffect(() => {
    const m = atlasMap();
    if (m && state().view === 'spi') m.setWardState('spi', spiValues(), wardCodes);
  });

  const colouring = createMemo(() => colouringFor(state(), { areaCount: (r: ReleaseId) => areaCount(meta, r), spiLabel: spi.label() }));
  const flagRelease = () => (state().view === 'change' ? '2025' : state().release);

  const legend = createMemo(() => {
    detailsReady();
    const c = colouring();
    const features = c.target === 'wards' ? props.data.wards.features : c.target === 'lsoa21' ? props.data.lsoa21.features : (lsoa11()?.features ?? []);
    const noDataLabel = state().view === 'change' ? 'Boundary changed in 2021: not comparable' : state().view === 'spi' ? 'No SPI score' : 'No data';
    const withState = (features as unknown as { properties: Record<string, unknown> }[]).map((f) => ({
      properties: f.properties,
      state: { spi: spiValues().get(String(f.properties['code'])) },
    }));
    return buildLegend(c.scheme, c.measure, withState, noDataLabel);
  });

  // --- interventions --------------------------------------------------------------------------
  const venues = createVenueStore(afterFirstView, setNotice);
  const interventions = venues.collection;
  const venueById = venues.byId;
  const [venueHover, setVenueHover] = createSignal<{ ids: string[]; point: { x: number; y: number } } | null>(null);
  const selectedVenue = createMemo(() => {
    const sel = state().selection;
    return sel?.kind === 'venue' ? (venueById().get(sel.id) ?? null) : null;
  });
  const selectVenue = (id: string) => {
    const f = venueById().get(id);
    if (!f) return;
    update({ selection: { kind: 'venue', id } });
    const [lon, lat] = f.geometry.coordinates;
    setFitTarget([lon - 0.004, lat - 0.0025, lon + 0.004, lat + 0.0025]);
    setAnnouncement(`Selected ${f.properties.name}. Its details are shown in the details panel.`);
  };
  // A shared link to a venue opens fitted to it once the venues have loaded.
  createEffect(
    on(interventions, (iv) => {
      const sel = state().selection;
      if (!iv || sel?.kind !== 'venue' || openedWithCamera) return;
      const f = venueById().get(sel.id);
      if (!f) return;
      const [lon, lat] = f.geometry.coordinates;
      setFitTarget([lon - 0.004, lat - 0.0025, lon + 0.004, lat + 0.0025]);
    }),
  );
  // --- selection -------------------------------------------------------------------------------
  // equals: false — the same feature object gains detail values when they arrive, and views must re-read it.
  const selectedLsoa = createMemo(() => {
    detailsReady();
    const sel = state().selection;
    if (sel?.kind !== 'lsoa') return null;
    const idx = index();
    const preferred = lsoaVintage(state().release) === 'lsoa11' ? idx.lsoa11.get(sel.code) : idx.lsoa21.get(sel.code);
    const fallback = idx.lsoa21.get(sel.code) ?? idx.lsoa11.get(sel.code);
    return preferred ?? fallback ?? null;
  }, undefined, { equals: false });
  const selectedWard = createMemo(() => {
    const sel = state().selection;
    return sel?.kind === 'ward' ? (index().wards.get(sel.code) ?? null) : null;
  });
  /** The release a selected LSOA's profile can show: a 2011-based release only for 2011 areas. */
  const lsoaProfileRelease = createMemo<ReleaseId>(() => {
    const l = selectedLsoa();
    const onLsoa11 = l !== null && index().lsoa11.get(l.properties.code) === l;
    return onLsoa11 && lsoaVintage(state().release) === 'lsoa11' ? state().release : '2025';
  });
  const wardRelease = createMemo<ReleaseId>(() => (lsoaVintage(state().release) === 'lsoa11' && index().lsoa11.size > 0 ? state().release : '2025'));
  const wardLsoas = (wardCode: string) => {
    detailsReady();
    const idx = index();
    const [byWard, lookup] = wardRelease() === '2025' ? [idx.lsoa21ByWard, idx.lsoa21] : [idx.lsoa11ByWard, idx.lsoa11];
    return (byWard.get(wardCode) ?? []).flatMap((c) => {
      const f = lookup.get(c);
      return f ? [f.properties] : [];
    });
  };
  // The ward briefing (brief=1): always IoD 2025 on the ward's LSOA 2021 areas.
  const briefing = createMemo(() => {
    const w = selectedWard();
    if (!state().brief || !w) return null;
    detailsReady();
    const idx = index();
    const lsoas = (idx.lsoa21ByWard.get(w.properties.code) ?? []).flatMap((c) => idx.lsoa21.get(c) ?? []);
    return buildWardBriefing({ ward: w, lsoas, allLsoas: props.data.lsoa21.features, wards: props.data.wards.features.map((f) => f.properties), mapSize: BRIEFING_MAP_SIZE });
  });
  const selectionGeometry = (): Geometry | null => selectedLsoa()?.geometry ?? selectedWard()?.geometry ?? null;
  const [fitTarget, setFitTarget] = createSignal<BBox | null>(null);
  // A shared link with a selection (or an embed with "fit") but no camera opens fitted to that area.
  onMount(() => {
    const sel = embed.fit ?? state().selection;
    if (!sel || state().camera || sel.kind === 'venue') return;
    const f = sel.kind === 'lsoa' ? index().lsoa21.get(sel.code) : index().wards.get(sel.code);
    if (f) setFitTarget(featureBBox(f));
  });

  const select = (kind: 'lsoa' | 'ward', code: string, fit = true) => {
    update({ selection: { kind, code } });
    const f = kind === 'lsoa' ? (index().lsoa21.get(code) ?? index().lsoa11.get(code)) : index().wards.get(code);
    if (f && fit) setFitTarget(featureBBox(f));
    const name = f?.properties.name ?? code;
    setAnnouncement(`Selected ${kind === 'ward' ? 'ward' : 'LSOA'} ${name}. Its profile is shown in the details panel.`);
  };
  const clearSelection = () => {
    update({ selection: null });
    setAnnouncement('Selection cleared.');
  };

  // --- table view (the map's non-visual equivalent) ------------------------------------------------
  const [tableFilter, setTableFilter] = createSignal<TableFilter>(NO_TABLE_FILTER);
  const wardName = (code: string) => index().wards.get(code)?.properties.name ?? code;
  const layerTable = createMemo(() => {
    detailsReady();
    const c = colouring();
    const features = c.target === 'wards' ? props.data.wards.features : c.target === 'lsoa21' ? props.data.lsoa21.features : (lsoa11()?.features ?? []);
    return buildLayerTable({
      view: state().view,
      indicator: state().indicator,
      release: state().release,
      colouring: c,
      features: features as unknown as { properties: Record<string, unknown> }[],
      wardName,
      filter: tableFilter(),
      stateOf: (code) => ({ spi: spiValues().get(code) }),
    });
  });
  const downloadTable = (rows: TableRow[]) => {
    const t = layerTable();
    const release = state().view === 'change' ? '2025' : state().release;
    const subject = tableFilter().ward ? `table ${wardName(tableFilter().ward!)}` : 'table';
    const csv = tableCsv(
      t.columns.map((col) => ({ header: col.label, value: (r: TableRow) => r.cells[col.key] ?? null })),
      rows,
      { release, subject, description: t.caption },
    );
    downloadText(csvFileName('table', { release, subject }), UTF8_BOM + csv, CSV_MIME);
    setAnnouncement(`Downloaded ${rows.length} rows as CSV.`);
  };

  // --- outreach planning: the centre is chosen here (venue or picked point); the analysis is lazy ----
  const [picking, setPicking] = createSignal(false);
  const [pickedPoint, setPickedPoint] = createSignal<[number, number] | null>(null);
  const [outreachOverlay, setOutreachOverlay] = createSignal<{ circle: Feature | null; codes: readonly string[] }>({ circle: null, codes: [] });
  const catchmentCentre = createMemo<{ at: [number, number]; name: string } | null>(() => {
    const v = selectedVenue();
    if (v) return { at: v.geometry.coordinates, name: v.properties.name };
    const pt = pickedPoint();
    return pt ? { at: pt, name: `the point you picked (${pt[1].toFixed(5)}, ${pt[0].toFixed(5)})` } : null;
  });
  const wardNames = () => Object.fromEntries(props.data.wards.features.map((w) => [w.properties.code, w.properties.name]));
  const downloadWard = (wardCode: string) => {
    const rows = wardLsoas(wardCode);
    const release = wardRelease();
    const subject = wardName(wardCode);
    downloadText(csvFileName('ward', { release, subject }), UTF8_BOM + wardLsoasCsv(rows as never, { release, subject, wardNames: wardNames() }), CSV_MIME);
    setAnnouncement(`Downloaded the ${rows.length} LSOAs of ${subject} as CSV.`);
  };

  // --- embed: report the page height to the host page so it can size the iframe --------------------
  onMount(() => {
    if (!embed.embed || window.parent === window) return;
    let last = 0;
    const report = () => {
      const h = document.documentElement.scrollHeight;
      if (h === last) return;
      last = h;
      // Only a number is sent, so any host may receive it.
      window.parent.postMessage(heightMessage(h), '*');
    };
    const ro = new ResizeObserver(report);
    ro.observe(document.body);
    report();
    onCleanup(() => ro.disconnect());
  });
  if (embed.embed) document.documentElement.classList.add('is-embed');

  // --- PNG export of the current map view --------------------------------------------------------
  const exportPng = async () => {
    const m = atlasMap();
    if (!m) return;
    await m.idle();
    const blob = await mapToPng(m.canvas(), legend(), meta.attribution, `Neighbourhood Atlas: ${meta.area.name}`);
    downloadBlob(`leeds-map-${state().view}-${state().view === 'deprivation' ? `${state().indicator}-iod${state().release}` : state().release}.png`, blob);
    setAnnouncement('Saved the map view as a PNG image.');
  };

  // --- search ----------------------------------------------------------------------------------
  const searchEntries = createMemo<SearchEntry[]>(() => [
    ...props.data.wards.features.map((w) => ({
      kind: 'ward' as const,
      id: w.properties.code,
      label: w.properties.name,
      keywords: `${w.properties.code} ward ${w.properties.committee ?? ''}`,
      detail: `Ward${PRIORITY_WARD_CODES.has(w.properties.code) ? ' · priority ward' : ''}`,
    })),
    ...(interventions()?.features ?? []).map((v) => ({
      kind: 'venue' as const,
      id: v.properties.id,
      label: v.properties.name,
      keywords: `${INTERVENTION_STYLE[v.properties.type].label}`,
      detail: INTERVENTION_STYLE[v.properties.type].label,
    })),
    ...props.data.lsoa21.features.map((l) => ({
      kind: 'lsoa' as const,
      id: l.properties.code,
      label: `${l.properties.name}`,
      keywords: l.properties.code,
      detail: `LSOA ${l.properties.code} · ${index().wards.get(l.properties.ward)?.properties.name ?? ''}`,
    })),
  ]);
  const lookupPostcode = async (pc: string): Promise<PostcodeResult> => {
    const idx = await loadPostcodes();
    const hit = idx.postcodes[pc];
    if (!hit) return { kind: 'unknown', postcode: pc };
    const code = hit[2] >= 0 ? idx.lsoaCodes[hit[2]] : undefined;
    return code ? { kind: 'found', postcode: pc, lsoaCode: code } : { kind: 'outside', postcode: pc };
  };

  // --- neighbourhood outlines, ward labels --------------------------------------------------------
  const neighbourhoodOutlines = createMemo<FeatureCollection>(() => {
    const codes = new Set(NEIGHBOURHOODS.flatMap((n) => n.lsoa21.map((l) => l.code)));
    return {
      type: 'FeatureCollection',
      features: props.data.lsoa21.features.filter((f) => codes.has(f.properties.code)).map((f) => ({ type: 'Feature', properties: {}, geometry: f.geometry })),
    };
  });
  // Label points come from the pipeline, so no geometry library is needed for the first view.
  const wardLabels = props.data.wards.features.flatMap((w) =>
    typeof w.properties.lx === 'number' && typeof w.properties.ly === 'number'
      ? [{ code: w.properties.code, name: w.properties.name, lon: w.properties.lx, lat: w.properties.ly, priority: PRIORITY_WARD_CODES.has(w.properties.code) }]
      : [],
  );

  // --- tooltip ---------------------------------------------------------------------------------
  const tooltip = createMemo<TooltipContent | null>(() => {
    const vh = venueHover();
    if (vh && vh.ids.length > 0) {
      const items = vh.ids.map((id) => venueById().get(id)?.properties).filter((p): p is InterventionProperties => p !== undefined);
      const first = items[0];
      if (first) {
        return {
          title: first.name,
          code: '',
          lines: [INTERVENTION_STYLE[first.type].label, first.precision === 'area' ? 'Location approximate (placed in its area)' : first.precisionNote, ...(items.length > 1 ? [`and ${items.length - 1} more here: click to see`] : [])],
          x: vh.point.x,
          y: vh.point.y,
        };
      }
    }
    const h = hover();
    if (!h) return null;
    const idx = index();
    const f = h.layer === 'wards' ? idx.wards.get(h.code) : h.layer === 'lsoa21' ? idx.lsoa21.get(h.code) : idx.lsoa11.get(h.code);
    if (!f) return null;
    const s = state();
    const release = s.view === 'change' ? '2025' : s.release;
    return {
      title: f.properties.name,
      code: f.properties.code,
      lines: tooltipLines(s.view, f.properties as Record<string, unknown>, s.indicator, release, nationalCount(meta, release), spiValues().get(f.properties.code) ?? null),
      x: h.point.x,
      y: h.point.y,
    };
  });

  const onStateChange = (patch: Parameters<typeof update>[0]) => {
    update(patch);
    setAnnouncement(`Map now shows: ${colouring().description}`);
  };

  const wardNeighbourhoods = (wardCode: string) =>
    NEIGHBOURHOODS.filter((n) => n.ward.code === wardCode).map((n) => ({ name: n.name, note: neighbourhoodNote(n) }));

  const vintageNote = () => {
    const l = selectedLsoa();
    if (!l) return null;
    const wanted = lsoaVintage(state().release);
    const shown = index().lsoa21.get(l.properties.code) === l ? 'lsoa21' : 'lsoa11';
    if (wanted === shown) return null;
    return wanted === 'lsoa11'
      ? `This LSOA 2021 area has no IoD ${state().release} figures of its own (its boundary changed in 2021); its IoD 2025 profile is shown.`
      : `This LSOA 2011 area was replaced in 2021; its ${RELEASE_LABEL[state().release]} profile is not available. Choose IoD 2019 or 2015 to see it.`;
  };

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
        mapReady={atlasMap() !== null}
        onToggleTable={() => update({ table: !state().table })}
        onToggleAbout={() => setAboutOpen(!aboutOpen())}
        onSavePng={() => void exportPng()}
        onEmbed={() => setEmbedOpen(true)}
      />
      <Show when={embedOpen()}>
        <EmbedDialog
          stateQuery={serialiseState({ ...state(), camera: null, table: false }).replace(/^\?/, '')}
          selection={state().selection}
          selectionName={selectedWard()?.properties.name ?? selectedLsoa()?.properties.name ?? null}
          defaultTitle={`Map: ${colouring().description}`}
          onClose={() => setEmbedOpen(false)}
        />
      </Show>

      <main class="layout" classList={{ 'layout--embed': embed.embed, 'layout--no-controls': embed.embed && !embed.controls }}>
        <Show when={!embed.embed || embed.controls}>
        <Show when={!embed.embed}>
          <div class="search-bar">
            <SearchBox entries={searchEntries()} onSelect={(e) => (e.kind === 'venue' ? selectVenue(e.id) : select(e.kind, e.id))} lookupPostcode={lookupPostcode} onPostcode={(r) => select('lsoa', r.lsoaCode)} />
          </div>
        </Show>
        <aside id="controls-panel" class="panel panel--controls" aria-label="Map controls" tabindex="-1">
          <ControlPanel state={state()} flags={flags()} locked={embed.lock} onChange={onStateChange} onFlags={setFlags} />
          <Show when={state().view === 'spi'}>
            <SpiPanel
              data={spiData()}
              wards={props.data.wards.features.map((w) => ({ code: w.properties.code, name: w.properties.name }))}
              measure={spi.measure()}
              year={spi.year()}
              onData={setSpiData}
              onMeasure={spi.setMeasure}
              onYear={spi.setYear}
            />
          </Show>
          <Show when={!embed.embed}>
          <Show when={interventions()}>
            {(iv) => (
              <InterventionsPanel
                items={venues.filtered()}
                total={iv().features.length}
                unplaced={iv().unplaced}
                years={yearsIn(iv().features.map((f) => f.properties))}
                filter={venues.filter()}
                shown={venues.shown()}
                onShown={venues.setShown}
                onFilter={venues.setFilter}
                onSelect={selectVenue}
                wardName={(code) => (code ? (index().wards.get(code)?.properties.name ?? code) : 'ward not known')}
              />
            )}
          </Show>
          <Show
            when={detailsReady()}
            fallback={
              <p class="controls__note" data-testid="outreach-loading">
                Outreach planning is loading the areas’ population-weighted centres…
              </p>
            }
          >
          <Suspense fallback={<p class="controls__note">Loading outreach planning…</p>}>
          <OutreachSection
            lsoa21={props.data.lsoa21}
            interventions={interventions()}
            centre={catchmentCentre()}
            picking={picking()}
            onPick={() => setPicking(!picking())}
            wards={[...props.data.wards.features].map((w) => ({ code: w.properties.code, name: w.properties.name })).sort((a, b) => a.name.localeCompare(b.name))}
            wardName={wardName}
            onSelectLsoa={(code) => select('lsoa', code)}
            onOverlay={setOutreachOverlay}
            onAnnounce={setAnnouncement}
          />
          </Suspense>
          </Show>
          <details class="ward-list">
            <summary>Browse all {props.data.wards.features.length} wards</summary>
            <ul>
              <For each={[...props.data.wards.features].sort((a, b) => a.properties.name.localeCompare(b.properties.name))}>
                {(w) => (
                  <li>
                    <button type="button" class="link-button" onClick={() => select('ward', w.properties.code)}>
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
          </Show>
        </aside>
        </Show>

        <Show when={state().table}>
          <section class="table-area">
            <TableView
              table={layerTable()}
              filter={tableFilter()}
              wards={[...props.data.wards.features].map((w) => ({ code: w.properties.code, name: w.properties.name })).sort((a, b) => a.name.localeCompare(b.name))}
              flagsApply={colouring().target !== 'wards'}
              onFilter={setTableFilter}
              onSelect={(kind, code) => select(kind, code)}
              onDownload={downloadTable}
              onClose={() => update({ table: false })}
            />
          </section>
        </Show>
        <section id="map-area" class="map-area" classList={{ 'map-area--behind-table': state().table }} aria-label="Map" tabindex="-1">
          <Show when={notice()}>
            <p class="notice" role="status">
              {notice()}
            </p>
          </Show>
          <div class="map-frame">
            <MapView
              bounds={meta.bbox}
              attribution={meta.attribution}
              lsoa21={props.data.lsoa21}
              wards={props.data.wards}
              lsoa11={() => lsoa11()}
              colouring={colouring}
              flagRelease={flagRelease}
              flags={flags}
              selectionGeometry={selectionGeometry}
              fitTarget={fitTarget}
              initialCamera={state().camera}
              neighbourhoods={neighbourhoodOutlines}
              wardLabels={wardLabels}
              cooperativeGestures={embed.embed}
              onHover={setHover}
              onAreaClick={(layer, code) => select(layer === 'wards' ? 'ward' : 'lsoa', code, false)}
              onMapClick={(ll) => {
                if (!picking()) return false;
                setPicking(false);
                setPickedPoint([ll.lng, ll.lat]);
                if (selectedVenue()) update({ selection: null });
                setAnnouncement('Catchment centre placed where you clicked.');
                return true;
              }}
              onVenueHover={setVenueHover}
              onVenueClick={(ids) => ids[0] && selectVenue(ids[0])}
              venues={() => interventions() as unknown as FeatureCollection | undefined}
              venueIds={venues.visibleIds}
              outreach={outreachOverlay}
              onMoveEnd={(camera) => update({ camera })}
              onNotice={setNotice}
              onUnavailable={firstViewDone}
              onReady={(m) => {
                setAtlasMap(m);
                exposeTestHooks(m);
                void m.idle().then(() => {
                  performance.mark('atlas:first-choropleth');
                  firstViewDone();
                });
              }}
            />
            <Tooltip content={tooltip()} />
          </div>
          <div id="legend-panel" class="legend-panel" tabindex="-1">
          <Legend model={legend()} showFlags={flags()} flagsApply={colouring().target !== 'wards'} areaNoun={colouring().target === 'wards' ? 'wards' : 'LSOAs'} />
          <p class="map-note">
            <span class="map-note__swatch map-note__swatch--neighbourhood" aria-hidden="true" /> Orange dotted outline: priority neighbourhoods (approximate). ★ marks
            the 12 priority wards.
          </p>
          </div>
        </section>

        <aside id="details" class="panel panel--details" aria-label="Area details" tabindex="-1">
          <Show when={aboutOpen()}>
            <div id="about">
              <AboutPanel metadata={meta} onClose={() => setAboutOpen(false)} />
            </div>
          </Show>
          <Switch fallback={<p class="placeholder">Select a ward or an LSOA on the map, in the ward list or with search to see its profile.</p>}>
            <Match when={selectedLsoa()}>
              {(l) => (
                <>
                  <button type="button" class="button button--secondary" onClick={clearSelection}>
                    Clear selection
                  </button>
                  <LsoaProfile
                    props={l().properties}
                    release={lsoaProfileRelease()}
                    nationalCount={nationalCount(meta, lsoaProfileRelease())}
                    areaCount={areaCount(meta, lsoaProfileRelease())}
                    wardName={index().wards.get(l().properties.ward)?.properties.name ?? null}
                    onSelectWard={() => select('ward', l().properties.ward)}
                    vintageNote={vintageNote()}
                  />
                </>
              )}
            </Match>
            <Match when={selectedVenue()}>
              {(v) => (
                <>
                  <button type="button" class="button button--secondary" onClick={clearSelection}>
                    Clear selection
                  </button>
                  <VenueProfile
                    venue={v().properties}
                    wardName={v().properties.ward ? (index().wards.get(v().properties.ward!)?.properties.name ?? null) : null}
                    neighbourhoodName={NEIGHBOURHOODS.find((n) => n.id === v().properties.neighbourhood)?.name ?? null}
                    samePlace={venues.samePlace(v().properties.id)}
                    onSelectVenue={selectVenue}
                  />
                </>
              )}
            </Match>
            <Match when={selectedWard()}>
              {(w) => (
                <>
                  <button type="button" class="button button--secondary" onClick={clearSelection}>
                    Clear selection
                  </button>
                  <WardProfile
                    props={w().properties}
                    lsoas={wardLsoas(w().properties.code)}
                    release={wardRelease()}
                    indicator={state().indicator}
                    priority={PRIORITY_WARD_CODES.has(w().properties.code)}
                    neighbourhoods={wardNeighbourhoods(w().properties.code)}
                    onSelectLsoa={(code) => select('lsoa', code)}
                    onExport={() => downloadWard(w().properties.code)}
                    onBriefing={() => update({ brief: true })}
                  />
                  <Show when={spiData() && spi.year() !== null && !state().brief}>
                    <SpiScorecard data={spiData()!} wardCode={w().properties.code} year={spi.year()!} />
                  </Show>
                </>
              )}
            </Match>
          </Switch>
        </aside>
      </main>
      <Show when={briefing()}>
        {(b) => (
          <WardBriefing
            model={b()}
            metadata={meta}
            running={interventions() ? (interventions()?.features ?? []).map((f) => f.properties).filter((v) => v.ward === b().code) : null}
            priority={PRIORITY_WARD_CODES.has(b().code)}
            scorecard={spiData() && spi.year() !== null ? <SpiScorecard data={spiData()!} wardCode={b().code} year={spi.year()!} /> : undefined}
            onClose={() => {
              update({ brief: false });
              // The profile is shown again by now (Solid updates the DOM synchronously): give its action focus back.
              document.getElementById('ward-briefing-button')?.focus();
            }}
          />
        )}
      </Show>
      <Show when={!embed.embed}>
        <BottomSheet
          panels={PHONE_PANELS}
          showPanel={() => (aboutOpen() ? { id: 'details', key: 'about' } : state().selection ? { id: 'details', key: serialiseSelection(state().selection) ?? '' } : null)}
        />
      </Show>
      <div class="sr-only" aria-live="polite" data-testid="live-region">
        {announcement()}
      </div>
      <Show when={atlasMap() === null}>
        <span class="sr-only" data-testid="map-loading">
          The map is loading; search, lists and the legend already work.
        </span>
      </Show>
    </div>
  );
}
