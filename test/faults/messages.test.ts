// What a remote host says it sends (sentMessage, read off the operation, which the checkers
// use) is what the judges read in the bytes it sends: header defects, the charset, the TNEF,
// and a forwarded message's own headers.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { opArbitrary } from '../../src/faults/arbitraries.ts';
import { CHARSETS, inboundMessage, sentMessage } from '../../src/faults/messages.ts';
import type { OpOf } from '../../src/faults/operations.ts';
import { MIME_DEFECTS, readMime } from '../../src/mail/mime.ts';
import { readTnef } from '../../src/mail/tnef.ts';
import { RELEASES } from '../../src/model/release.ts';

const delivery = opArbitrary('smtp.deliver', RELEASES[0]!)!.chain((op) =>
  fc.record({ charset: fc.constantFrom(...CHARSETS), embedded: fc.constantFrom('none' as const, 'good' as const, ...MIME_DEFECTS) }).map((extra) => ({ ...op, ...extra }) as OpOf<'smtp.deliver'>),
);

describe('the messages a remote host sends', () => {
  it('are what the operation says, as the judges read the bytes', () => {
    fc.assert(
      fc.property(delivery, fc.nat(99_999), (op, serial) => {
        const { bytes, messageId } = inboundMessage(op, serial + 1, 'example.com', 0);
        const sent = sentMessage(op);
        const reading = readMime(bytes);
        expect(reading.messageId).toBe(messageId);
        expect(reading.headerDefects.length > 0).toBe(sent.badHeaders);
        expect(reading.findings.some((f) => f.defect === 'bad-charset' && f.part !== '')).toBe(sent.malformedCharset);
        const tnef = reading.tnef === undefined ? undefined : readTnef(reading.tnef);
        expect(tnef !== undefined && tnef.defects.length > 0).toBe(sent.badTnef);
        expect(reading.embedded.length > 0 ? (reading.embedded[0]!.headerDefects.length > 0 ? 'bad' : 'good') : 'none').toBe(sent.embedded);
      }),
      { numRuns: 300 },
    );
  });

  it('leave out an argument with a default as if it were given', () => {
    const op: OpOf<'smtp.deliver'> = { op: 'smtp.deliver', to: 'Alice', mime: 'good', tnef: 'none' };
    expect(inboundMessage(op, 1, 'example.com', 0).bytes).toEqual(inboundMessage({ ...op, charset: 'us-ascii', embedded: 'none' }, 1, 'example.com', 0).bytes);
  });
});
