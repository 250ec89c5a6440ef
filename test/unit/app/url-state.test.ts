import { describe, expect, it } from 'vitest';
import {
  cameraWithinReach,
  DEFAULT_STATE,
  isNavigation,
  parseCamera,
  parseState,
  serialiseState,
  type AppState,
} from '../../../src/state/url-state';

describe('URL state', () => {
  it('an empty query is the default view', () => {
    expect(parseState('')).toEqual(DEFAULT_STATE);
    expect(serialiseState(DEFAULT_STATE)).toBe('');
  });

  it('round-trips every field', () => {
    const s: AppState = {
      indicator: 'cri',
      release: '2019',
      banding: 'local',
      view: 'deprivation',
      selection: { kind: 'ward', code: 'E05011388' },
      camera: { lat: 53.8, lon: -1.52, zoom: 12.25 },
      table: true,
      brief: true,
    };
    expect(parseState(serialiseState(s))).toEqual(s);
    const venue: AppState = { ...DEFAULT_STATE, selection: { kind: 'venue', id: 'reginald-centre' } };
    expect(parseState(serialiseState(venue))).toEqual(venue);
  });

  it('falls back to defaults, field by field, on nonsense', () => {
    const s = parseState('?ind=xyz&rel=1999&band=ward&view=3d&sel=lsoa:<script>&at=91,0,5&table=yes');
    expect(s).toEqual(DEFAULT_STATE);
    expect(parseState('?rel=2019&ind=nonsense').release).toBe('2019');
    expect(parseState('?at=53.8,-1.5,abc').camera).toBeNull();
    expect(parseState('?sel=ward:').selection).toBeNull();
  });

  it('replaces an indicator the release does not publish by the IMD', () => {
    expect(parseState('?rel=2015&ind=inc').indicator).toBe('imd');
    expect(parseState('?rel=2019&ind=cyp').indicator).toBe('imd');
    expect(parseState('?rel=2025&ind=cyp').indicator).toBe('cyp');
  });

  it('keeps parameters it does not own (embed options)', () => {
    const q = serialiseState({ ...DEFAULT_STATE, indicator: 'hea' }, new URLSearchParams('embed=1&lock=1'));
    expect(new URLSearchParams(q).get('embed')).toBe('1');
    expect(new URLSearchParams(q).get('ind')).toBe('hea');
  });

  it('treats camera moves as replacements and everything else as navigation', () => {
    const moved = { ...DEFAULT_STATE, camera: { lat: 1, lon: 1, zoom: 1 } };
    expect(isNavigation(DEFAULT_STATE, moved)).toBe(false);
    expect(isNavigation(DEFAULT_STATE, { ...DEFAULT_STATE, selection: { kind: 'lsoa', code: 'E01011264' } })).toBe(
      true,
    );
  });
});

describe('camera (at=lat,lon,zoom)', () => {
  it('empty or non-decimal parts are rejected, never read as 0', () => {
    for (const raw of [
      ',,',
      '53.8,,12',
      ',-1.5,12',
      '53.8,-1.5,',
      ' , , ',
      '0x35,-1.5,12',
      'Infinity,-1.5,12',
      '53.8,-1.5',
      '53.8,-1.5,12,1',
    ]) {
      expect(parseCamera(raw), raw).toBeNull();
    }
    expect(parseState('?at=,,').camera).toBeNull();
    expect(serialiseState(parseState('?at=,,'))).toBe('');
    expect(parseCamera('53.80000,-1.55000,12.00')).toEqual({ lat: 53.8, lon: -1.55, zoom: 12 });
  });

  it('a camera far outside the area is brought within reach (the bbox plus half its size); one nearby is kept', () => {
    const bbox = [-1.8, 53.7, -1.3, 53.95] as const; // synthetic, about the size of a council
    expect(cameraWithinReach({ lat: 0, lon: 0, zoom: 3 }, bbox)).toEqual({
      lat: 53.7 - 0.125,
      lon: -1.3 + 0.25,
      zoom: 3,
    });
    expect(cameraWithinReach({ lat: 80, lon: -170, zoom: 9 }, bbox)).toEqual({
      lat: 53.95 + 0.125,
      lon: -1.8 - 0.25,
      zoom: 9,
    });
    const near = { lat: 53.6, lon: -1.9, zoom: 12 };
    expect(cameraWithinReach(near, bbox)).toEqual(near);
  });
});
