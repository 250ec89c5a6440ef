import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_PLACEHOLDER, SERVICE_WORKER_FILE } from '../../../../scripts/build/precache-plugin';
import type { District } from '../../../../scripts/pipeline/area-codes';
import { PipelineError } from '../../../../scripts/pipeline/errors';
import type { SiteData, SiteSteps } from '../../../../scripts/sites/build-sites';
import { AREA_NAME_TOKEN } from '../../../../scripts/tooling/area-html';

/** Obviously synthetic councils (no such districts). */
export const SYN_COUNCILS: District[] = [
  { code: 'E08999991', name: 'Synthetic One' },
  { code: 'E08999992', name: 'Synthetic Two' },
  { code: 'E08999993', name: 'Synthetic Three' },
];

function write(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/**
 * Stand-ins for the vite template build and the pipeline: the template has the name token and the
 * worker's placeholder, as the real one does; a council's data is a metadata.json naming it. `failFor`
 * throws a PipelineError for that council, `killFor` kills the process there (SIGKILL: no clean-up runs).
 */
export function fakeSteps(opts: { failFor?: string; killFor?: string } = {}): SiteSteps {
  const data: SiteData = {
    counts: { lsoa21: 1, lsoa11: 1, wards: 1, postcodes: 0, postcodesWithoutLsoa: 0, postcodesWithoutCoordinates: 0 },
    budget: { firstViewGzip: 1, firstViewLimit: 2, releasesGzip: 1, releasesLimit: 2, ok: true },
    outputs: [],
  };
  return {
    buildTemplate: (appDir) => {
      write(path.join(appDir, 'index.html'), `<title>Atlas — ${AREA_NAME_TOKEN}</title>\n`);
      write(path.join(appDir, SERVICE_WORKER_FILE), `const manifest = JSON.parse("${MANIFEST_PLACEHOLDER}");\n`);
      write(path.join(appDir, 'assets', 'app.js'), '// synthetic app\n');
    },
    buildData: async (c, geoDir) => {
      if (c.code === opts.killFor) process.kill(process.pid, 'SIGKILL');
      if (c.code === opts.failFor)
        throw new PipelineError({ file: 'synthetic source', message: `made to fail for ${c.code}` });
      write(path.join(geoDir, 'metadata.json'), `${JSON.stringify({ area: c })}\n`);
      write(path.join(geoDir, 'areas-2021.topojson'), `{"synthetic":"${c.code}"}\n`);
      return data;
    },
  };
}
