// The exact strings Q183178 quotes, as the checkers expect to see them.

import type { ExpectedEvent } from './event.ts';

/** SYMPTOMS. */
export const EVENT_4071: ExpectedEvent = {
  id: 4071,
  source: 'MSExchangeIMC',
  type: 'Error',
  category: 'Initialization/Termination',
  text:
    'Unable to start the Internet Mail Service because it has not been\nconfigured.\nYou must go to Connections in the Microsoft Exchange Administrator\nprogram for this site, select the Internet Mail Service object, and\nconfigure its setting.',
};

export const EVENTS: readonly ExpectedEvent[] = [EVENT_4071];
