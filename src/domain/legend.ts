import type { ColourScheme } from './colour-schemes';
import { classIndex } from './colour-schemes';
import { measureValue, type Measure } from './measure';

export interface LegendRow {
  colour: string;
  label: string;
  count: number;
}

export interface LegendModel {
  title: string;
  rows: LegendRow[];
  noData: { label: string; count: number };
}

/** Legend rows straight from the scheme's scale, with how many areas fall in each class. */
export function buildLegend(
  scheme: ColourScheme,
  measure: Measure,
  features: readonly { properties: Record<string, unknown>; state?: Record<string, unknown> }[],
  noDataLabel: string,
): LegendModel {
  const colours = scheme.scale.range();
  const counts = colours.map(() => 0);
  let missing = 0;
  for (const f of features) {
    const i = classIndex(scheme, measureValue(measure, f.properties, f.state));
    if (i === null || i < 0) missing++;
    else counts[i] = (counts[i] ?? 0) + 1;
  }
  return {
    title: scheme.title,
    rows: colours.map((colour, i) => ({ colour, label: scheme.labels[i] ?? '', count: counts[i] ?? 0 })),
    noData: { label: noDataLabel, count: missing },
  };
}
