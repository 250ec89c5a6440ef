/** The steps that join the releases and the people figures onto the area's LSOAs. */
import { areaValues } from '../join-iod';
import { areaPeople } from '../file7';
import { censusAndSupplementary } from '../people-sources';
import { on2021 } from './checks';
import type { PipelineStep } from './step';

export const joinStep = {
  id: 'join',
  inputs: ['releases', 'geo'],
  provides: ['joined'],
  outputs: [],
  run: ({ get, log }) => {
    log('Joining');
    const geo = get('geo');
    const codes21 = geo.f21.layer.features.map((f) => f.code);
    const codes11 = geo.f11.layer.features.map((f) => f.code);
    return { values: { joined: get('releases').map((r) => areaValues(r, on2021(r) ? codes21 : codes11)) } };
  },
} as const satisfies PipelineStep;

/**
 * IoD2025 File 7 (IDACI, IDAOPI, mid-2022 population): only where it holds every LSOA of the area.
 * Census 2021 people for every LSOA (details file), and File 3's IDACI/IDAOPI ranks where File 7 is absent.
 */
export const peopleStep = {
  id: 'people',
  inputs: ['releases', 'geo'],
  provides: ['people', 'census', 'supplementary'],
  outputs: [],
  run: ({ cfg: { dataDir, area, sources }, get, log }) => {
    const geo = get('geo');
    const codes21 = geo.f21.layer.features.map((f) => f.code);
    const r25 = get('releases').find((r) => r.def.id === '2025');
    if (!r25) throw new Error('the release table has no 2025 release');
    const people = areaPeople({
      dataDir,
      file: r25.def.optionalSources?.[0]?.file,
      area,
      areaName: geo.sets.name,
      codes: codes21,
      release2025: r25,
    });
    log(
      people.available
        ? `IoD2025 File 7: IDACI, IDAOPI and mid-2022 population for all ${codes21.length} LSOAs`
        : `IoD2025 File 7 not used: ${people.reason}`,
    );
    const { census, supplementary } = censusAndSupplementary(dataDir, sources, codes21, people.available ? null : r25);
    if (census) log(`Census 2021: ${census.totals.c21pop} usual residents in ${codes21.length} LSOAs`);
    if (supplementary)
      log(`IoD2025 File 3: IDACI and IDAOPI ranks and deciles for all ${codes21.length} LSOAs (no scores)`);
    return { values: { people, census, supplementary } };
  },
} as const satisfies PipelineStep;
