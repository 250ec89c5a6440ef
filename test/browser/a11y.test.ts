import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchChromium, openPage, waitForIdle, waitForMap, type WatchedPage } from './browser';

let browser: Browser;
const base = inject('baseUrl');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** WCAG 2.0, 2.1 and 2.2, levels A and AA (2.2 added only AA success criteria that axe tests). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** One line per failing node: rule, impact, CSS target and axe's summary of what to fix. */
function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map((n) => `- ${v.id} [${v.impact ?? 'n/a'}] ${n.target.join(' ')}\n    ${v.help}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`),
    )
    .join('\n');
}

/** Runs axe-core on the page as it is now (injected once per page) and returns its violations. */
async function axe(page: Page): Promise<Result[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(
    (tags) => (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    WCAG_TAGS,
  );
  return results.violations;
}

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const violations = await axe(page);
  expect(violations.length, `axe (WCAG 2.x A/AA) found violations in ${what}:\n${describeViolations(violations)}`).toBe(0);
}

describe('axe-core finds no WCAG 2.x A/AA violations', () => {
  // One page walks through the app's states (each page load costs several seconds of SwiftShader).
  let w: WatchedPage;
  beforeAll(async () => {
    w = await openPage(browser, base);
    await waitForMap(w.page);
  });

  it('in the main view (the map canvas has a label)', async () => {
    await expect(w.page.locator('.maplibregl-canvas').getAttribute('aria-label')).resolves.toBeTruthy();
    await expectNoViolations(w.page, 'the main view');
  });

  it('with "About the data" open', async () => {
    await w.page.getByRole('button', { name: 'About the data' }).click();
    await w.page.getByTestId('about-panel').waitFor();
    await expectNoViolations(w.page, 'the About panel');
    await w.page.getByTestId('about-panel').getByRole('button', { name: 'Close' }).click();
  });

  it('with a ward profile open', async () => {
    await w.page.locator('.ward-list summary').click();
    await w.page.locator('.ward-list').getByRole('button', { name: 'Burmantofts & Richmond Hill' }).click();
    await w.page.getByTestId('ward-profile').waitFor();
    await expectNoViolations(w.page, 'a ward profile');
  });

  it('with an LSOA profile open', async () => {
    await w.page.locator('[data-testid="ward-lsoa-table"] tbody tr th button').first().click();
    await w.page.getByTestId('lsoa-profile').waitFor();
    await expectNoViolations(w.page, 'an LSOA profile');
  });

  it('with a venue profile open', async () => {
    await w.page.getByTestId('venue-list').getByRole('button', { name: /^Reginald Centre/ }).click();
    await w.page.getByTestId('venue-profile').waitFor();
    await expectNoViolations(w.page, 'a venue profile');
  });

  it('in the outreach panel in gap mode', async () => {
    await w.page.getByRole('radio', { name: 'Deprived areas far from every community hub' }).check();
    await w.page.selectOption('#gap-ward', { label: 'Burmantofts & Richmond Hill' });
    await w.page.getByTestId('gap-result').waitFor();
    await expectNoViolations(w.page, 'the outreach panel in gap mode');
  });

  it('in the table view (?table=1)', async () => {
    const { page } = await openPage(browser, `${base}?table=1`);
    await page.getByTestId('layer-table').waitFor();
    await expectNoViolations(page, 'the table view');
    await page.context().close();
  });

  it('in the SPI view with no SPI data loaded', async () => {
    const { page } = await openPage(browser, `${base}?view=spi`);
    await page.getByTestId('spi-empty').waitFor();
    await waitForMap(page);
    await expectNoViolations(page, 'the SPI view (empty state)');
    await page.context().close();
  });

  afterAll(async () => {
    expect(w.problems).toEqual([]);
    await w.page.context().close();
  });
});

describe('keyboard only', () => {
  it('skip link → search → choose a ward → profile → back to the map controls, with the selection announced', async () => {
    const { page, problems } = await openPage(browser, base);
    await waitForMap(page);
    const active = () => page.evaluate(() => {
      const el = document.activeElement;
      return el ? { tag: el.tagName, id: el.id, text: (el.textContent ?? '').trim(), cls: el.className, label: el.getAttribute('aria-label') } : null;
    });

    await page.keyboard.press('Tab');
    await expect(active()).resolves.toMatchObject({ tag: 'A', text: 'Skip to search' });
    await page.keyboard.press('Enter');
    await expect(active()).resolves.toMatchObject({ tag: 'INPUT', id: 'search-input' });

    await page.keyboard.type('Burmantofts');
    await page.locator('#search-listbox').waitFor();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#search-input').getAttribute('aria-activedescendant')).resolves.toBe('search-option-0');
    await expect(page.locator('#search-option-0').textContent()).resolves.toContain('Burmantofts & Richmond Hill');
    await page.keyboard.press('Enter');
    const profile = page.getByTestId('ward-profile');
    await profile.waitFor();
    await expect(profile.locator('h2').textContent()).resolves.toBe('Burmantofts & Richmond Hill');
    await expect(page.getByTestId('live-region').textContent()).resolves.toContain('Selected ward Burmantofts & Richmond Hill');
    // Choosing keeps focus in the search box, so a keyboard user can search again.
    await expect(active()).resolves.toMatchObject({ id: 'search-input' });

    // Forward: the Search button, then the first "Map shows" radio (the checked one).
    await page.keyboard.press('Tab');
    await expect(active()).resolves.toMatchObject({ tag: 'BUTTON', text: 'Search' });
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).name + ':' + (document.activeElement as HTMLInputElement).value)).resolves.toBe('view:deprivation');
    // Back again.
    await page.keyboard.press('Shift+Tab');
    await expect(active()).resolves.toMatchObject({ tag: 'BUTTON', text: 'Search' });
    await page.keyboard.press('Shift+Tab');
    await expect(active()).resolves.toMatchObject({ id: 'search-input' });

    // The map itself is reachable by keyboard: the "Skip to area details" link moves on to the profile.
    await waitForIdle(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
