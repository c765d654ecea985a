// Shared fixtures and fast-check arbitraries for the mail tests.

import fc from 'fast-check';
import type { TnefContent } from '../../src/mail/tnef.ts';
import type { MessageSpec } from '../../src/mail/mime.ts';

export const SEED = 19990422;

export const NOTE: TnefContent = {
  messageClass: 'IPM.Microsoft Mail.Note',
  subject: 'Quarterly figures',
  attachments: [
    { title: 'Q1.XLS', data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0x7f]) },
    { title: 'README.TXT', data: new Uint8Array(Buffer.from('read me\r\n', 'latin1')) },
  ],
};

export const SPEC: MessageSpec = {
  messageId: '3.1999@remote.example',
  from: 'postmaster@remote.example',
  to: 'admin@exchange.example',
  subject: 'Quarterly figures',
  date: 'Thu, 22 Apr 1999 10:15:00 -0700',
  body: 'The figures are attached.\r\n\r\n-- \r\nAdmin',
};

const asciiFrom = (min: number, max: number, maxLength: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min, max }), { maxLength }).map((codes) => String.fromCharCode(...codes));

/** What a TNEF string can hold: ASCII without NUL. */
export const tnefText = asciiFrom(1, 0x7f, 24);

export const tnefContent: fc.Arbitrary<TnefContent> = fc.record({
  messageClass: tnefText,
  subject: fc.option(tnefText, { nil: undefined }),
  attachments: fc.array(fc.record({ title: tnefText, data: fc.uint8Array({ maxLength: 300 }) }), { maxLength: 4 }),
}).map(({ subject, ...rest }) => (subject === undefined ? rest : { ...rest, subject }));

export const legacyKey = fc.integer({ min: 0, max: 0xffff });

const word = fc.stringMatching(/^[A-Za-z0-9.,!'-]{1,10}$/);
/** Plain words: no encoded-words, no surrounding spaces, so any reader must agree on them. */
export const plainText = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));

export const messageSpec: fc.Arbitrary<MessageSpec> = fc.record({
  messageId: fc.stringMatching(/^[0-9A-Za-z.$_-]{1,20}@[a-z]{1,10}\.example$/),
  from: fc.stringMatching(/^[a-z]{1,8}@[a-z]{1,8}\.example$/),
  to: fc.stringMatching(/^[a-z]{1,8}@[a-z]{1,8}\.example$/),
  subject: plainText,
  date: fc.constant('Thu, 22 Apr 1999 10:15:00 -0700'),
  body: fc.array(asciiFrom(0x20, 0x7e, 90), { maxLength: 6 }).map((lines) => lines.join('\r\n')),
});

/** A charset name as RFC 2978 section 2.3 allows it: well-known ones, and any other. */
export const charsetName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('us-ascii', 'ISO-8859-1', 'utf-8', 'windows-1252', 'iso-2022-jp'),
  fc.stringMatching(/^[A-Za-z0-9!#$%&'+^_`{}~-]{1,40}$/),
);
