// SMTP replies. Q146791 gives the one that matters: "421 Internal Error. Connection Closing."
// The others are RFC 821's own texts (assumption A-SMTP-TEXTS).

export interface Reply {
  readonly code: number;
  readonly text: string;
}

export function formatReply(r: Reply): string {
  return `${r.code} ${r.text}`;
}

/** Q146791-S1, -S2: what the connector answers when it will not take the mail. */
export const INTERNAL_ERROR: Reply = { code: 421, text: 'Internal Error. Connection Closing.' };

export const REPLY = {
  ready: (host: string): Reply => ({ code: 220, text: `${host} Service ready` }),
  hello: (host: string): Reply => ({ code: 250, text: host }),
  ok: { code: 250, text: 'OK' } as Reply,
  startMailInput: { code: 354, text: 'Start mail input; end with <CRLF>.<CRLF>' } as Reply,
  closing: (host: string): Reply => ({ code: 221, text: `${host} Service closing transmission channel` }),
  unrecognised: { code: 500, text: 'Syntax error, command unrecognized' } as Reply,
  badSequence: { code: 503, text: 'Bad sequence of commands' } as Reply,
  mailboxUnavailable: { code: 550, text: 'Requested action not taken: mailbox unavailable' } as Reply,
};

/** A positive completion reply (2xx): for end of data, the server has taken responsibility for the message. */
export function isPositive(r: Reply): boolean {
  return r.code >= 200 && r.code < 300;
}
