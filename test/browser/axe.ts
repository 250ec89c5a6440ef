import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type axe from 'axe-core';
import type { Result } from 'axe-core';

declare global {
  interface Window {
    /** axe-core, once injectAxe has loaded it into the page. */
    axe?: typeof axe;
  }
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe tags; 2.2 added no level-A rule that axe tests). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** One block per failing node: rule, impact, CSS target and axe's summary of what to fix. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `- ${v.id} [${v.impact ?? 'n/a'}] ${n.target.join(' ')}\n    ${v.help} (${v.helpUrl})\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`,
      ),
    )
    .join('\n');
}

/**
 * Loads axe-core into the page. The app is served with a Content-Security-Policy that forbids inline
 * scripts (script-src 'self'), so axe is not inlined: it is served from the page's own origin
 * through a Playwright route, and the CSP stays in force for the test.
 */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  const url = new URL('__test-axe-core.js', page.url()).href;
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: AXE_SOURCE }));
  await page.addScriptTag({ url });
}

/** Runs axe-core on the whole document as it is now; returns the violations. */
export async function axeViolations(page: Page): Promise<Result[]> {
  await injectAxe(page);
  const results = await page.evaluate(
    (tags) =>
      window.axe!.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    [...WCAG_TAGS],
  );
  return results.violations;
}

/** A readable message for expect(): empty when there are no violations. */
export async function axeReport(page: Page, what: string): Promise<{ count: number; message: string }> {
  const violations = await axeViolations(page);
  const count = violations.reduce((n, v) => n + v.nodes.length, 0);
  return {
    count,
    message: `axe (WCAG 2.x A/AA) found ${count} violation(s) in ${what}:\n${describeViolations(violations)}`,
  };
}
