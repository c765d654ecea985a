// Every variant of the model that breaks a claim on purpose.

import type { Variant } from '../../src/harness/variant.ts';
import { VARIANTS as Q146791 } from './Q146791.ts';
import { VARIANTS as Q168139 } from './Q168139.ts';
import { VARIANTS as Q183178 } from './Q183178.ts';
import { VARIANTS as Q231737 } from './Q231737.ts';
import { VARIANTS as Q293288 } from './Q293288.ts';
import { VARIANTS as Q325939 } from './Q325939.ts';
import { VARIANTS as INVARIANTS } from './invariants.ts';

export const VARIANTS: readonly Variant[] = [...Q146791, ...Q231737, ...Q183178, ...Q168139, ...Q293288, ...Q325939, ...INVARIANTS];

export function variant(name: string): Variant {
  const v = VARIANTS.find((x) => x.name === name);
  if (!v) throw new Error(`no model variant named "${name}"`);
  return v;
}
