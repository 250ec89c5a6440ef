import { createMemo, Match, Switch } from 'solid-js';
import type { EnglandWardsFile } from '../data/england-wards-contract';
import { nationalWards, notComparable, standardise, wardPeers } from '../domain/ward-peers';
import { spines } from '../domain/yardsticks';
import { peerAtlas } from '../state/peer-atlas';
import { WardPeers } from './WardPeers';
import { WardSpine, WardSpineTable } from './WardSpine';

export interface WardEnglandProps {
  wardCode: string;
  wardName: string;
  /** england-wards.json: undefined while loading or after a failure (the notice line says which), null when not built. */
  file: EnglandWardsFile | undefined;
  /** The council code of this atlas (metadata.json), and the councils built beside it (build:sites). */
  ownCode: string;
  builtSites: ReadonlySet<string> | undefined;
  onSelectWard: (code: string) => void;
}

/**
 * The ward against England (issue 24 items 2 and 3): its peers by domain profile, and each domain
 * against England's wards and its council. The national file loads on demand; without it this says
 * so in a line and the rest of the profile is unaffected.
 */
export function WardEngland(p: WardEnglandProps) {
  const england = createMemo(() => (p.file ? nationalWards(p.file) : []));
  const table = createMemo(() => standardise(england()));
  const ward = createMemo(() => england().find((w) => w.code === p.wardCode));
  const why = createMemo(() => notComparable(ward()));
  const peers = createMemo(() => wardPeers(table(), p.wardCode));
  const council = createMemo(() => p.file?.councils.find((c) => c.code === ward()?.councilCode) ?? null);
  const chart = createMemo(() => {
    const w = ward();
    return w ? spines(w, table().wards, council()?.scores ?? null) : [];
  });
  return (
    <section data-testid="ward-england" aria-labelledby="ward-england-title">
      <h3 class="profile__subtitle" id="ward-england-title">
        Compared with England and the council
      </h3>
      <Switch>
        <Match when={p.file === undefined}>
          <p data-testid="ward-england-unavailable">
            England’s wards are not loaded: the comparison appears once they arrive (if they cannot load, the line at
            the top of the page says why). The rest of this profile does not need them.
          </p>
        </Match>
        <Match when={p.file === null}>
          <p data-testid="ward-england-unavailable">
            The comparison with England’s wards is not in this build: its sources lack the England-wide census or ward
            lookup.
          </p>
        </Match>
        <Match when={why()}>{(reason) => <p data-testid="ward-england-not-comparable">{reason()}</p>}</Match>
        <Match when={ward()}>
          {(w) => (
            <>
              <p class="controls__note">{p.file?.method}</p>
              <WardSpine spines={chart()} wardName={p.wardName} councilName={w().councilName} />
              <WardSpineTable spines={chart()} councilName={w().councilName} />
              <Switch>
                <Match
                  when={(() => {
                    const r = peers();
                    return r.ok ? r : null;
                  })()}
                >
                  {(r) => (
                    <WardPeers
                      result={r()}
                      atlasOf={(peer) =>
                        peerAtlas(peer, { pathname: window.location.pathname, ownCode: p.ownCode, built: p.builtSites })
                      }
                      onOpenHere={p.onSelectWard}
                    />
                  )}
                </Match>
              </Switch>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
