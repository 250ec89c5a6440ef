import { describe, expect, it } from 'vitest';
import type { PostcodeDistrict } from '../../../src/data/contract';
import {
  lookupPostcode,
  otherCouncilHref,
  postcodeMessage,
  TERMINATED_NOTE,
} from '../../../src/domain/postcode-lookup';

// Synthetic: E01000001 is the area's own LSOA, E01000002 another council's (index 0 of councils).
const LS7: PostcodeDistrict = {
  district: 'LS7',
  lsoaCodes: ['E01000001', 'E01000002'],
  lsoaCouncils: [-1, 0],
  councils: [{ code: 'E08000099', name: 'Synthetic Other' }],
  postcodes: { '3EX': [-1.53, 53.82, 0], '4XX': [-1.52, 53.83, 1], '9ZZ': [-1.5, 53.9, -1] },
  noCoordinates: ['9ZY'],
};
const SE1_7: PostcodeDistrict = {
  district: 'SE1',
  sector: '7',
  lsoaCodes: ['E01000003'],
  lsoaCouncils: [-1],
  councils: [],
  postcodes: { '7AA': [-0.1, 51.5, 0] },
  noCoordinates: [],
};

/** A loader that records which files were asked for. */
function loader() {
  const asked: string[] = [];
  return {
    asked,
    load: async (d: string): Promise<PostcodeDistrict> => {
      asked.push(d);
      if (d === 'LS7') return LS7;
      if (d === 'SE1-7') return SE1_7;
      throw new Error(`no file for ${d}`);
    },
  };
}

describe('postcode lookup', () => {
  it('finds the LSOA and centre point of a postcode from its district file alone', async () => {
    const l = loader();
    const r = await lookupPostcode('LS7 3EX', { districts: ['LS1', 'LS7'] }, l.load);
    expect(r).toEqual({ kind: 'found', postcode: 'LS7 3EX', lon: -1.53, lat: 53.82, lsoaCode: 'E01000001' });
    expect(l.asked).toEqual(['LS7']);
    expect(postcodeMessage(r)).toContain(TERMINATED_NOTE);
  });

  it('loads only the sector file of a split district', async () => {
    const l = loader();
    expect(await lookupPostcode('SE1 7AA', { districts: ['SE1'], splitDistricts: ['SE1'] }, l.load)).toMatchObject({
      kind: 'found',
      lsoaCode: 'E01000003',
    });
    expect(l.asked).toEqual(['SE1-7']);
  });

  it('says which council a neighbour postcode is in', async () => {
    const r = await lookupPostcode('LS7 4XX', { districts: ['LS7'] }, loader().load);
    expect(r).toEqual({
      kind: 'otherCouncil',
      postcode: 'LS7 4XX',
      lon: -1.52,
      lat: 53.83,
      lsoaCode: 'E01000002',
      council: { code: 'E08000099', name: 'Synthetic Other' },
    });
    expect(postcodeMessage(r)).toMatch(
      /^LS7 4XX is in Synthetic Other \(LSOA E01000002\), not in the area this map shows\./,
    );
  });

  it('links to the other council only inside a build:sites folder', async () => {
    const r = await lookupPostcode('LS7 4XX', { districts: ['LS7'] }, loader().load);
    expect(otherCouncilHref('/E08000035/', 'E08000035', r)).toBe('../E08000099/?sel=lsoa:E01000002');
    expect(otherCouncilHref('/sites/E08000035/index.html', 'E08000035', r)).toBe('../E08000099/?sel=lsoa:E01000002');
    expect(otherCouncilHref('/', 'E08000035', r)).toBeNull();
    const own = await lookupPostcode('LS7 3EX', { districts: ['LS7'] }, loader().load);
    expect(otherCouncilHref('/E08000035/', 'E08000035', own)).toBeNull();
  });

  it('tells outside, no coordinates and unknown apart', async () => {
    const l = loader();
    expect(await lookupPostcode('LS7 9ZZ', { districts: ['LS7'] }, l.load)).toEqual({
      kind: 'outside',
      postcode: 'LS7 9ZZ',
      lon: -1.5,
      lat: 53.9,
    });
    const none = await lookupPostcode('LS7 9ZY', { districts: ['LS7'] }, l.load);
    expect(none).toEqual({ kind: 'noCoordinates', postcode: 'LS7 9ZY' });
    expect(postcodeMessage(none)).toMatch(/has no coordinates/);
    const unknown = await lookupPostcode('LS7 1QQ', { districts: ['LS7'] }, l.load);
    expect(unknown).toEqual({ kind: 'unknown', postcode: 'LS7 1QQ', district: 'LS7' });
    expect(postcodeMessage(unknown)).toBe(
      "LS7 1QQ was not found among this map's postcodes in district LS7 (the map has the area's postcodes and those within 2 km of its boundary).",
    );
  });

  it('loads nothing for a district the area does not have, and says which districts it covers', async () => {
    const l = loader();
    const r = await lookupPostcode('BD1 1AA', { districts: ['LS1', 'LS7'] }, l.load);
    expect(r).toEqual({ kind: 'unknownDistrict', postcode: 'BD1 1AA', district: 'BD1', districts: ['LS1', 'LS7'] });
    expect(l.asked).toEqual([]);
    expect(postcodeMessage(r)).toBe(
      'BD1 1AA is in postcode district BD1, which this map does not cover. Districts covered: LS1, LS7.',
    );
  });
});
