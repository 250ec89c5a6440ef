import { createEffect, createMemo, createSignal } from 'solid-js';
import type { Feature } from 'geojson';
import type { InterventionsCollection } from '../data/content-contract';
import type { LsoaCollection } from '../data/load';
import type { PeopleDefinition } from '../data/people-contract';
import { catchment, catchmentCircle, type CatchmentResult, type LonLat } from '../domain/outreach/catchment';
import { communityHubs, gapAnalysis, withNearbyInterventions, type Hub } from '../domain/outreach/gaps';
import type { ImportedVenue } from '../domain/venue-lists/place';
import { COUNCIL, hubTypes } from '../data/council';
import { OutreachPanel, type OutreachSettings } from './OutreachPanel';
import { attemptDownload, downloadText } from './download';

export interface OutreachSectionProps {
  lsoa21: LsoaCollection;
  interventions: InterventionsCollection | undefined;
  /** The catchment centre: the selected venue, or the point picked on the map. */
  centre: { at: LonLat; name: string } | null;
  picking: boolean;
  onPick: () => void;
  wards: { code: string; name: string }[];
  wardName: (code: string) => string;
  onSelectLsoa: (code: string) => void;
  onOverlay: (overlay: { circle: Feature | null; codes: readonly string[] }) => void;
  onAnnounce: (message: string) => void;
  /** Attribution lines for the CSV preamble (metadata.attribution). */
  attribution: readonly string[];
  /** The build's people figures (metadata.population.used), which name the CSV's people columns. */
  peopleDefinition: PeopleDefinition | null;
  /** The person's imported venue lists (this browser): the gap view can measure from any of them. */
  lists: readonly { id: string; name: string; venues: readonly ImportedVenue[] }[];
}

/** The set the gaps are measured from: its hubs, and for an imported list its name and how its points were placed. */
interface MeasuredSet {
  hubs: Hub[];
  list: { name: string; placement: string } | null;
}

/** How an imported list's points were placed, for the CSV preamble: postcode centroids are approximate. */
export function placementNote(venues: readonly ImportedVenue[]): string {
  const byPostcode = venues.filter((v) => v.placedBy === 'postcode').length;
  return byPostcode === 0
    ? 'placed by their coordinates or grid references'
    : `${byPostcode} of ${venues.length} placed by postcode centroid — approximate; the rest by coordinates or grid reference`;
}

/**
 * Outreach planning state and analysis (catchments and gaps on IoD 2025, LSOA 2021 population-weighted
 * centres). Loaded on demand: its analysis code is not part of the first view.
 */
