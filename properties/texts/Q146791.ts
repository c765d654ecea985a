// The exact strings Q146791 quotes, as the checkers expect to see them: kept apart from the
// model's own copies, so that a model that emits a wrong text is caught.

import type { ExpectedEvent } from './event.ts';

/** SYMPTOMS: the reply to an inbound call the connector will not take. */
export const REPLY_421 = '421 Internal Error. Connection Closing.';

/** SYMPTOMS: the Control Panel dialog, for a given connector name and server. */
export function couldNotStop(serviceName: string, server: string): string {
  return `Could not stop the ${serviceName} on\n\\\\${server}\n\n0008: Not enough storage space is available.`;
}

/** The connector's name in Control Panel Services: Q146791's for 4.0; Q246115 names the 5.x one. */
export function connectorDisplayName(version: string): string {
  return version === '4.0' ? 'Microsoft Exchange Internet Mail Connector' : 'Microsoft Exchange Internet Mail Service';
}

/** MORE INFORMATION: event 4055, with <drive> and <filename> left as patterns (any system error's text on the last line). */
export const EVENT_4055: ExpectedEvent = {
  id: 4055,
  source: 'MSExchangeIMC',
  type: 'Error',
  category: 'Internal Processing',
  text: /^Unable to move file\n([A-Z]:)\\exchsrvr\\imcdata\\work\\([^\\\n]+) to\n\1\\exchsrvr\\imcdata\\in\\\2 due to system error\.\n[^\n]+$/,
};

/** The last line Q146791 prints: the text of the system error for a missing path. */
export const PATH_NOT_FOUND = 'The system cannot find the path specified.';

export const EVENTS: readonly ExpectedEvent[] = [EVENT_4055];
