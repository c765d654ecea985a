// Another mailer's spelling of a message is read as the Exchange IMS's spelling of it is: the
// same defects where they are, charsets, Message-ID, subject, winmail.dat and forwarded
// messages. postal-mime, an independent parser, reads it as the message that was meant.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { MIME_DEFECTS, composeMessage, readMime } from '../../src/mail/mime.ts';
import type { MessageSpec, MimeReading } from '../../src/mail/mime.ts';
import { TNEF_DEFECTS, breakTnef, writeTnef } from '../../src/mail/tnef.ts';
import { NOTE, SEED, SPEC, charsetName, messageSpec, tnefContent } from './samples.ts';

const TNEF = writeTnef(NOTE, 0x4a21);

/** What a reading says, in an order that does not depend on the spelling. */
function said(r: MimeReading): unknown {
  return {
    defects: [...r.headerDefects].sort(),
    findings: r.findings.map((f) => `${f.defect} at ${f.part}`).sort(),
    charsets: r.charsets,
    messageId: r.messageId,
    subject: r.subject,
    attachments: r.attachments,
    tnef: r.tnef?.toString('hex'),
    embedded: r.embedded.map((e) => ({ part: e.part, ...(said(e) as object) })),
  };
}

const tnefOrNot = fc.oneof(fc.constant(undefined), fc.constant(TNEF), fc.constantFrom(...TNEF_DEFECTS).map((d) => breakTnef(TNEF, d)));

describe("another mailer's spelling", () => {
  it('is other bytes, and the same reading, for every defect combination', () => {
    fc.assert(
      fc.property(
        messageSpec, tnefOrNot, fc.option(charsetName, { nil: undefined }), fc.subarray([...MIME_DEFECTS]),
        fc.option(fc.subarray([...MIME_DEFECTS].filter((d) => d !== 'bad-charset'), { maxLength: 2 }), { nil: undefined }),
        (spec, tnef, charset, defects, forwardedDefects) => {
          const full: MessageSpec = {
            ...spec,
            ...(tnef ? { tnef } : {}),
            ...(charset ? { charset } : {}),
            ...(forwardedDefects ? { embedded: [{ spec: { ...SPEC, messageId: `fwd.${spec.messageId}` }, defects: forwardedDefects }] } : {}),
          };
          const exchange = composeMessage(full, defects);
          const other = composeMessage({ ...full, writer: 'other' }, defects);
          expect(other.equals(exchange)).toBe(false);
          expect(said(readMime(other))).toEqual(said(readMime(exchange)));
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('uses the forms it is there for', () => {
    const text = composeMessage({ ...SPEC, tnef: TNEF, writer: 'other', embedded: [{ spec: SPEC }] }).toString('latin1');
    for (const form of [
      'Mime-Version: 1.0 (produced by another mailer)', // a comment in a structured field
      'content-type: Multipart/Mixed;\r\n boundary=b0.01BE7E5A-other\r\n', // names and types in other cases, an unquoted boundary
      `name*0*=us-ascii'en'win%6Dail; name*1=".dat"`, // RFC 2231 continuations, the first with a charset, a language and a %-escape
      'Content-transfer-encoding: Base64 (winmail.dat)', // a comment beside the encoding
      '\r\n\r\n--b0.01BE7E5A-other  \r\n', // no preamble, transport padding
      '--b0.01BE7E5A-other--  \r\n\r\nEnd of the message.\r\n', // an epilogue
      'Subject: Quarterly\r\n figures', // folded
    ]) expect(text).toContain(form);
  });

  it('spoils a Content-Type its own way: a comment that never closes', () => {
    const text = composeMessage({ ...SPEC, writer: 'other' }, ['unparseable-content-type']).toString('latin1');
    expect(text).toContain('content-type: TEXT/Plain (body text); Charset=us-ascii (no end\r\n');
    const multipart = composeMessage({ ...SPEC, tnef: TNEF, writer: 'other' }, ['unparseable-content-type']).toString('latin1');
    expect(multipart).toContain('boundary=b0.01BE7E5A-other (no end\r\n');
  });
});

describe('postal-mime reads the other spelling as the message meant', () => {
  it('subject, Message-ID and winmail.dat', async () => {
    await fc.assert(
      fc.asyncProperty(messageSpec, tnefContent, async (spec, content) => {
        const tnef = writeTnef(content, 0x4a21);
        const email = await PostalMime.parse(composeMessage({ ...spec, tnef, writer: 'other' }));
        expect(email.subject).toBe(spec.subject);
        expect(email.messageId).toBe(`<${spec.messageId}>`);
        expect(email.attachments.map((a) => a.filename)).toEqual(['winmail.dat']);
        expect(Buffer.from(email.attachments[0]!.content as ArrayBuffer)).toEqual(Buffer.from(tnef));
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
