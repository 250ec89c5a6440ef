/** A ward's (or any list's) LSOAs as CSV, most deprived first. */
import { flagKey, valueKey } from '../../data/contract';
import { isFiniteNumber } from '../../data/numeric';
import { imdDecile, imdRank, lsoaPopulation, type LsoaLike } from '../outreach/catchment';
import { toCsv } from './csv-document';
import { lsoaIdentityHeader, preamble, wardName, withReleaseTag, type ExportContext } from './export-context';

/** A ward's LSOAs (or any list of LSOAs), most deprived first. */
export function wardLsoasCsv(rows: readonly LsoaLike[], context: ExportContext): string {
  const c = context;
  const sorted = [...rows].sort(
    (a, b) =>
      (imdRank(a, c.release) ?? Infinity) - (imdRank(b, c.release) ?? Infinity) ||
      a.properties.code.localeCompare(b.properties.code),
  );
  const header = [
    ...lsoaIdentityHeader(c),
    withReleaseTag(`IMD decile within ${c.area ?? 'Leeds'}`, c),
    withReleaseTag('Most deprived 1%', c),
    withReleaseTag('Most deprived 10%', c),
    'Population mid-2015 (where known)',
  ];
  const num = (v: unknown) => (isFiniteNumber(v) ? v : null);
  const body = sorted.map((l) => {
    const p = l.properties;
    return [
      p.code,
      p.name,
      p.ward,
      wardName(p.ward, c),
      imdDecile(l, c.release),
      imdRank(l, c.release),
      num(p[valueKey(c.release, 'imd', 'ld')]),
      p[flagKey(c.release, 1)] === 1,
      p[flagKey(c.release, 10)] === 1,
      lsoaPopulation(l),
    ];
  });
  return toCsv(header, body, preamble(c, `LSOAs of ${c.subject ?? 'the selected ward'} (${rows.length})`));
}
