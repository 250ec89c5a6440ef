/**
 * One dispatcher for pointer events on the map. Each layer group registers a handler with a declared
 * priority; on a click the handlers are asked in priority order (lowest number first) and the first
 * that claims the click handles it, so one click never does two things. Hover works the same way: the
 * first group that claims the pointer shows its hover, every other group is told to drop its own.
 */
export interface PointerEvent {
  point: { x: number; y: number };
  lngLat: { lng: number; lat: number };
}

export interface PointerHandler {
  /** Who handles it (for tests and error messages). */
  name: string;
  /** Lower runs first. The priorities in use are listed in POINTER_PRIORITY. */
  priority: number;
  /** Returns true when it used the click. */
  click?: (e: PointerEvent) => boolean;
  /** Returns true when it shows a hover for this position. */
  hover?: (e: PointerEvent) => boolean;
  /** The pointer is no longer this handler's (another claimed it, or it left the map). */
  leave?: () => void;
}

/** The declared order: a venue marker beats "pick a point", which beats the area underneath. */
export const POINTER_PRIORITY = { importedVenues: 5, venues: 10, pick: 20, areas: 30 } as const;

export class PointerDispatcher {
  private handlers: PointerHandler[] = [];

  register(h: PointerHandler): void {
    this.handlers = [...this.handlers, h].sort((a, b) => a.priority - b.priority);
  }

  /** Name of the handler that took the click, or null. */
  click(e: PointerEvent): string | null {
    for (const h of this.handlers) if (h.click?.(e)) return h.name;
    return null;
  }

  /** Name of the handler that took the hover, or null; every other handler is told to leave. */
  hover(e: PointerEvent): string | null {
    let owner: PointerHandler | null = null;
    for (const h of this.handlers) {
      if (!owner && h.hover?.(e)) owner = h;
      else h.leave?.();
    }
    return owner?.name ?? null;
  }

  leave(): void {
    for (const h of this.handlers) h.leave?.();
  }
}
