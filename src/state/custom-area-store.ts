/**
 * Your own area (issue 23), the Solid glue: the area being edited, the map tool in use, the
 * polygon being drawn, the kept areas (localStorage, with a plain message when storage is missing
 * or full), and the `area=` / `aname=` URL keys. The rules are pure modules in src/domain
 * (area-set, area-profile, custom-area/*).
 */
import { createMemo, createSignal, type Accessor } from 'solid-js';
import type { Feature } from 'geojson';
import type { FirstViewData } from '../data/load';
import { NEIGHBOURHOODS } from '../data/priority-areas';
import type { AreaIndex } from '../domain/area-index';
import { propsTable, type AreaProfile, type LsoaTable, type VenueRef } from '../domain/area-profile';
import { incrementalProfile } from '../domain/area-profile-sums';
import {
  areaAt,
  areaSet,
  areaSetByRule,
  neighbourhoodAreaSet,
  polygonProblem,
  POLYGON_PROBLEM_MESSAGE,
  toggleMember,
  venuesByArea,
  wardAreaSet,
  type AreaRule,
  type AreaSet,
  type LonLat,
  type MemberCandidate,
} from '../domain/area-set';
import {
  AREA_LINK_MESSAGE,
  codeListCheck,
  councilOrder,
  parseAreaLink,
  serialiseAreaLink,
} from '../domain/custom-area/area-link';
import { comparisonTable, type ComparisonRow } from '../domain/custom-area/compare';
import {
  parseSavedAreas,
  SAVED_AREAS_KEY,
  serialiseSavedAreas,
  withSavedArea,
  type SavedArea,
} from '../domain/custom-area/saved-areas';
import type { DeferredData } from './deferred-store';
import { writeUrlLater } from './url-later';
import type { VenueStore } from './venue-store';

export type AreaTool = 'none' | 'pick' | 'draw' | 'centre';

export interface CustomAreaStore {
  open: Accessor<boolean>;
  setOpen: (on: boolean) => void;
  area: Accessor<AreaSet | null>;
  /** Starts from nothing, a ward or a priority neighbourhood. */
  start: (from: StartFrom) => void;
  setMembers: (codes: readonly string[], rule: AreaRule) => void;
  toggle: (code: string) => void;
  rename: (name: string) => void;
  tool: Accessor<AreaTool>;
  setTool: (t: AreaTool) => void;
  /** A click on the map while a tool is on; true when used. */
  mapPoint: (at: LonLat) => boolean;
  ring: Accessor<readonly LonLat[]>;
  setRing: (ring: readonly LonLat[]) => void;
  /** Uses the ring as the area; returns a plain message when it cannot. */
  finishPolygon: () => string | null;
  /** Sets the area to the LSOAs within `radiusM` of the point. */
  useRadius: (centre: LonLat, radiusM: number) => string | null;
  centre: Accessor<LonLat | null>;
  profile: Accessor<AreaProfile | null>;
  comparison: Accessor<ComparisonRow[]>;
  table: Accessor<LsoaTable>;
  councilCodes: Accessor<readonly string[]>;
  link: Accessor<string | null>;
  saved: Accessor<SavedArea[]>;
  save: () => void;
  openSaved: (id: string) => void;
  removeSaved: (id: string) => void;
  storageMessage: Accessor<string | null>;
  /** What the map highlights while the panel is open (set by the panel, which owns the shape drawing code). */
  overlay: Accessor<{ circle: Feature | null; codes: readonly string[] }>;
  /** The priority neighbourhood the area was started from (for the content-file export), else null. */
  basedOn: Accessor<string | null>;
  /** The printable briefing of the area is open. */
  briefing: Accessor<boolean>;
  setBriefing: (on: boolean) => void;
  setOverlay: (o: { circle: Feature | null; codes: readonly string[] }) => void;
}

export interface CustomAreaDeps {
  data: FirstViewData;
  deferred: DeferredData;
  index: Accessor<AreaIndex>;
  venues: VenueStore;
  setNotice: (m: string | null) => void;
  announce: (m: string) => void;
}

const STORAGE_MISSING =
  'Your areas cannot be kept in this browser (its storage is switched off or full); they last until you close the page. Copy the link to keep one.';

function readStorage(): { list: SavedArea[]; message: string | null } {
  try {
    return { list: parseSavedAreas(window.localStorage.getItem(SAVED_AREAS_KEY)), message: null };
  } catch {
    return { list: [], message: STORAGE_MISSING };
  }
}

