/**
 * The council's standing in England (IoD 2025 File 10) in About, and the ward's IoD summary measures
 * in the ward profile and briefing. Expected figures come from the source CSVs read here, with the
 * measures worked out in this file (not through src/domain/iod-measures.ts).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumForThisFile, openPage, waitForMap, type WatchedPage } from './browser';
import { axeReport } from './axe';
import { table } from '../unit/outreach/independent';

const chrome = chromiumForThisFile();
const base = inject('baseUrl');

const N = 33755;
const LEEDS = table('indices/iod2025_lad24_summaries_england.csv').find((r) => r.get('ltla24_code') === 'E08000035')!;
const ordinal = (n: number) =>
  `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;

/** Burmantofts and Richmond Hill (Dec 2024 ward): its LSOAs by the ONS best-fit lookup, populations from File 7. */
const WARD = 'E05011388';
const england = new Map(table('indices/iod2025_lsoa21_england.csv').map((r) => [r.get('lsoa21cd')!, r]));
const wardCodes = table('lookups/lsoa21_ward24_lad24_england_wales.csv')
  .filter((r) => r.get('ward24_code') === WARD)
  .map((r) => r.get('lsoa21_code')!);
// The File 7 header has line breaks inside quoted cells, which table() does not split on: read its
// code and population by position from the end of each data row instead (code first, total population 4th from last).
const file7Pop = new Map(
  table('indices/iod2025_file7_leeds_lsoa21.csv')
    .map((r) => [...r.values()])
    .filter((cells) => /^E01\d{6}$/.test(cells[0] ?? ''))
    .map((cells) => [cells[0]!, Number(cells[cells.length - 4])]),
);

/** The ward's extent and local concentration, worked out here from the sources. */
function expectedWard() {
  const lsoas = wardCodes.map((c) => ({ pop: file7Pop.get(c)!, rank: Number(england.get(c)!.get('imd_rank')) }));
  const total = lsoas.reduce((s, l) => s + l.pop, 0);
  const weight = (rank: number) => {
    const p = Math.ceil((rank * 100) / N);
    return p <= 10 ? 1 : p <= 30 ? (31 - p) / 21 : 0;
  };
  const ext = lsoas.reduce((s, l) => s + l.pop * weight(l.rank), 0) / total;
  let left = total / 10;
  let num = 0;
  for (const l of [...lsoas].sort((a, b) => a.rank - b.rank)) {
    const take = Math.min(l.pop, left);
    if (take <= 0) break;
    num += take * (N + 1 - l.rank);
    left -= take;
  }
  return {
    extent: `${(ext * 100).toLocaleString('en-GB', { maximumFractionDigits: 1 })}%`,
    localConcentration: Math.round(num / (total / 10)).toLocaleString('en-GB'),
  };
}

