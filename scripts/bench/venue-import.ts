/**
 * Issue 25's venue-list budget, in the browser: a synthetic list (./synthetic-venues.ts) chosen in the
 * "Your venue lists" panel as a person would (the file input, the mapping step, "Place the venues"),
 * timed from the click to the map idle with the venues drawn, while a probe in the page records the
 * gaps between animation frames and every long task (PerformanceObserver `longtask`, > 50 ms).
 */
import type { Page } from 'playwright-core';
import type { SyntheticVenueList } from './synthetic-venues';

export interface VenueImportTiming {
  /** "Place the venues" clicked → the panel lists the placed rows (ms). */
  toListedMs: number;
  /** "Place the venues" clicked → the list saved and shown, and the map idle with it (ms). */
  toDrawnMs: number;
  /** Longest gap between two animation frames in that time (ms). */
  maxFrameGapMs: number;
  frames: number;
  /** Every gap between frames over 50 ms: when it ended (ms after the click) and how long it was. */
  longGaps: Array<{ at: number; ms: number }>;
  /** The long tasks (> 50 ms each) in that time: start (ms after the click) and duration. */
  longTasks: Array<{ at: number; ms: number }>;
  /** The panel's outcome counts ("3333 placed", …), as text. */
  outcomes: string[];
}

const LIST_NAME = 'synthetic-bench-venues';

type ProbeWindow = Window & {
  __benchProbe?: {
    on: boolean;
    last: number;
    maxGap: number;
    frames: number;
    longTasks: unknown[];
    longGaps: unknown[];
  };
  __atlas?: { idle(): Promise<void> };
};

export async function importVenues(page: Page, list: SyntheticVenueList): Promise<VenueImportTiming> {
  const panel = page.getByTestId('venue-lists-panel');
  await panel.waitFor({ timeout: 30_000 });
  await page.locator('#venue-file').setInputFiles({
    name: `${LIST_NAME}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(list.csv, 'utf8'),
  });
  await page.getByTestId('venue-mapping').waitFor({ timeout: 60_000 });
  await page.evaluate(async () => {
    const w = window as ProbeWindow;
    await w.__atlas?.idle();
  });
  const r = await page.evaluate(
    async ({ name, timeoutMs }) => {
      const w = window as ProbeWindow;
      let t0 = performance.now();
      const probe = {
        on: true,
        last: performance.now(),
        maxGap: 0,
        frames: 0,
        longTasks: [] as Array<{ at: number; ms: number }>,
        longGaps: [] as Array<{ at: number; ms: number }>,
      };
      w.__benchProbe = probe;
      const tick = (t: number): void => {
        if (!probe.on) return;
        probe.maxGap = Math.max(probe.maxGap, t - probe.last);
        if (t - probe.last > 50) probe.longGaps.push({ at: t - t0, ms: t - probe.last });
        probe.last = t;
        probe.frames++;
        requestAnimationFrame(tick);
      };
      const observer = new PerformanceObserver((l) => {
        for (const e of l.getEntries()) probe.longTasks.push({ at: e.startTime - t0, ms: e.duration });
      });
      observer.observe({ type: 'longtask' });
      // Start from a frame, so the first gap is measured from a frame too.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      probe.last = performance.now();
      requestAnimationFrame(tick);
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Place the venues');
      if (!button) throw new Error('no "Place the venues" button');
      t0 = performance.now();
      button.click();
      const until = t0 + timeoutMs;
      const shown = (): boolean =>
        [...document.querySelectorAll('[data-testid="venue-last-import"] h3')].some((h) =>
          h.textContent?.includes(name),
        );
      while (!shown()) {
        if (performance.now() > until) throw new Error(`the venue list was not placed within ${timeoutMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const tListed = performance.now();
      await w.__atlas?.idle();
      const t1 = performance.now();
      // The frame after idle: the one that shows the venues.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      probe.on = false;
      observer.disconnect();
      const outcomes = [...document.querySelectorAll('[data-testid="venue-last-import"] .venue-counts li')].map(
        (li) => li.textContent ?? '',
      );
      return {
        toListedMs: tListed - t0,
        toDrawnMs: t1 - t0,
        maxFrameGapMs: probe.maxGap,
        frames: probe.frames,
        longGaps: probe.longGaps,
        longTasks: probe.longTasks.filter((t) => t.at >= 0),
        outcomes,
      };
    },
    { name: LIST_NAME, timeoutMs: 60_000 },
  );
  return r;
}