/** Writes `area` / `aname` into the current URL (replacing the entry: editing an area is not navigation). */
function writeUrl(link: string | null, name: string | null): void {
  const q = new URLSearchParams(window.location.search);
  if (link) q.set('area', link);
  else q.delete('area');
  if (link && name) q.set('aname', name.slice(0, 60));
  else q.delete('aname');
  const s = q.toString();
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${s ? `?${s}` : ''}${window.location.hash}`,
  );
}

/** The area a link carries, or null; a bad one gets a notice and leaves the URL (the default view opens). */
function linkedArea(councilCodes: readonly string[], setNotice: (m: string | null) => void): AreaSet | null {
  const q = new URLSearchParams(window.location.search);
  const raw = q.get('area');
  if (raw === null) return null;
  const r = parseAreaLink(raw, councilCodes);
  if (r.ok)
    return areaSet(
      'custom',
      `link-${raw.slice(-8)}`,
      (q.get('aname') ?? 'Shared area').slice(0, 60),
      { type: 'list' },
      r.codes,
    );
  setNotice(AREA_LINK_MESSAGE[r.error]);
  writeUrl(null, null);
  return null;
}

const newId = (): string => `area-${Date.now().toString(36)}`;

type StartFrom = { kind: 'empty' } | { kind: 'ward'; code: string } | { kind: 'neighbourhood'; id: string };

/** The area a start button makes: empty, or a copy of a ward or priority neighbourhood to edit. */
function startingArea(from: StartFrom, index: AreaIndex, candidates: readonly MemberCandidate[]): AreaSet | null {
  if (from.kind === 'empty') return areaSet('custom', newId(), 'My area', { type: 'list' }, []);
  if (from.kind === 'ward') {
    const w = index.wards.get(from.code);
    return w
      ? {
          ...wardAreaSet(w.properties, candidates),
          kind: 'custom',
          id: newId(),
          label: `${w.properties.name} (edited)`,
        }
      : null;
  }
  const n = NEIGHBOURHOODS.find((x) => x.id === from.id);
  return n ? { ...neighbourhoodAreaSet(n), kind: 'custom', id: newId(), label: `${n.name} (edited)` } : null;
}

/** Kept areas in localStorage: a failed write keeps them for the page's life and says so. */
function createSavedAreas() {
  const stored = readStorage();
  const [saved, setSaved] = createSignal<SavedArea[]>(stored.list);
  const [storageMessage, setStorageMessage] = createSignal<string | null>(stored.message);
  const persist = (list: SavedArea[]) => {
    try {
      window.localStorage.setItem(SAVED_AREAS_KEY, serialiseSavedAreas(list));
      setStorageMessage(null);
    } catch {
      setStorageMessage(STORAGE_MISSING);
    }
    setSaved(list);
  };
  return { saved, storageMessage, persist };
}

/** The area's profile and comparison, from a table and a venue index built once per data load (profile() is then O(members)). */
function createAreaFigures(d: CustomAreaDeps, area: Accessor<AreaSet | null>) {
  const table = createMemo(() => propsTable(d.deferred.lsoa21().features.map((f) => f.properties)));
  const venueIndex = createMemo(() => {
    const v = d.venues.collection();
    if (!v) return new Map<string, VenueRef[]>();
    return venuesByArea(
      v.features.map((f) => ({
        geometry: f.geometry,
        venue: { id: f.properties.id, name: f.properties.name, type: f.properties.type },
      })),
      d.deferred.lsoa21().features,
    );
  });
  // Per data load: the profile edit by edit (only the LSOA added or removed is summed) and the
  // comparison's ward, council and England rows, which do not change as the area is edited.
  const profileOf = createMemo(() => incrementalProfile(table(), '2025', venueIndex()));
  const compare = createMemo(() => {
    const idx = d.index();
    const wards = new Map(
      [...idx.wards.values()].map((w) => [
        w.properties.code,
        { name: w.properties.name, lsoaCodes: idx.lsoasByWard.lsoa21.get(w.properties.code) ?? [] },
      ]),
    );
    return comparisonTable({
      table: table(),
      release: '2025',
      wards,
      councilName: d.data.metadata.area.name,
      nationalCount: d.data.metadata.releases.find((r) => r.id === '2025')?.nationalCount ?? null,
    });
  });
  const areaProfile = createMemo(() => {
    const a = area();
    return a ? profileOf()(a) : null;
  });
  return {
    table,
    profile: areaProfile,
    comparison: createMemo(() => {
      const a = area();
      const p = areaProfile();
      return a && p && a.lsoaCodes.length > 0 ? compare()(a, p) : [];
    }),
  };
}

/** The areas kept in this browser for this council: list, keep, open (only codes still in the council), delete. */
function savedAreaActions(o: {
  area: Accessor<AreaSet | null>;
  setArea: (a: AreaSet | null) => void;
  setRing: (r: readonly LonLat[]) => void;
  councilCodes: Accessor<readonly string[]>;
  check: Accessor<string>;
  announce: (message: string) => void;
}) {
  const { saved, storageMessage, persist } = createSavedAreas();
  return {
    saved: () => saved().filter((s) => s.council === o.check()),
    save: () => {
      const a = o.area();
      if (!a) return;
      persist(withSavedArea(saved(), a, o.check(), new Date().toISOString()));
      o.announce(`Kept “${a.label}” in this browser.`);
    },
    openSaved: (id: string) => {
      const s = saved().find((x) => x.id === id);
      if (!s) return;
      const inCouncil = new Set(o.councilCodes());
      o.setRing(s.rule.type === 'polygon' ? s.rule.ring : []);
      o.setArea(
        areaSet(
          'custom',
          s.id,
          s.name,
          s.rule,
          s.lsoaCodes.filter((c) => inCouncil.has(c)),
        ),
      );
      o.announce(`Opened “${s.name}”.`);
    },
    removeSaved: (id: string) => persist(saved().filter((x) => x.id !== id)),
    storageMessage,
  };
}

export function createCustomAreaStore(d: CustomAreaDeps): CustomAreaStore {
  const councilCodes = createMemo(() => councilOrder(d.data.lsoa21.features.map((f) => f.properties.code)));
  const check = createMemo(() => codeListCheck(councilCodes()));
  const [area, setAreaSignal] = createSignal<AreaSet | null>(null);
  const [open, setOpen] = createSignal(false);
  const [tool, setTool] = createSignal<AreaTool>('none');
  const [ring, setRing] = createSignal<readonly LonLat[]>([]);
  const [centre, setCentre] = createSignal<LonLat | null>(null);
  const [briefing, setBriefing] = createSignal(false);
  const [basedOn, setBasedOn] = createSignal<string | null>(null);
  const [overlay, setOverlay] = createSignal<{ circle: Feature | null; codes: readonly string[] }>({
    circle: null,
    codes: [],
  });

  const link = createMemo(() => {
    const a = area();
    return a && a.lsoaCodes.length > 0 ? serialiseAreaLink(a.lsoaCodes, councilCodes()) : null;
  });
  // The URL is written after the frame that shows the edit (url-later.ts): the latest area wins.
  const setArea = (a: AreaSet | null) => {
    setAreaSignal(a);
    writeUrlLater(() => writeUrl(link(), area()?.label ?? null));
  };
  const current = (): AreaSet => area() ?? areaSet('custom', newId(), 'My area', { type: 'list' }, []);
  const lsoaCandidates = () => d.deferred.lsoa21().features;

  const linked = linkedArea(councilCodes(), d.setNotice);
  if (linked) {
    setAreaSignal(linked);
    setOpen(true);
  }

  const setMembers = (codes: readonly string[], rule: AreaRule) => {
    const a = current();
    setArea({ ...a, rule, lsoaCodes: [...new Set(codes)].sort() });
  };

  const finishPolygon = (): string | null => {
    const r = ring();
    const members = areaSetByRule('custom', '', '', { type: 'polygon', ring: r }, lsoaCandidates());
    const problem = polygonProblem(r, members.lsoaCodes.length);
    if (problem) return POLYGON_PROBLEM_MESSAGE[problem];
    setMembers(members.lsoaCodes, { type: 'polygon', ring: [...r] });
    setTool('none');
    d.announce(`Shape finished: ${members.lsoaCodes.length} LSOAs have their population-weighted centre inside.`);
    return null;
  };

  const useRadius = (at: LonLat, radiusM: number): string | null => {
    if (!Number.isFinite(radiusM) || radiusM <= 0 || radiusM > 50_000)
      return 'Choose a distance between 1 metre and 50 km.';
    const members = areaSetByRule('custom', '', '', { type: 'radius', centre: at, radiusM }, lsoaCandidates());
    if (members.lsoaCodes.length === 0)
      return 'No LSOA has its population-weighted centre within that distance. Choose a larger distance.';
    setCentre(at);
    setMembers(members.lsoaCodes, { type: 'radius', centre: at, radiusM });
    d.announce(`${members.lsoaCodes.length} LSOAs have their population-weighted centre within the distance.`);
    return null;
  };

  const mapPoint = (at: LonLat): boolean => {
    const t = tool();
    if (t === 'none') return false;
    if (t === 'draw') {
      setRing([...ring(), at]);
      d.announce(`Point ${ring().length} added to the shape.`);
    } else if (t === 'centre') {
      setCentre(at);
      setTool('none');
      d.announce('Centre placed where you clicked.');
    } else {
      const code = areaAt(at, lsoaCandidates());
      if (!code) return true;
      const before = current();
      setArea(toggleMember(before, code));
      d.announce(
        `${before.lsoaCodes.includes(code) ? 'Removed' : 'Added'} LSOA ${d.index().lsoa21.get(code)?.properties.name ?? code}.`,
      );
    }
    return true;
  };

  return {
    open,
    setOpen,
    area,
    start: (from) => {
      setRing([]);
      setCentre(null);
      setBasedOn(from.kind === 'neighbourhood' ? from.id : null);
      const a = startingArea(from, d.index(), lsoaCandidates());
      if (a) setArea(a);
    },
    setMembers,
    toggle: (code) => setArea(toggleMember(current(), code)),
    rename: (name) => setArea({ ...current(), label: name.slice(0, 120) }),
    tool,
    setTool: (t) => {
      if (t === 'draw' && tool() !== 'draw') setRing([]);
      setTool(t);
    },
    mapPoint,
    ring,
    setRing,
    finishPolygon,
    useRadius,
    centre,
    ...createAreaFigures(d, area),
    councilCodes,
    link,
    ...savedAreaActions({ area, setArea, setRing, councilCodes, check, announce: d.announce }),
    overlay,
    setOverlay,
    briefing,
    setBriefing,
    basedOn,
  };
}
