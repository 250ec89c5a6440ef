/**
 * The duplicate check of one postcode file: the line a key was first seen on, recording it when new.
 * Keys are full postcodes (ASCII), compared as bytes so plain rows need no string (postcode-file.ts).
 */
export interface KeyCheck {
  lineOf(key: string, line: number): number | undefined;
  lineOfBytes(key: Uint8Array, length: number, line: number): number | undefined;
}

/** Thrown by OrderedKeys at the first key that does not sort after the one before. */
export class Unordered extends Error {}

/**
 * While each key sorts after the one before, none can repeat: no map of keys is needed (a map of
 * every key was most of the directory's parse time). NSPL files are sorted; any other file throws
 * Unordered at its first key out of order and is read again with MapKeys.
 */
export class OrderedKeys implements KeyCheck {
  private last = new Uint8Array(8);
  private lastLength = 0;
  private readonly scratch = new Uint8Array(8);

  lineOf(key: string, line: number): number | undefined {
    for (let i = 0; i < key.length && i < 8; i++) this.scratch[i] = key.charCodeAt(i);
    return this.lineOfBytes(this.scratch, Math.min(key.length, 8), line);
  }

  lineOfBytes(key: Uint8Array, length: number, _line: number): number | undefined {
    const n = Math.min(length, this.lastLength);
    let i = 0;
    while (i < n && key[i] === this.last[i]) i++;
    const after = i < n ? (key[i] ?? 0) > (this.last[i] ?? 0) : length > this.lastLength;
    if (!after) throw new Unordered();
    this.last.set(key.subarray(0, length));
    this.lastLength = length;
    return undefined;
  }
}

/** Any order: a map of every key of the file. */
export class MapKeys implements KeyCheck {
  private readonly seen = new Map<string, number>();

  lineOf(key: string, line: number): number | undefined {
    const prev = this.seen.get(key);
    if (prev === undefined) this.seen.set(key, line);
    return prev;
  }

  lineOfBytes(key: Uint8Array, length: number, line: number): number | undefined {
    return this.lineOf(String.fromCharCode(...key.subarray(0, length)), line);
  }
}
