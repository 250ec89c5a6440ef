import { Show } from 'solid-js';
import type { Atlas } from '../state/atlas';
import { OnDemand } from './OnDemand';

/**
 * The details column: the About panel when open, then the profile of what is selected. Both load when first
 * shown (About, and SelectionProfile when something is first selected): the first view shows the placeholder.
 */
export function DetailsRegion(props: {
  atlas: Atlas;
  aboutOpen: boolean;
  onCloseAbout: () => void;
  onWardExport: (wardCode: string) => void;
}) {
  const sel = props.atlas.selection;
  const selected = () => sel.lsoa() !== null || sel.venue() !== null || sel.ward() !== null;
  return (
    <aside id="details" class="panel panel--details" aria-label="Area details" tabindex="-1">
      <Show when={props.aboutOpen}>
        <div id="about">
          <OnDemand load={() => import('./AboutPanel')} loading="Loading about the data…">
            {(m) => <m.AboutPanel metadata={props.atlas.data.metadata} onClose={props.onCloseAbout} />}
          </OnDemand>
        </div>
      </Show>
      <Show
        when={selected()}
        fallback={
          <p class="placeholder">
            Select a ward or an LSOA on the map, in the ward list or with search to see its profile.
          </p>
        }
      >
        <OnDemand load={() => import('./SelectionProfile')} loading="Loading the profile…">
          {(m) => <m.SelectionProfile atlas={props.atlas} onWardExport={props.onWardExport} />}
        </OnDemand>
      </Show>
    </aside>
  );
}
