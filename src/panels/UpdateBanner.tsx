import { createSignal, onMount, Show } from 'solid-js';
import { registerServiceWorker } from '../offline/register';

/** "A newer version is available": shown when a new deployment's worker is installed and waiting. */
export function UpdateBanner() {
  const [apply, setApply] = createSignal<(() => void) | null>(null);
  onMount(() => registerServiceWorker((a) => setApply(() => a)));
  return (
    <Show when={apply()}>
      {(run) => (
        <div class="update-banner" role="status" data-testid="update-banner">
          <span>A newer version is available.</span>
          <button type="button" class="button" onClick={() => run()()}>
            Reload
          </button>
        </div>
      )}
    </Show>
  );
}
