import { inflateSync } from 'node:zlib';

/** One 8-bit RGB image of a PDF (an image XObject), its pixels decoded. */
export interface PdfImage {
  width: number;
  height: number;
  /** Three bytes per pixel, row by row. */
  rgb: Uint8Array;
}

/** Undoes the PNG row filters a Flate stream may carry (/DecodeParms /Predictor 10–15). */
function unpredict(data: Uint8Array, width: number, bpp: number): Uint8Array {
  const row = width * bpp;
  const rows = Math.floor(data.length / (row + 1));
  const out = new Uint8Array(rows * row);
  for (let y = 0; y < rows; y++) {
    const filter = data[y * (row + 1)] ?? 0;
    for (let x = 0; x < row; x++) {
      const raw = data[y * (row + 1) + 1 + x] ?? 0;
      const a = x >= bpp ? (out[y * row + x - bpp] ?? 0) : 0;
      const b = y > 0 ? (out[(y - 1) * row + x] ?? 0) : 0;
      const c = x >= bpp && y > 0 ? (out[(y - 1) * row + x - bpp] ?? 0) : 0;
      let v = raw;
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += Math.floor((a + b) / 2);
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * row + x] = v & 0xff;
    }
  }
  return out;
}

/**
 * The RGB images of a PDF as Chromium writes them (Flate, 8 bits, three components): enough to tell what a
 * printed page shows. Grey masks and other kinds of image are skipped.
 */
export function pdfRgbImages(pdf: Buffer): PdfImage[] {
  const text = pdf.toString('latin1');
  const images: PdfImage[] = [];
  const dict = /<<((?:(?!>>\s*stream)[\s\S])*?\/Subtype\s*\/Image[\s\S]*?)>>\s*stream\r?\n/g;
  for (let m = dict.exec(text); m; m = dict.exec(text)) {
    const head = m[1] ?? '';
    const width = Number(/\/Width (\d+)/.exec(head)?.[1]);
    const height = Number(/\/Height (\d+)/.exec(head)?.[1]);
    if (!/\/BitsPerComponent 8/.test(head) || /\/DeviceGray/.test(head) || !/\/FlateDecode/.test(head)) continue;
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    const inflated = new Uint8Array(inflateSync(pdf.subarray(start, end)));
    const predicted = /\/Predictor (1[0-5])/.test(head);
    const rgb = predicted ? unpredict(inflated, width, 3) : inflated;
    if (rgb.length >= width * height * 3) images.push({ width, height, rgb });
  }
  return images;
}
