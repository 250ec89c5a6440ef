import type { InterventionStyle } from '../domain/interventions';
import { shapePath } from '../domain/venue-shapes';

/**
 * Draws one marker per intervention type: a distinct shape in its colour with a white halo, so
 * types differ by shape as well as colour and stand out on any fill beneath.
 */
export function drawVenueIcon(style: InterventionStyle, size = 44): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  const path = new Path2D(shapePath(style.shape, size));
  ctx.lineJoin = 'round';
  ctx.lineWidth = size * 0.12;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke(path);
  if (style.shape === 'ring') {
    ctx.lineWidth = size * 0.09;
    ctx.strokeStyle = style.colour;
    ctx.stroke(path);
  } else {
    ctx.fillStyle = style.colour;
    ctx.fill(path);
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#1a1a1a';
    ctx.stroke(path);
  }
  return ctx.getImageData(0, 0, size, size);
}
