// The exact strings the articles quote, as the checkers expect to see them. They are kept
// here, apart from the model's own copies, so that a model that emits a wrong text is caught.

/** Q146791, SYMPTOMS. */
export const REPLY_421 = '421 Internal Error. Connection Closing.';

/** Q146791, SYMPTOMS: the Control Panel dialog, for a given connector name and server. */
export function couldNotStop(serviceName: string, server: string): string {
  return `Could not stop the ${serviceName} on\n\\\\${server}\n\n0008: Not enough storage space is available.`;
}

/** Q146791, MORE INFORMATION: event 4055, with <drive> and <filename> left as patterns. */
export const EVENT_4055 = {
  source: 'MSExchangeIMC',
  type: 'Error',
  category: 'Internal Processing',
  text: /^Unable to move file\n([A-Z]:)\\exchsrvr\\imcdata\\work\\([^\\\n]+) to\n\1\\exchsrvr\\imcdata\\in\\\2 due to system error\.\nThe system cannot find the path specified\.$/,
};

/** Q231737, SYMPTOMS. */
export const EVENT_4070_TEXT =
  'An error occurred while opening a temporary message file. Verify that\nthe message spool directories are configured correctly and are readable by\nthe Internet Mail Service.';
export const EVENT_4131_TEXT =
  'An unexpected error occurred in the Internet Mail Service. Information\nabout this error is stored in the data portion of this event.';

/** Q183178, SYMPTOMS. */
export const EVENT_4071 = {
  source: 'MSExchangeIMC',
  type: 'Error',
  category: 'Initialization/Termination',
  text:
    'Unable to start the Internet Mail Service because it has not been\nconfigured.\nYou must go to Connections in the Microsoft Exchange Administrator\nprogram for this site, select the Internet Mail Service object, and\nconfigure its setting.',
};

/** The connector's name in Control Panel Services: Q146791 for 4.0; Q246115 names the 5.x one. */
export function connectorDisplayName(version: string): string {
  return version === '4.0' ? 'Microsoft Exchange Internet Mail Connector' : 'Microsoft Exchange Internet Mail Service';
}
