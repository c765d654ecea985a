// Each way of spoiling a Content-Type is read as that one defect and nothing more: the type,
// boundary, charset and winmail.dat read as from the spelling's own spoilt form, in every
// spelling, for a text message and for a multipart. And each form breaks its rule only: the same
// field without the form's parameter (or comment) is parseable.

import { describe, expect, it } from 'vitest';
import { SPOILINGS, WRITERS, composeMessage, readMime } from '../../src/mail/mime.ts';
import type { MimeReading, Spoiling } from '../../src/mail/mime.ts';
import { writeTnef } from '../../src/mail/tnef.ts';
import { NOTE, SPEC } from './samples.ts';

const TNEF = writeTnef(NOTE, 0x4a21);

const read = (r: MimeReading) => ({
  defects: r.headerDefects,
  findings: r.findings,
  charsets: r.charsets,
  attachments: r.attachments,
  tnef: r.tnef?.toString('hex'),
});

const contentType = (bytes: Buffer): string => /^content-type:(.*(?:\r\n[ \t].*)*)/im.exec(bytes.toString('latin1'))![1]!;

describe.each(WRITERS)('spoilt Content-Types in the %s spelling', (writer) => {
  const forms = SPOILINGS.filter((f) => f !== 'writer');
  for (const tnef of [undefined, TNEF]) {
    const shape = tnef ? 'a multipart with a winmail.dat' : 'a text message';
    it.each(forms)(`%s, on ${shape}, reads as the spelling's own form does`, (spoiling: Spoiling) => {
      const spec = { ...SPEC, writer, ...(tnef ? { tnef } : {}) };
      const own = readMime(composeMessage({ ...spec, spoiling: 'writer' }, ['unparseable-content-type']));
      const bytes = composeMessage({ ...spec, spoiling }, ['unparseable-content-type']);
      expect(contentType(bytes)).not.toBe(contentType(composeMessage(spec, ['unparseable-content-type'])));
      expect(read(readMime(bytes))).toEqual(read(own));
      expect(readMime(bytes).headerDefects).toEqual(['unparseable-content-type']);
      if (tnef) expect(readMime(bytes).tnef?.equals(tnef)).toBe(true);
    });
  }

  it.each(forms.filter((f) => f !== 'comment-before-type'))('%s adds one parameter to a parseable field', (spoiling: Spoiling) => {
    const good = contentType(composeMessage({ ...SPEC, writer, tnef: TNEF }));
    const spoilt = contentType(composeMessage({ ...SPEC, writer, tnef: TNEF, spoiling }, ['unparseable-content-type']));
    expect(spoilt.startsWith(good)).toBe(true);
  });

  it('no spoiling is asked of a message whose Content-Type is good', () => {
    for (const spoiling of SPOILINGS) expect(composeMessage({ ...SPEC, writer, spoiling })).toEqual(composeMessage({ ...SPEC, writer }));
  });
});
