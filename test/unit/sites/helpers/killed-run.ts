/**
 * A build:sites run that is killed partway: `tsx killed-run.ts <outDir> <kill-at-code>` builds the
 * synthetic councils with fake steps until the pipeline step of <kill-at-code> kills the process.
 */
import { buildSites } from '../../../../scripts/sites/build-sites';
import { fakeSteps, SYN_COUNCILS } from './fake-steps';

const [outDir, killFor] = process.argv.slice(2);
if (!outDir || !killFor) throw new Error('usage: killed-run.ts <outDir> <kill-at-code>');
await buildSites({ outDir, councils: SYN_COUNCILS, districts: SYN_COUNCILS, steps: fakeSteps({ killFor }) });
