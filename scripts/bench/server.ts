/**
 * A small static server on 127.0.0.1 that compresses like a production server would: gzip (level 6,
 * nginx/Apache's usual setting for static text) for text types when the browser accepts it, and
 * nothing for anything else. It logs every response's raw and sent body size, which is how the
 * benchmark counts bytes over the wire.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.topojson': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.topojson', '.svg']);

export interface ServedResponse {
  /** URL path as requested, e.g. /app/assets/index-abc.js */
  path: string;
  status: number;
  /** Body bytes before compression. */
  raw: number;
  /** Body bytes sent (gzip when compressed). */
  sent: number;
  gzip: boolean;
  /** ms since the server started, when the request arrived. */
  at: number;
}

export interface StaticServer {
  url: string;
  log: ServedResponse[];
  close(): Promise<void>;
}

/** Serves each root under its prefix: { '/app/': dir, '/baseline/': dir }. */
export async function serveStatic(roots: Record<string, string>): Promise<StaticServer> {
  const cache = new Map<string, { raw: Buffer; gz: Buffer | null }>();
  const log: ServedResponse[] = [];
  const t0 = performance.now();
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const prefix = Object.keys(roots).find((p) => urlPath.startsWith(p));
    const entry = { path: urlPath, status: 404, raw: 0, sent: 0, gzip: false, at: performance.now() - t0 };
    log.push(entry);
    if (!prefix) {
      res.writeHead(404).end();
      return;
    }
    const root = roots[prefix] as string;
    let file = path.join(root, urlPath.slice(prefix.length));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      statSync(file);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const ext = path.extname(file).toLowerCase();
    let c = cache.get(file);
    if (!c) {
      const raw = readFileSync(file);
      c = { raw, gz: COMPRESSIBLE.has(ext) ? gzipSync(raw, { level: 6 }) : null };
      cache.set(file, c);
    }
    const useGzip = c.gz !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = useGzip && c.gz ? c.gz : c.raw;
    const headers: Record<string, string | number> = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
    };
    if (useGzip) headers['Content-Encoding'] = 'gzip';
    Object.assign(entry, { status: 200, raw: c.raw.length, sent: body.length, gzip: useGzip });
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
