import { parseSelection, serialiseSelection, type Selection } from './url-state';

/** Options of the embed mode (?embed=1), owned by the URL like the rest of the state. */
export interface EmbedOptions {
  embed: boolean;
  /** Lock the indicator and release (and view) so visitors cannot change them. */
  lock: boolean;
  /** Show the minimal controls (false = map and legend only). */
  controls: boolean;
  /** Fit the map to this area on load. */
  fit: Selection;
}

export const DEFAULT_EMBED: EmbedOptions = { embed: false, lock: false, controls: true, fit: null };

export function parseEmbedOptions(search: string): EmbedOptions {
  const q = new URLSearchParams(search);
  const embed = q.get('embed') === '1';
  if (!embed) return DEFAULT_EMBED;
  const fit = parseSelection(q.get('fit'));
  return {
    embed,
    lock: q.get('lock') === '1',
    controls: q.get('controls') !== '0',
    fit: fit?.kind === 'venue' ? null : fit,
  };
}

/** The embed's own parameters, to add to a state query string. */
export function embedParams(o: EmbedOptions): URLSearchParams {
  const q = new URLSearchParams();
  if (!o.embed) return q;
  q.set('embed', '1');
  if (o.lock) q.set('lock', '1');
  if (!o.controls) q.set('controls', '0');
  const fit = serialiseSelection(o.fit);
  if (fit) q.set('fit', fit);
  return q;
}

/**
 * The embed parameters a URL keeps when the app writes its state: those of `search` that are valid, in
 * their canonical form. A bad or meaningless value (lock=yes, fit=<100 KB>, lock=1 without embed=1) is
 * dropped, as the app ignores it.
 */
export function keptEmbedParams(search: string): URLSearchParams {
  return embedParams(parseEmbedOptions(search));
}

const EMBED_PARAM_NAMES = ['embed', 'lock', 'controls', 'fit'];

/** The full-app URL for the same view: the embed's own parameters removed. */
export function fullMapUrl(href: string): string {
  const url = new URL(href);
  for (const k of EMBED_PARAM_NAMES) url.searchParams.delete(k);
  return url.toString();
}

function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The snippet the council pastes into a page: a titled iframe that the app resizes by postMessage. */
export function iframeSnippet(src: string, title: string, height: number): string {
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${Math.round(height)}" style="border:0;max-width:100%" loading="lazy" allow="fullscreen"></iframe>`;
}

/** A plain-text paragraph to paste under the iframe (e.g. the council's standing); the text is escaped, never HTML. */
export function captionSnippet(text: string): string {
  return `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`;
}

/** Message the embed posts to its parent so the host page can size the iframe to the content. */
export interface EmbedHeightMessage {
  type: 'neighbourhood-atlas:height';
  height: number;
}

export function heightMessage(height: number): EmbedHeightMessage {
  return { type: 'neighbourhood-atlas:height', height: Math.ceil(height) };
}
