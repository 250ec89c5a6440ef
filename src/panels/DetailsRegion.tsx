import { Match, Show, Switch } from 'solid-js';
import { NEIGHBOURHOODS, neighbourhoodNote, PRIORITY_WARD_CODES } from '../data/priority-areas';
import { areaCount, nationalCount } from '../domain/profile';
import { PEOPLE_UNAVAILABLE } from '../domain/people';
import type { Atlas } from '../state/atlas';
import { LsoaProfile } from './LsoaProfile';
import { OnDemand } from './OnDemand';
import { VenueProfile } from './VenueProfile';
import { WardProfile } from './WardProfile';

/** The details column: the About panel when open, then the profile of what is selected. */
export function DetailsRegion(props: {
  atlas: Atlas;
  aboutOpen: boolean;
  onCloseAbout: () => void;
  onWardExport: (wardCode: string) => void;
}) {
  const a = props.atlas;
  const sel = a.selection;
  const meta = a.data.metadata;
  const Clear = () => (
    <button type="button" class="button button--secondary" onClick={sel.clear}>
      Clear selection
    </button>
  );
  const wardNeighbourhoods = (wardCode: string) =>
    NEIGHBOURHOODS.filter((n) => n.ward.code === wardCode).map((n) => ({ name: n.name, note: neighbourhoodNote(n) }));
  return (
    <aside id="details" class="panel panel--details" aria-label="Area details" tabindex="-1">
      <Show when={props.aboutOpen}>
        <div id="about">
          {/* About and the SPI scorecard load when first shown: the first view needs neither. */}
          <OnDemand load={() => import('./AboutPanel')} loading="Loading about the data…">
            {(m) => <m.AboutPanel metadata={meta} onClose={props.onCloseAbout} />}
          </OnDemand>
        </div>
      </Show>
      <Switch
        fallback={
          <p class="placeholder">
            Select a ward or an LSOA on the map, in the ward list or with search to see its profile.
          </p>
        }
      >
        <Match when={sel.lsoa()}>
          {(l) => (
            <>
              <Clear />
              <LsoaProfile
                props={l().properties}
                release={sel.lsoaRelease()}
                nationalCount={nationalCount(meta, sel.lsoaRelease())}
                changeCounts={{ from: nationalCount(meta, '2019'), to: nationalCount(meta, '2025') }}
                areaCount={areaCount(meta, sel.lsoaRelease())}
                wardName={a.index().wards.get(l().properties.ward)?.properties.name ?? null}
                onSelectWard={() => sel.select('ward', l().properties.ward)}
                vintageNote={sel.vintageNote()}
              />
            </>
          )}
        </Match>
        <Match when={sel.venue()}>
          {(v) => (
            <>
              <Clear />
              <VenueProfile
                venue={v().properties}
                wardName={
                  v().properties.ward ? (a.index().wards.get(v().properties.ward!)?.properties.name ?? null) : null
                }
                neighbourhoodName={NEIGHBOURHOODS.find((n) => n.id === v().properties.neighbourhood)?.name ?? null}
                samePlace={a.venues.samePlace(v().properties.id)}
                onSelectVenue={sel.selectVenue}
              />
            </>
          )}
        </Match>
        <Match when={sel.ward()}>
          {(w) => (
            <>
              <Clear />
              <WardProfile
                props={w().properties}
                lsoas={sel.wardLsoas(w().properties.code).map((f) => f.properties)}
                release={sel.wardRelease()}
                indicator={a.state().indicator}
                priority={PRIORITY_WARD_CODES.has(w().properties.code)}
                neighbourhoods={wardNeighbourhoods(w().properties.code)}
                onSelectLsoa={(code) => sel.select('lsoa', code)}
                onExport={() => props.onWardExport(w().properties.code)}
                people={{
                  areaLsoas: a.deferred.lsoa21().features.map((f) => f.properties),
                  unavailable: meta.population ? null : PEOPLE_UNAVAILABLE,
                }}
                onBriefing={() => a.update({ brief: true })}
                nationalCount={nationalCount(meta, '2025') ?? undefined}
                changeCounts={{ from: nationalCount(meta, '2019'), to: nationalCount(meta, '2025') }}
                england={{
                  file: a.englandWards(),
                  ownCode: meta.area.code,
                  builtSites: a.builtSites(),
                  onSelectWard: (code) => sel.select('ward', code),
                }}
              />
              {/* Under an open briefing its own scorecard is the one in the document (one id, one table). */}
              <Show when={a.spi.data() && a.spi.year() !== null && !a.state().brief}>
                <OnDemand load={() => import('./SpiScorecard')} loading="Loading the SPI scorecard…">
                  {(m) => <m.SpiScorecard data={a.spi.data()!} wardCode={w().properties.code} year={a.spi.year()!} />}
                </OnDemand>
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </aside>
  );
}
