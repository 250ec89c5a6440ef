/**
 * Issue 25's budgets for the new work, measured in the app page the interactions were timed on:
 * one postcode lookup (how many requests it makes), and edits of a custom area through the panel's
 * own checkboxes (the real store, profile and map overlay). The venue import is ./venue-import.ts.
 */
import type { Page } from 'playwright-core';
import { councilOrder, serialiseAreaLink } from '../../src/domain/custom-area/area-link';
import type { StaticServer } from './server';

export interface PostcodeLookupTiming {
  postcode: string;
  /** Enter pressed → the search message names the postcode's LSOA (ms). */
  ms: number;
  /** Every request the server saw meanwhile (paths), and those for postcode files. */
  requests: string[];
  postcodeFileRequests: number;
  message: string;
}

/**
 * Types a postcode in the search box and presses Enter; counts what the server is asked for until
 * the answer is shown. The postcode is one of the council's own from a district file not loaded yet.
 */
export async function postcodeLookup(
  page: Page,
  server: StaticServer,
  prefix: string,
  postcode: string,
): Promise<PostcodeLookupTiming> {
  const input = page.locator('#search-input');
  await input.fill(postcode);
  const logStart = server.log.length;
  const t0 = await page.evaluate(() => performance.now());
  await input.press('Enter');
  await page.waitForFunction(
    (pc) => {
      const m = document.getElementById('search-message')?.textContent ?? '';
      return m.startsWith(pc) && !m.startsWith('Looking up');
    },
    postcode,
    { timeout: 30_000, polling: 10 },
  );
  const t1 = await page.evaluate(() => performance.now());
  const message = (await page.locator('#search-message').textContent()) ?? '';
  const requests = server.log
    .slice(logStart)
    .filter((r) => r.path.startsWith(prefix))
    .map((r) => r.path);
  return {
    postcode,
    ms: t1 - t0,
    requests,
    postcodeFileRequests: requests.filter((p) => p.includes('/geo/postcodes/')).length,
    message,
  };
}

export interface CustomAreaEdits {
  /** LSOAs in the area before the edits (min(500, the council's LSOAs)). */
  members: number;
  /** One per edit: checkbox clicked → the profile shows the new LSOA count (ms). */
  toProfile: number[];
  /** The same to the next animation frame after it (the frame that shows the edit). */
  toFrame: number[];
}

/** The custom-area link (`area=`) for the first `count` LSOAs of the council in the app's own order. */
export function areaLinkFor(codes: readonly string[], count: number): { link: string; members: string[] } {
  const order = councilOrder(codes);
  const members = order.slice(0, Math.min(count, order.length));
  return { link: serialiseAreaLink(members, order), members };
}

/**
 * Opens the app with a custom area of `size` LSOAs (its `area=` link, as a shared link opens it),
 * then makes `edits` edits through the "Pick LSOAs" checkboxes: remove one member, add it back, the
 * next one, … Each is timed in the page from the click to the profile's LSOA count changing.
 */
export async function customAreaEdits(
  page: Page,
  appUrl: string,
  codes: readonly string[],
  size: number,
  edits: number,
): Promise<CustomAreaEdits> {
  const { link, members } = areaLinkFor(codes, size);
  const url = new URL(appUrl);
  url.searchParams.set('area', link);
  url.searchParams.set('aname', 'Synthetic bench area');
  await page.goto(url.toString(), { waitUntil: 'commit', timeout: 90_000 });
  const count = page.getByTestId('custom-area-lsoas');
  await count.waitFor({ timeout: 90_000 });
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid="custom-area-lsoas"]')?.textContent === n,
    String(members.length),
    { timeout: 60_000 },
  );
  await page.evaluate(async () => {
    await (window as Window & { __atlas?: { idle(): Promise<void> } }).__atlas?.idle();
  });
  return page.evaluate(
    async ({ edits, start }) => {
      const boxes = [...document.querySelectorAll<HTMLInputElement>('.custom-area__choices input[type="checkbox"]')];
      const shown = (): string => document.querySelector('[data-testid="custom-area-lsoas"]')?.textContent ?? '';
      const toProfile: number[] = [];
      const toFrame: number[] = [];
      let n = start;
      for (let i = 0; i < edits; i++) {
        const box = boxes[Math.floor(i / 2) % boxes.length];
        if (!box) throw new Error('no LSOA checkbox in the custom-area panel');
        n += box.checked ? -1 : 1;
        const want = String(n);
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const t0 = performance.now();
        box.click();
        // Solid updates the DOM in the click's own task; wait (at most 10 s) if it ever does not.
        while (shown() !== want) {
          if (performance.now() - t0 > 10_000) throw new Error(`the profile did not show ${want} LSOAs`);
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        toProfile.push(performance.now() - t0);
        await new Promise((resolve) => requestAnimationFrame(resolve));
        toFrame.push(performance.now() - t0);
      }
      return { members: start, toProfile, toFrame };
    },
    { edits, start: members.length },
  );
}
