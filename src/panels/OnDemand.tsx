import { createResource, Match, Switch, type JSX } from 'solid-js';

export interface OnDemandProps<M> {
  /** Imports the panel's module, e.g. `() => import('./TableView')`: it loads when the panel is first shown. */
  load: () => Promise<M>;
  /** Said (as a status) while the module loads. */
  loading: string;
  /** Renders the panel from the loaded module. */
  children: (module: M) => JSX.Element;
}

/**
 * A panel whose code loads only when someone opens it, keeping the first view's JavaScript small.
 * Not lazy() under <Suspense>: a Suspense boundary also waits for every resource read inside it
 * (interventions, SPI, LSOA 2011 areas), so an open panel would turn back into "Loading…" whenever
 * one of those loads. And a module that fails to load (e.g. a page left open across an update) says
 * so in place of the panel rather than reaching the app-wide error boundary.
 */
export function OnDemand<M>(props: OnDemandProps<M>): JSX.Element {
  // Each opening asks again; after the first the browser answers from its module map at once.
  const [loaded] = createResource(() => props.load());
  const reason = () => {
    const err: unknown = loaded.error;
    return err instanceof Error ? err.message : String(err);
  };
  return (
    <Switch
      fallback={
        <p class="placeholder" role="status">
          {props.loading}
        </p>
      }
    >
      {/* First: reading an errored resource throws. */}
      <Match when={loaded.state === 'errored'}>
        <p class="notice notice--error" role="alert">
          This part of the atlas could not load ({reason()}). Reloading the page may help.
        </p>
      </Match>
      <Match when={loaded()}>{(m) => props.children(m())}</Match>
    </Switch>
  );
}
