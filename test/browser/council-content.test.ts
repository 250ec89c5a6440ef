import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import type { PreviewServer } from 'vite';
import { chromiumForThisFile, openPage, waitForMap } from './browser';
import { buildAndServeSites } from './sites';
import { tempDir } from '../unit/pipeline/helpers/synthetic';

/**
 * A council's content is data: Hastings (E07000062) with the obviously synthetic content folder in
 * test/fixtures/content (ATLAS_CONTENT_DIR), built by build:sites with no code change. Its types,
 * symbols' labels, items and citations reach the map's list, the key, the venue profile and search;
 * none of Leeds' content does.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const sites = tempDir('sites-hastings-content');
const chrome = chromiumForThisFile();
let server: PreviewServer | undefined;
let base = '';

beforeAll(async () => {
  ({ server, base } = await buildAndServeSites(['E07000062'], sites, {
    ATLAS_CONTENT_DIR: join(ROOT, 'test/fixtures/content'),
  }));
}, 300_000);

afterAll(async () => {
  await server?.close();
});

describe("Hastings' synthetic content in the app", () => {
  it('the key, the list, the profile and search show its own types, items and citations', async () => {
    const { page, problems } = await openPage(chrome.browser, `${base}E07000062/`);
    await waitForMap(page);
    const list = page.getByTestId('venue-list');
    await list.locator('li').first().waitFor();
    // The key: exactly the council's two types, by its labels.
    const types = page.locator('.interventions fieldset').first().locator('label');
    await expect(types.allTextContents()).resolves.toEqual(['Synthetic warm space', 'Synthetic project']);
    await expect(list.locator('li > button').allTextContents()).resolves.toEqual(
      expect.arrayContaining([
        'Synthetic Hub Item',
        'Synthetic Warm Space Alpha',
        'Synthetic Project Beta',
        'Synthetic Ward Project',
      ]),
    );
    expect(await list.locator('li').count()).toBe(4);
    // Unchecking a type of its vocabulary filters the list.
    await page.getByRole('checkbox', { name: 'Synthetic project' }).uncheck();
    expect(await list.locator('li').count()).toBe(2);
    await page.getByRole('checkbox', { name: 'Synthetic project' }).check();

    await list.locator('li', { hasText: 'Synthetic Hub Item' }).getByRole('button').click();
    const profile = page.getByTestId('venue-profile');
    await profile.waitFor();
    await expect(profile.textContent()).resolves.toContain('Synthetic warm space');
    await expect(profile.locator('.profile__source').textContent()).resolves.toContain(
      'Synthetic Test Borough Council, SYNTHETIC TEST REPORT (fixture, not a real document), 2025-01-31, para. 1.1',
    );
    expect(new URL(page.url()).searchParams.get('sel')).toBe('venue:synthetic-hub-item');

    // Search finds its venues, and none of Leeds'.
    const search = page.locator('#search-input');
    await search.fill('Synthetic Project');
    await expect(page.getByRole('option', { name: /Synthetic Project Beta/ }).count()).resolves.toBe(1);
    await search.fill('Bramley Library');
    await expect(page.getByRole('option', { name: /Bramley/ }).count()).resolves.toBe(0);
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/Leeds/i);
    expect(problems).toEqual([]);
  });

  it('a Leeds venue link on Hastings selects nothing', async () => {
    const { page } = await openPage(chrome.browser, `${base}E07000062/?sel=venue:library-leeds-central-library`);
    await waitForMap(page);
    await page.getByTestId('venue-list').locator('li').first().waitFor();
    await expect(page.getByTestId('venue-profile').count()).resolves.toBe(0);
  });
});
