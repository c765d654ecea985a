// The exact strings Q293288 quotes, as the checkers expect to see them. 4182 and 4102 are also
// Q325939's, printed with other line breaks: both are compared word for word (A-EVENT-WRAP).

import { words, type ExpectedEvent } from './event.ts';

const IMC = 'MSExchangeIMC';

export const EVENT_4116: ExpectedEvent = {
  id: 4116, source: IMC, type: 'Error', category: null,
  text: [
    'An error was returned from the messaging software the Internet Mail Service',
    'uses to process messages on the Microsoft Exchange Server. It is possible',
    'that the piece of mail being processed at the time will be returned to the',
    'sender as a failed delivery instead of being delivered. The message will be',
    'moved to the "BAD" folder, if possible, and the error is not a temporary',
    'error. Otherwise it will be retried when the service is restarted. Use the',
    'appropriate utilities found in the SUPPORT directory of your Exchange CD to',
    'view and manipulate messages that have been moved to the "BAD" folder',
  ].join('\n'),
};

export const EVENT_3039: ExpectedEvent = {
  id: 3039, source: IMC, type: 'Error', category: null,
  text: 'The error 0x80040115 was encountered while trying to communicate with the\nmessage store. An attempt to refresh the connection will be made. If not\nsuccessful, the service will be shut down.',
  // The article prints the data portion after the text, as Event Viewer's "Data (Words)" view.
  data: '0000: 00140667 80040115',
};

/** The message's ID, subject and sender, and the archive file, in the article's parentheses (A-EVENT-PLACEHOLDERS). */
export const EVENT_12007: ExpectedEvent = {
  id: 12007, source: 'MSExchangeIS', type: 'Error', category: 'Content Engine',
  text: words("Error 0-82000080 occurred while processing message (<message id>) with subject (<subject>) from (<sender>). The archive filename is '<archive filename>'."),
};

export const EVENT_4182: ExpectedEvent = {
  id: 4182, source: IMC, type: 'Error', category: 'Internal Processing',
  text: words('An error was returned from the messaging software the Internet Mail Service uses to process messages on the Microsoft Exchange Server. As a result, the message in spool file <spool file> will be retried when the server is restarted.'),
};

export const EVENT_4102: ExpectedEvent = {
  id: 4102, source: IMC, type: 'Error', category: 'Internal Processing',
  text: words('A serious error has occurred while trying to send mail into the Exchange Information Store. The Internet Mail Service is being shut down.'),
};

export const EVENTS: readonly ExpectedEvent[] = [EVENT_4116, EVENT_3039, EVENT_12007, EVENT_4182, EVENT_4102];

/** The Message-ID a 12007 names. */
export function namedIn12007(text: string | null): string | undefined {
  return /processing message \(<([^>]+)>\)/.exec(text ?? '')?.[1];
}

/** The spool file a 4182 names. */
export function namedIn4182(text: string | null): string | undefined {
  return /spool file (\S+) will be retried/.exec(text ?? '')?.[1];
}
