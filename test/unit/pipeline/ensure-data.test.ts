import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GEO_FILES, releaseEntry, type DataMetadata } from '../../../src/data/contract';
import { SPI_SOURCE_FILE } from '../../../src/domain/spi/schema';
import { builtOutputFiles, inputFiles, PIPELINE_OUTPUTS, rebuildReason } from '../../../scripts/cli/ensure-data';
import { REPO_ROOT, type ResolvedConfig } from '../../../scripts/pipeline/config';
import { runPipeline } from '../../../scripts/pipeline/run';
import { SYN_AREA, tempDir, writeSyntheticData } from './helpers/synthetic';
import { filesUnder } from '../../../scripts/build/precache-plugin';

const syn = writeSyntheticData();
const contentDir = tempDir('ensure-content');
const cfg: ResolvedConfig = { dataDir: syn.dir, outDir: tempDir('ensure-out'), area: SYN_AREA, sources: syn.sources };

/** Makes a file look edited after the build. */
function touchLater(file: string): void {
  const later = new Date(Date.now() + 60_000);
  utimesSync(file, later, later);
}

/** Makes a file look older than the build. */
function touchEarlier(file: string): void {
  const earlier = new Date(Date.now() - 3_600_000);
  utimesSync(file, earlier, earlier);
}

async function build(): Promise<void> {
  await runPipeline({ ...cfg, contentDir: null });
  expect(rebuildReason(cfg, contentDir)).toBeNull();
}

beforeAll(async () => {
  writeFileSync(path.join(contentDir, 'interventions.json'), '{}');
  await build();
});

describe('ensure-data: is public/geo stale?', () => {
  it('checks every generated file the contract declares, interventions.json and spi.json included', async () => {
    expect([...PIPELINE_OUTPUTS].sort()).toEqual(Object.values(GEO_FILES).sort());
    for (const name of [GEO_FILES.interventions, GEO_FILES.spi]) {
      rmSync(path.join(cfg.outDir, name));
      expect(rebuildReason(cfg, contentDir)).toBe(`${name} is missing`);
      await build();
    }
  });

  it('rebuilds for outputs of another area', () => {
    expect(rebuildReason({ ...cfg, area: 'E08999998' }, contentDir)).toBe(
      `outputs are for area ${SYN_AREA}, ATLAS_AREA is E08999998`,
    );
  });

  it('takes in the release files, places/, spi/ and the content folder', async () => {
    const release = path.join(syn.dir, releaseEntry('2019').source.file);
    const places = path.join(syn.dir, 'places', 'leeds_libraries.csv');
    const spi = path.join(syn.dir, SPI_SOURCE_FILE);
    for (const optional of [places, spi]) {
      mkdirSync(path.dirname(optional), { recursive: true });
      writeFileSync(optional, 'synthetic\n');
      touchEarlier(optional);
    }
    expect(rebuildReason(cfg, contentDir)).toBeNull();
    for (const file of [release, places, spi, path.join(contentDir, 'interventions.json')]) {
      expect(inputFiles(cfg, contentDir)).toContain(file);
      touchLater(file);
      expect(rebuildReason(cfg, contentDir)).toBe(`${path.relative(REPO_ROOT, file)} is newer than the outputs`);
      touchEarlier(file);
      expect(rebuildReason(cfg, contentDir)).toBeNull();
    }
  });

  it('takes in the pipeline code it imports, wherever it lives', () => {
    const inputs = inputFiles(cfg, contentDir).map((f) => path.relative(REPO_ROOT, f));
    for (const module of [
      'scripts/pipeline/run.ts',
      'scripts/pipeline/interventions-place.ts',
      'scripts/pipeline/spi.ts',
      'src/data/contract.ts',
      'src/data/releases.ts',
      'src/domain/label-points.ts',
      'src/domain/spi/parse.ts',
    ]) {
      expect(inputs).toContain(module);
    }
    expect(inputs.filter((f) => f.startsWith('src/panels/') || f.startsWith('src/map/'))).toEqual([]);
  });
});

/** Every file under dir, relative, with / separators. */
const relativeFiles = (dir: string): string[] =>
  filesUnder(dir).map((f) => path.relative(dir, f).split(path.sep).join('/'));

describe('ensure-data: a council without postcodes (issue 19.8)', () => {
  const noPostcodes = writeSyntheticData();
  // Header only: the council's build indexes no postcode and writes no postcodes/ folder.
  writeFileSync(path.join(noPostcodes.dir, noPostcodes.sources.postcodes), 'Postcode,lat,long\n');
  const cfgNo: ResolvedConfig = {
    dataDir: noPostcodes.dir,
    outDir: tempDir('ensure-no-postcodes'),
    area: SYN_AREA,
    sources: noPostcodes.sources,
  };

  it('is up to date right after its build, so npm start does not rebuild it again', async () => {
    await runPipeline({ ...cfgNo, contentDir: null });
    const meta = JSON.parse(readFileSync(path.join(cfgNo.outDir, GEO_FILES.metadata), 'utf8')) as DataMetadata;
    expect(meta.postcodeDistricts).toEqual([]);
    expect(existsSync(path.join(cfgNo.outDir, GEO_FILES.postcodes))).toBe(false);
    expect(rebuildReason(cfgNo, contentDir)).toBeNull();
  });

  it('expects exactly the files each build wrote, as its metadata lists them', () => {
    for (const c of [cfg, cfgNo]) {
      const meta = JSON.parse(readFileSync(path.join(c.outDir, GEO_FILES.metadata), 'utf8')) as DataMetadata;
      expect(builtOutputFiles(meta).sort()).toEqual(relativeFiles(c.outDir).sort());
    }
    expect(
      builtOutputFiles(JSON.parse(readFileSync(path.join(cfg.outDir, GEO_FILES.metadata), 'utf8')) as DataMetadata),
    ).toContain('postcodes/LS99.json');
  });

  it('still rebuilds when a postcode district file that metadata lists is gone', () => {
    const file = path.join(cfg.outDir, 'postcodes', 'LS99.json');
    const [content, { mtime }] = [readFileSync(file), statSync(file)];
    rmSync(file);
    expect(rebuildReason(cfg, contentDir)).toBe('postcodes/LS99.json is missing');
    writeFileSync(file, content);
    utimesSync(file, mtime, mtime);
    expect(rebuildReason(cfg, contentDir)).toBeNull();
  });
});
