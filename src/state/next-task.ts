/**
 * Resolves in a later task (a zero-delay timeout): whatever the page has queued meanwhile — frames,
 * messages, the microtasks of the current task — runs first.
 */
export const nextTask = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
