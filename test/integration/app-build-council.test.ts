import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import { viteBuild } from '../../scripts/sites/assemble';
import { REPO_ROOT } from '../../scripts/pipeline/config';
import { HEADERS_FILE, isHostingFile, NGINX_FILE, servedExtensions } from '../../scripts/build/hosting-headers';
import { tempDir } from '../unit/pipeline/helpers/synthetic';
import { filesUnder } from '../../scripts/build/precache-plugin';

/**
 * `ATLAS_OUT_DIR=<folder> npm run build` is one council throughout (issue 19.3) and ships its hosting
 * headers (19.12). The data folders are synthetic stand-ins (a metadata.json naming the council and two
 * marked files): the vite build does not read the data, only carries it, so the real pipeline is not needed.
 * Whatever public/geo holds (Leeds after build:data, or nothing) must not reach dist/.
 */
interface Built {
  dist: string;
  geo: string;
}

/** `embedDomains` as a build writes them from the council's content folder (metadata.json council.content). */
function syntheticGeo(
  code: string,
  name: string,
  extra: Record<string, string>,
  embedDomains?: readonly string[],
): string {
  const geo = tempDir(`app-build-geo-${code}`);
  const council = embedDomains ? { council: { content: { embedDomains } } } : {};
  const files: Record<string, string> = {
    'metadata.json': `${JSON.stringify({ area: { code, name }, postcodeDistricts: [], ...council, synthetic: true })}\n`,
    'areas-2021.topojson': `{"synthetic":"${code}"}\n`,
    ...extra,
  };
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(geo, file)), { recursive: true });
    writeFileSync(path.join(geo, file), content);
  }
  return geo;
}

function build(geo: string): Built {
  const dist = tempDir('app-build-dist');
  viteBuild(dist, { ATLAS_OUT_DIR: geo });
  return { dist, geo };
}

/** Every file under dir, relative, with / separators. */
const relativeFiles = (dir: string): string[] =>
  filesUnder(dir).map((f) => path.relative(dir, f).split(path.sep).join('/'));

/** The precache list the build wrote into sw.js. */
function precached(dist: string): string[] {
  const m = /"(\{\\"version\\":.*?\})"/.exec(readFileSync(path.join(dist, 'sw.js'), 'utf8'));
  if (!m?.[1]) throw new Error('sw.js has no precache manifest');
  return (JSON.parse(JSON.parse(`"${m[1]}"`) as string) as { files: string[] }).files;
}

const read = (b: Built, file: string): string => readFileSync(path.join(b.dist, file), 'utf8');

let rutland: Built;
let leeds: Built;

beforeAll(() => {
  rutland = build(syntheticGeo('E06000017', 'Rutland', {}));
  leeds = build(
    syntheticGeo('E08000035', 'Leeds', { 'postcodes/LS99.json': '{"synthetic":"LS99"}\n' }, ['https://*.leeds.gov.uk']),
  );
}, 180_000);

