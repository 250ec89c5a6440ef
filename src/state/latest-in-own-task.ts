/**
 * Calls `apply` with the latest value in a task of its own (a zero-delay timeout; later values
 * replace an earlier one not yet applied), so work that follows a change is not part of the task
 * that made it, and a frame can be drawn between them. The venue-list map layer hands MapLibre its
 * data this way (setData copies the data to MapLibre's worker on the calling thread), and the venue
 * panel works out its reach figures this way, apart from the task that saves and lists an import.
 */
export function latestInOwnTask<T>(apply: (value: T) => void): (value: T) => void {
  let pending: { value: T } | null = null;
  return (value) => {
    const first = pending === null;
    pending = { value };
    if (!first) return;
    setTimeout(() => {
      const p = pending;
      pending = null;
      if (p) apply(p.value);
    }, 0);
  };
}
