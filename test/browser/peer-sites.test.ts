/**
 * In a build:sites folder a peer ward in another council links that council's atlas only when it was
 * built beside this one (sites.json): Leeds and Bradford built together, Burmantofts & Richmond Hill's
 * nearest peer is Great Horton (Bradford), which opens in Bradford's atlas; peers elsewhere say why
 * they have no link.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumForThisFile, openPage, waitForMap } from './browser';
import { buildAndServeSites } from './sites';

const chrome = chromiumForThisFile();
let server: PreviewServer | undefined;
let base = '';
let sites = '';

beforeAll(async () => {
  sites = mkdtempSync(join(tmpdir(), 'atlas-peer-sites-'));
  ({ server, base } = await buildAndServeSites(['E08000035', 'E08000032'], sites));
}, 900_000);

afterAll(async () => {
  await server?.close();
  rmSync(sites, { recursive: true, force: true });
});

describe('peer links between built atlases', () => {
  it('sites.json lists the built councils', () => {
    expect(JSON.parse(readFileSync(join(sites, 'sites.json'), 'utf8'))).toEqual({
      councils: ['E08000032', 'E08000035'],
    });
  });

  it('a peer in a built council links its atlas, and the link opens that ward there', async () => {
    const w = await openPage(chrome.browser, `${base}E08000035/?sel=ward:E05011388`);
    try {
      await waitForMap(w.page);
      const link = w.page.getByRole('link', { name: 'Open in Bradford’s atlas' }).first();
      await link.waitFor({ timeout: 30_000 });
      const href = await link.getAttribute('href');
      expect(href).toMatch(/^\.\.\/E08000032\/\?sel=ward:E05\d{6}$/);
      await expect(w.page.getByTestId('ward-peers-no-link').textContent()).resolves.toMatch(
        /No atlas for .+ was built beside this one\./,
      );
      const peerName = await w.page
        .locator(`[data-testid="ward-peers-table"] tr[data-ward="${href!.split(':')[1]}"] th`)
        .textContent();
      await link.click();
      await w.page.waitForURL(/\/E08000032\//);
      await waitForMap(w.page);
      await expect
        .poll(() => w.page.locator('#profile-title').textContent(), { timeout: 30_000 })
        .toBe(peerName!.replace(/\s*E05\d{6}$/, '').trim());
    } finally {
      await w.page.context().close();
    }
  });
});
