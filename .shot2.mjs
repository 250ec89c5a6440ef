import { chromium } from 'playwright-core';
import { preview } from 'vite';
const server = await preview({ root: process.cwd(), preview: { host: '127.0.0.1', port: 0 }, logLevel: 'error' });
const base = server.resolvedUrls.local[0];
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--use-angle=swiftshader','--enable-unsafe-swiftshader'] });
const ctx = await b.newContext({ viewport: { width: 794, height: 1123 } });
const page = await ctx.newPage();
await page.goto(base + process.argv[2]);
await page.waitForFunction(() => performance.getEntriesByName('atlas:first-choropleth').length > 0, undefined, { timeout: 60000 });
await page.waitForTimeout(1500);
await page.emulateMedia({ media: 'print' });
await page.pdf({ path: `/tmp/mob/${process.argv[3]}.pdf`, format: 'A4', printBackground: true });
// Page-sized slices of the print layout: A4 content box is 180mm x 269mm = 680 x 1017 CSS px.
await page.setViewportSize({ width: 680, height: 1017 });
const h = await page.evaluate(() => document.documentElement.scrollHeight);
console.log('print height px', h, 'pages ~', (h / 1017).toFixed(2));
await page.screenshot({ path: `/tmp/mob/${process.argv[3]}-print.png`, fullPage: true });
await b.close(); await server.close();
