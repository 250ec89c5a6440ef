import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../../scripts/pipeline/errors';
import { runPipeline } from '../../../scripts/pipeline/run';
import { dataDir } from './helpers/data-dir';
import { mirrorWithCopy } from './helpers/mirror';
import { tempDir } from './helpers/synthetic';

/**
 * Each case corrupts one copied real source file, runs the pipeline into an output folder that holds
 * a good build, and checks the message names file/row/field and the good build is untouched.
 */
const outDir = tempDir('bad-out');
let good: Map<string, Buffer>;

const LSOA21_DIR = 'boundaries/leeds/shapefiles/lsoa21_leeds_bgc';
const LSOA21_BASE = `${LSOA21_DIR}/leeds_lsoa21_bgc_bng`;
const IOD25 = 'indices/iod2025_lsoa21_england.csv';

/** Every output file, including those in folders (postcodes/<district>.json). */
function snapshot(): Map<string, Buffer> {
  const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    statSync(path.join(outDir, f)).isFile(),
  );
  return new Map(files.sort().map((f) => [f, readFileSync(path.join(outDir, f))]));
}

/** Runs the pipeline expecting a PipelineError; checks the good build is untouched; returns the message. */
async function failureMessage(root: string): Promise<string> {
  let error: unknown;
  try {
    await runPipeline({ dataDir: root, outDir });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(PipelineError);
  expectGoodBuildKept();
  return (error as PipelineError).message;
}

async function expectFailure(root: string, pattern: RegExp): Promise<void> {
  expect(await failureMessage(root)).toMatch(pattern);
}

function expectGoodBuildKept(): void {
  const now = snapshot();
  expect([...now.keys()]).toEqual([...good.keys()]);
  for (const [f, bytes] of good) expect(now.get(f)?.equals(bytes), f).toBe(true);
}

function editCsvLine(file: string, match: RegExp, edit: (cells: string[]) => string[] | null): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  const header = lines[0] ?? '';
  const i = lines.findIndex((l) => match.test(l));
  if (i < 0) throw new Error(`no line matching ${match}`);
  const out = edit((lines[i] ?? '').split(','));
  if (out === null) lines.splice(i, 1);
  else lines[i] = out.join(',');
  writeFileSync(file, [header, ...lines.slice(1)].join('\n'));
}

beforeAll(async () => {
  await runPipeline({ dataDir, outDir });
  good = snapshot();
});

