import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import {
  PARTIAL_DATE,
  type Citation,
  type InterventionsContentFile,
  type PriorityAreasFile,
} from '../../../src/data/content-contract';
import { validateInterventions, validatePriorityAreas } from '../../../scripts/pipeline/interventions-validate';
import { deriveNeighbourhoods } from '../../../scripts/content/derive-neighbourhoods';
import {
  AREA_CODE,
  CONTENT_DIR,
  DATA_DIR,
  anchorOccurs,
  leedsCouncil,
  lsoa21,
  readJson,
  seedText,
  wards,
} from './helpers';

const council = leedsCouncil();

const pa = readJson<PriorityAreasFile>(resolve(CONTENT_DIR, 'priority-areas.json'));
const iv = readJson<InterventionsContentFile>(resolve(CONTENT_DIR, 'interventions.json'));
const wardNames = new Map(wards().features.map((f) => [String(f.properties?.WD24CD), String(f.properties?.WD24NM)]));
const areaWardNames = new Map(
  wards()
    .features.filter((f) => f.properties?.LAD24CD === AREA_CODE)
    .map((f) => [String(f.properties?.WD24CD), String(f.properties?.WD24NM)]),
);
const lsoa21Codes = new Set(lsoa21().features.map((f) => String(f.properties?.LSOA21CD)));

function allCitations(): Array<[string, Citation]> {
  const out: Array<[string, Citation]> = [];
  for (const w of pa.priorityWards) for (const c of w.sources) out.push([`ward ${w.name}`, c]);
  for (const h of pa.neighbourhoods) for (const c of h.sources) out.push([`neighbourhood ${h.id}`, c]);
  for (const i of iv.items) for (const c of [i.source, ...(i.otherSources ?? [])]) out.push([`item ${i.id}`, c]);
  return out;
}

describe('content files: headers and schema', () => {
  it('both are labelled as compiled, with generatedBy and sources', () => {
    for (const f of [pa, iv]) {
      expect(f.compiled).toBe(true);
      expect(f.generatedBy.length).toBeGreaterThan(20);
      expect(f.sources.length).toBeGreaterThan(0);
    }
  });

  it('pass the build validators', () => {
    const ctx = { wardNames: areaWardNames, lsoa21Codes, reports: council.reports };
    expect(() => validatePriorityAreas(pa, ctx)).not.toThrow();
    expect(() =>
      validateInterventions(iv, {
        ...ctx,
        neighbourhoodIds: new Set(pa.neighbourhoods.map((h) => h.id)),
        types: council.interventionTypes.map((t) => t.id),
      }),
    ).not.toThrow();
  });

  it('every item has a valid type, valid dates and a cited paragraph', () => {
    for (const i of iv.items) {
      expect(
        council.interventionTypes.map((t) => t.id),
        i.id,
      ).toContain(i.type);
      for (const d of [i.start, i.end]) if (d !== null) expect(d, i.id).toMatch(PARTIAL_DATE);
      expect(i.source.paragraph, i.id).toBeTruthy();
    }
  });

  it('every citation names a known report with its title and date, and its paragraph anchor occurs in that report', () => {
    const cits = allCitations();
    expect(cits.length).toBeGreaterThan(40);
    for (const [who, c] of cits) {
      const r = council.reports[c.file]!;
      expect(r, who).toBeDefined();
      expect(c.title, who).toBe(r.title);
      expect(c.date, who).toBe(r.date);
      expect(anchorOccurs(seedText(c.file), c.paragraph), `${who}: "${c.paragraph}" not in ${c.file}`).toBe(true);
    }
  });

  it('the anchor check itself rejects a paragraph that is not there', () => {
    const t = seedText('001_853f00ae9c047183.txt');
    expect(anchorOccurs(t, '3.23')).toBe(true);
    expect(anchorOccurs(t, '3.99')).toBe(false);
    expect(anchorOccurs(t, '9.9.9')).toBe(false);
  });

  it('every reported figure occurs in the cited report (no invented numbers)', () => {
    for (const i of iv.items) {
      const text = [i.source, ...(i.otherSources ?? [])].map((c) => seedText(c.file)).join('\n');
      for (const o of i.outcomes) {
        const quoted = o.note?.match(/reported as '([^']+)'/)?.[1];
        const tokens = quoted ? [quoted] : (String(o.value).match(/\d+(\.\d+)?/g) ?? []);
        for (const t of tokens)
          expect(text.includes(t), `${i.id}: "${o.label}" figure ${t} not in the cited report`).toBe(true);
      }
    }
  });

  it('descriptions are short and not pasted from the reports', () => {
    for (const i of iv.items) {
      const text = seedText(i.source.file);
      // no run of 8 consecutive words copied verbatim
      const words = i.description.split(/\s+/);
      for (let k = 0; k + 8 <= words.length; k++) {
        const run = words.slice(k, k + 8).join(' ');
        expect(text.includes(run), `${i.id}: copied "${run}"`).toBe(false);
      }
    }
  });
});

