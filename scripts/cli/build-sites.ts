import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkAreaCode, englishDistricts, type District } from '../pipeline/area-codes';
import { configFromEnv, REPO_ROOT, sourcesForArea } from '../pipeline/config';
import { PipelineError } from '../pipeline/errors';
import { runPipeline } from '../pipeline/run';
import { SITE_INDEX_CSS, SITE_INDEX_SCRIPT, siteIndexHtml } from '../sites/site-index';
import { buildAppTemplate, copyApp } from '../sites/assemble';

/**
 * npm run build:sites -- E08000035 E06000009 …   (or `-- all`)
 * Builds the app ONCE (vite, HTML tokens kept), then for each council runs the pipeline into
 * <out>/<code>/geo/ and copies the app next to it with the council's name filled in. The England
 * files are parsed once for the whole run (scripts/pipeline/source-cache.ts). Output folder:
 * ATLAS_SITES_DIR (default dist/). Prints time and peak memory.
 */

function parseCodes(args: string[], dataDir: string): District[] {
  if (args.length === 0) throw new PipelineError({ file: 'build:sites', message: 'no councils given: pass district codes (e.g. E08000035) or "all"' });
  if (args.length === 1 && args[0] === 'all') return englishDistricts(dataDir);
  return args.map((code) => checkAreaCode(code, dataDir));
}

async function main(): Promise<number> {
  const started = Date.now();
  const cfg = configFromEnv();
  const outDir = path.resolve(REPO_ROOT, process.env.ATLAS_SITES_DIR ?? 'dist');
  let councils: District[];
  try {
    councils = parseCodes(process.argv.slice(2), cfg.dataDir);
  } catch (e) {
    if (e instanceof PipelineError) {
      console.error(`build:sites: ${e.message}`);
      return 1;
    }
    throw e;
  }
  const appDir = path.join(outDir, '.app');
  console.log(`build:sites: ${councils.length} council(s) → ${outDir}`);
  buildAppTemplate(appDir);
  const appMs = Date.now() - started;
  const built: District[] = [];
  const failed: string[] = [];
  const overBudget: string[] = [];
  // Issue 25: the largest postcode file of any council built (one lookup = one file ≤ 40 KB gzip).
  let largestPostcodeFile = { council: '–', name: '–', gzip: 0 };
  let postcodeFiles = 0;
  for (const [i, c] of councils.entries()) {
    const t = Date.now();
    try {
      const r = await runPipeline({ dataDir: cfg.dataDir, area: c.code, sources: sourcesForArea(c.code), outDir: path.join(outDir, c.code, 'geo') });
      copyApp(appDir, path.join(outDir, c.code), c);
      built.push(c);
      if (!r.budget.ok) overBudget.push(`${c.code} ${c.name}: first view ${r.budget.firstViewGzip} B > ${r.budget.firstViewLimit} B`);
      const fv = r.outputs.find((o) => o.name === 'areas-2021.topojson')?.gzip ?? 0;
      for (const o of r.outputs.filter((x) => x.name.startsWith('postcodes/'))) {
        postcodeFiles++;
        if (o.gzip > largestPostcodeFile.gzip) largestPostcodeFile = { council: `${c.code} ${c.name}`, name: o.name, gzip: o.gzip };
      }
      console.log(
        `[${i + 1}/${councils.length}] ${c.code} ${c.name}: ${r.counts.lsoa21} LSOAs, ${r.counts.wards} wards, first view ${(fv / 1024).toFixed(1)} KB gzip (${Math.round(fv / r.counts.lsoa21)} B/LSOA) in ${((Date.now() - t) / 1000).toFixed(1)} s`,
      );
    } catch (e) {
      if (!(e instanceof PipelineError)) throw e;
      failed.push(`${c.code} ${c.name}: ${e.message.split('\n')[0] ?? ''}`);
      console.error(`[${i + 1}/${councils.length}] ${c.code} ${c.name}: FAILED — ${e.message}`);
    }
  }
  rmSync(appDir, { recursive: true, force: true });
  // The index lists every council built so far in this folder, not only this run's.
  const inFolder = englishDistricts(cfg.dataDir).filter((d) => built.some((b) => b.code === d.code) || readdirSafe(outDir).includes(d.code));
  writeFileSync(path.join(outDir, 'index.html'), siteIndexHtml(inFolder));
  writeFileSync(path.join(outDir, 'sites.js'), SITE_INDEX_SCRIPT);
  writeFileSync(path.join(outDir, 'sites.css'), SITE_INDEX_CSS);
  const totalS = (Date.now() - started) / 1000;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `build:sites: ${built.length} built, ${failed.length} failed in ${totalS.toFixed(1)} s (app build ${(appMs / 1000).toFixed(1)} s; ${built.length > 0 ? ((totalS - appMs / 1000) / built.length).toFixed(2) : '–'} s per council); peak RSS ${peakMb.toFixed(0)} MB (pipeline process; the vite build ran before it in a child process)`,
  );
  console.log(`build:sites: ${postcodeFiles} postcode files; largest ${largestPostcodeFile.name} of ${largestPostcodeFile.council}, ${(largestPostcodeFile.gzip / 1024).toFixed(1)} KB gzip (budget 40 KB, one file per lookup)`);
  for (const o of overBudget) console.log(`  built over the 200 B/LSOA first-view budget: ${o}`);
  for (const f of failed) console.error(`  failed: ${f}`);
  return failed.length === 0 ? 0 : 1;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

process.exitCode = await main();
