// A node of the search: its operations run from a fresh world, exactly as the harness runs a
// scenario (src/harness/run.ts), keeping the world and the interpreter for the fingerprint.
// There is no cheap way to copy a world (its timers are closures), so every node is run from
// the installed server again: O(depth) per node.

import { Interpreter } from '../faults/interpreter.ts';
import type { Op } from '../faults/operations.ts';
import type { History, Step } from '../harness/history.ts';
import type { ModelVariant } from '../harness/run.ts';
import type { Interpretations } from '../model/interpretations.ts';
import type { Release } from '../model/release.ts';
import { snapshot } from '../model/snapshot.ts';
import { World } from '../model/world.ts';

export interface Replayed {
  readonly world: World;
  readonly interpreter: Interpreter;
  readonly history: History;
}

export function replay(release: Release, readings: Interpretations, variant: ModelVariant, ops: readonly Op[]): Replayed {
  const { world, setup } = World.create({ release, readings, ...(variant.parts ? { parts: variant.parts } : {}) });
  const interpreter = new Interpreter(world);
  const initial = snapshot(world);
  const steps: Step[] = [];
  ops.forEach((op, index) => {
    const at = world.clock.now;
    const outcome = interpreter.apply(op);
    steps.push({ index, op, at, outcome, seen: world.journal.drain(), after: snapshot(world) });
  });
  return { world, interpreter, history: { release, readings, setup, initial, steps } };
}
