import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ContextData } from '../data/contract';
import { contextLabels, declutter, type ContextLabel, type Rect } from '../domain/context-labels';

/** A label as shown, in CSS pixels from the map's top-left corner (for drawing onto an export). */
export interface DrawnLabel {
  text: string;
  kind: ContextLabel['kind'];
  roadClass?: ContextLabel['roadClass'];
  x: number;
  y: number;
}

/**
 * Place names and road numbers as HTML, like the ward labels: no glyph server (the map stays offline),
 * crisp, and sized in rem so they follow the user's text size. Labels are placed after each move in
 * priority order and never over a ward label; during a move the shown ones just follow the map.
 * Decorative for assistive technology: every place is reachable through search.
 */
export class ContextLabels {
  private readonly map: MapLibreMap;
  private readonly root: HTMLDivElement;
  private readonly all: ContextLabel[];
  private readonly els = new Map<string, HTMLElement>();
  private readonly obstacleSelector: string | null;
  private shown: Array<{ label: ContextLabel; el: HTMLElement }> = [];
  private visible = true;
  private readonly onMove = (): void => this.follow();
  private readonly onSettle = (): void => this.place();

  constructor(map: MapLibreMap, data: ContextData, obstacleSelector: string | null) {
    this.map = map;
    this.obstacleSelector = obstacleSelector;
    this.all = contextLabels(data.places, data.roadLabels);
    this.root = document.createElement('div');
    this.root.className = 'context-labels';
    this.root.setAttribute('aria-hidden', 'true');
    this.root.dataset['testid'] = 'context-labels';
    map.getCanvasContainer().appendChild(this.root);
    map.on('move', this.onMove);
    map.on('moveend', this.onSettle);
    map.on('resize', this.onSettle);
    this.place();
  }

  private element(l: ContextLabel): HTMLElement {
    let el = this.els.get(l.id);
    if (!el) {
      el = document.createElement('span');
      el.className = `context-label context-label--${l.kind}${l.roadClass ? ` context-label--${l.roadClass}` : ''}`;
      // textContent, never innerHTML: names come from data files.
      el.textContent = l.text;
      this.els.set(l.id, el);
      this.root.appendChild(el);
    }
    return el;
  }

  private position(l: ContextLabel, el: HTMLElement): void {
    const p = this.map.project([l.lon, l.lat]);
    el.style.transform = `translate(${Math.round(p.x)}px, ${Math.round(p.y)}px) translate(-50%, -50%)`;
  }

  private follow(): void {
    for (const { label, el } of this.shown) this.position(label, el);
  }

  /** Chooses the labels for this view: eligible at this zoom, inside the view, clear of ward labels and of each other. */
  private place(): void {
    for (const el of this.els.values()) el.style.display = 'none';
    this.shown = [];
    if (!this.visible) return;
    const zoom = this.map.getZoom();
    const { clientWidth: w, clientHeight: h } = this.map.getContainer();
    const obstacleEls = this.obstacleSelector
      ? [...this.map.getContainer().querySelectorAll<HTMLElement>(this.obstacleSelector)].filter(
          (el) => el.style.display !== 'none' && el.style.visibility !== 'hidden',
        )
      : [];
    // A town named like a ward shown beside it ("Wetherby") would say the same thing twice.
    const obstacleNames = new Set(obstacleEls.map((el) => (el.textContent ?? '').replace(/^★\s*/, '').toLowerCase()));
    const candidates = this.all.filter((l) => {
      if (l.minZoom > zoom || obstacleNames.has(l.text.toLowerCase())) return false;
      const p = this.map.project([l.lon, l.lat]);
      return p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h;
    });
    // Write every position first, then read every box: one layout, not one per label.
    const els = candidates.map((l) => {
      const el = this.element(l);
      el.style.display = '';
      this.position(l, el);
      return el;
    });
    const rects = els.map((el) => el.getBoundingClientRect());
    const view = this.map.getContainer().getBoundingClientRect();
    const obstacles: Rect[] = obstacleEls.map((el) => el.getBoundingClientRect());
    const ok = declutter(
      candidates.map((l, i) => ({ id: l.id, rect: rects[i]! })),
      obstacles,
      view,
    );
    candidates.forEach((l, i) => {
      const el = els[i]!;
      if (ok.has(l.id)) this.shown.push({ label: l, el });
      else el.style.display = 'none';
    });
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.place();
  }

  drawn(): DrawnLabel[] {
    return this.shown.map(({ label }) => {
      const p = this.map.project([label.lon, label.lat]);
      return {
        text: label.text,
        kind: label.kind,
        ...(label.roadClass ? { roadClass: label.roadClass } : {}),
        x: p.x,
        y: p.y,
      };
    });
  }

  remove(): void {
    this.map.off('move', this.onMove);
    this.map.off('moveend', this.onSettle);
    this.map.off('resize', this.onSettle);
    this.root.remove();
  }
}
