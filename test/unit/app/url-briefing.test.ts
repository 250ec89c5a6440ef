import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  isNavigation,
  parseBriefing,
  parseState,
  serialiseBriefing,
  serialiseState,
} from '../../../src/state/url-state';

describe('URL state: the ward briefing (brief=1)', () => {
  const ward = { kind: 'ward' as const, code: 'E05011388' };

  it('opens with a ward selected and round-trips', () => {
    const s = parseState('?sel=ward:E05011388&brief=1');
    expect(s.brief).toBe(true);
    expect(s.selection).toEqual(ward);
    expect(serialiseState(s)).toBe('?sel=ward%3AE05011388&brief=1');
  });

  it('is ignored without a ward (an LSOA, a venue or nothing selected) and for any value but 1', () => {
    expect(parseState('?brief=1').brief).toBe(false);
    expect(parseState('?sel=lsoa:E01011264&brief=1').brief).toBe(false);
    expect(parseState('?sel=venue:reginald-centre&brief=1').brief).toBe(false);
    expect(parseState('?sel=ward:E05011388&brief=yes').brief).toBe(false);
    expect(parseBriefing('true', ward)).toBe(false);
  });

  it('is written only when it applies, and opening it is a navigation (Back closes it)', () => {
    expect(serialiseBriefing(true, ward)).toBe('1');
    expect(serialiseBriefing(false, ward)).toBeNull();
    expect(serialiseBriefing(true, { kind: 'lsoa', code: 'E01011264' })).toBeNull();
    expect(serialiseState({ ...DEFAULT_STATE, brief: true })).toBe('');
    const selected = { ...DEFAULT_STATE, selection: ward };
    expect(isNavigation(selected, { ...selected, brief: true })).toBe(true);
  });
});
