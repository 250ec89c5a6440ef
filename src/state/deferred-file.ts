import { createEffect, createSignal, on, onCleanup, untrack, type Accessor } from 'solid-js';

/** The page's one-line notice: a file that failed shows its line, and takes it away once it has loaded. */
export interface NoticeLine {
  show: (message: string) => void;
  clear: (message: string) => void;
}

/**
 * The notice line over the page's notice signal: each failed file's line is kept until it loads, and the
 * latest still-failing one is shown (another file loading never hides a failure that remains).
 */
export function noticeLineOver(
  notice: Accessor<string | null>,
  setNotice: (message: string | null) => void,
): NoticeLine {
  const failing: string[] = [];
  return {
    show: (m) => {
      failing.push(m);
      setNotice(m);
    },
    clear: (m) => {
      const i = failing.indexOf(m);
      if (i < 0) return;
      failing.splice(i, 1);
      if (notice() === m) setNotice(failing.at(-1) ?? null);
    },
  };
}

export interface DeferredFile<T> {
  /** What the file gives the person, as the subject of "… unavailable": "Intervention locations are". */
  unavailable: string;
  load: () => Promise<T>;
}

/** The one line a failed deferred file shows: what is missing, why, and that it will be tried again. */
export function unavailableMessage(unavailable: string, err: unknown): string {
  const reason = err instanceof Error ? err.message : String(err);
  return `${unavailable} unavailable (${reason}); the atlas tries again when the connection returns or you make another choice.`;
}

/**
 * A file the first view does not need, loaded the first time `wanted` is true. A failure is never fatal:
 * the value stays undefined, the notice says so in one line, and the file is tried again when the
 * browser goes back online, when `wanted` turns true again, or when `retryOn` changes (the next
 * choice the person makes) while it is wanted. A loaded file is never fetched again.
 * Plain signals rather than a resource, so a reader inside a Suspense boundary never suspends on it.
 */
export function createDeferredFile<T>(
  wanted: Accessor<boolean>,
  file: DeferredFile<T>,
  notice: NoticeLine,
  retryOn: Accessor<unknown>,
): Accessor<T | undefined> {
  const [value, setValue] = createSignal<T | undefined>(undefined);
  let status: 'idle' | 'loading' | 'loaded' | 'failed' = 'idle';
  let failure: string | null = null;
  const start = () => {
    if (status === 'loading' || status === 'loaded') return;
    status = 'loading';
    file.load().then(
      (v) => {
        status = 'loaded';
        setValue(() => v);
        if (failure !== null) notice.clear(failure);
        failure = null;
      },
      (err: unknown) => {
        status = 'failed';
        if (failure !== null) notice.clear(failure);
        failure = unavailableMessage(file.unavailable, err);
        notice.show(failure);
      },
    );
  };
  const retry = () => {
    if (status === 'failed' && untrack(wanted)) start();
  };
  createEffect(() => {
    if (wanted()) untrack(start);
  });
  createEffect(on(retryOn, retry, { defer: true }));
  window.addEventListener('online', retry);
  onCleanup(() => window.removeEventListener('online', retry));
  return value;
}