describe('the council summary in About', () => {
  let w: WatchedPage;
  beforeAll(async () => {
    w = await openPage(chrome.browser, base);
    await waitForMap(w.page);
    await w.page.getByRole('button', { name: 'About the data' }).click();
    await w.page.getByTestId('standing-table').waitFor();
  });
  afterAll(async () => {
    await w.page.context().close();
  });

  it("shows File 10's rank of average score, and every published IMD measure with its rank", async () => {
    const rank = Number(LEEDS.get('imd_rank_of_average_score'));
    await expect(w.page.getByTestId('standing-headline').textContent()).resolves.toContain(
      `Leeds is ${ordinal(rank)} of 296 districts in England by average IMD score`,
    );
    const imd = w.page.locator('[data-testid="standing-table"] tbody[data-indicator="imd"]');
    await expect(imd.locator('tr[data-measure="averageScore"] td').allTextContents()).resolves.toEqual([
      LEEDS.get('imd_average_score'),
      `${rank}th of 296`,
    ]);
    await expect(imd.locator('tr[data-measure="localConcentration"] td').nth(1).textContent()).resolves.toBe(
      `${ordinal(Number(LEEDS.get('imd25_rank_of_local_concentration')))} of 296`,
    );
    const income = w.page.locator('[data-testid="standing-table"] tbody[data-indicator="inc"]');
    await expect(income.locator('tr[data-measure="scale"] td').allTextContents()).resolves.toEqual([
      `${Number(LEEDS.get('income_scale')).toLocaleString('en-GB')} people`,
      `${ordinal(Number(LEEDS.get('rank_of_income_scale')))} of 296`,
    ]);
    // The IMD and the seven domains.
    await expect(w.page.locator('[data-testid="standing-table"] tbody').count()).resolves.toBe(8);
    expect(w.problems).toEqual([]);
  });

  it('axe: the About panel with the council summary has no WCAG 2.x A/AA violations', async () => {
    const { count, message } = await axeReport(w.page, 'About with the council summary');
    expect(count, message).toBe(0);
  });

  it('the gov.uk link opens File 10’s page', async () => {
    const link = w.page.getByTestId('council-standing').getByRole('link', { name: 'File 10 on gov.uk' });
    await expect(link.getAttribute('href')).resolves.toBe(
      'https://www.gov.uk/government/statistics/english-indices-of-deprivation-2025',
    );
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
  });
});

describe('the ward profile and briefing', () => {
  let w: WatchedPage;
  beforeAll(async () => {
    w = await openPage(chrome.browser, `${base}?sel=ward:${WARD}`, { width: 390, height: 844 });
    await waitForMap(w.page);
  });
  afterAll(async () => {
    await w.page.context().close();
  });

  it('the ward profile gives the ward’s extent and local concentration, beside the council’s published figures, on a 390 px phone', async () => {
    const expected = expectedWard();
    const measures = w.page.getByTestId('ward-measures');
    await measures
      .locator('tr[data-measure="extent"] td')
      .first()
      .filter({ hasText: '%' })
      .waitFor({ timeout: 60_000 });
    await expect(measures.locator('tr[data-measure="extent"] td').allTextContents()).resolves.toEqual([
      expected.extent,
      `${(Number(LEEDS.get('imd25_extent')) * 100).toLocaleString('en-GB', { maximumFractionDigits: 1 })}% (${ordinal(Number(LEEDS.get('imd25_rank_of_extent')))} of 296)`,
    ]);
    await expect(measures.locator('tr[data-measure="localConcentration"] td').first().textContent()).resolves.toBe(
      expected.localConcentration,
    );
    const fits = await measures.evaluate(
      (t) => t.getBoundingClientRect().right <= document.documentElement.clientWidth + 1,
    );
    expect(fits).toBe(true);
  });

  it('the briefing has the council’s rank and the ward’s measures; axe clean', async () => {
    await w.page.getByRole('button', { name: 'Ward briefing (print or PDF)' }).click();
    const section = w.page.getByTestId('briefing-standing');
    await section.waitFor();
    await expect(section.getByTestId('briefing-standing-headline').textContent()).resolves.toContain(
      `${ordinal(Number(LEEDS.get('imd_rank_of_average_score')))} of 296`,
    );
    await expect(section.getByTestId('briefing-measures').textContent()).resolves.toContain(
      `Extent ${expectedWard().extent} (council `,
    );
    const { count, message } = await axeReport(w.page, 'the ward briefing');
    expect(count, message).toBe(0);
    expect(w.problems).toEqual([]);
  });
});

