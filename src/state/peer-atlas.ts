/**
 * Where a peer ward can be opened (issue 24 item 2): in this atlas when it is one of the council's
 * own wards; in its council's atlas when build:sites built that one beside this one (each council's
 * atlas at `<sites>/<code>/`, listed in `<sites>/sites.json`); otherwise nowhere, with the reason.
 * Pure; the link's query follows the URL state's own `sel` serialisation.
 */
import { serialiseSelection } from './url-state';

export type PeerAtlas = { kind: 'here' } | { kind: 'link'; href: string } | { kind: 'none'; reason: string };

/** Whether the page is a council's folder of a build:sites run (its path ends in its own code's folder). */
export function inSitesFolder(pathname: string, ownCode: string): boolean {
  return ownCode !== '' && new RegExp(`/${ownCode}/(index\\.html)?$`).test(pathname);
}

export const NOT_A_SITES_BUILD =
  'This atlas was built for one council on its own, so other councils’ atlases are not beside it.';

export function peerAtlas(
  peer: { code: string; councilCode: string; councilName: string },
  here: { pathname: string; ownCode: string; built: ReadonlySet<string> | undefined },
): PeerAtlas {
  if (peer.councilCode === here.ownCode) return { kind: 'here' };
  if (!inSitesFolder(here.pathname, here.ownCode)) return { kind: 'none', reason: NOT_A_SITES_BUILD };
  if (!here.built) return { kind: 'none', reason: 'The list of atlases built beside this one has not loaded.' };
  if (!/^E0\d{7}$/.test(peer.councilCode) || !here.built.has(peer.councilCode))
    return { kind: 'none', reason: `No atlas for ${peer.councilName} was built beside this one.` };
  const sel = serialiseSelection({ kind: 'ward', code: peer.code });
  return { kind: 'link', href: `../${peer.councilCode}/?sel=${sel}` };
}
