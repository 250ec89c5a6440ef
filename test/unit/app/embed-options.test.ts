import { describe, expect, it } from 'vitest';
import { captionSnippet, DEFAULT_EMBED, embedParams, fullMapUrl, heightMessage, iframeSnippet, parseEmbedOptions } from '../../../src/state/embed-options';

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
    expect(fullMapUrl('https://example.org/atlas/?embed=1&lock=1&ind=inc&sel=ward:E05011388')).toBe('https://example.org/atlas/?ind=inc&sel=ward%3AE05011388');
  });

  it('writes a titled iframe and escapes attribute text', () => {
    const s = iframeSnippet('https://example.org/?embed=1&ind=inc', 'Deprivation "map" <Leeds>', 600);
    expect(s).toContain('title="Deprivation &quot;map&quot; &lt;Leeds&gt;"');
    expect(s).toContain('src="https://example.org/?embed=1&amp;ind=inc"');
    expect(heightMessage(600.2)).toEqual({ type: 'neighbourhood-atlas:height', height: 601 });
  });

  it('writes a caption paragraph whose text is escaped, never HTML', () => {
    expect(captionSnippet('Synthetic & <b>bold</b> "council"')).toBe('<p>Synthetic &amp; &lt;b&gt;bold&lt;/b&gt; "council"</p>');
  });
});
