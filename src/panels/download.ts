/** Saves text or a blob as a file through a temporary link (works offline, nothing leaves the browser). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(fileName: string, text: string, mime: string): void {
  downloadBlob(fileName, new Blob([text], { type: mime }));
}

/**
 * Runs a download whose code is imported on the click (the CSV writers are not in the first view).
 * If that code cannot load (e.g. a page left open across an update), `announce` says the file was not
 * saved, rather than the click silently doing nothing.
 */
export async function attemptDownload(
  what: string,
  announce: (message: string) => void,
  run: () => Promise<void>,
): Promise<void> {
  try {
    await run();
  } catch (err) {
    announce(`Could not download ${what}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
