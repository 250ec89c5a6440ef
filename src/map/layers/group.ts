import type { AddLayerObject, FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { PointerHandler } from '../dispatcher';
import type { MapEvents, MapModel } from '../model';
import { beforeIdFor, type LayerId } from '../layer-order';
import { codesFilter } from '../paint';

/**
 * One group of map layers (areas, overlays, outreach, venues, ward labels, …). A group owns its
 * sources, images, paint and pointer handlers; it is installed once the style has loaded, inside
 * the map component's reactive owner, so the effects it makes follow the model and die with the map.
 */
export interface LayerGroup {
  /** For error messages and the README's list. */
  name: string;
  /** The layer ids it adds; each must be in LAYER_ORDER (a unit test checks it). */
  layers: readonly LayerId[];
  /**
   * Adds the sources whose data MapLibre's worker needs first, and nothing else. Called for every group
   * of a batch before any is installed, a task earlier: MapLibre posts a source's data to its worker a
   * few microtasks after addSource, so the worker cuts tiles while the layers and effects are installed.
   */
  prepare?(ctx: LayerContext, model: MapModel): void;
  install(ctx: LayerContext, model: MapModel, events: MapEvents): void;
}

/** A filter that matches no feature (MapLibre 6 rejects the legacy ['==', 1, 0] form). */
export const MATCH_NOTHING: FilterSpecification = codesFilter([]);

/**
 * What a group may do with the map: add layers (placed by LAYER_ORDER), change layout, filter and
 * paint (only when the value changed, so a switch sends MapLibre only what changed), and register
 * pointer handlers with the one dispatcher.
 */
export class LayerContext {
  readonly map: MapLibreMap;
  readonly reducedMotion: boolean;
  private readonly registerPointer: (h: PointerHandler) => void;
  private readonly onRemove: (() => void)[] = [];
  /** Last value set per layer property. */
  private readonly applied = new Map<string, string>();

  constructor(map: MapLibreMap, reducedMotion: boolean, registerPointer: (h: PointerHandler) => void) {
    this.map = map;
    this.reducedMotion = reducedMotion;
    this.registerPointer = registerPointer;
  }

  has(id: string): boolean {
    return this.map.getLayer(id) !== undefined;
  }

  addLayer(spec: AddLayerObject & { id: LayerId }): void {
    this.map.addLayer(
      spec,
      beforeIdFor(spec.id, (id) => this.has(id)),
    );
  }

  pointer(h: PointerHandler): void {
    this.registerPointer(h);
  }

  /** Runs when the map is destroyed (for things MapLibre does not remove itself, e.g. markers). */
  whenRemoved(f: () => void): void {
    this.onRemove.push(f);
  }

  removeAll(): void {
    for (const f of this.onRemove.splice(0)) f();
  }

  private changed(key: string, value: unknown): boolean {
    const json = JSON.stringify(value);
    if (this.applied.get(key) === json) return false;
    this.applied.set(key, json);
    return true;
  }

  setVisible(id: string, visible: boolean): void {
    if (this.has(id) && this.changed(`${id}|visibility`, visible))
      this.map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }

  setFilter(id: string, filter: FilterSpecification | null): void {
    if (this.has(id) && this.changed(`${id}|filter`, filter)) this.map.setFilter(id, filter);
  }

  setPaint(
    id: string,
    property: Parameters<MapLibreMap['setPaintProperty']>[1],
    value: Parameters<MapLibreMap['setPaintProperty']>[2],
  ): void {
    if (this.has(id) && this.changed(`${id}|${property}`, value)) this.map.setPaintProperty(id, property, value);
  }
}
