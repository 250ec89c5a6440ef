import { Match, Show, Switch } from 'solid-js';
import type { InterventionProperties } from '../data/content-contract';
import type { LsoaProperties, WardProperties } from '../data/contract';
import { NEIGHBOURHOODS, neighbourhoodNote, PRIORITY_WARD_CODES } from '../data/priority-areas';
import { areaCount, nationalCount } from '../domain/profile';
import { PEOPLE_UNAVAILABLE } from '../domain/people';
import type { Atlas } from '../state/atlas';
import { LsoaProfile } from './LsoaProfile';
import { OnDemand } from './OnDemand';
import { VenueProfile } from './VenueProfile';
import { WardProfile } from './WardProfile';

/**
 * The profile of what is selected (an LSOA, a venue or a ward), with a button that clears the selection.
 * Its own module, loaded by DetailsRegion when something is first selected: the first view shows only the
 * placeholder, and the profiles (with the ward's peers, people, interventions and what moved) are about a
 * quarter of the app's code.
 */
export function SelectionProfile(props: { atlas: Atlas; onWardExport: (wardCode: string) => void }) {
  const sel = props.atlas.selection;
  return (
    <>
      <button type="button" class="button button--secondary" onClick={sel.clear}>
        Clear selection
      </button>
      <Switch>
        <Match when={sel.lsoa()}>{(l) => <SelectedLsoa atlas={props.atlas} lsoa={l().properties} />}</Match>
        <Match when={sel.venue()}>{(v) => <SelectedVenue atlas={props.atlas} venue={v().properties} />}</Match>
        <Match when={sel.ward()}>
          {(w) => <SelectedWard atlas={props.atlas} ward={w().properties} onWardExport={props.onWardExport} />}
        </Match>
      </Switch>
    </>
  );
}

function SelectedLsoa(props: { atlas: Atlas; lsoa: LsoaProperties }) {
  const a = props.atlas;
  const sel = a.selection;
  const meta = a.data.metadata;
  return (
    <LsoaProfile
      props={props.lsoa}
      release={sel.lsoaRelease()}
      nationalCount={nationalCount(meta, sel.lsoaRelease())}
      changeCounts={{ from: nationalCount(meta, '2019'), to: nationalCount(meta, '2025') }}
      areaCount={areaCount(meta, sel.lsoaRelease())}
      wardName={a.index().wards.get(props.lsoa.ward)?.properties.name ?? null}
      onSelectWard={() => sel.select('ward', props.lsoa.ward)}
      vintageNote={sel.vintageNote()}
    />
  );
}

function SelectedVenue(props: { atlas: Atlas; venue: InterventionProperties }) {
  const a = props.atlas;
  const wardName = () => {
    const ward = props.venue.ward;
    return ward ? (a.index().wards.get(ward)?.properties.name ?? null) : null;
  };
  return (
    <VenueProfile
      venue={props.venue}
      wardName={wardName()}
      neighbourhoodName={NEIGHBOURHOODS.find((n) => n.id === props.venue.neighbourhood)?.name ?? null}
      samePlace={a.venues.samePlace(props.venue.id)}
      onSelectVenue={a.selection.selectVenue}
    />
  );
}

function SelectedWard(props: { atlas: Atlas; ward: WardProperties; onWardExport: (wardCode: string) => void }) {
  const a = props.atlas;
  const sel = a.selection;
  const meta = a.data.metadata;
  const code = () => props.ward.code;
  const neighbourhoods = () =>
    NEIGHBOURHOODS.filter((n) => n.ward.code === code()).map((n) => ({ name: n.name, note: neighbourhoodNote(n) }));
  return (
    <>
      <WardProfile
        props={props.ward}
        lsoas={sel.wardLsoas(code()).map((f) => f.properties)}
        release={sel.wardRelease()}
        indicator={a.state().indicator}
        priority={PRIORITY_WARD_CODES.has(code())}
        neighbourhoods={neighbourhoods()}
        onSelectLsoa={(c) => sel.select('lsoa', c)}
        onExport={() => props.onWardExport(code())}
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
          onSelectWard: (c) => sel.select('ward', c),
        }}
      />
      {/* Under an open briefing its own scorecard is the one in the document (one id, one table). */}
      <Show when={a.spi.data() && a.spi.year() !== null && !a.state().brief}>
        <OnDemand load={() => import('./SpiScorecard')} loading="Loading the SPI scorecard…">
          {(m) => <m.SpiScorecard data={a.spi.data()!} wardCode={code()} year={a.spi.year()!} />}
        </OnDemand>
      </Show>
    </>
  );
}
