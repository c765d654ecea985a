// Runs a scenario on a fresh world and records its history.

import { Interpreter } from '../faults/interpreter.ts';
import type { Op } from '../faults/operations.ts';
import { DEFAULT_INTERPRETATIONS, type Interpretations } from '../model/interpretations.ts';
import type { Release } from '../model/release.ts';
import { snapshot } from '../model/snapshot.ts';
import { World, type Parts } from '../model/world.ts';
import type { History, Step } from './history.ts';

export interface Scenario {
  readonly release: Release;
  readonly readings?: Interpretations;
  readonly ops: readonly Op[];
}

/** A variant of the model: some parts swapped (falsifiability), or none. */
export interface ModelVariant {
  readonly parts?: Partial<Parts>;
}

export function run(scenario: Scenario, variant: ModelVariant = {}): History {
  const readings = scenario.readings ?? DEFAULT_INTERPRETATIONS;
  const { world, setup } = World.create({ release: scenario.release, readings, ...(variant.parts ? { parts: variant.parts } : {}) });
  const interpreter = new Interpreter(world);
  const initial = snapshot(world);
  const steps: Step[] = [];
  scenario.ops.forEach((op, index) => {
    const at = world.clock.now;
    const outcome = interpreter.apply(op);
    steps.push({ index, op, at, outcome, seen: world.journal.drain(), after: snapshot(world) });
  });
  return { release: scenario.release, readings, setup, initial, steps };
}
