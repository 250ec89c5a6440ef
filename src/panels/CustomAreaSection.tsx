import { createEffect, createMemo, Show } from 'solid-js';
import type { Feature } from 'geojson';
import { centroidOf, type AreaSet, type LonLat } from '../domain/area-set';
import { ruleShape } from '../domain/custom-area/area-outline';
import { nationalCount } from '../domain/profile';
import type { Atlas } from '../state/atlas';
import { CustomAreaMethods } from './CustomAreaMethods';
import { CustomAreaProfile } from './CustomAreaProfile';
import { CustomAreaActions, CustomAreaLink } from './CustomAreaShare';
import { CustomAreaSaved, CustomAreaStart } from './CustomAreaStart';

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
  const lsoa = (code: string) => a.index().lsoa21.get(code);
  const lsoaName = (code: string) => lsoa(code)?.properties.name ?? code;

  // The drawn shape depends on the rule only: an edit one LSOA at a time keeps the same (null) shape.
  const rule = createMemo(() => s.area()?.rule ?? null);
  const shape = createMemo(() => {
    const r = rule();
    return r ? ruleShape({ rule: r }) : null;
  });
  createEffect(() => {
    const drawing = s.tool() === 'draw' ? s.ring() : [];
    s.setOverlay({ circle: drawnShape(drawing, shape()), codes: s.area()?.lsoaCodes ?? [] });
  });

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
        <CustomAreaStart atlas={a} />
        <CustomAreaSaved atlas={a} />
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
              <CustomAreaActions atlas={a} lsoa={lsoa} />
              <CustomAreaLink atlas={a} />
              <CustomAreaFigures atlas={a} area={area()} lsoaName={lsoaName} />
            </>
          )}
        </Show>
      </div>
    </section>
  );
}

/** The profile of the area being edited, with the members' values for the IoD summary measures. */
function CustomAreaFigures(props: { atlas: Atlas; area: AreaSet; lsoaName: (code: string) => string }) {
  const a = props.atlas;
  const s = a.customArea;
  // Once per edit (not once per reader): the members' LSOA 2021 values, in member order.
  const memberValues = createMemo(() => {
    const byCode = a.index().lsoa21;
    return props.area.lsoaCodes.flatMap((code) => {
      const x = byCode.get(code);
      return x ? [x.properties] : [];
    });
  });
  const counts = {
    nationalCount: nationalCount(a.data.metadata, '2025'),
    changeCounts: { from: nationalCount(a.data.metadata, '2019'), to: nationalCount(a.data.metadata, '2025') },
  };
  return (
    <Show when={s.profile()}>
      {(f) => (
        <CustomAreaProfile
          name={props.area.label}
          profile={f()}
          comparison={s.comparison()}
          members={props.area.lsoaCodes}
          lsoaName={props.lsoaName}
          onRemove={s.toggle}
          onSelectLsoa={(code) => a.selection.select('lsoa', code)}
          measures={{ lsoas: memberValues(), ...counts }}
        />
      )}
    </Show>
  );
}
