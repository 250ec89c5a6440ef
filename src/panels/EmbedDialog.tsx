import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import { LAYER_REGISTRY, LAYER_URL, type LayerToggles } from '../domain/map-layers';
import { embedEntries, withLayer } from '../domain/map-layers/registry';
import { captionSnippet, embedParams, iframeSnippet } from '../state/embed-options';
import { standingCaption } from '../domain/standing';
import { availableStanding, standingMissing, useStanding } from '../state/standing-store';
import type { Selection } from '../state/url-state';

export interface EmbedDialogProps {
  /** The current view's query string (state only, no embed options). */
  stateQuery: string;
  /** The selected area, offered as "fit to". */
  selection: Selection;
  selectionName: string | null;
  defaultTitle: string;
  /** Which switchable layers show now (outlines, orientation layer): the embed starts the same. */
  layers: LayerToggles;
  onClose: () => void;
}

/**
 * "Embed this map": choose the embed options, see a live preview, copy an iframe snippet with a
 * meaningful title. A native <dialog> gives focus containment and Escape to close.
 */
export function EmbedDialog(p: EmbedDialogProps) {
  let dialog!: HTMLDialogElement;
  const [lock, setLock] = createSignal(true);
  const [controls, setControls] = createSignal(true);
  const [fit, setFit] = createSignal(p.selection !== null && p.selection.kind !== 'venue');
  const [title, setTitle] = createSignal(p.defaultTitle);
  const [height, setHeight] = createSignal(640);
  const [layers, setLayers] = createSignal(p.layers);
  const [copied, setCopied] = createSignal('');
  const [withStanding, setWithStanding] = createSignal(false);
  const standing = useStanding();

  const src = createMemo(() => {
    const q = new URLSearchParams(p.stateQuery);
    const sel = p.selection && p.selection.kind !== 'venue' && fit() ? p.selection : null;
    for (const [k, v] of embedParams({ embed: true, lock: lock(), controls: controls(), fit: sel })) q.set(k, v);
    // The same parameters as the app's own URL (each layer's, src/domain/map-layers): ctx=0 hides the orientation layer.
    LAYER_URL.serialise(layers(), q);
    const url = new URL(window.location.href);
    url.search = q.toString();
    url.hash = '';
    return url.toString();
  });
  const caption = () => {
    const s = availableStanding(standing());
    return withStanding() && s ? `\n${captionSnippet(standingCaption(s))}` : '';
  };
  const snippet = () => `${iframeSnippet(src(), title().trim() || p.defaultTitle, height())}${caption()}`;

  onMount(() => dialog.showModal());

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet());
      setCopied('Copied the embed code to the clipboard.');
    } catch {
      const area = dialog.querySelector('textarea');
      area?.select();
      setCopied('Select the code above and copy it (Ctrl+C or Cmd+C).');
    }
  };

  return (
    <dialog
      ref={dialog}
      class="embed-dialog"
      aria-labelledby="embed-title"
      data-testid="embed-dialog"
      onClose={p.onClose}
    >
      <div class="embed-dialog__head">
        <h2 id="embed-title">Embed this map</h2>
        <button type="button" class="button button--secondary" onClick={() => dialog.close()}>
          Close
        </button>
      </div>
      <div class="embed-dialog__body">
        <form class="embed-dialog__options" onSubmit={(e) => e.preventDefault()}>
          <label class="choice">
            <input type="checkbox" checked={lock()} onChange={(e) => setLock(e.currentTarget.checked)} />
            <span>Lock the indicator and release</span>
          </label>
          <label class="choice">
            <input type="checkbox" checked={controls()} onChange={(e) => setControls(e.currentTarget.checked)} />
            <span>Show the map controls</span>
          </label>
          <LayerOptions layers={layers()} onLayers={setLayers} />
          <Show when={p.selection && p.selection.kind !== 'venue'}>
            <label class="choice">
              <input type="checkbox" checked={fit()} onChange={(e) => setFit(e.currentTarget.checked)} />
              <span>Fit the map to {p.selectionName ?? 'the selected area'}</span>
            </label>
          </Show>
          <StandingOption
            shown={withStanding()}
            onShown={setWithStanding}
            available={availableStanding(standing()) !== null}
            missing={standingMissing(standing())}
          />
          <TitleAndHeight title={title()} onTitle={setTitle} height={height()} onHeight={setHeight} />
          <label class="controls__label" for="embed-code">
            Embed code
          </label>
          <textarea
            id="embed-code"
            class="embed-dialog__code"
            readonly
            rows="5"
            value={snippet()}
            data-testid="embed-code"
          />
          <button type="button" class="button" onClick={() => void copy()}>
            Copy embed code
          </button>
          <p role="status">{copied()}</p>
        </form>
        <div class="embed-dialog__preview">
          <p class="controls__label">Preview</p>
          <iframe src={src()} title={`Preview: ${title()}`} width="100%" height="420" />
        </div>
      </div>
    </dialog>
  );
}

/** One checkbox per layer the registry offers to embeds (src/domain/map-layers), starting as the map is now. */
function LayerOptions(p: { layers: LayerToggles; onLayers: (l: LayerToggles) => void }) {
  return (
    <For each={embedEntries(LAYER_REGISTRY)}>
      {(l) => (
        <label class="choice">
          <input
            type="checkbox"
            data-testid={`embed-${l.id}`}
            checked={p.layers[l.id]}
            onChange={(e) => p.onLayers(withLayer(p.layers, l.id, e.currentTarget.checked))}
          />
          <span>{l.label}</span>
        </label>
      )}
    </For>
  );
}

/** "Add the council's standing under the map": disabled, with the reason, when File 10 is not available. */
function StandingOption(p: {
  shown: boolean;
  onShown: (on: boolean) => void;
  available: boolean;
  missing: string | null;
}) {
  return (
    <>
      <label class="choice">
        <input
          type="checkbox"
          data-testid="embed-standing"
          checked={p.shown}
          disabled={!p.available}
          aria-describedby={p.missing ? 'embed-standing-why' : undefined}
          onChange={(e) => p.onShown(e.currentTarget.checked)}
        />
        <span>Add a line under the map: the council’s standing in England (IoD 2025 File 10)</span>
      </label>
      <Show when={p.missing}>
        {(why) => (
          <p id="embed-standing-why" class="controls__note">
            Not available: {why()}.
          </p>
        )}
      </Show>
    </>
  );
}

/** The iframe's title (read by screen readers) and its initial height. */
function TitleAndHeight(p: {
  title: string;
  onTitle: (t: string) => void;
  height: number;
  onHeight: (h: number) => void;
}) {
  return (
    <>
      <label class="controls__label" for="embed-iframe-title">
        Title of the embedded map (read by screen readers)
      </label>
      <input
        id="embed-iframe-title"
        class="text-input"
        type="text"
        value={p.title}
        onInput={(e) => p.onTitle(e.currentTarget.value)}
      />
      <label class="controls__label" for="embed-height">
        Initial height in pixels (the map reports its height to the page)
      </label>
      <input
        id="embed-height"
        class="text-input"
        type="number"
        min="320"
        max="2000"
        step="10"
        value={p.height}
        onInput={(e) => p.onHeight(Number(e.currentTarget.value) || 640)}
      />
    </>
  );
}
