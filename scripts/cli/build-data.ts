import { AreaCodeError } from '../pipeline/area-codes';
import { PipelineError } from '../pipeline/errors';
import { runPipeline } from '../pipeline/run';

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

async function main(): Promise<number> {
  try {
    const r = await runPipeline({ log: (l) => console.log(`· ${l}`) });
    console.log(`Area ${r.area.code} ${r.area.name} → ${r.outDir}`);
    console.log(`LSOA 2021: ${r.counts.lsoa21}, LSOA 2011: ${r.counts.lsoa11}, wards: ${r.counts.wards}`);
    console.log(
      `Wards (${r.wards.vintage}, ${r.wards.method === 'lookup' ? 'ONS best-fit lookup' : 'population-weighted centroid'}): ${r.wards.note}`,
    );
    console.log(
      r.population
        ? `People: ${r.population.source}, ${r.population.total?.toLocaleString('en-GB') ?? 'no'} in total`
        : 'People: no population figures in the sources',
    );
    console.log(
      `Dropped (outside area): LSOA 2021 ${r.dropped.lsoa21.length}, LSOA 2011 ${r.dropped.lsoa11.length}, wards ${r.dropped.wards.length}`,
    );
    for (const rel of r.releases) {
      console.log(
        `IoD${rel.id}: ${rel.areaCount} of ${rel.nationalCount} LSOAs; most deprived 1%: ${rel.mostDeprived1pc}; decile 1: ${rel.nationalDecile1}`,
      );
    }
    const postcodeFiles = r.outputs.filter((o) => o.name.startsWith('postcodes/'));
    const largest = postcodeFiles.reduce((a, o) => (o.gzip > a.gzip ? o : a), { name: '–', raw: 0, gzip: 0 });
    console.log(
      `Postcodes: ${r.counts.postcodes} in the area, ${r.counts.postcodesNearby ?? 0} of other councils within 2 km, ${r.counts.postcodesWithoutLsoa} within 2 km in no English LSOA, ${r.counts.postcodesWithoutCoordinates} listed without coordinates; ${postcodeFiles.length} files, largest ${largest.name} ${kb(largest.gzip)} gzip; ${r.counts.postcodeRowsSkipped ?? 0} directory rows skipped (bad postcode or coordinates)`,
    );
    console.log(`Interventions: ${r.interventions.placed} placed; ${r.interventions.unplaced.length} not placed:`);
    for (const u of r.interventions.unplaced) console.log(`  - ${u.name}: ${u.reason}`);
    console.log(
      r.spiRows === null
        ? 'SPI: no spi/leeds_spi_wards.csv in the sources; the app will say no SPI data is loaded'
        : `SPI: ${r.spiRows} rows`,
    );
    console.log(
      `Context layer: ${
        Object.entries(r.context.counts)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || 'none'
      }${r.context.note ? ` — ${r.context.note}` : ''}`,
    );
    for (const o of r.outputs)
      console.log(`  ${o.name.padEnd(22)} ${kb(o.raw).padStart(10)} raw ${kb(o.gzip).padStart(10)} gzip`);
    const b = r.budget;
    console.log(
      `Budget: first view ${kb(b.firstViewGzip)} / ${kb(b.firstViewLimit)}; three releases ${kb(b.releasesGzip)} / ${kb(b.releasesLimit)} (area files only) — ${b.ok ? 'OK' : 'OVER'}`,
    );
    console.log(`Done in ${(r.durationMs / 1000).toFixed(1)} s`);
    return 0;
  } catch (e) {
    if (e instanceof PipelineError) {
      // A bad ATLAS_AREA is one line (issue 11); data problems list one per line under a header.
      console.error(
        e instanceof AreaCodeError
          ? `build:data: ${e.message}`
          : `build:data failed — previous outputs left unchanged:\n${e.message}`,
      );
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main();
