import path from 'node:path';
import { checkAreaCode, englishDistricts, type District } from '../pipeline/area-codes';
import { configFromEnv, REPO_ROOT, sourcesForArea } from '../pipeline/config';
import { PipelineError } from '../pipeline/errors';
import { runPipeline } from '../pipeline/run';
import { buildAppTemplate } from '../sites/assemble';
import { buildSites } from '../sites/build-sites';

/**
 * npm run build:sites -- E08000035 E06000009 …   (or `-- all`)
 * Builds the app ONCE (vite, HTML tokens kept), then for each council runs the pipeline into its geo/
 * folder and copies the app next to it with the council's name filled in (scripts/sites/build-sites.ts:
 * all of it staged beside the output folder, each site moved in whole). The England files are parsed
 * once for the whole run (scripts/pipeline/source-cache.ts). Output folder: ATLAS_SITES_DIR (default
 * dist/). Prints time and peak memory.
 */

function parseCodes(args: string[], dataDir: string): District[] {
  if (args.length === 0)
    throw new PipelineError({
      file: 'build:sites',
      message: 'no councils given: pass district codes (e.g. E08000035) or "all"',
    });
  if (args.length === 1 && args[0] === 'all') return englishDistricts(dataDir);
  return args.map((code) => checkAreaCode(code, dataDir));
}

async function main(): Promise<number> {
  const started = Date.now();
  const cfg = configFromEnv();
  const outDir = path.resolve(REPO_ROOT, process.env.ATLAS_SITES_DIR ?? 'dist');
  try {
    const councils = parseCodes(process.argv.slice(2), cfg.dataDir);
    console.log(`build:sites: ${councils.length} council(s) → ${outDir}`);
    // Issue 25: the largest postcode file of any council built (one lookup = one file ≤ 40 KB gzip).
    let largestPostcodeFile = { council: '–', name: '–', gzip: 0 };
    let postcodeFiles = 0;
    const r = await buildSites({
      outDir,
      councils,
      districts: englishDistricts(cfg.dataDir),
      steps: {
        buildTemplate: buildAppTemplate,
        buildData: async (c, geoDir) => {
          const report = await runPipeline({
            dataDir: cfg.dataDir,
            area: c.code,
            sources: sourcesForArea(c.code),
            outDir: geoDir,
            keepSources: true,
          });
          for (const o of report.outputs.filter((x) => x.name.startsWith('postcodes/'))) {
            postcodeFiles++;
            if (o.gzip > largestPostcodeFile.gzip)
              largestPostcodeFile = { council: `${c.code} ${c.name}`, name: o.name, gzip: o.gzip };
          }
          return report;
        },
      },
      log: (l) => console.log(l),
      logError: (l) => console.error(l),
    });
    const totalS = (Date.now() - started) / 1000;
    const peakMb = process.resourceUsage().maxRSS / 1024;
    const perCouncil = r.built.length > 0 ? ((totalS - r.appMs / 1000) / r.built.length).toFixed(2) : '–';
    console.log(
      `build:sites: ${r.built.length} built, ${r.failed.length} failed in ${totalS.toFixed(1)} s (app build ${(r.appMs / 1000).toFixed(1)} s; ${perCouncil} s per council); peak RSS ${peakMb.toFixed(0)} MB (pipeline process; the vite build ran before it in a child process)`,
    );
    console.log(
      `build:sites: ${postcodeFiles} postcode files; largest ${largestPostcodeFile.name} of ${largestPostcodeFile.council}, ${(largestPostcodeFile.gzip / 1024).toFixed(1)} KB gzip (budget 40 KB, one file per lookup)`,
    );
    for (const o of r.overBudget) console.log(`  built over the 200 B/LSOA first-view budget: ${o}`);
    for (const f of r.failed) console.error(`  failed: ${f}`);
    return r.failed.length === 0 ? 0 : 1;
  } catch (e) {
    if (!(e instanceof PipelineError)) throw e;
    // A bad code, an unwritable folder, a failed app build: one line (vite's own lines below it), exit 1.
    console.error(`build:sites: ${e.message}`);
    return 1;
  }
}

process.exitCode = await main();
