import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { latestInOwnTask } from '../../../src/state/latest-in-own-task';

describe('latestInOwnTask (the venue-list layer hands MapLibre its data in a task of its own)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('applies nothing in the calling task, then the latest value once', () => {
    const seen: number[] = [];
    const apply = latestInOwnTask((v: number) => seen.push(v));
    apply(1);
    apply(2);
    apply(3);
    expect(seen).toEqual([]);
    vi.runAllTimers();
    expect(seen).toEqual([3]);
  });

  it('a value given after the last was applied is applied in a later task', () => {
    const seen: string[] = [];
    const apply = latestInOwnTask((v: string) => seen.push(v));
    apply('a');
    vi.runAllTimers();
    apply('b');
    expect(seen).toEqual(['a']);
    vi.runAllTimers();
    expect(seen).toEqual(['a', 'b']);
  });
});
