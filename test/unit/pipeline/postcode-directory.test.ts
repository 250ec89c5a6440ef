/**
 * The postcode directory reader (issue 25): plain rows read from bytes and the rest by strings must
 * give the same keys, coordinates and problems; a box keeps only its rows but still reports every
 * bad row; a file out of order still finds its duplicates. Synthetic rows, made up here.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readPostcodeDirectory } from '../../../scripts/pipeline/postcode-directory';
import { tempDir } from './helpers/synthetic';

const FILE = [
  'Postcode,lat,long',
  'AB1 1AA,57.10000,-2.10000', // plain, spaced
  'ab1 1ad, 57.3 ,-2.3', // lower case and spaces: string path
  'AB1 1AE,,0.00000', // no coordinates
  'AB1 1AF,5.73e1,-2.4', // exponent: string path, Number() reads it
  'NOT A POSTCODE,57.5,-2.5',
  'AB1 1AG,40.0,-2.6', // outside Great Britain
  'AB1 1AH,57.7,-2.7,extra',
  'AB1 1AJ,north,-2.8',
  '',
  'AB1 1AK,51.00000,-0.00000',
  'AB101AB,57.20000,-2.20000', // plain, compact (4-character outward code)
].join('\r\n');

function dirWith(files: Record<string, string>): string {
  const dir = tempDir('pcdir');
  for (const [name, text] of Object.entries(files))
    writeFileSync(path.join(dir, name), name.endsWith('.gz') ? gzipSync(text) : text);
  return dir;
}

describe('readPostcodeDirectory', () => {
  it('reads plain and other rows alike, naming each skipped row by file, line and field', () => {
    const dir = dirWith({ 'AB.csv.gz': FILE });
    const d = readPostcodeDirectory(dir, '.', [-180, -90, 180, 90]);
    expect(d.keys).toEqual(['AB1 1AA', 'AB1 1AD', 'AB1 1AF', 'AB1 1AK', 'AB10 1AB']);
    expect([...d.lat]).toEqual([57.1, 57.3, 57.3, 51, 57.2]);
    expect([...d.lon]).toEqual([-2.1, -2.3, -2.4, -0, -2.2]);
    expect(Object.is(d.lon[3], -0)).toBe(true);
    expect(d.noCoordinates).toEqual(['AB1 1AE']);
    expect(d.rows).toBe(10);
    expect(d.skipped).toEqual([
      { file: 'AB.csv.gz', location: 'line 6', field: 'Postcode', message: '"NOT A POSTCODE" is not a full postcode' },
      { file: 'AB.csv.gz', location: 'line 7', field: 'lat', message: '40, -2.6 is outside Great Britain' },
      { file: 'AB.csv.gz', location: 'line 8', field: 'Postcode', message: 'expected 3 cells, found 4' },
      { file: 'AB.csv.gz', location: 'line 9', field: 'lat', message: 'not a valid coordinate' },
    ]);
  });

  it('keeps only the rows inside a box, and reports the bad rows outside it too', () => {
    const dir = dirWith({ 'AB.csv': FILE, 'ZZ.csv': 'Postcode,lat,long\nZZ1 1AA,51.5,-0.1\nZZ1 1AB,99,0\n' });
    const whole = readPostcodeDirectory(dir, '.');
    const near = readPostcodeDirectory(dir, '.', [-2.25, 57.05, -2.05, 57.25]);
    expect(near.keys).toEqual(['AB1 1AA', 'AB10 1AB']);
    expect(whole.keys).toContain('ZZ1 1AA');
    expect(near.skipped).toEqual(whole.skipped);
    expect(near.skipped.at(-1)).toMatchObject({ file: 'ZZ.csv', location: 'line 3' });
    expect(near.noCoordinates).toEqual(whole.noCoordinates);
    expect(near.rows).toBe(whole.rows);
  });

  it('finds duplicates in a file out of order, naming the line first seen', () => {
    const dir = dirWith({
      'CD.csv': 'Postcode,lat,long\nCD1 1AB,52.1,-1.1\nCD1 1AA,52.2,-1.2\nCD11AB,52.3,-1.3\ncd1 1aa,52.4,-1.4\n',
    });
    const d = readPostcodeDirectory(dir, '.', [-180, -90, 180, 90]);
    expect(d.keys).toEqual(['CD1 1AB', 'CD1 1AA']);
    expect(d.skipped.map((p) => [p.location, p.message])).toEqual([
      ['line 4', 'duplicate postcode CD1 1AB (also line 2)'],
      ['line 5', 'duplicate postcode CD1 1AA (also line 3)'],
    ]);
  });

  it('finds a duplicate right after its first line in a sorted file', () => {
    const dir = dirWith({
      'EF.csv': '\uFEFFPostcode,lat,long\nEF1 1AA,52.1,-1.1\nEF11AA,52.2,-1.2\nEF1 1AB,52.3,-1.3\n',
    });
    const d = readPostcodeDirectory(dir, '.', [-180, -90, 180, 90]);
    expect(d.keys).toEqual(['EF1 1AA', 'EF1 1AB']);
    expect(d.skipped).toEqual([
      { file: 'EF.csv', location: 'line 3', field: 'Postcode', message: 'duplicate postcode EF1 1AA (also line 2)' },
    ]);
  });

  it('rejects a file with another header, naming it', () => {
    const dir = dirWith({ 'GH.csv': 'pcd,lat,long\nGH1 1AA,52.1,-1.1\n' });
    expect(() => readPostcodeDirectory(dir, '.', [-180, -90, 180, 90])).toThrowError(
      /GH\.csv.*line 1.*expected the header "Postcode,lat,long", found "pcd,lat,long"/s,
    );
  });
});
