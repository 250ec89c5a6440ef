/**
 * `--timeline`: where one cold load's time goes — its marks and requests up to the first choropleth,
 * in start order, for the app and the baseline (docs/performance.md shows one of each).
 */
import type { ColdLoad, TimelineEntry } from './measure';

/** The cold load whose first choropleth is the median one (the lower middle of an even count). */
export function medianLoad(loads: readonly ColdLoad[], firstMark: string): ColdLoad | null {
  const timed = loads.filter((l) => typeof l.marks[firstMark] === 'number');
  const sorted = [...timed].sort((a, b) => (a.marks[firstMark] as number) - (b.marks[firstMark] as number));
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

/**
 * One line per step: "start – end ms  what" (a mark has no end), requests named by path without their
 * page prefix. Chromium gives a worker's script a start time after its response end (the time the entry
 * was reported, not the request's start), so a start later than the end is printed as "?".
 */
export function timelineText(title: string, entries: readonly TimelineEntry[], prefix: string): string {
  const ms = (t: number): string => t.toFixed(0).padStart(5);
  const lines = entries.map((e) => {
    const name = e.kind === 'resource' ? (e.name.startsWith(prefix) ? e.name.slice(prefix.length) : e.name) : e.name;
    if (e.kind === 'mark') return `${ms(e.start)}          ● ${name}`;
    return `${e.start > e.end ? '    ?' : ms(e.start)} – ${ms(e.end)}  ${name}`;
  });
  return [title, ...lines].join('\n');
}
