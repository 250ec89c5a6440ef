import { createMemo, Show } from 'solid-js';
import type { Geometry } from 'geojson';
import { PRIORITY_WARD_CODES } from '../data/priority-areas';
import { CENTROID_RULE } from '../domain/area-set';
import { buildAreaBriefing, buildWardBriefing, membersOutline } from '../domain/briefing';
import type { Atlas } from '../state/atlas';
import { SpiScorecard } from './SpiScorecard';
import { WardBriefing } from './WardBriefing';

/** The briefing map's frame in SVG units: the A4 text width (180 mm) by 90 mm. */
// 2.4 : 1, so a briefing with the SPI scorecard, the running list and every source still fits two A4 pages.
const BRIEFING_MAP_SIZE = { width: 720, height: 300 };

/** The shown imported lists' venues and their symbols: drawn on the briefing's map as on the screen's. */
const importedVenues = (a: Atlas) => ({ venues: a.venueLists.withLists(), symbols: a.venueLists.symbols() });

/** The ward briefing (brief=1 with a ward selected): always IoD 2025 on the ward's LSOA 2021 areas. */
export function BriefingRegion(props: { atlas: Atlas }) {
  const a = props.atlas;
  const model = createMemo(() => {
    const w = a.selection.ward();
    if (!a.state().brief || !w) return null;
    // The index follows the detail values when they arrive (centres for the numbers, population).
    const idx = a.index();
    const lsoas = (idx.lsoasByWard.lsoa21.get(w.properties.code) ?? []).flatMap((c) => idx.lsoa21.get(c) ?? []);
    return {
      ...buildWardBriefing({
        ward: w,
        lsoas,
        allLsoas: a.data.lsoa21.features,
        wards: a.data.wards.features.map((f) => f.properties),
        mapSize: BRIEFING_MAP_SIZE,
        venues: importedVenues(a),
      }),
      // For the IoD summary measures (IMD score, rank and population of each LSOA).
      lsoaValues: lsoas.map((f) => f.properties),
    };
  });
  const running = () => {
    const iv = a.venues.collection();
    const code = model()?.code;
    return iv ? iv.features.map((f) => f.properties).filter((v) => v.ward === code) : null;
  };
  return (
    <>
      <Show when={model()}>
        {(b) => (
          <WardBriefing
            model={b()}
            measureLsoas={b().lsoaValues}
            metadata={a.data.metadata}
            running={running()}
            priority={PRIORITY_WARD_CODES.has(b().code)}
            scorecard={
              a.spi.data() && a.spi.year() !== null ? (
                <SpiScorecard data={a.spi.data()!} wardCode={b().code} year={a.spi.year()!} />
              ) : undefined
            }
            onClose={() => {
              a.update({ brief: false });
              // The profile is shown again by now (Solid updates the DOM synchronously): give its action focus back.
              document.getElementById('ward-briefing-button')?.focus();
            }}
          />
        )}
      </Show>
      <AreaBriefingRegion atlas={a} />
    </>
  );
}

/** Your own area's briefing: the ward briefing's layout over the area's LSOAs (issue 23). */
function AreaBriefingRegion(props: { atlas: Atlas }) {
  const a = props.atlas;
  const s = a.customArea;
  const model = createMemo(() => {
    const area = s.area();
    if (!s.briefing() || !area || area.lsoaCodes.length === 0) return null;
    const idx = a.index();
    const lsoas = area.lsoaCodes.flatMap((c) => idx.lsoa21.get(c) ?? []);
    const ring = area.rule.type === 'polygon' ? area.rule.ring.map(([x, y]): number[] => [x, y]) : [];
    const outline: Geometry =
      ring.length >= 3 ? { type: 'Polygon', coordinates: [[...ring, ring[0]!]] } : membersOutline(lsoas);
    return buildAreaBriefing({
      name: area.label,
      outline,
      lsoas,
      allLsoas: a.data.lsoa21.features,
      mapSize: BRIEFING_MAP_SIZE,
      venues: importedVenues(a),
    });
  });
  const running = () => {
    const ids = new Set((s.profile()?.venues ?? []).map((v) => v.id));
    const iv = a.venues.collection();
    return iv ? iv.features.map((f) => f.properties).filter((v) => ids.has(v.id)) : null;
  };
  return (
    <Show when={model()}>
      {(b) => (
        <WardBriefing
          model={b()}
          metadata={a.data.metadata}
          running={running()}
          priority={false}
          area={{ rule: CENTROID_RULE }}
          onClose={() => {
            s.setBriefing(false);
            document.getElementById('custom-area-briefing-button')?.focus();
          }}
        />
      )}
    </Show>
  );
}
