import { describe, expect, it } from 'vitest';
import { inSitesFolder, NOT_A_SITES_BUILD, peerAtlas } from '../../../src/state/peer-atlas';

const peer = { code: 'E05999002', councilCode: 'E08999002', councilName: 'Synthetic Two' };
const own = 'E08999001';

describe('where a peer ward opens', () => {
  it('a ward of this council opens here', () => {
    expect(peerAtlas({ ...peer, councilCode: own }, { pathname: '/', ownCode: own, built: undefined })).toEqual({
      kind: 'here',
    });
  });

  it('a single-council build has no sibling atlases', () => {
    expect(inSitesFolder('/maps/', own)).toBe(false);
    expect(peerAtlas(peer, { pathname: '/maps/', ownCode: own, built: new Set([peer.councilCode]) })).toEqual({
      kind: 'none',
      reason: NOT_A_SITES_BUILD,
    });
  });

  it('in a build:sites folder, links only a council listed as built, with the URL state’s sel', () => {
    const here = { pathname: `/sites/${own}/`, ownCode: own };
    expect(inSitesFolder(`/sites/${own}/index.html`, own)).toBe(true);
    expect(peerAtlas(peer, { ...here, built: new Set([own, peer.councilCode]) })).toEqual({
      kind: 'link',
      href: '../E08999002/?sel=ward:E05999002',
    });
    expect(peerAtlas(peer, { ...here, built: new Set([own]) })).toEqual({
      kind: 'none',
      reason: 'No atlas for Synthetic Two was built beside this one.',
    });
    expect(peerAtlas(peer, { ...here, built: undefined }).kind).toBe('none');
  });
});
