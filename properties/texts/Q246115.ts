// Q246115 names events 2140 and 100 and nothing else about them: the checkers expect them from
// MSExchangeIMC as errors with no category and no text (assumption A-EVENT-GAPS).

import type { ExpectedEvent } from './event.ts';

export const EVENTS: readonly ExpectedEvent[] = [
  { id: 2140, source: 'MSExchangeIMC', type: 'Error', category: null, text: null },
  { id: 100, source: 'MSExchangeIMC', type: 'Error', category: null, text: null },
];
