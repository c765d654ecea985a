// Every event the articles define, in the checkers' own copies: INV-3 accepts no other.

import type { ExpectedEvent } from './event.ts';
import { EVENTS as Q146791 } from './Q146791.ts';
import { EVENTS as Q183178 } from './Q183178.ts';
import { EVENTS as Q231737 } from './Q231737.ts';
import { EVENTS as Q246115 } from './Q246115.ts';
import { EVENTS as Q293288 } from './Q293288.ts';
import { EVENTS as Q325939 } from './Q325939.ts';

export const EXPECTED_EVENTS: readonly ExpectedEvent[] = [...Q146791, ...Q231737, ...Q183178, ...Q246115, ...Q293288, ...Q325939];
