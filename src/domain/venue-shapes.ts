import type { InterventionStyle } from './interventions';

type Pt = [number, number];

function regular(c: number, r: number, sides: number, rotate = -Math.PI / 2, inner?: number): Pt[] {
  const n = inner === undefined ? sides : sides * 2;
  return Array.from({ length: n }, (_, i) => {
    const rr = inner !== undefined && i % 2 === 1 ? inner : r;
    const a = rotate + (i * 2 * Math.PI) / n;
    return [c + rr * Math.cos(a), c + rr * Math.sin(a)] as Pt;
  });
}

function toPath(pts: Pt[]): string {
  return `${pts.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(2)} ${y.toFixed(2)}`).join(' ')} Z`;
}

/**
 * The marker shape of an intervention type as an SVG path in a size × size box. The map icons
 * (canvas Path2D) and the list's key (inline SVG) both draw from this, so they always match.
 */
export function shapePath(shape: InterventionStyle['shape'], size: number): string {
  const c = size / 2;
  const r = size * 0.34;
  switch (shape) {
    case 'circle':
    case 'ring':
      return `M${c - r} ${c} a${r} ${r} 0 1 0 ${2 * r} 0 a${r} ${r} 0 1 0 ${-2 * r} 0 Z`;
    case 'square':
      return toPath(regular(c, r * 1.2, 4, -Math.PI / 4));
    case 'diamond':
      return toPath(regular(c, r * 1.25, 4));
    case 'triangle':
      return toPath(regular(c, r * 1.3, 3));
    case 'star':
      return toPath(regular(c, r * 1.35, 5, -Math.PI / 2, r * 0.6));
    case 'pentagon':
      return toPath(regular(c, r * 1.2, 5));
    case 'hexagon':
      return toPath(regular(c, r * 1.2, 6));
    case 'cross': {
      const w = r * 0.45;
      const e = r * 1.2;
      return toPath([
        [c - w, c - e],
        [c + w, c - e],
        [c + w, c - w],
        [c + e, c - w],
        [c + e, c + w],
        [c + w, c + w],
        [c + w, c + e],
        [c - w, c + e],
        [c - w, c + w],
        [c - e, c + w],
        [c - e, c - w],
        [c - w, c - w],
      ]);
    }
    default: {
      const unreachable: never = shape;
      throw new Error(`unknown shape ${String(unreachable)}`);
    }
  }
}
