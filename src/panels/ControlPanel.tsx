import { For, Show } from 'solid-js';
import { RELEASES, type DataMetadata, type IndicatorId, type ReleaseId } from '../data/contract';
import { COUNCIL } from '../data/council';
import { INDICATOR_INFO, RELEASE_LABEL, unavailableReason } from '../domain/indicators';
import type { AppState, Banding, ViewMode } from '../state/url-state';
import { LayerControls, type LayerControlsProps } from './LayerControls';

export interface ControlPanelProps {
  state: AppState;
  onChange: (patch: Partial<AppState>) => void;
  /** Locked controls (embed option) are shown but disabled. */
  locked: boolean;
  /** The layer switches (outlines, orientation layer): see LayerControls. */
  layers: LayerControlsProps['groups'];
  shown: LayerControlsProps['shown'];
  onLayer: LayerControlsProps['onLayer'];
  /** The build's metadata: which indicators its sources hold for the area. */
  metadata?: Pick<DataMetadata, 'releases' | 'people'>;
}

const VIEW_LABEL: Record<ViewMode, string> = {
  deprivation: 'Deprivation by LSOA',
  change: 'Change 2019 → 2025 (IMD)',
  wards: 'Wards: share in most deprived 10%',
  spi: 'Social Progress Index by ward',
};

/** A function: the council's name is known only once metadata.json has loaded. */
const bandingLabel = (): Record<Banding, string> => ({
  national: 'National decile (England)',
  local: `Quintile within ${COUNCIL.name}`,
});

export function ControlPanel(props: ControlPanelProps) {
  const reasonFor = (id: IndicatorId, release: ReleaseId = props.state.release) =>
    unavailableReason(release, id, props.metadata);
  const unavailableNote = () => {
    const missing = INDICATOR_INFO.filter((i) => reasonFor(i.id) !== null);
    if (missing.length === 0) return null;
    const reasons = [...new Set(missing.map((i) => reasonFor(i.id)))].join('; ');
    return `${missing.length} of ${INDICATOR_INFO.length} indicators are unavailable for ${RELEASE_LABEL[props.state.release]}: ${reasons}.`;
  };
  return (
    <form class="controls" aria-label="Map layers" onSubmit={(e) => e.preventDefault()}>
      <fieldset class="controls__group">
        <legend>Map shows</legend>
        <For each={Object.keys(VIEW_LABEL) as ViewMode[]}>
          {(v) => (
            <label class="choice">
              <input
                type="radio"
                name="view"
                value={v}
                checked={props.state.view === v}
                disabled={props.locked}
                onChange={() => props.onChange({ view: v })}
              />
              <span>{VIEW_LABEL[v]}</span>
            </label>
          )}
        </For>
      </fieldset>

      <div class="controls__group">
        <label for="indicator-select" class="controls__label">
          Indicator
        </label>
        <select
          id="indicator-select"
          value={props.state.indicator}
          disabled={props.locked || props.state.view !== 'deprivation'}
          aria-describedby="indicator-note"
          onChange={(e) => props.onChange({ indicator: e.currentTarget.value as IndicatorId })}
        >
          <For each={INDICATOR_INFO}>
            {(i) => (
              <option value={i.id} disabled={reasonFor(i.id) !== null}>
                {i.kind === 'subdomain' || i.kind === 'supplementary' ? '— ' : ''}
                {i.label}
                {reasonFor(i.id) !== null ? ' (not available for this release)' : ''}
              </option>
            )}
          </For>
        </select>
        <p id="indicator-note" class="controls__note">
          <Show
            when={props.state.view === 'deprivation'}
            fallback="The indicator applies to the “Deprivation by LSOA” view."
          >
            {unavailableNote() ?? 'All indicators are available for this release.'}
          </Show>
        </p>
      </div>

      <fieldset class="controls__group">
        <legend>Release</legend>
        <For each={[...RELEASES]}>
          {(r: ReleaseId) => (
            <label class="choice">
              <input
                type="radio"
                name="release"
                value={r}
                checked={props.state.release === r}
                disabled={props.locked || props.state.view === 'change' || props.state.view === 'spi'}
                onChange={() =>
                  props.onChange({
                    release: r,
                    indicator: reasonFor(props.state.indicator, r) ? 'imd' : props.state.indicator,
                  })
                }
              />
              <span>{RELEASE_LABEL[r]}</span>
            </label>
          )}
        </For>
      </fieldset>

      <fieldset class="controls__group">
        <legend>Banding</legend>
        <For each={Object.keys(bandingLabel()) as Banding[]}>
          {(b) => (
            <label class="choice">
              <input
                type="radio"
                name="banding"
                value={b}
                checked={props.state.banding === b}
                disabled={props.locked || props.state.view !== 'deprivation'}
                onChange={() => props.onChange({ banding: b })}
              />
              <span>{bandingLabel()[b]}</span>
            </label>
          )}
        </For>
      </fieldset>

      <LayerControls groups={props.layers} shown={props.shown} onLayer={props.onLayer} />
    </form>
  );
}
