import { For } from 'solid-js';
import { PEER_METHOD } from '../domain/ward-peers';

/** How a ward is compared with England, its peers and the council, and what "what moved" counts (issue 24). */
export function AboutComparisons() {
  return (
    <section aria-labelledby="about-comparisons-title" data-testid="about-comparisons">
      <h3 id="about-comparisons-title">Comparing wards with England, their peers and the council</h3>
      <For each={PEER_METHOD}>{(para) => <p>{para}</p>}</For>
    </section>
  );
}
