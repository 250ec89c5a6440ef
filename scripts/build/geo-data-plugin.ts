import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, relative, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { filesUnder } from './precache-plugin';

/** The folder the app fetches its data from (src/data/load.ts), relative to the page. */
const GEO_URL_DIR = 'geo';

const posix = (p: string): string => p.split(sep).join('/');

/**
 * Puts one council's data under geo/: the folder build:data wrote (`geoDir`, ATLAS_OUT_DIR or public/geo),
 * never whatever else public/geo holds. Vite's own copy of public/ is switched off; this plugin emits
 * public/'s other files and geoDir's files into the bundle instead, so dist/, the service worker's
 * precache list (made from the bundle) and the HTML (named from geoDir) are the same council.
 * The dev server serves geo/ from geoDir too.
 *
 * `withData` false (build:sites' shared template) emits no data: each council's folder gets its own.
 */
export function geoDataPlugin(geoDir: string, withData: boolean): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'atlas-geo-data',
    config: () => ({ build: { copyPublicDir: false } }),
    configResolved(c) {
      config = c;
    },
    generateBundle() {
      const publicDir = config?.publicDir;
      const emit = (fileName: string, file: string): void => {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
      };
      if (publicDir && existsSync(publicDir)) {
        for (const file of filesUnder(publicDir)) {
          const name = posix(relative(publicDir, file));
          if (name !== GEO_URL_DIR && !name.startsWith(`${GEO_URL_DIR}/`)) emit(name, file);
        }
      }
      if (!withData) return;
      if (!existsSync(geoDir))
        return this.warn(`${geoDir} does not exist: the build has no data (run npm run build:data)`);
      for (const file of filesUnder(geoDir)) {
        const name = posix(relative(geoDir, file));
        // Working folders of an interrupted build:data (scripts/pipeline/write-outputs.ts), never outputs.
        if (!name.startsWith('.')) emit(`${GEO_URL_DIR}/${name}`, file);
      }
    },
    configureServer(server) {
      const prefix = `${server.config.base}${GEO_URL_DIR}/`;
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0] ?? '';
        if (!url.startsWith(prefix)) return next();
        const file = resolve(geoDir, decodeURIComponent(url.slice(prefix.length)));
        if (!file.startsWith(`${resolve(geoDir)}${sep}`)) return next();
        // Not found here is a 404, never public/geo's file of the same name (another council's).
        if (!existsSync(file) || !statSync(file).isFile()) {
          res.statusCode = 404;
          return res.end();
        }
        res.setHeader(
          'Content-Type',
          ['.json', '.topojson'].includes(extname(file)) ? 'application/json' : 'application/octet-stream',
        );
        res.end(readFileSync(file));
      });
    },
  };
}
