import { nextTask } from './next-task';

/**
 * The JSON text of an object of long arrays, made a slice at a time: items are stringified for about
 * `sliceMs`, then the page gets the thread back (a zero-delay timeout) before the next slice, so a
 * 5,000-row venue list never holds up a frame while it is packed for storage. The result is the text
 * in parts (for `new Blob(parts)`), equal once joined to `JSON.stringify` of the same object.
 */
export async function jsonInSlices<K extends string>(
  value: Readonly<Record<K, readonly unknown[]>>,
  keys: readonly K[],
  sliceMs = 8,
  now: () => number = () => performance.now(),
): Promise<string[]> {
  const parts: string[] = ['{'];
  let until = now() + sliceMs;
  for (const [k, key] of keys.entries()) {
    parts.push(`${k > 0 ? ',' : ''}${JSON.stringify(key)}:[`);
    const items = value[key];
    let chunk: string[] = [];
    for (let i = 0; i < items.length; i++) {
      // JSON.stringify gives undefined for undefined and functions; inside an array JSON writes null.
      chunk.push(JSON.stringify(items[i]) ?? 'null');
      if (now() >= until) {
        parts.push(`${chunk.join(',')}${i < items.length - 1 ? ',' : ''}`);
        chunk = [];
        await nextTask();
        until = now() + sliceMs;
      }
    }
    parts.push(`${chunk.join(',')}]`);
  }
  parts.push('}');
  return parts;
}
