import type { SpiDataset } from '../domain/spi';

const KEY = 'neighbourhood-atlas:spi';

/**
 * Imported SPI data is kept for the browser session only (sessionStorage), so a reload keeps it and
 * closing the tab forgets it. Nothing leaves the browser.
 */
export function loadSessionSpi(): SpiDataset | null {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as SpiDataset;
    return parsed.schemaVersion === 1 && Array.isArray(parsed.rows) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveSessionSpi(data: SpiDataset | null): void {
  try {
    if (data) window.sessionStorage.setItem(KEY, JSON.stringify(data));
    else window.sessionStorage.removeItem(KEY);
  } catch {
    // Storage can be full or disabled (private mode, embedded with storage blocked): the data still works for this page.
  }
}
