import { For, Show } from 'solid-js';
import type { ProfileDomain } from '../data/england-wards-contract';
import { indicatorInfo } from '../domain/indicators';
import { describeDifferences, PEER_COUNT, type PeerResult } from '../domain/ward-peers';
import { formatScore } from '../domain/yardsticks';
import type { PeerAtlas } from '../state/peer-atlas';

type Found = Extract<PeerResult, { ok: true }>;

const label = (d: ProfileDomain) => indicatorInfo(d).label;
const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(2)}`;

/** Wards like this one: the nearest wards in England by domain profile, their councils, how close, and where to open them. */
export function WardPeers(p: {
  result: Found;
  atlasOf: (peer: Found['peers'][number]['ward']) => PeerAtlas;
  onOpenHere: (code: string) => void;
}) {
  const reasons = () => [
    ...new Set(
      p.result.peers.flatMap((peer) => {
        const a = p.atlasOf(peer.ward);
        return a.kind === 'none' ? [a.reason] : [];
      }),
    ),
  ];
  return (
    <section data-testid="ward-peers" aria-labelledby="ward-peers-title">
      <h3 class="profile__subtitle" id="ward-peers-title">
        Wards like this one in England
      </h3>
      <p>
        The {PEER_COUNT} wards of England whose IoD 2025 domain profile is nearest this ward’s, of{' '}
        {p.result.field.toLocaleString('en-GB')}. Distance is in standard deviations over the seven domains (0 = the
        same profile); the median distance from this ward to all other wards is {p.result.typicalDistance.toFixed(2)}.
      </p>
      <table class="simple-table" data-testid="ward-peers-table">
        <caption class="sr-only">The nearest wards by domain profile, with their council and distance</caption>
        <thead>
          <tr>
            <th scope="col">Ward</th>
            <th scope="col">Council</th>
            <th scope="col">Distance</th>
            <th scope="col">Atlas</th>
          </tr>
        </thead>
        <tbody>
          <For each={p.result.peers}>
            {(peer) => {
              const atlas = p.atlasOf(peer.ward);
              return (
                <tr data-ward={peer.ward.code}>
                  <th scope="row">
                    {peer.ward.name} <span class="profile__code">{peer.ward.code}</span>
                  </th>
                  <td data-testid="peer-council">{peer.ward.councilName}</td>
                  <td>{peer.distance.toFixed(2)}</td>
                  <td>
                    {atlas.kind === 'here' ? (
                      <button type="button" class="link-button" onClick={() => p.onOpenHere(peer.ward.code)}>
                        Open {peer.ward.name}
                      </button>
                    ) : atlas.kind === 'link' ? (
                      <a href={atlas.href}>Open in {peer.ward.councilName}’s atlas</a>
                    ) : (
                      'not built here'
                    )}
                  </td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
      <Show when={reasons().length > 0}>
        <p class="controls__note" data-testid="ward-peers-no-link">
          “Not built here”: {reasons().join(' ')}
        </p>
      </Show>
      <h4 class="profile__subtitle">How this ward differs from its peers</h4>
      <p data-testid="ward-peers-differences">{describeDifferences(p.result.differences, label)}</p>
      <table class="simple-table" data-testid="ward-peers-diff-table">
        <caption class="sr-only">Each domain: this ward’s score, its peers’ median and the difference</caption>
        <thead>
          <tr>
            <th scope="col">Domain</th>
            <th scope="col">This ward</th>
            <th scope="col">Peers’ median</th>
            <th scope="col">Difference (standard deviations; + = more deprived)</th>
          </tr>
        </thead>
        <tbody>
          <For each={p.result.differences}>
            {(d) => (
              <tr>
                <th scope="row">{label(d.domain)}</th>
                <td>{formatScore(d.score)}</td>
                <td>{formatScore(d.peersMedian)}</td>
                <td>{signed(d.zDifference)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}
