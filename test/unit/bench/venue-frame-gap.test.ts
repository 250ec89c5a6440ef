import { describe, expect, it } from 'vitest';
import { venueFrameGapRow } from '../../../scripts/bench/figures-new-work';
import type { BaselinePointsTiming, VenueImportTiming } from '../../../scripts/bench/venue-import';

const probe = (maxFrameGapMs: number) => ({ maxFrameGapMs, frames: 20, longGaps: [], longTasks: [{ at: 10, ms: 60 }] });
const app = (gap: number): VenueImportTiming => ({ ...probe(gap), toListedMs: 400, toDrawnMs: 700, outcomes: [] });
const base = (gap: number): { ok: true; value: BaselinePointsTiming } => ({
  ok: true,
  value: { ...probe(gap), toDrawnMs: 500 },
});

describe('the venue import frame-gap budget (issue 25)', () => {
  it('holds the gap to 100 ms where the baseline page draws the same points within that', () => {
    expect(venueFrameGapRow(app(99), base(40)).pass).toBe(true);
    expect(venueFrameGapRow(app(101), base(40)).pass).toBe(false);
  });

  it('allows 1.5× the baseline page’s own longest gap where one frame takes longer (software WebGL)', () => {
    const row = venueFrameGapRow(app(290), base(200));
    expect(row.pass).toBe(true);
    expect(row.baseline).toBe(200);
    expect(row.ratio).toBeCloseTo(1.45);
    expect(venueFrameGapRow(app(301), base(200)).pass).toBe(false);
  });

  it('fails, and says why, when the baseline page could not draw the points', () => {
    const row = venueFrameGapRow(app(50), { ok: false, error: 'the baseline page drawing the same points failed: x' });
    expect(row.pass).toBe(false);
    expect(row.note).toContain('the baseline page drawing the same points failed');
  });
});
