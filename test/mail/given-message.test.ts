// A message given as bytes is what the judges read in it: the checkers are told (sentMessage)
// what the store converts by, and the timeline shows the judges' reading. Checked on the
// project's own real-looking fixtures, and on every generated message given back as bytes.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { opArbitrary } from '../../src/faults/arbitraries.ts';
import { CHARSETS, inboundMessage, judgeMessage, sentMessage } from '../../src/faults/messages.ts';
import type { OpOf } from '../../src/faults/operations.ts';
import { MIME_DEFECTS, messageIdOf, readMime } from '../../src/mail/mime.ts';
import { readTnef } from '../../src/mail/tnef.ts';
import { RELEASES } from '../../src/model/release.ts';

const fixture = (name: string) => readFileSync(new URL(`../scenario/fixtures/mails/${name}`, import.meta.url));
const ID = '000d01be7e5a$5c2aeaa0$1900000a@partner.example';
const given = (bytes: Uint8Array, to = 'Alice'): OpOf<'smtp.deliver'> => ({ op: 'smtp.deliver', to, message: { base64: Buffer.from(bytes).toString('base64') } });

describe('the fixture messages', () => {
  it('bad-headers-bad-tnef.eml: an X-Priority line without a colon in its header, and a winmail.dat cut short', () => {
    const bytes = fixture('bad-headers-bad-tnef.eml');
    const mime = readMime(bytes);
    expect(mime.messageId).toBe(ID);
    expect(messageIdOf(bytes)).toBe(ID);
    expect(mime.findings).toEqual([{ defect: 'header-without-colon', part: '' }]);
    expect(readTnef(mime.tnef!).defects).toEqual(['truncated']);
    expect(judgeMessage(bytes)).toEqual({
      bytes: bytes.length, messageId: ID, findings: [{ defect: 'header-without-colon', part: '' }],
      charsets: [{ part: '1', type: 'text/plain', charset: 'iso-8859-1', valid: true }], tnef: { defects: ['truncated'] }, forwarded: [],
    });
    expect(sentMessage(given(bytes))).toEqual({ badHeaders: true, badTnef: true, malformedCharset: false, embedded: 'none' });
  });

  it('good.eml: the same message whole, clean to the judges and read alike by postal-mime', async () => {
    const bytes = fixture('good.eml');
    expect(judgeMessage(bytes)).toMatchObject({ messageId: ID, findings: [], tnef: { defects: [] }, forwarded: [] });
    expect(sentMessage(given(bytes))).toEqual({ badHeaders: false, badTnef: false, malformedCharset: false, embedded: 'none' });
    const email = await PostalMime.parse(bytes);
    expect(email.messageId).toBe(`<${ID}>`);
    expect(email.attachments.map((a) => a.filename)).toEqual(['winmail.dat']);
    expect(readTnef(new Uint8Array(email.attachments[0]!.content as ArrayBuffer)).content.attachments.map((a) => a.title)).toEqual(['FIGURES.XLS']);
  });
});

describe('a generated message given back as bytes', () => {
  const delivery = opArbitrary('smtp.deliver', RELEASES[0]!)!.chain((op) =>
    fc.record({ charset: fc.constantFrom(...CHARSETS), embedded: fc.constantFrom('none' as const, 'good' as const, ...MIME_DEFECTS) }).map((extra) => ({ ...op, ...extra }) as OpOf<'smtp.deliver'>),
  );

  it('is to the checkers what the operation that generated it says, and keeps its Message-ID', () => {
    fc.assert(
      fc.property(delivery, fc.nat(99_999), fc.nat(10_000_000), (op, serial, now) => {
        const sent = inboundMessage(op, serial + 1, 'example.com', now);
        const bytes = given(sent.bytes, op.to);
        expect(sentMessage(bytes)).toEqual(sentMessage(op));
        expect(inboundMessage(bytes, serial + 1, 'example.com', now)).toEqual(sent);
      }),
      { numRuns: 300 },
    );
  });
});
