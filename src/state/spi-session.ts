const KEY = 'neighbourhood-atlas:spi';

/** What the session store holds: nothing, JSON text that parsed (shape unchecked), or text that did not. */
export type StoredSpi = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'unreadable' };

/**
 * Imported SPI data is kept for the browser session only (sessionStorage), so a reload keeps it and
 * closing the tab forgets it. Nothing leaves the browser. The caller checks the shape (domain/spi).
 */
export function loadSessionSpi(): StoredSpi {
  let raw: string | null;
  try {
    raw = window.sessionStorage.getItem(KEY);
  } catch {
    return { kind: 'none' }; // storage disabled (private mode, embedded with storage blocked)
  }
  if (raw === null) return { kind: 'none' };
  try {
    return { kind: 'json', value: JSON.parse(raw) as unknown };
  } catch {
    return { kind: 'unreadable' };
  }
}

/**
 * Keeps `data` (JSON-serialisable) for the session, or forgets it (null). The previous entry is
 * removed first, so a failed write can never leave an older, different dataset to reappear on reload.
 * Returns whether the data will survive a reload.
 */
export function saveSessionSpi(data: object | null): boolean {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    return data === null; // storage disabled: nothing was kept, nothing can come back
  }
  if (data === null) return true;
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(data));
    return true;
  } catch {
    // Over the quota (about 5 MB) or storage disabled: the data still works for this page only.
    return false;
  }
}
