// The application-log events the articles name, with their texts exactly as the articles
// print them (line breaks included: assumption A-EVENT-LINES) and <placeholders> the model fills in. Where an article
// gives no category or text, the field is null rather than invented (assumption A-EVENT-GAPS).

export type EventType = 'Error' | 'Warning' | 'Information';

export interface EventDefinition {
  readonly id: number;
  readonly source: string;
  readonly type: EventType;
  readonly category: string | null;
  readonly text: string | null;
  /** The article the definition comes from. */
  readonly from: string;
}

const IMC = 'MSExchangeIMC';
const IS = 'MSExchangeIS';

export const EVENTS: Readonly<Record<number, EventDefinition>> = {
  4055: {
    id: 4055, source: IMC, type: 'Error', category: 'Internal Processing', from: 'Q146791',
    // The last line is the system error's text; Q146791 shows the one for a missing path (A-MOVE-ERRORS).
    text: [
      'Unable to move file',
      '<drive>\\exchsrvr\\imcdata\\work\\<filename> to',
      '<drive>\\exchsrvr\\imcdata\\in\\<filename> due to system error.',
      '<system error>',
    ].join('\n'),
  },
  4070: {
    id: 4070, source: IMC, type: 'Error', category: null, from: 'Q231737',
    text: [
      'An error occurred while opening a temporary message file. Verify that',
      'the message spool directories are configured correctly and are readable by',
      'the Internet Mail Service.',
    ].join('\n'),
  },
  4131: {
    id: 4131, source: IMC, type: 'Error', category: null, from: 'Q231737',
    text: [
      'An unexpected error occurred in the Internet Mail Service. Information',
      'about this error is stored in the data portion of this event.',
    ].join('\n'),
  },
  4071: {
    id: 4071, source: IMC, type: 'Error', category: 'Initialization/Termination', from: 'Q183178',
    text: [
      'Unable to start the Internet Mail Service because it has not been',
      'configured.',
      'You must go to Connections in the Microsoft Exchange Administrator',
      'program for this site, select the Internet Mail Service object, and',
      'configure its setting.',
    ].join('\n'),
  },
  // Q246115 names these two events and nothing else about them (assumption A-EVENT-GAPS).
  2140: { id: 2140, source: IMC, type: 'Error', category: null, text: null, from: 'Q246115' },
  100: { id: 100, source: IMC, type: 'Error', category: null, text: null, from: 'Q246115' },
  // Q293288 gives no type or category for 4116 and 3039 (A-EVENT-GAPS); 3039's "Data (Words)" line is its data portion.
  4116: {
    id: 4116, source: IMC, type: 'Error', category: null, from: 'Q293288',
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
  },
  3039: {
    id: 3039, source: IMC, type: 'Error', category: null, from: 'Q293288',
    text: [
      'The error 0x80040115 was encountered while trying to communicate with the',
      'message store. An attempt to refresh the connection will be made. If not',
      'successful, the service will be shut down.',
    ].join('\n'),
  },
  12007: {
    id: 12007, source: IS, type: 'Error', category: 'Content Engine', from: 'Q293288',
    // The article shows the message's ID, subject and sender as placeholders in parentheses; the
    // model puts the values there (A-EVENT-PLACEHOLDERS). Its lines wrap around them: one line (A-EVENT-WRAP).
    text: "Error 0-82000080 occurred while processing message (<message id>) with subject (<subject>) from (<sender>). The archive filename is '<archive filename>'.",
  },
  // Q293288 and Q325939 wrap 4182 and 4102 differently: their text is one line (A-EVENT-WRAP).
  4182: {
    id: 4182, source: IMC, type: 'Error', category: 'Internal Processing', from: 'Q293288, Q325939',
    text: 'An error was returned from the messaging software the Internet Mail Service uses to process messages on the Microsoft Exchange Server. As a result, the message in spool file <spool file> will be retried when the server is restarted.',
  },
  4102: {
    id: 4102, source: IMC, type: 'Error', category: 'Internal Processing', from: 'Q293288, Q325939',
    text: 'A serious error has occurred while trying to send mail into the Exchange Information Store. The Internet Mail Service is being shut down.',
  },
  12800: {
    id: 12800, source: IS, type: 'Error', category: 'Content Engine', from: 'Q325939',
    text: 'Message processing failed because there is not enough available memory\n(8007000E-F2000200).',
  },
  1001: {
    id: 1001, source: IMC, type: 'Information', category: 'Initialization/Termination', from: 'Q325939',
    text: 'The Microsoft Exchange Internet Mail Service shut down successfully',
  },
};

/** The text with every <placeholder> filled; throws if one is left or unknown. */
export function fillText(def: EventDefinition, values: Readonly<Record<string, string>>): string | null {
  if (def.text === null) return null;
  return def.text.replace(/<([a-z ]+)>/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`event ${def.id}: no value for <${name}>`);
    return v;
  });
}
