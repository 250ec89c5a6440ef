/**
 * Parsed sources kept for the life of the process, so `build:sites` reads each England-wide file
 * once and filters it per council in memory (issue 11: the England files read once per run).
 * A single `build:data` reads each file once anyway. Cached values are shared: callers must not
 * mutate them.
 */
const cache = new Map<string, unknown>();

export function cachedSource<T>(key: string, read: () => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  const value = read();
  cache.set(key, value);
  return value;
}

/** Drops every cached source (tests that change files between runs). */
export function clearSourceCache(): void {
  cache.clear();
}
