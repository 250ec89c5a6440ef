/**
 * Issue 25's venue-list budget, in the browser: a synthetic list (./synthetic-venues.ts) chosen in the
 * "Your venue lists" panel as a person would (the file input, the mapping step, "Place the venues"),
 * timed from the click to the map idle with the venues drawn, while a probe in the page records the
 * gaps between animation frames and every long task (PerformanceObserver `longtask`, > 50 ms).
 * The same probe watches the baseline page draw the same points the plain MapLibre way, so the gaps
 * can be read against what one map frame costs on the machine (software WebGL draws a frame in
 * 100–300 ms here, bare MapLibre included).
 */
import type { Page } from 'playwright-core';
import type { SyntheticVenueList } from './synthetic-venues';

/** What the frame probe saw between its start and its stop. */
export interface FrameProbeResult {
  /** Longest gap between two animation frames (ms). */
  maxFrameGapMs: number;
  frames: number;
  /** Every gap between frames over 50 ms: when it ended (ms after the mark) and how long it was. */
  longGaps: Array<{ at: number; ms: number }>;
  /** The long tasks (> 50 ms each) after the mark: start (ms after the mark) and duration. */
  longTasks: Array<{ at: number; ms: number }>;
}

export interface VenueImportTiming extends FrameProbeResult {
  /** "Place the venues" clicked → the panel lists the placed rows (ms). */
  toListedMs: number;
  /** "Place the venues" clicked → the list saved and shown, and the map idle with it (ms). */
  toDrawnMs: number;
  /** The panel's outcome counts ("3333 placed", …), as text. */
  outcomes: string[];
}

/** The baseline page drawing the same points (circles from one GeoJSON source): call → idle, and its frame gaps. */
export interface BaselinePointsTiming extends FrameProbeResult {
  toDrawnMs: number;
}

const LIST_NAME = 'synthetic-bench-venues';

interface FrameProbe {
  /** Sets the time the figures are measured from (the click), returns it. */
  mark(): number;
  stop(): FrameProbeResult;
}

type ProbeWindow = Window & { __benchFrames?: FrameProbe };

/**
 * Waits until the page draws frames at a steady pace (10 in a row under 34 ms apart, at most 5 s):
 * `idle()` forces one map frame, and with software WebGL the GPU process can still be drawing it after
 * MapLibre's `idle`, so a click straight after would charge that frame to what is measured.
 * Then starts the frame probe (`window.__benchFrames`) from a frame.
 */
async function startFrameProbe(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const until = performance.now() + 5000;
        let last = performance.now();
        let steady = 0;
        let on = true;
        let t0 = 0;
        let maxGap = 0;
        let frames = 0;
        const longGaps: Array<{ at: number; ms: number }> = [];
        const longTasks: Array<{ at: number; ms: number }> = [];
        const observer = new PerformanceObserver((l) => {
          for (const e of l.getEntries()) longTasks.push({ at: e.startTime, ms: e.duration });
        });
        const measure = (t: number): void => {
          if (!on) return;
          const gap = t - last;
          maxGap = Math.max(maxGap, gap);
          if (gap > 50) longGaps.push({ at: t - t0, ms: gap });
          last = t;
          frames++;
          requestAnimationFrame(measure);
        };
        const settle = (t: number): void => {
          steady = t - last < 34 ? steady + 1 : 0;
          last = t;
          if (steady < 10 && t < until) {
            requestAnimationFrame(settle);
            return;
          }
          observer.observe({ type: 'longtask' });
          t0 = t;
          (window as ProbeWindow).__benchFrames = {
            mark: () => {
              t0 = performance.now();
              return t0;
            },
            stop: () => {
              on = false;
              observer.disconnect();
              return {
                maxFrameGapMs: maxGap,
                frames,
                longGaps,
                longTasks: longTasks.map((x) => ({ at: x.at - t0, ms: x.ms })).filter((x) => x.at >= 0),
              };
            },
          };
          requestAnimationFrame(measure);
          resolve();
        };
        requestAnimationFrame(settle);
      }),
  );
}

async function stopFrameProbe(page: Page): Promise<FrameProbeResult> {
  const r = await page.evaluate(() => (window as ProbeWindow).__benchFrames?.stop() ?? null);
  if (!r) throw new Error('the frame probe was not started');
  return r;
}

export async function importVenues(page: Page, list: SyntheticVenueList): Promise<VenueImportTiming> {
  const panel = page.getByTestId('venue-lists-panel');
  await panel.waitFor({ timeout: 30_000 });
  await page.locator('#venue-file').setInputFiles({
    name: `${LIST_NAME}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(list.csv, 'utf8'),
  });
  await page.getByTestId('venue-mapping').waitFor({ timeout: 60_000 });
  await page.evaluate(() => window.__atlas?.idle());
  await startFrameProbe(page);
  const r = await page.evaluate(
    async ({ name, timeoutMs }) => {
      const probe = (window as ProbeWindow).__benchFrames;
      if (!probe) throw new Error('the frame probe was not started');
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Place the venues');
      if (!button) throw new Error('no "Place the venues" button');
      const t0 = probe.mark();
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
      await window.__atlas?.idle();
      const t1 = performance.now();
      // The frame after idle: the one that shows the venues.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const outcomes = [...document.querySelectorAll('[data-testid="venue-last-import"] .venue-counts li')].map(
        (li) => li.textContent ?? '',
      );
      return { toListedMs: tListed - t0, toDrawnMs: t1 - t0, outcomes };
    },
    { name: LIST_NAME, timeoutMs: 60_000 },
  );
  return { ...r, ...(await stopFrameProbe(page)) };
}

/**
 * The baseline page draws the list's points (`__baseline.drawPoints`), timed from the call to the
 * frame after its idle with the same probe; the points are taken off again so the switches and
 * hovers that follow compare against the bare choropleth, as before the import.
 */
export async function baselineDrawsPoints(page: Page, list: SyntheticVenueList): Promise<BaselinePointsTiming> {
  await page.evaluate(() => window.__baseline?.idle());
  await startFrameProbe(page);
  const toDrawnMs = await page.evaluate(async (points) => {
    const probe = (window as ProbeWindow).__benchFrames;
    const hooks = window.__baseline;
    if (!probe || !hooks) throw new Error('the baseline page has no hooks');
    const t0 = probe.mark();
    await hooks.drawPoints(points);
    const t1 = performance.now();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return t1 - t0;
  }, list.points);
  const probe = await stopFrameProbe(page);
  await page.evaluate(() => window.__baseline?.clearPoints());
  return { toDrawnMs, ...probe };
}
