import { createEffect, createMemo, For, on, onCleanup, onMount, Show } from 'solid-js';
import { createDockSwipe } from './dock-swipe';
import { createSheetState, type SheetState } from './sheet-state';

/** A panel of the page that becomes a bottom sheet on phones (its element id and the dock button's label). */
export interface SheetPanel {
  id: string;
  label: string;
}

export interface BottomSheetProps {
  panels: readonly SheetPanel[];
  /** Changes when a ward, LSOA or venue is chosen (or the About panel opens): shows that panel's summary. */
  showPanel: () => { id: string; key: string } | null;
}

/** Phones: the width below which panels become sheets (matches src/styles/mobile.css). */
export const PHONE_QUERY = '(max-width: 37.5rem)';

/**
 * The dock of a phone layout: one button per panel (controls, legend, details) opens it as a bottom sheet
 * over the map; a second press, Escape or the close button closes it; "Expand" gives it most of the screen.
 * On wider screens the dock is hidden by CSS and the panels stay in their columns. The open panel and its
 * size are written to <html data-sheet data-sheet-size> for the stylesheet (sheet-state.ts), so the panels
 * themselves keep one place in the DOM (and in the reading order) at every width.
 */
export function BottomSheet(p: BottomSheetProps) {
  const sheet = createSheetState();
  const swipe = createDockSwipe(sheet, () => p.panels[p.panels.length - 1]!.id);
  let dock: HTMLElement | undefined;

  // A choice (or a shared link's selection) shows its compact summary: the sheet at peek height; the full
  // profile on demand. A memo, so only a different choice re-opens it (not every camera move).
  const wantedKey = createMemo(() => p.showPanel()?.key);
  createEffect(
    on(wantedKey, () => {
      const want = p.showPanel();
      if (want && window.matchMedia(PHONE_QUERY).matches) sheet.show(want.id, { expand: false, focus: false });
    }),
  );

  onMount(() => {
    const onKey = (e: KeyboardEvent) => {
      const id = sheet.open();
      if (e.key !== 'Escape' || !id || !(e.target instanceof Node)) return;
      if (document.getElementById(id)?.contains(e.target) || dock?.contains(e.target)) {
        e.preventDefault();
        sheet.close();
      }
    };
    document.addEventListener('keydown', onKey);
    onCleanup(() => document.removeEventListener('keydown', onKey));
  });

  return (
    <nav
      class="sheet-dock"
      aria-label="Map panels"
      data-testid="sheet-dock"
      ref={dock}
      onPointerDown={swipe.onPointerDown}
      onPointerUp={swipe.onPointerUp}
      onPointerCancel={swipe.onPointerCancel}
    >
      <span class="sheet-dock__grip" aria-hidden="true" />
      <div class="sheet-dock__row">
        <For each={p.panels}>
          {(panel) => (
            <button
              type="button"
              class="sheet-dock__tab"
              ref={(el) => sheet.setTab(panel.id, el)}
              aria-expanded={sheet.open() === panel.id}
              aria-controls={panel.id}
              onClick={() => sheet.toggle(panel.id)}
            >
              {panel.label}
            </button>
          )}
        </For>
        <Show when={sheet.open()}>{(id) => <SheetButtons sheet={sheet} id={id()} panels={p.panels} />}</Show>
      </div>
    </nav>
  );
}

/** The open sheet's own buttons: full height (pressed when expanded) and close. */
function SheetButtons(p: { sheet: SheetState; id: string; panels: readonly SheetPanel[] }) {
  const label = () => p.panels.find((x) => x.id === p.id)?.label.toLowerCase() ?? '';
  return (
    <>
      <button
        type="button"
        class="sheet-dock__size"
        aria-controls={p.id}
        aria-pressed={p.sheet.expanded()}
        aria-label={`Full height ${label()} panel`}
        onClick={() => p.sheet.setExpanded(!p.sheet.expanded())}
      >
        <span aria-hidden="true">{p.sheet.expanded() ? '▾' : '▴'}</span>
      </button>
      <button type="button" class="sheet-dock__close" aria-label="Close the panel" onClick={p.sheet.close}>
        <span aria-hidden="true">×</span>
      </button>
    </>
  );
}
