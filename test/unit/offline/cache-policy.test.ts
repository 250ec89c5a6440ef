import { describe, expect, it } from 'vitest';
import {
  cachedPageFor,
  cacheKey,
  cacheName,
  isIntactData,
  offlinePageFor,
  staleCaches,
  strategyFor,
} from '../../../src/offline/cache-policy';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  injectManifest,
  MANIFEST_PLACEHOLDER,
  manifestForSite,
  precacheVersion,
} from '../../../scripts/build/precache-plugin';
import { tempDir } from '../pipeline/helpers/synthetic';

const scope = 'https://example.test/maps/atlas/';
const precached = new Set(['index.html', 'accessibility.html', 'assets/main-abc.js', 'geo/metadata.json']);
const get = (path: string, mode = 'cors') => ({ url: `https://example.test${path}`, method: 'GET', mode });

describe('service worker cache policy', () => {
  it('pages, geo data and build assets each have their strategy', () => {
    expect(strategyFor(get('/maps/atlas/?sel=ward:E05011388', 'navigate'), scope, precached)).toBe('page');
    expect(strategyFor(get('/maps/atlas/geo/areas-2021.topojson'), scope, precached)).toBe('data');
    expect(strategyFor(get('/maps/atlas/assets/main-abc.js'), scope, precached)).toBe('asset');
  });

  it('leaves alone what it does not own: other origins, other paths, POSTs, files not in the build', () => {
    expect(strategyFor({ url: 'https://tiles.example.org/a.pbf', method: 'GET', mode: 'cors' }, scope, precached)).toBe(
      'pass',
    );
    expect(strategyFor(get('/other/geo/metadata.json'), scope, precached)).toBe('pass');
    expect(strategyFor({ ...get('/maps/atlas/geo/metadata.json'), method: 'POST' }, scope, precached)).toBe('pass');
    expect(strategyFor(get('/maps/atlas/__axe.js'), scope, precached)).toBe('pass');
  });

  it('answers an offline navigation with the page itself or the app', () => {
    expect(offlinePageFor('https://example.test/maps/atlas/accessibility.html', scope, precached)).toBe(
      'accessibility.html',
    );
    expect(offlinePageFor('https://example.test/maps/atlas/?sel=ward:E05011388&brief=1', scope, precached)).toBe(
      'index.html',
    );
  });

  it('answers the app and its precached pages from this version’s cache, so HTML and data are one deployment (issue 19.7)', () => {
    expect(cachedPageFor('https://example.test/maps/atlas/?sel=ward:E05011388&rel=2019', scope, precached)).toBe(
      'index.html',
    );
    expect(cachedPageFor('https://example.test/maps/atlas/index.html', scope, precached)).toBe('index.html');
    expect(cachedPageFor('https://example.test/maps/atlas/accessibility.html', scope, precached)).toBe(
      'accessibility.html',
    );
    // Not held by this version, or outside the scope: the network decides.
    expect(cachedPageFor('https://example.test/maps/atlas/other.html', scope, precached)).toBeNull();
    expect(cachedPageFor('https://example.test/elsewhere/', scope, precached)).toBeNull();
    expect(cachedPageFor('https://example.test/maps/atlas/', scope, new Set())).toBeNull();
  });

  it('serves a cached data file only when it is intact: JSON and TopoJSON must parse (issue 19.7)', () => {
    expect(isIntactData('/maps/atlas/geo/metadata.json', '{"schemaVersion":1}')).toBe(true);
    expect(isIntactData('/maps/atlas/geo/spi.json', 'null')).toBe(true);
    expect(isIntactData('/maps/atlas/geo/areas-2021.topojson', '{"type":"Topology","objects":{')).toBe(false);
    expect(isIntactData('/maps/atlas/geo/postcodes/LS7.json', '<!doctype html><title>Captive portal</title>')).toBe(
      false,
    );
    expect(isIntactData('/maps/atlas/geo/metadata.json', '')).toBe(false);
  });

  it('keys the cache by path (a query string is app state, not another file)', () => {
    expect(cacheKey('https://example.test/maps/atlas/geo/metadata.json?x=1', scope)).toBe(
      'https://example.test/maps/atlas/geo/metadata.json',
    );
  });

  it('versions caches and deletes only this app’s caches of other versions', () => {
    expect(cacheName('v2')).toBe('atlas-v2');
    expect(staleCaches(['atlas-v1', 'atlas-v2', 'someone-else'], 'v2')).toEqual(['atlas-v1']);
  });
});

describe('precache plugin', () => {
  it('the version changes when any file’s content or name changes, and not otherwise', () => {
    const a = precacheVersion(
      new Map([
        ['index.html', '<html>'],
        ['geo/metadata.json', '{}'],
      ]),
    );
    expect(
      precacheVersion(
        new Map([
          ['geo/metadata.json', '{}'],
          ['index.html', '<html>'],
        ]),
      ),
    ).toBe(a);
    expect(
      precacheVersion(
        new Map([
          ['index.html', '<html>'],
          ['geo/metadata.json', '{"a":1}'],
        ]),
      ),
    ).not.toBe(a);
    expect(
      precacheVersion(
        new Map([
          ['index.htm', '<html>'],
          ['geo/metadata.json', '{}'],
        ]),
      ),
    ).not.toBe(a);
  });

  it('writes the manifest where the worker parses it, and refuses a worker without the placeholder', () => {
    const manifest = { version: 'abc', files: ['index.html', "it's.json"] };
    for (const quote of ['"', "'", '`']) {
      const code = injectManifest(`const m=JSON.parse(${quote}${MANIFEST_PLACEHOLDER}${quote});`, manifest);
      expect(code).not.toBeNull();
      const parsed: unknown = new Function(`${code}; return m;`)();
      expect(parsed).toEqual(manifest);
    }
    expect(injectManifest('const m = 1;', manifest)).toBeNull();
  });

  it('lists a council site folder’s own files (build:sites), without the worker or source maps', () => {
    const site = tempDir('site-manifest');
    const put = (name: string, text: string) => {
      mkdirSync(dirname(join(site, name)), { recursive: true });
      writeFileSync(join(site, name), text);
    };
    put('index.html', '<html>synthetic</html>');
    put('sw.js', 'worker');
    put('assets/main-abc.js', 'js');
    put('assets/main-abc.js.map', 'map');
    put('geo/metadata.json', '{"area":"synthetic A"}');
    const a = manifestForSite(site);
    expect(a.files).toEqual(['assets/main-abc.js', 'geo/metadata.json', 'index.html']);
    put('geo/metadata.json', '{"area":"synthetic B"}');
    expect(manifestForSite(site).version).not.toBe(a.version);
    expect(() => manifestForSite(join(site, 'geo'))).toThrow(/no index\.html/);
  });
});
