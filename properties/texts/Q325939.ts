// The exact strings Q325939 quotes, as the checkers expect to see them. 4182 and 4102 are
// Q293288's too, printed with other line breaks: compared word for word (A-EVENT-WRAP).

import { words, type ExpectedEvent } from './event.ts';

const IMC = 'MSExchangeIMC';

export const EVENT_12800: ExpectedEvent = {
  id: 12800, source: 'MSExchangeIS', type: 'Error', category: 'Content Engine',
  text: 'Message processing failed because there is not enough available memory\n(8007000E-F2000200).',
};

export const EVENT_4182: ExpectedEvent = {
  id: 4182, source: IMC, type: 'Error', category: 'Internal Processing',
  text: words('An error was returned from the messaging software the Internet Mail Service uses to process messages on the Microsoft Exchange Server. As a result, the message in spool file <spool file> will be retried when the server is restarted.'),
};

export const EVENT_4102: ExpectedEvent = {
  id: 4102, source: IMC, type: 'Error', category: 'Internal Processing',
  text: words('A serious error has occurred while trying to send mail into the Exchange Information Store. The Internet Mail Service is being shut down.'),
};

export const EVENT_1001: ExpectedEvent = {
  id: 1001, source: IMC, type: 'Information', category: 'Initialization/Termination',
  text: 'The Microsoft Exchange Internet Mail Service shut down successfully',
};

/** SYMPTOMS: "in the following sequence". */
export const SEQUENCE: readonly ExpectedEvent[] = [EVENT_12800, EVENT_4182, EVENT_4102, EVENT_1001];

export const EVENTS: readonly ExpectedEvent[] = SEQUENCE;