describe('the embed dialog', () => {
  it('adds the council’s standing as a line of text under the iframe when asked', async () => {
    const { page, problems } = await openPage(chrome.browser, base);
    await waitForMap(page);
    await page.getByRole('button', { name: 'Embed this map' }).click();
    const dialog = page.getByTestId('embed-dialog');
    await dialog.waitFor();
    const box = dialog.getByTestId('embed-standing');
    await expect(box.isEnabled({ timeout: 10_000 })).resolves.toBe(true);
    await expect(dialog.getByTestId('embed-code').inputValue()).resolves.not.toContain('<p>');
    await box.check();
    const code = await dialog.getByTestId('embed-code').inputValue();
    const rank = ordinal(Number(LEEDS.get('imd_rank_of_average_score')));
    expect(code).toMatch(
      new RegExp(
        `</iframe>\\n<p>Leeds is ${rank} of 296 districts in England by average IMD score \\(1st = most deprived\\); .*Source: English Indices of Deprivation 2025, File 10`,
      ),
    );
    await box.uncheck();
    await expect(dialog.getByTestId('embed-code').inputValue()).resolves.not.toContain('<p>');
    const { count, message } = await axeReport(page, 'the embed dialog');
    expect(count, message).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

/** An unchanged Leeds LSOA (change code U, lowest code) and a split one, from the ONS lookup. */
const lookup = table('lookups/lsoa11_lsoa21_lad22_england_wales.csv').filter(
  (r) => r.get('ltla22_code') === 'E08000035',
);
const UNCHANGED = lookup
  .filter((r) => r.get('change_code') === 'U')
  .map((r) => r.get('lsoa21_code')!)
  .sort()[0]!;
const CHANGED = lookup
  .filter((r) => r.get('change_code') === 'S')
  .map((r) => r.get('lsoa21_code')!)
  .sort()[0]!;
const iod2019 = new Map(table('indices/iod2019_lsoa11_england.csv').map((r) => [r.get('lsoa11cd')!, r]));
const DOMAIN_COLUMNS: Array<[string, string]> = [
  ['inc', 'income'],
  ['emp', 'employment'],
  ['edu', 'education'],
  ['hea', 'health'],
  ['cri', 'crime'],
  ['bar', 'barriers_housing_services'],
  ['liv', 'living_environment'],
];

describe('what moved, for an LSOA', () => {
  it('an unchanged LSOA shows the seven domains’ 2019 and 2025 deciles and ranks from the source files; axe clean', async () => {
    const { page, problems } = await openPage(chrome.browser, `${base}?sel=lsoa:${UNCHANGED}`);
    await waitForMap(page);
    const table = page.getByTestId('what-moved-table');
    await table.waitFor({ timeout: 60_000 });
    for (const [id, col] of DOMAIN_COLUMNS) {
      const before = iod2019.get(UNCHANGED)!;
      const after = england.get(UNCHANGED)!;
      const cells = await table.locator(`tr[data-indicator="${id}"] td`).allTextContents();
      expect(cells.slice(0, 2), id).toEqual([
        `decile ${before.get(`${col}_decile`)} (rank ${Number(before.get(`${col}_rank`)).toLocaleString('en-GB')})`,
        `decile ${after.get(`${col}_decile`)} (rank ${Number(after.get(`${col}_rank`)).toLocaleString('en-GB')})`,
      ]);
      const change = Number(after.get(`${col}_decile`)) - Number(before.get(`${col}_decile`));
      expect(cells[2], id).toBe(
        change === 0
          ? 'no change in decile'
          : `${Math.abs(change)} decile${Math.abs(change) === 1 ? '' : 's'} ${change < 0 ? 'more' : 'less'} deprived`,
      );
    }
    await expect(page.getByTestId('what-moved').textContent()).resolves.toContain('Ranks and deciles are relative');
    const { count, message } = await axeReport(page, 'the LSOA profile with what moved');
    expect(count, message).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('an LSOA whose boundary changed says it is not comparable and shows no domain change', async () => {
    const { page } = await openPage(chrome.browser, `${base}?sel=lsoa:${CHANGED}`);
    await waitForMap(page);
    const profile = page.getByTestId('lsoa-profile');
    await profile.waitFor();
    await expect(profile.textContent()).resolves.toMatch(
      /boundary changed between the 2011 and 2021 censuses \(ONS change code “S”\)/,
    );
    await expect(page.getByTestId('what-moved').count()).resolves.toBe(0);
    await page.context().close();
  });
});
