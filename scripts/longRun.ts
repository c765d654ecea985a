// One long history for the benchmark, in a process of its own so that its memory is its own:
// a scenario file of N random steps (every operation, seeded) is written to a temporary folder,
// then loaded, replayed and judged by every law, as `npm run replay` does. Prints one line of
// JSON: the steps, the milliseconds to load, run and judge, and the peak memory.
//   tsx scripts/longRun.ts <steps> [release]

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { anyOp } from '../src/faults/arbitraries.ts';
import { parseRelease, releaseName } from '../src/model/release.ts';
import { FORMAT } from '../src/scenario/format.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { replay } from '../src/scenario/replay.ts';

const steps = Number(process.argv[2]);
const release = parseRelease(process.argv[3] ?? '5.0 SP0');
if (!Number.isSafeInteger(steps) || steps < 1 || !release) {
  process.stderr.write('usage: tsx scripts/longRun.ts <steps> [release]\n');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'ims-long-'));
try {
  const file = join(dir, 'long.json');
  const ops = fc.sample(anyOp(release), { seed: 20261121, numRuns: steps });
  writeFileSync(file, JSON.stringify({
    format: FORMAT, title: `${steps} random steps`, version: release.version, servicePack: release.servicePack, release: releaseName(release),
    interpretations: {}, judge: { properties: [], verdict: 'holds' }, origin: { kind: 'story', article: 'Q146791' }, steps: ops,
  }));
  const t0 = performance.now();
  const loaded = loadScenario(file);
  const t1 = performance.now();
  const r = replay(loaded);
  const t2 = performance.now();
  const laws = r.verdict.judgements.map((j) => ({ law: j.property.split(' ')[0], holds: j.verdict.holds }));
  process.stdout.write(`${JSON.stringify({ steps, loadMs: Math.round(t1 - t0), replayMs: Math.round(t2 - t1), peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), laws })}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
