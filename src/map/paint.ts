import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import type { MapColouring, Measure } from '../domain/measure';

/** The numeric value a colouring maps, as a MapLibre expression (mirrors measureValue()). */
export function measureExpression(m: Measure): ExpressionSpecification {
  switch (m.kind) {
    case 'property':
      return ['get', m.key];
    case 'localQuintile':
      return ['ceil', ['/', ['*', ['get', m.rankKey], 5], m.count]];
    case 'featureState':
      return ['feature-state', m.key];
    default: {
      const unreachable: never = m;
      return unreachable;
    }
  }
}

/** True where the feature has a value for the measure. */
export function hasValueExpression(m: Measure): ExpressionSpecification {
  switch (m.kind) {
    case 'property':
      return ['has', m.key];
    case 'localQuintile':
      return ['has', m.rankKey];
    case 'featureState':
      return ['==', ['typeof', ['feature-state', m.key]], 'number'];
    default: {
      const unreachable: never = m;
      return unreachable;
    }
  }
}

/** fill-color: a `step` over the scale's thresholds, "no data" colour where the value is absent. */
export function fillColourExpression(c: MapColouring): ExpressionSpecification {
  const colours = c.scheme.scale.range();
  const thresholds = c.scheme.scale.domain();
  const step: unknown[] = ['step', ['to-number', measureExpression(c.measure)], colours[0]];
  thresholds.forEach((t, i) => step.push(t, colours[i + 1]));
  return ['case', hasValueExpression(c.measure), step as ExpressionSpecification, c.scheme.noData];
}

/** Filter for the hatch layer that marks "no data" (features without a value). Feature-state cannot filter. */
export function noDataFilter(c: MapColouring): FilterSpecification | null {
  if (c.measure.kind === 'featureState') return null;
  return ['!', hasValueExpression(c.measure)] as FilterSpecification;
}

/** Outline filter for the national most-deprived 1% / 10% of a release. */
export function flagFilter(flagKey: string): FilterSpecification {
  return ['==', ['get', flagKey], 1] as FilterSpecification;
}
