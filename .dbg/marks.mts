import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '/work/main/scripts/tooling/chromium';
const b = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
const s = await preview({ root: '/work/main', build: { outDir: '/tmp/dbg-ev' }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'error' });
const url = s.resolvedUrls?.local[0] ?? '';
for (let i = 0; i < 5; i++) {
  const ctx = await b.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:first-choropleth').length > 0, undefined, { timeout: 60000 });
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name.replace('dbg:', '').replace('atlas:', '')}=${Math.round(m.startTime)}`).join(' '));
  const res = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /topojson|metadata|main-|maplibre|context-/.test(e.name)).map((e) => `${e.name.split('/').pop()!.slice(0, 14)}:${Math.round(e.startTime)}-${Math.round((e as PerformanceResourceTiming).responseEnd)}`).join(' '));
  const log = await page.evaluate(() => ((window as any).__dbgLog as string[]).join(' '));
  console.log(marks); console.log('   ', log);
  await ctx.close();
}
await b.close(); await s.close();
