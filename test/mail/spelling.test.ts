// Another mailer's spelling of a message is read as the Exchange IMS's spelling of it is: the
// same defects where they are, charsets, Message-ID, subject, winmail.dat and forwarded
// messages. postal-mime, an independent parser, reads it as the message that was meant.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { MIME_DEFECTS, composeMessage, readMime } from '../../src/mail/mime.ts';
import type { MessageSpec, MimeFinding, MimeReading, Writer } from '../../src/mail/mime.ts';
import { TNEF_DEFECTS, breakTnef, writeTnef } from '../../src/mail/tnef.ts';
import { NOTE, SEED, SPEC, charsetName, messageSpec, tnefContent } from './samples.ts';

const TNEF = writeTnef(NOTE, 0x4a21);

/**
 * What a reading says, in an order that does not depend on the spelling. `onMultipart`: read
 * the bad-transfer-encoding the IMS's spelling puts on a multipart's text part (part 1) as on the
 * multipart itself, where the unusual spelling puts it.
 */
function said(r: MimeReading, onMultipart = false, named: (attachment: string) => string = (a) => a): unknown {
  const where = (f: MimeFinding): string => (onMultipart && f.defect === 'bad-transfer-encoding' && f.part === '1' ? '' : f.part);
  return {
    defects: [...r.headerDefects].sort(),
    findings: r.findings.map((f) => `${f.defect} at ${where(f)}`).sort(),
    charsets: r.charsets,
    messageId: r.messageId,
    subject: r.subject,
    attachments: r.attachments.map(named),
    tnef: r.tnef?.toString('hex'),
    embedded: r.embedded.map((e) => ({ part: e.part, ...(said(e, onMultipart, named) as object) })),
  };
}

const tnefOrNot = fc.oneof(fc.constant(undefined), fc.constant(TNEF), fc.constantFrom(...TNEF_DEFECTS).map((d) => breakTnef(TNEF, d)));

/** The careless mailer's name for a winmail.dat. */
const carelessName = (a: string): string => (a === 'ATT00001.dat' ? 'winmail.dat' : a);

describe.each<Writer>(['other', 'unusual', 'careless'])("another mailer's spelling (%s)", (writer) => {
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
          const other = composeMessage({ ...full, writer }, defects);
          // The careless mailer writes a message that is no multipart as the IMS does.
          if (writer !== 'careless' || /^Content-Type: multipart/im.test(exchange.toString('latin1'))) expect(other.equals(exchange)).toBe(false);
          expect(said(readMime(other), false, carelessName)).toEqual(said(readMime(exchange), writer === 'unusual'));
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

});

describe("the other spelling", () => {
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

describe('the unusual spelling', () => {
  it('uses the forms it is there for', () => {
    const text = composeMessage({ ...SPEC, tnef: TNEF, writer: 'unusual', embedded: [{ spec: SPEC }] }).toString('latin1');
    for (const form of [
      'MIME-VERSION: 1.0 (made (by) an unusual mailer)', // names in capitals, a nested comment
      ';\r\n\tboundary="\\u0=_unusual.01BE7E5A"\r\n', // a quoted-pair
      "filename*0*=ISO646-US'en-us'win%6D%61il; filename*2=at;\r\n\tfilename*1*=%2E%64\r\n", // sections out of order, a charset no decoder knows
      'CONTENT-TRANSFER-ENCODING: Quoted-Printable\r\nCONTENT-DISPOSITION', // winmail.dat in quoted-printable
      '\r\n\r\n--\r\n-- \r\nA message in MIME format.\r\n--u0=_unusual.01BE7E5A \t\r\n', // a preamble of dashes, padding with a tab
      'CONTENT-TYPE: multipart/digest (several \\) parts (nested))', // forwarded messages in a digest...
      '--u0=_unusual.01BE7E5A \t\r\nCONTENT-TRANSFER-ENCODING: 7BIT (as forwarded)\r\n\r\nFrom: ', // ...each untyped
    ]) expect(text).toContain(form);
    expect(text.endsWith('--u0=_unusual.01BE7E5A-- \t')).toBe(true); // nothing after the close delimiter
    const leaf = composeMessage({ ...SPEC, charset: "x-it's%" , writer: 'unusual' }).toString('latin1');
    expect(leaf).toContain("CONTENT-TYPE: text/plain (plain \\(nested (comment\\)) text); charset*=''x-it%27s%25\r\n");
  });

  it('has its own words for four defects', () => {
    const four = ['bad-transfer-encoding', 'header-without-colon', 'unparseable-content-disposition', 'unparseable-content-type'] as const;
    for (const defect of four) {
      expect(readMime(composeMessage({ ...SPEC, writer: 'unusual' }, [defect])).headerDefects).toEqual([defect]);
    }
    const leaf = composeMessage({ ...SPEC, writer: 'unusual' }, [...four]).toString('latin1');
    for (const form of ['CONTENT-TRANSFER-ENCODING: "7bit"\r\n', '\r\nX-Mailer\r\n', 'CONTENT-DISPOSITION: attachment\x7f\r\n', '; format=fixed; format=fixed\r\n']) expect(leaf).toContain(form);
    const multipart = composeMessage({ ...SPEC, tnef: TNEF, writer: 'unusual' }, ['bad-transfer-encoding']);
    expect(multipart.toString('latin1')).toContain('\tboundary="\\u0=_unusual.01BE7E5A"\r\nCONTENT-TRANSFER-ENCODING: Base64\r\n');
    expect(readMime(multipart).findings).toEqual([{ defect: 'bad-transfer-encoding', part: '' }]);
  });
});

describe('the careless spelling', () => {
  it('leaves its last part open and names its winmail.dat otherwise', () => {
    const bytes = composeMessage({ ...SPEC, tnef: TNEF, writer: 'careless' });
    const text = bytes.toString('latin1');
    expect(text).toContain('Content-Type: application/ms-tnef;\r\n\tname="ATT00001.dat"\r\n');
    expect(text).not.toContain(`${'-'.repeat(6)}=_NextPart_000_0001_01BE7E5A.5C2AEAA0--`);
    expect(text.endsWith(TNEF.toString('base64').slice(-8))).toBe(true); // the winmail.dat runs to the end
    expect(readMime(bytes).tnef?.equals(TNEF)).toBe(true);
    expect(readMime(bytes).attachments).toEqual(['ATT00001.dat']);
  });
});

describe.each<Writer>(['other', 'unusual', 'careless'])('postal-mime reads the %s spelling as the message meant', (writer) => {
  it('subject, Message-ID and winmail.dat', async () => {
    await fc.assert(
      fc.asyncProperty(messageSpec, tnefContent, async (spec, content) => {
        const tnef = writeTnef(content, 0x4a21);
        const email = await PostalMime.parse(composeMessage({ ...spec, tnef, writer }));
        expect(email.subject).toBe(spec.subject);
        expect(email.messageId).toBe(`<${spec.messageId}>`);
        expect(email.attachments.map((a) => a.filename)).toEqual([writer === 'careless' ? 'ATT00001.dat' : 'winmail.dat']);
        // postal-mime gives a quoted-printable part the line break before the next delimiter (as
        // one LF), which RFC 2046 section 5.1.1 gives to the delimiter: where the two readers differ.
        const meant = writer === 'unusual' ? Buffer.concat([tnef, Buffer.from('\n')]) : Buffer.from(tnef);
        expect(Buffer.from(email.attachments[0]!.content as ArrayBuffer)).toEqual(meant);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
