// The exact strings Q231737 quotes, as the checkers expect to see them.

import type { ExpectedEvent } from './event.ts';

const IMC = 'MSExchangeIMC';

/** SYMPTOMS (the article gives no category: A-EVENT-GAPS). */
export const EVENT_4070: ExpectedEvent = {
  id: 4070, source: IMC, type: 'Error', category: null,
  text: 'An error occurred while opening a temporary message file. Verify that\nthe message spool directories are configured correctly and are readable by\nthe Internet Mail Service.',
};

export const EVENT_4131: ExpectedEvent = {
  id: 4131, source: IMC, type: 'Error', category: null,
  text: 'An unexpected error occurred in the Internet Mail Service. Information\nabout this error is stored in the data portion of this event.',
};

export const EVENTS: readonly ExpectedEvent[] = [EVENT_4070, EVENT_4131];
