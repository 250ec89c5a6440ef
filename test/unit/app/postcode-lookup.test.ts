import { describe, expect, it } from 'vitest';
import type { PostcodeDistrict } from '../../../src/data/contract';
import { lookupPostcode, postcodeMessage } from '../../../src/domain/postcode-lookup';

const LS7: PostcodeDistrict = { district: 'LS7', lsoaCodes: ['E01000001', 'E01000002'], postcodes: { '3EX': [-1.53, 53.82, 1], '9ZZ': [-1.5, 53.9, -1] } };

/** A loader that records which district files were asked for. */
function loader() {
  const asked: string[] = [];
  return {
    asked,
    load: async (d: string): Promise<PostcodeDistrict> => {
      asked.push(d);
      if (d !== 'LS7') throw new Error(`no file for ${d}`);
      return LS7;
    },
  };
}

describe('postcode lookup', () => {
  it('finds the LSOA of a postcode from its district file alone', async () => {
    const l = loader();
    expect(await lookupPostcode('LS7 3EX', ['LS1', 'LS7'], l.load)).toEqual({ kind: 'found', postcode: 'LS7 3EX', lsoaCode: 'E01000002' });
    expect(l.asked).toEqual(['LS7']);
  });

  it('tells a postcode outside the area and one the district does not have apart', async () => {
    const l = loader();
    expect(await lookupPostcode('LS7 9ZZ', ['LS7'], l.load)).toEqual({ kind: 'outside', postcode: 'LS7 9ZZ' });
    const unknown = await lookupPostcode('LS7 1QQ', ['LS7'], l.load);
    expect(unknown).toEqual({ kind: 'unknown', postcode: 'LS7 1QQ', district: 'LS7' });
    expect(postcodeMessage(unknown)).toBe("LS7 1QQ was not found among this map's postcodes in district LS7.");
  });

  it('loads nothing for a district the area does not have, and says which districts it covers', async () => {
    const l = loader();
    const r = await lookupPostcode('BD1 1AA', ['LS1', 'LS7'], l.load);
    expect(r).toEqual({ kind: 'unknownDistrict', postcode: 'BD1 1AA', district: 'BD1', districts: ['LS1', 'LS7'] });
    expect(l.asked).toEqual([]);
    expect(postcodeMessage(r)).toBe('BD1 1AA is in postcode district BD1, which this map does not cover. Districts covered: LS1, LS7.');
  });
});