export default function OutreachSection(p: OutreachSectionProps) {
  const [settings, setSettings] = createSignal<OutreachSettings>({
    mode: 'off',
    radiusM: 800,
    maxDecile: 1,
    ward: null,
    venueSet: 'hubs',
  });
  const catchmentResult = createMemo(() => {
    const c = p.centre;
    if (settings().mode !== 'catchment' || !c) return null;
    return catchment(c.at, settings().radiusM, p.lsoa21.features, '2025');
  });
  const builtInHubs = createMemo(() =>
    p.interventions ? communityHubs(p.interventions, { hubTypes: hubTypes() }).hubs : [],
  );
  // A list deleted while chosen falls back to the hubs.
  const measured = createMemo((): MeasuredSet => {
    const l = p.lists.find((x) => x.id === settings().venueSet);
    if (!l) return { hubs: builtInHubs(), list: null };
    const hubs = l.venues.map((v) => ({ id: v.id, name: v.name, coordinates: v.lonLat }));
    return { hubs, list: { name: l.name, placement: placementNote(l.venues) } };
  });
  const hubs = () => measured().hubs;
  const gapResult = createMemo(() => {
    const iv = p.interventions;
    if (settings().mode !== 'gaps' || (!iv && !measured().list)) return null;
    const o = settings();
    const result = gapAnalysis({
      lsoas: p.lsoa21.features,
      hubs: hubs(),
      maxDecile: o.maxDecile,
      distanceM: o.radiusM,
      release: '2025',
      ...(o.ward ? { ward: o.ward } : {}),
    });
    return { ...result, rows: withNearbyInterventions(result.rows, iv ?? [], o.radiusM) };
  });
  createEffect(() => {
    const c = catchmentResult();
    if (c)
      return p.onOverlay({ circle: catchmentCircle(c.centre, c.radiusM) as Feature, codes: c.rows.map((r) => r.code) });
    const g = gapResult();
    p.onOverlay({ circle: null, codes: g ? g.rows.map((r) => r.code) : [] });
  });

  const wardNames = () => Object.fromEntries(p.wards.map((w) => [w.code, w.name]));
  // The CSV writer is imported on the click: this section shows soon after the first view, its CSV code need not.
  // What the file holds is read before that import, so it is what was on screen when the button was pressed.
  const download = (): Promise<void> => {
    const names = wardNames();
    const c = catchmentResult();
    if (c) return downloadCatchment(c, p.centre?.name ?? 'point', names, p);
    const g = gapResult();
    if (!g) return Promise.resolve();
    const o = settings();
    const list = measured().list;
    const ctx = {
      area: COUNCIL.name,
      release: '2025' as const,
      distanceM: o.radiusM,
      maxDecile: o.maxDecile,
      subject: o.ward ? p.wardName(o.ward) : 'all wards',
      wardNames: names,
      nearbyRadiusM: o.radiusM,
      hubCount: hubs().length,
      ...(list ? { venueSet: list } : {}),
      attribution: p.attribution,
      people: g.people,
      peopleDefinition: p.peopleDefinition,
    };
    return attemptDownload('the gap list', p.onAnnounce, async () => {
      const { CSV_MIME, csvFileName, gapCsv, UTF8_BOM } = await import('../domain/export/csv');
      downloadText(csvFileName('gap', ctx), UTF8_BOM + gapCsv(g.rows, ctx), CSV_MIME);
      p.onAnnounce(`Downloaded the list of ${g.rows.length} LSOAs far from ${list ? 'every venue' : 'a hub'} as CSV.`);
    });
  };

  return (
    <OutreachPanel
      settings={settings()}
      onSettings={setSettings}
      centreName={p.centre?.name ?? null}
      picking={p.picking}
      onPick={p.onPick}
      catchment={catchmentResult()}
      gaps={gapResult()}
      hubCount={hubs().length}
      venueSets={[
        { id: 'hubs', name: 'Community hubs (built in)', count: builtInHubs().length },
        ...p.lists.map((l) => ({ id: l.id, name: l.name, count: l.venues.length })),
      ]}
      wards={p.wards}
      wardName={p.wardName}
      onSelectLsoa={p.onSelectLsoa}
      onDownload={() => void download()}
    />
  );
}

/** The catchment's CSV: what was on screen when the button was pressed. */
function downloadCatchment(
  c: CatchmentResult,
  subject: string,
  names: Record<string, string>,
  p: Pick<OutreachSectionProps, 'onAnnounce' | 'attribution' | 'peopleDefinition'>,
): Promise<void> {
  return attemptDownload('the catchment list', p.onAnnounce, async () => {
    const { catchmentCsv, CSV_MIME, csvFileName, UTF8_BOM } = await import('../domain/export/csv');
    const ctx = { release: '2025' as const, subject, wardNames: names, area: COUNCIL.name };
    downloadText(
      csvFileName('catchment', { ...ctx, distanceM: c.radiusM }),
      UTF8_BOM + catchmentCsv(c, { ...ctx, attribution: p.attribution, peopleDefinition: p.peopleDefinition }),
      CSV_MIME,
    );
    p.onAnnounce(`Downloaded the catchment list of ${c.rows.length} LSOAs as CSV.`);
  });
}
