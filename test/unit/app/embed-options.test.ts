import { describe, expect, it } from 'vitest';
import {
  captionSnippet,
  DEFAULT_EMBED,
  embedParams,
  fullMapUrl,
  heightMessage,
  iframeSnippet,
  keptEmbedParams,
  parseEmbedOptions,
} from '../../../src/state/embed-options';
import { searchFor } from '../../../src/state/store';
import { parseOptions, parseState } from '../../../src/state/url-state';

describe('embed options', () => {
  it('are off without embed=1, whatever else is in the URL', () => {
    expect(parseEmbedOptions('?lock=1&controls=0')).toEqual(DEFAULT_EMBED);
  });

  it('round-trip lock, controls and fit', () => {
    const o = parseEmbedOptions('?embed=1&lock=1&controls=0&fit=ward:E05011388');
    expect(o).toEqual({ embed: true, lock: true, controls: false, fit: { kind: 'ward', code: 'E05011388' } });
    expect(parseEmbedOptions(`?${embedParams(o).toString()}`)).toEqual(o);
  });

  it('ignores a bad fit target', () => {
    expect(parseEmbedOptions('?embed=1&fit=ward:<x>').fit).toBeNull();
  });

  it('links to the full map with the same state and no embed parameters', () => {
    expect(fullMapUrl('https://example.org/atlas/?embed=1&lock=1&ind=inc&sel=ward:E05011388')).toBe(
      'https://example.org/atlas/?ind=inc&sel=ward%3AE05011388',
    );
  });

  it('writes a titled iframe and escapes attribute text', () => {
    const s = iframeSnippet('https://example.org/?embed=1&ind=inc', 'Deprivation "map" <Leeds>', 600);
    expect(s).toContain('title="Deprivation &quot;map&quot; &lt;Leeds&gt;"');
    expect(s).toContain('src="https://example.org/?embed=1&amp;ind=inc"');
    expect(heightMessage(600.2)).toEqual({ type: 'neighbourhood-atlas:height', height: 601 });
  });

  it('writes a caption paragraph whose text is escaped, never HTML', () => {
    expect(captionSnippet('Synthetic & <b>bold</b> "council"')).toBe(
      '<p>Synthetic &amp; &lt;b&gt;bold&lt;/b&gt; "council"</p>',
    );
  });
});

describe('embed parameters kept in the URL the app writes (issue 19.9)', () => {
  const huge = 'x'.repeat(100_000);

  it('keeps valid ones in canonical form and drops invalid or meaningless ones', () => {
    expect(keptEmbedParams('?embed=1&lock=1&controls=0&fit=ward:E05011388').toString()).toBe(
      'embed=1&lock=1&controls=0&fit=ward%3AE05011388',
    );
    expect(keptEmbedParams(`?embed=1&lock=yes&controls=maybe&fit=${huge}`).toString()).toBe('embed=1');
    expect(keptEmbedParams('?embed=1&fit=venue:library-x&controls=1&lock=0').toString()).toBe('embed=1');
    // Without embed=1 the app is not embedded: lock, controls and fit mean nothing and are not kept.
    expect(keptEmbedParams('?embed=yes&lock=1&controls=0&fit=ward:E05011388').toString()).toBe('');
  });

  it('the store writes the state with only the valid embed parameters, never a 100 KB value', () => {
    const state = parseState('?sel=ward:E05011388');
    const options = parseOptions('');
    const written = searchFor(state, options, `?embed=1&lock=${huge}&controls=0&fit=${huge}&sel=ward:E05011388`);
    expect(written.length).toBeLessThan(200);
    const q = new URLSearchParams(written);
    expect([...q.keys()].sort()).toEqual(['controls', 'embed', 'sel']);
    expect(q.get('controls')).toBe('0');
    expect(parseState(written)).toEqual(state);
  });
});