describe('ATLAS_OUT_DIR build of another council (Rutland)', () => {
  it('ships exactly that folder’s data under geo/, and names the council in both pages', () => {
    expect(relativeFiles(path.join(rutland.dist, 'geo')).sort()).toEqual(relativeFiles(rutland.geo).sort());
    expect(read(rutland, 'geo/metadata.json')).toBe(readFileSync(path.join(rutland.geo, 'metadata.json'), 'utf8'));
    expect(read(rutland, 'geo/areas-2021.topojson')).toContain('E06000017');
    expect(read(rutland, 'index.html')).toMatch(/<title>[^<]*Rutland[^<]*<\/title>/);
    expect(read(rutland, 'accessibility.html')).toContain('Rutland');
    for (const page of ['index.html', 'accessibility.html']) expect(read(rutland, page)).not.toMatch(/Leeds/);
  });

  it('precaches that data and the app, not the hosting files', () => {
    const files = precached(rutland.dist);
    expect(files.filter((f) => f.startsWith('geo/')).sort()).toEqual(
      relativeFiles(rutland.geo)
        .map((f) => `geo/${f}`)
        .sort(),
    );
    expect(files).toEqual(
      expect.arrayContaining(['index.html', 'accessibility.html', 'favicon.svg', 'manifest.webmanifest']),
    );
    expect(files.filter((f) => f === HEADERS_FILE || f.startsWith('hosting/'))).toEqual([]);
    // Every precached file is in dist/: the worker's install would fail on a missing one.
    expect(relativeFiles(rutland.dist)).toEqual(expect.arrayContaining(files));
  });

  it('preloads the first view from geo/', () => {
    const preloads = [
      ...read(rutland, 'index.html').matchAll(/<link rel="preload" as="fetch"[^>]*href="([^"]+)"/g),
    ].map((m) => m[1]);
    expect(preloads).toEqual(['./geo/metadata.json', './geo/areas-2021.topojson']);
  });

  it('ships hosting headers whose frame-ancestors are the council’s own (self only)', () => {
    for (const file of [HEADERS_FILE, NGINX_FILE]) {
      const text = read(rutland, file);
      expect(text).toContain('Rutland (E06000017)');
      expect(text).toMatch(/frame-ancestors 'self'; base-uri/);
      expect(text).not.toMatch(/leeds/i);
    }
  });

  it('vite preview serves it with the same CSP', async () => {
    const before = process.env.ATLAS_OUT_DIR;
    process.env.ATLAS_OUT_DIR = rutland.geo;
    let server: PreviewServer | undefined;
    try {
      server = await preview({
        root: REPO_ROOT,
        build: { outDir: rutland.dist },
        preview: { host: '127.0.0.1', port: 0, strictPort: false },
        logLevel: 'error',
      });
      const res = await fetch(server.resolvedUrls?.local[0] ?? '');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/frame-ancestors 'self';/);
      expect(read(rutland, HEADERS_FILE)).toContain(`Content-Security-Policy: ${csp}\n`);
    } finally {
      process.env.ATLAS_OUT_DIR = before;
      await server?.close();
    }
  });
});

/** The built JavaScript files under dir whose text contains `text`. */
const jsContaining = (dir: string, text: string): string[] =>
  relativeFiles(dir).filter((f) => f.endsWith('.js') && readFileSync(path.join(dir, f), 'utf8').includes(text));

describe('test hooks (src/test-hooks.d.ts)', () => {
  it('the production build has no window.__atlas; the test-hooks build of the same sources has it, once', () => {
    const hooked = tempDir('app-build-test-hooks');
    viteBuild(hooked, { ATLAS_OUT_DIR: rutland.geo, ATLAS_TEST_HOOKS: '1' });
    expect(jsContaining(hooked, '__atlas')).toHaveLength(1);
    expect(jsContaining(rutland.dist, '__atlas')).toEqual([]);
    expect(jsContaining(leeds.dist, '__atlas')).toEqual([]);
  }, 180_000);
});

describe('ATLAS_OUT_DIR build of Leeds', () => {
  it('ships its postcode files and hosting headers that let Leeds’ domain frame it', () => {
    expect(read(leeds, 'geo/postcodes/LS99.json')).toContain('LS99');
    expect(precached(leeds.dist)).toContain('geo/postcodes/LS99.json');
    expect(read(leeds, HEADERS_FILE)).toMatch(
      /^\/\*\n {2}Content-Security-Policy: [^\n]*frame-ancestors 'self' https:\/\/\*\.leeds\.gov\.uk;/m,
    );
    expect(read(leeds, NGINX_FILE)).toMatch(
      /^add_header Content-Security-Policy "[^"]*frame-ancestors 'self' https:\/\/\*\.leeds\.gov\.uk;[^"]*" always;$/m,
    );
  });

  it('gives nginx a type for every file type in the build', () => {
    const exts = new Set(
      relativeFiles(leeds.dist)
        .filter((f) => !isHostingFile(f))
        .map((f) => path.extname(f).slice(1)),
    );
    expect([...exts].filter((e) => !servedExtensions().includes(e))).toEqual([]);
    const types = /types \{\n([^}]*)\}/.exec(read(leeds, NGINX_FILE))?.[1] ?? '';
    for (const e of exts) expect(types).toMatch(new RegExp(`^ +\\S+ (\\S+ )*${e}[ ;]`, 'm'));
  });
});
