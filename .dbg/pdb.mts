import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '/work/main/scripts/tooling/chromium';
const out: Record<string, number[][]> = {};
const b = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
const servers: Record<string, string> = {};
const srvs = [];
for (const v of ['true', 'false']) {
  const s = await preview({ root: '/work/main', build: { outDir: `/tmp/dbg-pdb-${v}` }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'error' });
  srvs.push(s); servers[v] = s.resolvedUrls?.local[0] ?? '';
}
for (let i = 0; i < 6; i++) {
  for (const v of i % 2 ? ['true', 'false'] : ['false', 'true']) {
    const ctx = await b.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    await ctx.addInitScript('globalThis.__name = (f) => f;');
    const page = await ctx.newPage();
    await page.goto(servers[v]!);
    await page.waitForFunction(() => performance.getEntriesByName('atlas:first-choropleth').length > 0, undefined, { timeout: 60000 });
    const first = await page.evaluate(() => performance.getEntriesByName('atlas:first-choropleth')[0]!.startTime);
    await new Promise((r) => setTimeout(r, 3000));
    const rep = await page.evaluate(async () => { const h = (window as any).__atlas; await h.idle(); const xs: number[] = []; for (let k = 0; k < 7; k++) { const t = performance.now(); await h.idle(); xs.push(performance.now() - t); } xs.sort((a, b) => a - b); return xs[3]!; });
    (out[v] ??= []).push([Math.round(first), Math.round(rep)]);
    await ctx.close();
  }
}
console.log(JSON.stringify(out));
await b.close(); for (const s of srvs) await s.close();
