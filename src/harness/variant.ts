// A variant of the model that breaks a claim on purpose: one part of the world swapped for a
// subtly wrong one, or an alternative reading selected. Every property must fail on at least
// one variant, or it could not catch the fault it exists for.

import type { Parts } from '../model/world.ts';

export interface Variant {
  readonly name: string;
  /** How this model differs from the faithful one. */
  readonly description: string;
  /** The properties that must fail on it. */
  readonly breaks: readonly string[];
  readonly parts?: Partial<Parts>;
  /** Alternative readings (interpretation id -> alternative). */
  readonly readings?: Readonly<Record<string, string>>;
}
