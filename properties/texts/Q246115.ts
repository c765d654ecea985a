// Q246115 names events 2140 and 100 and nothing else about them: the checkers expect them from
// MSExchangeIMC as errors with no category and no text (assumption A-EVENT-GAPS). Read as
// Control Panel's error (interpretation event2140), 2140 is the dialog below.

import type { ExpectedEvent } from './event.ts';

/** Control Panel's dialog for a service that failed to start, as Q154589 and Q173496 print it (A-START-DIALOG). */
export function couldNotStart(serviceName: string, server: string): string {
  return `Could not start the ${serviceName} service on \\\\${server}.\n\nError 2140: An internal Windows NT error occurred.`;
}

export const EVENTS: readonly ExpectedEvent[] = [
  { id: 2140, source: 'MSExchangeIMC', type: 'Error', category: null, text: null },
  { id: 100, source: 'MSExchangeIMC', type: 'Error', category: null, text: null },
];
