import type { LegendModel } from '../domain/legend';
import type { PngKeys } from '../state/map-handle';
import type { VenueMapKey } from '../domain/venue-lists/styles';
import { shapePath } from '../domain/venue-shapes';
import type { DrawnLabel } from './context-labels';

/**
 * The map view as a PNG of the same size as the map, with the legend and the attribution drawn on
 * it, so a saved image always carries its key and its sources. `layerKey` is the key entries of the
 * switchable layers shown (legendEntries over the layer registry: the 1% / 10% outlines).
 */
export async function mapToPng(
  mapCanvas: HTMLCanvasElement,
  legend: LegendModel,
  attribution: readonly string[],
  title: string,
  contextLabels: readonly DrawnLabel[] = [],
  keys: PngKeys = { layers: [], venues: null },
): Promise<Blob> {
  const w = mapCanvas.width;
  const h = mapCanvas.height;
  const ratio = w / Math.max(1, mapCanvas.clientWidth);
  const out = document.createElement('canvas');
  out.width = w;
  out.height = h;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(mapCanvas, 0, 0);
  ctx.scale(ratio, ratio);
  const cssW = w / ratio;
  const cssH = h / ratio;
  const font = (size: number, weight = 400) => `${weight} ${size}px system-ui, sans-serif`;
  // The orientation labels are HTML over the map, not in its canvas: draw them as shown.
  drawContextLabels(ctx, contextLabels, font);

  // Attribution strip along the bottom edge.
  const attrText = attribution.join(' ');
  ctx.font = font(10);
  const attrLines = wrap(ctx, attrText, cssW - 12);
  const attrH = attrLines.length * 12 + 6;
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fillRect(0, cssH - attrH, cssW, attrH);
  ctx.fillStyle = '#1a1a1a';
  attrLines.forEach((l, i) => void ctx.fillText(l, 6, cssH - attrH + 13 + i * 12));

  // Legend box in the top-left corner.
  const rows = [
    ...legend.rows.map((r) => ({ colour: r.colour, label: `${r.label} (${r.count})`, hatch: false })),
    ...(legend.noData.count > 0
      ? [{ colour: '#d9d9d9', label: `${legend.noData.label} (${legend.noData.count})`, hatch: true }]
      : []),
  ];
  ctx.font = font(12, 700);
  const boxW = Math.min(cssW - 20, 300);
  const titleLines = wrap(ctx, title, boxW - 16);
  const headLines = wrap(ctx, legend.title, boxW - 16);
  const boxH = 10 + (titleLines.length + headLines.length) * 15 + (rows.length + keys.layers.length) * 16 + 6;
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.fillRect(10, 10, boxW, boxH);
  ctx.strokeStyle = '#444';
  ctx.strokeRect(10.5, 10.5, boxW - 1, boxH - 1);
  ctx.fillStyle = '#1a1a1a';
  let y = 26;
  for (const l of titleLines) {
    ctx.fillText(l, 18, y);
    y += 15;
  }
  ctx.font = font(11);
  for (const l of headLines) {
    ctx.fillText(l, 18, y);
    y += 15;
  }
  for (const r of rows) {
    ctx.fillStyle = r.colour;
    ctx.fillRect(18, y - 10, 18, 12);
    if (r.hatch) {
      ctx.strokeStyle = '#737373';
      for (let x = -12; x < 18; x += 4) {
        ctx.beginPath();
        ctx.moveTo(18 + Math.max(0, x), y - 10 + Math.max(0, -x));
        ctx.lineTo(18 + Math.min(18, x + 12), y + 2 - Math.max(0, x + 12 - 18));
        ctx.stroke();
      }
    }
    ctx.strokeStyle = '#444';
    ctx.strokeRect(18.5, y - 9.5, 17, 11);
    ctx.fillStyle = '#1a1a1a';
    ctx.fillText(r.label, 42, y);
    y += 16;
  }
  for (const k of keys.layers) {
    // The swatch as in the on-screen legend: each stroke an outlined rectangle, bottom to top.
    for (const st of k.strokes) {
      ctx.strokeStyle = st.colour;
      ctx.lineWidth = st.width;
      ctx.setLineDash(st.dash ? st.dash.split(' ').map(Number) : []);
      ctx.strokeRect(19, y - 9, 16, 10);
    }
    ctx.setLineDash([]);
    ctx.lineWidth = 1;
    ctx.fillStyle = '#1a1a1a';
    ctx.fillText(k.label, 42, y);
    y += 16;
  }
  const venueKey = keys.venues;
  if (venueKey && venueKey.rows.length > 0) drawVenueKey(ctx, venueKey, 10, 10 + boxH + 8, boxW, font);

  return new Promise((resolve, reject) =>
    out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (ctx.measureText(next).width > width && line) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const LABEL_FONT: Record<DrawnLabel['kind'], [number, number]> = {
  city: [15, 700],
  town: [13, 700],
  village: [12, 600],
  neighbourhood: [11, 400],
  road: [10, 700],
};

function drawContextLabels(
  ctx: CanvasRenderingContext2D,
  labels: readonly DrawnLabel[],
  font: (size: number, weight?: number) => string,
): void {
  ctx.save();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const l of labels) {
    const [size, weight] = LABEL_FONT[l.kind];
    ctx.font = `${l.kind === 'neighbourhood' ? 'italic ' : ''}${font(size, weight)}`;
    if (l.kind === 'road') {
      const w = ctx.measureText(l.text).width + 6;
      ctx.fillStyle = l.roadClass === 'motorway' ? '#1d4f91' : '#ffffff';
      ctx.strokeStyle = l.roadClass === 'motorway' ? '#1d4f91' : '#3d3d3d';
      ctx.fillRect(l.x - w / 2, l.y - 7, w, 14);
      ctx.strokeRect(l.x - w / 2 + 0.5, l.y - 6.5, w - 1, 13);
      ctx.fillStyle = l.roadClass === 'motorway' ? '#ffffff' : '#1a1a1a';
      ctx.fillText(l.text, l.x, l.y);
      continue;
    }
    // A white halo, as on screen, keeps the name readable on every decile colour.
    ctx.lineWidth = 3;
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#ffffff';
    ctx.strokeText(l.text, l.x, l.y);
    ctx.fillStyle = '#1a1a1a';
    ctx.fillText(l.text, l.x, l.y);
  }
  ctx.restore();
}

/** The imported venues' key under the legend: each category's shape and colour with its count, then the note. */
function drawVenueKey(
  ctx: CanvasRenderingContext2D,
  key: VenueMapKey,
  x: number,
  top: number,
  width: number,
  font: (size: number, weight?: number) => string,
): void {
  ctx.font = font(11);
  const noteLines = wrap(ctx, key.note, width - 16);
  ctx.font = font(12, 700);
  const titleLines = wrap(ctx, key.title, width - 16);
  const h = 10 + titleLines.length * 15 + key.rows.length * 18 + noteLines.length * 13 + 4;
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.fillRect(x, top, width, h);
  ctx.strokeStyle = '#444';
  ctx.strokeRect(x + 0.5, top + 0.5, width - 1, h - 1);
  ctx.fillStyle = '#1a1a1a';
  let y = top + 16;
  for (const l of titleLines) {
    ctx.fillText(l, x + 8, y);
    y += 15;
  }
  ctx.font = font(11);
  for (const r of key.rows) {
    ctx.save();
    ctx.translate(x + 8, y - 12);
    const path = new Path2D(shapePath(r.shape, 16));
    if (r.shape === 'ring') {
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = r.colour;
      ctx.stroke(path);
    } else {
      ctx.fillStyle = r.colour;
      ctx.fill(path);
      ctx.lineWidth = 1;
      ctx.strokeStyle = '#1a1a1a';
      ctx.stroke(path);
    }
    ctx.restore();
    ctx.fillStyle = '#1a1a1a';
    ctx.fillText(`${r.label} (${r.count})`, x + 32, y);
    y += 18;
  }
  for (const l of noteLines) {
    ctx.fillText(l, x + 8, y);
    y += 13;
  }
}
