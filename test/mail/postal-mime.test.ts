// Cross-check against an independent MIME parser: what we call good, postal-mime reads the same.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { composeMessage } from '../../src/mail/mime.ts';
import type { MessageSpec } from '../../src/mail/mime.ts';
import { writeTnef } from '../../src/mail/tnef.ts';
import { NOTE, SEED, SPEC, messageSpec, tnefContent } from './samples.ts';

async function agrees(spec: MessageSpec & { tnef: Uint8Array }): Promise<void> {
  const email = await PostalMime.parse(composeMessage(spec));
  expect(email.subject).toBe(spec.subject);
  expect(email.messageId).toBe(`<${spec.messageId}>`);
  expect(email.attachments.map((a) => a.filename)).toEqual(['winmail.dat']);
  const content = email.attachments[0]!.content;
  expect(typeof content).not.toBe('string');
  expect(Buffer.from(content as ArrayBuffer)).toEqual(Buffer.from(spec.tnef));
}

describe('postal-mime agrees with composeMessage', () => {
  it('on a message with winmail.dat', async () => {
    await agrees({ ...SPEC, tnef: writeTnef(NOTE, 0x4a21) });
  });

  it('on any good message with winmail.dat', async () => {
    await fc.assert(
      fc.asyncProperty(messageSpec, tnefContent, async (spec, content) => agrees({ ...spec, tnef: writeTnef(content, 0x4a21) })),
      { seed: SEED, numRuns: 100 },
    );
  });
});
