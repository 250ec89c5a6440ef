import { createMemo, createSignal, Show } from 'solid-js';
import type { LsoaFeature } from '../data/load';
import type { Atlas } from '../state/atlas';
import { customAreaDownloads } from './custom-area-downloads';

/** Keep, the downloads and the printable briefing of your own area. */
export function CustomAreaActions(props: { atlas: Atlas; lsoa: (code: string) => LsoaFeature | undefined }) {
  const s = props.atlas.customArea;
  const { downloadCsv, downloadGeoJson, downloadEntry } = customAreaDownloads(props.atlas, props.lsoa);
  const empty = () => (s.area()?.lsoaCodes.length ?? 0) === 0;
  return (
    <div class="controls__group">
      <button type="button" class="button" onClick={s.save}>
        Keep in this browser
      </button>{' '}
      <button type="button" class="button button--secondary" onClick={downloadCsv} disabled={empty()}>
        Download member list (CSV)
      </button>{' '}
      <button type="button" class="button button--secondary" onClick={downloadGeoJson} disabled={empty()}>
        Download outline (GeoJSON)
      </button>{' '}
      <button
        type="button"
        id="custom-area-briefing-button"
        class="button button--secondary"
        onClick={() => s.setBriefing(true)}
        disabled={empty()}
      >
        Area briefing (print or PDF)
      </button>
      <Show when={s.basedOn()}>
        {' '}
        <button type="button" class="button button--secondary" onClick={downloadEntry}>
          Download as a content-file neighbourhood entry (JSON)
        </button>
        <p class="controls__note">
          For the council’s content file (content/&lt;council code&gt;/priority-areas.json), replacing the approximate
          default; the entry states how it was made.
        </p>
      </Show>
    </div>
  );
}

/** The area's link (the page's address with its `area` / `aname`), and a button that copies it. */
export function CustomAreaLink(props: { atlas: Atlas }) {
  const s = props.atlas.customArea;
  const [copied, setCopied] = createSignal<string | null>(null);
  // A memo: read by the box and the button, recomputed once per edit rather than per reader.
  const shareUrl = createMemo(() => {
    const link = s.link();
    if (!link) return null;
    const u = new URL(window.location.href);
    u.searchParams.set('area', link);
    u.searchParams.set('aname', (s.area()?.label ?? '').slice(0, 60));
    return u.toString();
  });
  const copyLink = async () => {
    const url = shareUrl();
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Link copied.');
    } catch {
      setCopied('Copy the link from the box above (the browser did not allow copying).');
    }
  };
  return (
    <Show when={shareUrl()}>
      {(url) => (
        <>
          <label class="controls__label" for="custom-area-link">
            Link to this area
          </label>
          <input id="custom-area-link" type="text" readOnly value={url()} data-testid="custom-area-link" />
          <button type="button" class="button button--secondary" onClick={() => void copyLink()}>
            Copy link
          </button>
          <Show when={copied()}>
            <span role="status"> {copied()}</span>
          </Show>
        </>
      )}
    </Show>
  );
}
