import type { SheetState } from './sheet-state';

/** How far a finger must move on the dock to expand or collapse the sheet (the dock is at the screen's foot). */
const SWIPE_PX = 24;

/** The dock's pointer handlers for a swipe gesture. */
export interface DockSwipe {
  onPointerDown: (e: PointerEvent) => void;
  onPointerUp: (e: PointerEvent) => void;
  onPointerCancel: () => void;
}

/**
 * Swipe on the dock: up expands (opening `lastPanel` at peek height if no sheet is open), down
 * collapses, then closes.
 */
export function createDockSwipe(sheet: SheetState, lastPanel: () => string): DockSwipe {
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
      if (!sheet.open()) sheet.show(lastPanel(), { expand: false, focus: false });
      else sheet.setExpanded(true);
    } else if (dy > SWIPE_PX) {
      if (sheet.expanded()) sheet.setExpanded(false);
      else sheet.close();
    }
  };
  return {
    onPointerDown,
    onPointerUp,
    onPointerCancel: () => {
      startY = null;
    },
  };
}
