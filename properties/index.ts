// Every property, one file per article, plus the laws: the cross-article invariants and liveness.

import type { Property } from '../src/harness/property.ts';
import { PROPERTIES as Q146791 } from './Q146791.ts';
import { PROPERTIES as Q168139 } from './Q168139.ts';
import { PROPERTIES as Q183178 } from './Q183178.ts';
import { PROPERTIES as Q231737 } from './Q231737.ts';
import { PROPERTIES as Q246115 } from './Q246115.ts';
import { PROPERTIES as Q293288 } from './Q293288.ts';
import { PROPERTIES as Q325939 } from './Q325939.ts';
import { PROPERTIES as INVARIANTS } from './invariants.ts';
import { liveness } from './liveness.ts';

const ARTICLES: readonly Property[] = [...Q146791, ...Q231737, ...Q183178, ...Q246115, ...Q168139, ...Q293288, ...Q325939];

/** The laws that judge every history, whatever property it was made for: the invariants and liveness. */
export const LAWS: readonly Property[] = [...INVARIANTS, liveness(ARTICLES)];

export const PROPERTIES: readonly Property[] = [...ARTICLES, ...LAWS];

export function property(name: string): Property {
  const p = PROPERTIES.find((x) => x.name === name);
  if (!p) throw new Error(`no property named "${name}"`);
  return p;
}
