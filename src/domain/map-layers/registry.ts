import type { DataMetadata } from '../../data/contract';

/** What a layer's control, notes and attribution may read of the build. */
export type LayerMeta = Pick<DataMetadata, 'context' | 'attribution'>;

/** One stroke of a legend swatch (drawn bottom to top as outlined rectangles). */
export interface LegendStroke {
  colour: string;
  width: number;
  /** SVG dash pattern, e.g. `3 3`. */
  dash?: string;
}

/**
 * A layer a person can switch on and off, described once: its URL key (parse, serialise, default), its
 * control, its legend entry, its notes and the attribution lines it owns. The URL codec, the controls,
 * the legend, the map notes, the embed dialog and the PNG export iterate over a registry of these; the
 * MapLibre half (sources, paint) is the layer group in src/map/layers/ that reads the toggle by id.
 */
export interface LayerDescriptor<Id extends string = string> {
  readonly id: Id;
  readonly url: {
    readonly key: string;
    readonly default: boolean;
    /** A missing or invalid value is the default. */
    parse(raw: string | null): boolean;
    /** null: write nothing (the default). */
    serialise(shown: boolean): string | null;
  };
  readonly control: {
    /** The fieldset it is listed under. */
    readonly group: string;
    label(meta: LayerMeta): string;
    /** A line under the control, or null. */
    note?(meta: LayerMeta): string | null;
    /** Whether this build has the layer's data (a missing layer's checkbox is disabled and unticked). */
    available?(meta: LayerMeta): boolean;
  };
  /** Offered in the embed dialog with this label; the embed starts as the map is now. */
  readonly embedLabel?: string;
  /** Its key entry, shown while it is on (and, for `lsoa`, only while LSOAs are coloured). */
  readonly legend?: { readonly label: string; readonly strokes: readonly LegendStroke[]; readonly when: 'lsoa' };
  /** The note under the legend, or null. */
  mapNote?(meta: LayerMeta): string | null;
  /** The lines of DataMetadata.attribution that credit this layer's sources (dropped while it is off). */
  attribution?(meta: LayerMeta): readonly string[];
}

/**
 * A toggle's URL parameter: the default is written as nothing, the other state as `0` (off) or `1` (on),
 * and only that exact value switches away from the default (nonsense keeps the default).
 */
export function toggleParam(key: string, byDefault: boolean): LayerDescriptor['url'] {
  const other = byDefault ? '0' : '1';
  return {
    key,
    default: byDefault,
    parse: (raw) => (raw === other ? !byDefault : byDefault),
    serialise: (shown) => (shown === byDefault ? null : other),
  };
}

/** Which layers are shown, by id. */
export type LayerToggles<Id extends string = string> = Readonly<Record<Id, boolean>>;

/** A value per layer of a registry. */
function byLayer<Id extends string, T>(
  registry: readonly LayerDescriptor<Id>[],
  pick: (l: LayerDescriptor<Id>) => T,
): Readonly<Record<Id, T>> {
  const out: Partial<Record<Id, T>> = {};
  for (const l of registry) out[l.id] = pick(l);
  return out as Record<Id, T>;
}

export interface LayerUrlCodec<Id extends string> {
  defaults: LayerToggles<Id>;
  parse(q: URLSearchParams): LayerToggles<Id>;
  /** Writes each toggle into `q` (deleting it when it is the default). */
  serialise(shown: LayerToggles<Id>, q: URLSearchParams): void;
  same(a: LayerToggles<Id>, b: LayerToggles<Id>): boolean;
}

/** The URL codec of a registry: one parameter per layer, each parsed and written by its descriptor. */
export function makeUrlCodec<Id extends string>(registry: readonly LayerDescriptor<Id>[]): LayerUrlCodec<Id> {
  const keys = new Set<string>();
  for (const l of registry) {
    if (keys.has(l.url.key)) throw new Error(`Two layers use the URL key ${l.url.key}`);
    keys.add(l.url.key);
  }
  return {
    defaults: byLayer(registry, (l) => l.url.default),
    parse: (q) => byLayer(registry, (l) => l.url.parse(q.get(l.url.key))),
    serialise: (shown, q) => {
      for (const l of registry) {
        const v = l.url.serialise(shown[l.id]);
        if (v === null) q.delete(l.url.key);
        else q.set(l.url.key, v);
      }
    },
    same: (a, b) => registry.every((l) => a[l.id] === b[l.id]),
  };
}

/** The toggles with one layer switched. */
export function withLayer<Id extends string>(shown: LayerToggles<Id>, id: Id, on: boolean): LayerToggles<Id> {
  return { ...shown, [id]: on };
}

export interface LayerControl<Id extends string> {
  id: Id;
  label: string;
  note: string | null;
  available: boolean;
}

/** The controls of a registry, one checkbox each, under their fieldsets in first-appearance order. */
export function controlEntries<Id extends string>(
  registry: readonly LayerDescriptor<Id>[],
  meta: LayerMeta,
): { group: string; layers: LayerControl<Id>[] }[] {
  const groups: { group: string; layers: LayerControl<Id>[] }[] = [];
  for (const l of registry) {
    let g = groups.find((x) => x.group === l.control.group);
    if (!g) {
      g = { group: l.control.group, layers: [] };
      groups.push(g);
    }
    g.layers.push({
      id: l.id,
      label: l.control.label(meta),
      note: l.control.note?.(meta) ?? null,
      available: l.control.available?.(meta) ?? true,
    });
  }
  return groups;
}

/** One key entry of a switchable layer: drawn in the legend and on the saved PNG. */
export interface LayerKeyEntry<Id extends string = string> {
  id: Id;
  label: string;
  strokes: readonly LegendStroke[];
}

/** The key entries of the layers shown; `lsoaColouring` says whether LSOAs are coloured now. */
export function legendEntries<Id extends string>(
  registry: readonly LayerDescriptor<Id>[],
  shown: LayerToggles<Id>,
  lsoaColouring: boolean,
): LayerKeyEntry<Id>[] {
  return registry.flatMap((l) =>
    l.legend && shown[l.id] && (l.legend.when !== 'lsoa' || lsoaColouring)
      ? [{ id: l.id, label: l.legend.label, strokes: l.legend.strokes }]
      : [],
  );
}

/** The notes under the legend (whatever the toggles: a note says why a layer is missing). */
export function mapNotes<Id extends string>(
  registry: readonly LayerDescriptor<Id>[],
  meta: LayerMeta,
): { id: Id; text: string }[] {
  return registry.flatMap((l) => {
    const text = l.mapNote?.(meta) ?? null;
    return text ? [{ id: l.id, text }] : [];
  });
}

/** The layers the embed dialog offers, each starting as the map shows it now. */
export function embedEntries<Id extends string>(registry: readonly LayerDescriptor<Id>[]): { id: Id; label: string }[] {
  return registry.flatMap((l) => (l.embedLabel ? [{ id: l.id, label: l.embedLabel }] : []));
}

/** The build's attribution without the lines of layers that are off (a saved image credits what it shows). */
export function shownAttribution<Id extends string>(
  registry: readonly LayerDescriptor<Id>[],
  shown: LayerToggles<Id>,
  meta: LayerMeta,
): string[] {
  const hidden = new Set(registry.filter((l) => !shown[l.id]).flatMap((l) => l.attribution?.(meta) ?? []));
  const kept = new Set(registry.filter((l) => shown[l.id]).flatMap((l) => l.attribution?.(meta) ?? []));
  return meta.attribution.filter((line) => kept.has(line) || !hidden.has(line));
}
