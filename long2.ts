import * as fc from 'fast-check';
import { anyOp } from './src/faults/arbitraries.ts';
import { World } from './src/model/world.ts';
import { Interpreter } from './src/faults/interpreter.ts';
import { snapshot } from './src/model/snapshot.ts';
import { parseRelease } from './src/model/release.ts';
const r = parseRelease('5.0 SP0')!;
const n = Number(process.argv[2]);
const ops = fc.sample(anyOp(r), { seed: 7, numRuns: n });
const { world } = World.create({ release: r });
const it = new Interpreter(world);
let t = performance.now(); let snapMs = 0;
const chunk = n / 10;
for (let i = 0; i < n; i++) {
  it.apply(ops[i]!); world.journal.drain();
  const s = performance.now(); snapshot(world); snapMs += performance.now() - s;
  if ((i + 1) % chunk === 0) { console.log(`steps ${i + 1 - chunk}-${i + 1}: ${((performance.now() - t) / chunk * 1000).toFixed(0)} µs/step (snapshot ${(snapMs / chunk * 1000).toFixed(0)}), clock pending ${world.clock.pending}, dirobjs ${world.directory.all().length}, shown?`); t = performance.now(); snapMs = 0; }
}
