import { type Accessor, createEffect, createSignal, onCleanup } from 'solid-js';

/** The phone layout's one open sheet (a panel's element id, or none) and its size, with the moves between them. */
export interface SheetState {
  open: Accessor<string | null>;
  expanded: Accessor<boolean>;
  setExpanded: (expanded: boolean) => void;
  /** Opens a panel's sheet; `focus` moves focus into the panel (a dock press does, a map choice does not). */
  show: (id: string, opts: { expand: boolean; focus: boolean }) => void;
  /** Closes the open sheet and returns focus to its dock button. */
  close: () => void;
  /** A dock button: opens its panel at peek height, or closes it when it is the one open. */
  toggle: (id: string) => void;
  /** Where close() sends focus: each panel's dock button. */
  setTab: (id: string, el: HTMLButtonElement) => void;
}

/**
 * The open sheet and its size, written to <html data-sheet data-sheet-size> for the stylesheet (and
 * removed when the dock goes), so the panels keep one place in the DOM at every width.
 */
export function createSheetState(): SheetState {
  const [open, setOpen] = createSignal<string | null>(null);
  const [expanded, setExpanded] = createSignal(false);
  const tabs = new Map<string, HTMLButtonElement>();

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

  const show = (id: string, opts: { expand: boolean; focus: boolean }) => {
    setOpen(id);
    setExpanded(opts.expand);
    // The effect above has already written data-sheet, so the stylesheet shows the panel: focus can go there.
    if (opts.focus) queueMicrotask(() => document.getElementById(id)?.focus({ preventScroll: true }));
  };
  const close = () => {
    const id = open();
    if (!id) return;
    setOpen(null);
    setExpanded(false);
    tabs.get(id)?.focus();
  };
  const toggle = (id: string) => (open() === id ? close() : show(id, { expand: false, focus: true }));
  const setTab = (id: string, el: HTMLButtonElement) => tabs.set(id, el);

  return { open, expanded, setExpanded, show, close, toggle, setTab };
}
