/**
 * URL writes that may wait for the next frame. An edit of your own area changes the `area` link,
 * and `history.replaceState` costs milliseconds a click should not wait for; so the write is
 * queued and done after the frame that shows the edit, coalescing a run of edits into one write.
 * Anything that writes the URL itself (src/state/store.ts) flushes the queue first, so no history
 * entry is made with a stale link; leaving the page flushes it too.
 */

let pending: (() => void) | null = null;
let timers: { frame: number; fallback: ReturnType<typeof setTimeout> } | null = null;

/** Runs the queued write now, if there is one. */
export function flushUrlWrite(): void {
  if (timers) {
    cancelAnimationFrame(timers.frame);
    clearTimeout(timers.fallback);
    timers = null;
  }
  const write = pending;
  pending = null;
  write?.();
}

/** Queues `write` (replacing a queued one: the latest state wins) to run after the next frame. */
export function writeUrlLater(write: () => void): void {
  pending = write;
  if (timers) return;
  timers = {
    // After the frame is drawn; the timeout covers a hidden tab, which draws no frames.
    frame: requestAnimationFrame(() => setTimeout(flushUrlWrite, 0)),
    fallback: setTimeout(flushUrlWrite, 250),
  };
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', flushUrlWrite);