describe('bad input fails loudly and keeps the previous outputs', () => {
  it('truncated .shp', async () => {
    const { root, copy } = mirrorWithCopy(dataDir, LSOA21_DIR);
    const shp = path.join(copy, 'leeds_lsoa21_bgc_bng.shp');
    const b = readFileSync(shp);
    writeFileSync(shp, b.subarray(0, b.length - 1000));
    await expectFailure(root, new RegExp(`${LSOA21_BASE}\\.shp: truncated \\.shp`));
  });

  it('.dbf with fewer records than the .shp', async () => {
    const { root, copy } = mirrorWithCopy(dataDir, LSOA21_DIR);
    const dbf = path.join(copy, 'leeds_lsoa21_bgc_bng.dbf');
    const b = Buffer.from(readFileSync(dbf));
    const n = b.readUInt32LE(4);
    const recLen = b.readUInt16LE(10);
    b.writeUInt32LE(n - 1, 4);
    writeFileSync(dbf, b.subarray(0, b.length - recLen));
    await expectFailure(root, new RegExp(`${LSOA21_BASE}\\.dbf: \\.dbf has 487 records but the \\.shp has 488`));
  });

  it('missing .prj', async () => {
    const { root, copy } = mirrorWithCopy(dataDir, LSOA21_DIR);
    rmSync(path.join(copy, 'leeds_lsoa21_bgc_bng.prj'));
    await expectFailure(root, new RegExp(`${LSOA21_BASE}\\.prj: missing \\.prj`));
  });

  it('unknown CRS', async () => {
    const { root, copy } = mirrorWithCopy(dataDir, LSOA21_DIR);
    writeFileSync(
      path.join(copy, 'leeds_lsoa21_bgc_bng.prj'),
      'PROJCS["WGS_1984_UTM_Zone_30N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",-3.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]',
    );
    await expectFailure(root, new RegExp(`${LSOA21_BASE}\\.prj: unsupported projected CRS`));
  });

  it('duplicate LSOA code in an IoD file', async () => {
    const { root, copy } = mirrorWithCopy(dataDir, IOD25);
    // Line of E01011265 gets E01011264's code.
    editCsvLine(copy, /^E01011265,/, (c) => ['E01011264', ...c.slice(1)]);
    await expectFailure(
      root,
      new RegExp(`${IOD25}, line \\d+, field lsoa21cd: duplicate LSOA code E01011264 \\(also line \\d+\\)`),
    );
  });

  it('a decile of 11', async () => {
    const { root, copy } = mirrorWithCopy(dataDir, IOD25);
    editCsvLine(copy, /^E01011264,/, (c) => {
      c[8] = '11';
      return c;
    });
    await expectFailure(
      root,
      new RegExp(`${IOD25}, line \\d+ \\(E01011264\\), field imd_decile: decile "11" is not an integer in 1–10`),
    );
  });

  it('an LSOA of the area with no boundary', async () => {
    const { root, copy } = mirrorWithCopy(dataDir, IOD25);
    editCsvLine(copy, /^E01011264,/, (c) => c); // keep, then append a Leeds row that has no boundary
    const row =
      readFileSync(copy, 'utf8')
        .split('\n')
        .find((l) => l.startsWith('E01011264,')) ?? '';
    writeFileSync(
      copy,
      `${readFileSync(copy, 'utf8').replace(/\n?$/, '\n')}${row.replace('E01011264,Leeds 011A', 'E01099999,Leeds 999Z')}\n`,
    );
    await expectFailure(
      root,
      /boundaries\/leeds\/shapefiles\/lsoa21_leeds_bgc\/leeds_lsoa21_bgc_bng\.shp, IoD2025 .* line \d+, field lsoa21cd: no boundary for LSOA E01099999/,
    );
  });

  it('a deleted IoD row: the missing LSOA is named first, not rank-range errors at unrelated lines', async () => {
    const { root, copy } = mirrorWithCopy(dataDir, IOD25);
    editCsvLine(copy, /^E01011264,/, () => null);
    const message = await failureMessage(root);
    const lines = message.split('\n');
    expect(lines[0]).toMatch(
      new RegExp(
        `^${IOD25}, boundary feature \\d+ \\(E01011264\\), field lsoa21cd: no IoD2025 row for boundary E01011264`,
      ),
    );
    expect(lines).toContain(`${IOD25}, field lsoa21cd: no row for LSOA E01011264 (listed in the ONS lookup)`);
    expect(message).toMatch(
      new RegExp(
        `${IOD25}, field imd_rank: 33754 data rows but ranks run to 33755: 1 LSOA row\\(s\\) missing from the file \\(no row has imd_rank \\d+\\)`,
      ),
    );
    expect(message).not.toMatch(/is not an integer in 1–/);
  });

  it('a boundary with no IoD row', async () => {
    const { root, copy } = mirrorWithCopy(dataDir, IOD25);
    // Recode the row to another district instead of deleting it, so N (rows in England) is unchanged.
    editCsvLine(copy, /^E01011264,/, (c) => ['E01099998', 'Elsewhere 999Z', 'E06000001', ...c.slice(3)]);
    await expectFailure(
      root,
      new RegExp(
        `${IOD25}, boundary feature \\d+ \\(E01011264\\), field lsoa21cd: no IoD2025 row for boundary E01011264`,
      ),
    );
  });
});