describe('priority-areas.json', () => {
  it('lists the twelve priority wards of the Feb 2019 report with Dec 2024 codes and names', () => {
    expect(pa.priorityWards).toHaveLength(12);
    for (const w of pa.priorityWards) {
      expect(areaWardNames.has(w.code), w.code).toBe(true);
      expect(wardNames.get(w.code)).toBe(w.name);
      expect(w.reportName.replace(/ and /g, ' & ')).toBe(
        w.name === 'Little London & Woodhouse' ? 'Hyde Park & Woodhouse' : w.name,
      );
    }
  });

  it('has six neighbourhoods, approximate, with the Burmantofts pair sharing a list and a note', () => {
    expect(pa.neighbourhoods.map((h) => h.id)).toEqual([
      'new-wortley',
      'the-recreations',
      'boggart-hill',
      'beverleys-and-stratfords',
      'cliftons-and-nowells',
      'lincoln-green',
    ]);
    for (const h of pa.neighbourhoods) {
      expect(h.membership).toBe('approximate');
      expect(wardNames.get(h.ward.code)).toBe(h.ward.name);
      expect(h.lsoa21.map((s) => s.from).sort()).toEqual([...h.lsoa11].sort());
    }
    const cn = pa.neighbourhoods.find((h) => h.id === 'cliftons-and-nowells')!;
    const lg = pa.neighbourhoods.find((h) => h.id === 'lincoln-green')!;
    expect(cn.lsoa11).toEqual(lg.lsoa11);
    expect(cn.sharedWardNote).toBeTruthy();
    expect(lg.sharedWardNote).toBeTruthy();
  });

  it('the committed LSOA lists match scripts/content/derive-neighbourhoods.ts on the real sources', () => {
    const d = deriveNeighbourhoods(DATA_DIR);
    expect(d.count).toBe(16);
    expect(pa.onePercent2015).toEqual({
      nationalCount: d.nationalCount,
      threshold: d.threshold,
      count: d.count,
      lsoas: d.lsoas,
    });
    for (const h of pa.neighbourhoods) {
      expect({ ward: h.ward, lsoa11: h.lsoa11, lsoa21: h.lsoa21 }, h.id).toEqual(d.neighbourhoods[h.id]);
    }
  });

  it('accounts for all 16 Leeds LSOAs of the IoD2015 1%', () => {
    expect(pa.onePercent2015.threshold).toBe(328);
    expect(pa.onePercent2015.lsoas).toHaveLength(16);
    const inHoods = new Set(pa.neighbourhoods.flatMap((h) => h.lsoa11));
    for (const l of pa.onePercent2015.lsoas) {
      expect(l.rank).toBeLessThanOrEqual(328);
      expect(inHoods.has(l.lsoa11)).toBe(l.neighbourhoods.length > 0);
    }
  });
});
