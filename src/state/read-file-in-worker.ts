/**
 * Reading a person's file inside a Web Worker (SPI import, venue lists): the bytes in chunks, with the
 * share read reported each time it changes by a whole percent, so the page can show progress.
 */
export async function readFileBytes(file: Blob, onPercent: (percent: number) => void): Promise<Uint8Array> {
  const reader = file.stream().getReader();
  const out = new Uint8Array(file.size);
  let loaded = 0;
  let last = -1;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A file that grew while being read (it should not) is cut at the size it had when chosen.
    const take = value.subarray(0, Math.max(0, out.byteLength - loaded));
    out.set(take, loaded);
    loaded += take.byteLength;
    const percent = file.size > 0 ? Math.floor((loaded / file.size) * 100) : 100;
    if (percent !== last) onPercent(percent);
    last = percent;
  }
  return out.subarray(0, loaded);
}
