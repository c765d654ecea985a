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
