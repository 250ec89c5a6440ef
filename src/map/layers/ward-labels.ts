import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { WardLabel } from '../model';
import type { LayerGroup } from './group';

/**
 * Ward names as HTML markers rather than a symbol layer: they need no glyph server (the map works
 * offline), they are crisp at any zoom, and they scale with the user's text settings.
 * They are decorative for assistive technology: every ward is reachable through search and lists.
 */
class WardLabels {
  private readonly markers: Marker[];
  private readonly map: MapLibreMap;
  private readonly onZoom: () => void;

  constructor(map: MapLibreMap, labels: readonly WardLabel[]) {
    this.map = map;
    this.markers = labels.map((l) => {
      const el = document.createElement('div');
      el.className = l.priority ? 'ward-label ward-label--priority' : 'ward-label';
      el.setAttribute('aria-hidden', 'true');
      // textContent, never innerHTML: names come from data files.
      el.textContent = l.priority ? `★ ${l.name}` : l.name;
      return new Marker({ element: el, anchor: 'center' }).setLngLat([l.lon, l.lat]).addTo(map);
    });
    this.onZoom = () => this.updateVisibility();
    map.on('zoomend', this.onZoom);
    map.on('resize', this.onZoom);
    this.updateVisibility();
  }

  /**
   * Greedy decluttering: priority wards first, then the rest; a label that would overlap one already
   * shown is hidden until the user zooms in far enough for it to fit.
   */
  private updateVisibility(): void {
    const placed: DOMRect[] = [];
    const ordered = [...this.markers].sort(
      (a, b) =>
        Number(b.getElement().classList.contains('ward-label--priority')) -
        Number(a.getElement().classList.contains('ward-label--priority')),
    );
    for (const m of ordered) {
      const el = m.getElement();
      el.style.visibility = 'hidden';
      el.style.display = '';
    }
    // Every box is read before any label is shown or hidden: a write between two reads made the browser lay
    // the page out again for each label (~15 ms on the first view). A marker is placed by its own transform,
    // so hiding one moves no other.
    const boxes = ordered.map((m) => m.getElement().getBoundingClientRect());
    ordered.forEach((m, i) => {
      const el = m.getElement();
      const r = boxes[i];
      const overlaps =
        !r ||
        placed.some(
          (p) => r.left < p.right + 2 && r.right > p.left - 2 && r.top < p.bottom + 2 && r.bottom > p.top - 2,
        );
      if (overlaps) el.style.display = 'none';
      else {
        el.style.visibility = '';
        placed.push(r);
      }
    });
  }

  remove(): void {
    this.map.off('zoomend', this.onZoom);
    this.map.off('resize', this.onZoom);
    for (const m of this.markers) m.remove();
  }
}

/** Ward names (HTML markers, no map layers): placed once, decluttered on zoom, removed with the map. */
export const wardLabelsGroup: LayerGroup = {
  name: 'ward labels',
  layers: [],
  install(ctx, model) {
    const labels = new WardLabels(ctx.map, model.wardLabels);
    ctx.whenRemoved(() => labels.remove());
  },
};
