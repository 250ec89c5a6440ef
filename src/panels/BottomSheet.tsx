import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js';

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
/** How far a finger must move on the dock to expand or collapse the sheet (the dock is at the screen's foot). */
const SWIPE_PX = 24;

/**
 * The dock of a phone layout: one button per panel (controls, legend, details) opens it as a bottom sheet
 * over the map; a second press, Escape or the close button closes it; "Expand" gives it most of the screen.
 * On wider screens the dock is hidden by CSS and the panels stay in their columns. The open panel and its
 * size are written to <html data-sheet data-sheet-size> for the stylesheet, so the panels themselves keep
 * one place in the DOM (and in the reading order) at every width.
 */
export function BottomSheet(p: BottomSheetProps) {
  const [open, setOpen] = createSignal<string | null>(null);
  const [expanded, setExpanded] = createSignal(false);
  const isPhone = () => window.matchMedia(PHONE_QUERY).matches;
  const tabs = new Map<string, HTMLButtonElement>();
  let dock: HTMLElement | undefined;

  createEffect(() => {
    const root = document.documentElement;
    const id = open();
    if (id) root.dataset['sheet'] = id;
    else delete root.dataset['sheet'];
    root.dataset['sheetSize'] = expanded() ? 'full' : 'peek';
  });
  onCleanup(() => {
    delete document.documentElement.dataset['sheet'];
    delete document.documentElement.dataset['sheetSize'];
  });

  const panelEl = (id: string) => document.getElementById(id);
  const show = (id: string, opts: { expand: boolean; focus: boolean }) => {
    setOpen(id);
    setExpanded(opts.expand);
    // The effect above has already written data-sheet, so the stylesheet shows the panel: focus can go there.
    if (opts.focus) queueMicrotask(() => panelEl(id)?.focus({ preventScroll: true }));
  };
  const close = () => {
    const id = open();
    if (!id) return;
    setOpen(null);
    setExpanded(false);
    tabs.get(id)?.focus();
  };
  const toggle = (id: string) => (open() === id ? close() : show(id, { expand: false, focus: true }));

  // A choice (or a shared link's selection) shows its compact summary: the sheet at peek height; the full
  // profile on demand. A memo, so only a different choice re-opens it (not every camera move).
  const wantedKey = createMemo(() => p.showPanel()?.key);
  createEffect(
    on(wantedKey, () => {
      const want = p.showPanel();
      if (want && isPhone()) show(want.id, { expand: false, focus: false });
    }),
  );

  onMount(() => {
    const onKey = (e: KeyboardEvent) => {
      const id = open();
      if (e.key !== 'Escape' || !id || !(e.target instanceof Node)) return;
      if (panelEl(id)?.contains(e.target) || dock?.contains(e.target)) {
        e.preventDefault();
        close();
      }
    };
    document.addEventListener('keydown', onKey);
    onCleanup(() => document.removeEventListener('keydown', onKey));
  });

  // Swipe on the dock: up expands (opening the last panel if none is open), down collapses, then closes.
  let startY: number | null = null;
  const onPointerDown = (e: PointerEvent) => {
    startY = e.clientY;
    // A finger that swipes past the bottom of the screen still ends the gesture here. Not from a button:
    // capture would retarget its click to the dock, and the button would never hear it.
    const onButton = e.target instanceof Element && e.target.closest('button') !== null;
    if (!onButton && e.currentTarget instanceof Element) e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerUp = (e: PointerEvent) => {
    if (startY === null) return;
    const dy = e.clientY - startY;
    startY = null;
    if (dy < -SWIPE_PX) {
      if (!open()) show(p.panels[p.panels.length - 1]!.id, { expand: false, focus: false });
      else setExpanded(true);
    } else if (dy > SWIPE_PX) {
      if (expanded()) setExpanded(false);
      else close();
    }
  };

  return (
    <nav
      class="sheet-dock"
      aria-label="Map panels"
      data-testid="sheet-dock"
      ref={dock}
      onPointerDown={onPointerDown}
      onPointerUp={onPointerUp}
      onPointerCancel={() => (startY = null)}
    >
      <span class="sheet-dock__grip" aria-hidden="true" />
      <div class="sheet-dock__row">
        <For each={p.panels}>
          {(panel) => (
            <button
              type="button"
              class="sheet-dock__tab"
              ref={(el) => tabs.set(panel.id, el)}
              aria-expanded={open() === panel.id}
              aria-controls={panel.id}
              onClick={() => toggle(panel.id)}
            >
              {panel.label}
            </button>
          )}
        </For>
        <Show when={open()}>
          {(id) => (
            <>
              <button
                type="button"
                class="sheet-dock__size"
                aria-controls={id()}
                aria-pressed={expanded()}
                aria-label={`Full height ${p.panels.find((x) => x.id === id())?.label.toLowerCase() ?? ''} panel`}
                onClick={() => setExpanded(!expanded())}
              >
                <span aria-hidden="true">{expanded() ? '▾' : '▴'}</span>
              </button>
              <button type="button" class="sheet-dock__close" aria-label="Close the panel" onClick={close}>
                <span aria-hidden="true">×</span>
              </button>
            </>
          )}
        </Show>
      </div>
    </nav>
  );
}
