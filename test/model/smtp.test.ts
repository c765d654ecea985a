// The inbound SMTP dialogue against a whole World: replies in sequence and out of it, the
// message landing in the in directory, and the three ways Q146791 and Q231737 refuse mail.

import { describe, expect, it } from 'vitest';
import { composeMessage } from '../../src/mail/mime.ts';
import { formatReply } from '../../src/model/smtp.ts';
import { ADMINISTRATOR } from '../../src/model/principals.ts';
import type { Release } from '../../src/model/release.ts';
import { World } from '../../src/model/world.ts';
import type { SmtpSession } from '../../src/model/ims/receiver.ts';

const V40: Release = { version: '4.0', servicePack: 0 };
const V50: Release = { version: '5.0', servicePack: 0 };
const IN = 'C:\\exchsrvr\\imcdata\\in';
const WORK = 'C:\\exchsrvr\\imcdata\\work';
const Q146791_421 = '421 Internal Error. Connection Closing.';

const message = composeMessage({
  messageId: 'test.1@remote.example.org',
  from: 'Sender <sender@remote.example.org>',
  to: 'Alice <alice@example.com>',
  subject: 'Hello',
  date: 'Mon, 1 Mar 1999 10:00:00 +0000',
  body: 'A short message.\r\n',
});

function server(release: Release = V40): World {
  const { world } = World.create({ release });
  return world;
}

function open(world: World): SmtpSession {
  const session = world.receiver.connect();
  if (!session) throw new Error('nothing answered on port 25');
  return session;
}

/** HELO, MAIL, RCPT, DATA, each answered as RFC 821 says. */
function upToData(session: SmtpSession): void {
  expect(session.command('HELO mail.remote.example.org')?.code).toBe(250);
  expect(session.command('MAIL FROM:<sender@remote.example.org>')?.code).toBe(250);
  expect(session.command('RCPT TO:<alice@example.com>')?.code).toBe(250);
  expect(session.command('DATA')?.code).toBe(354);
}

describe('SMTP dialogue', () => {
  it('the server is up after setup, and a connection gets a 220 banner', () => {
    const world = server();
    expect(world.scm.state('MSExchangeIMC')).toBe('Running');
    const session = open(world);
    expect(session.banner?.code).toBe(220);
    expect(session.banner?.text).toContain(world.settings.serverName);
    expect(session.closed).toBe(false);
  });

  it('HELO is answered 250', () => {
    expect(open(server()).command('HELO client')?.code).toBe(250);
  });

  it('MAIL before HELO: 503', () => {
    const session = open(server());
    expect(session.command('MAIL FROM:<a@remote.example.org>')?.code).toBe(503);
  });

  it('RCPT for a domain that is not local: 550; for the local domain, in any case: 250', () => {
    const session = open(server());
    session.command('HELO client');
    session.command('MAIL FROM:<a@remote.example.org>');
    expect(session.command('RCPT TO:<someone@elsewhere.example.net>')?.code).toBe(550);
    expect(session.command('RCPT TO:<Bob@EXAMPLE.COM>')?.code).toBe(250);
  });

  it('DATA before any RCPT: 503 (and RCPT before MAIL: 503)', () => {
    const session = open(server());
    session.command('HELO client');
    expect(session.command('RCPT TO:<alice@example.com>')?.code).toBe(503);
    session.command('MAIL FROM:<a@remote.example.org>');
    expect(session.command('DATA')?.code).toBe(503);
  });

  it('an unknown command: 500', () => {
    expect(open(server()).command('XYZZY')?.code).toBe(500);
  });

  it('the whole dialogue ends 250, the message is in the in directory, QUIT 221, then nothing', () => {
    const world = server();
    const session = open(world);
    upToData(session);
    const end = session.data(message);
    expect(end?.code).toBe(250);
    const files = world.disk.filesUnder(IN);
    expect(files).toHaveLength(1);
    expect(world.disk.peek(files[0]!)).toEqual(message);
    expect(world.disk.filesUnder(WORK)).toEqual([]);
    expect(session.command('QUIT')?.code).toBe(221);
    expect(session.closed).toBe(true);
    expect(session.command('HELO again')).toBeNull();
    expect(session.command('QUIT')).toBeNull();
    expect(session.data(message)).toBeNull();
  });

  it('the dialogue is in the journal, client and server lines in turn', () => {
    const world = server();
    const session = open(world);
    session.command('HELO client');
    session.command('QUIT');
    const lines = world.journal.drain().flatMap((o) => (o.kind === 'smtp' ? [`${o.side}: ${o.line}`] : []));
    expect(lines).toEqual([
      `server: 220 ${world.settings.serverName} Service ready`,
      'client: HELO client',
      `server: 250 ${world.settings.serverName}`,
      'client: QUIT',
      `server: 221 ${world.settings.serverName} Service closing transmission channel`,
    ]);
  });

  it('with the IMC stopped, connect gets nothing and the journal records a refused connection', () => {
    const world = server();
    world.controlPanel.stop('MSExchangeIMC');
    expect(world.scm.state('MSExchangeIMC')).toBe('Stopped');
    world.journal.drain();
    expect(world.receiver.connect()).toBeNull();
    const refused = world.journal.drain().filter((o) => o.kind === 'connection');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ kind: 'connection', outcome: 'refused' });
  });

  it('with the disk filled under the reserve, the banner is Q146791\'s 421 and the session is closed', () => {
    const world = server();
    world.disk.fillTo(1024);
    const session = open(world);
    expect(formatReply(session.banner!)).toBe(Q146791_421);
    expect(session.closed).toBe(true);
    expect(session.command('HELO client')).toBeNull();
    // Once the space is back, mail is taken again.
    world.disk.release();
    expect(open(world).banner?.code).toBe(220);
  });

  it('on 4.0, with in removed, the end of data is answered 421 and event 4055 is logged; the IMC keeps running', () => {
    const world = server(V40);
    world.disk.rmdir(IN, ADMINISTRATOR, true);
    const session = open(world);
    upToData(session);
    const end = session.data(message);
    expect(end).not.toBeNull();
    expect(formatReply(end!)).toBe(Q146791_421);
    expect(session.closed).toBe(true);
    const e4055 = world.log.entries().filter((e) => e.id === 4055);
    expect(e4055).toHaveLength(1);
    expect(e4055[0]!.text?.startsWith('Unable to move file')).toBe(true);
    // Q146791 prints the system error for a missing path.
    expect(e4055[0]!.text?.endsWith('The system cannot find the path specified.')).toBe(true);
    expect(e4055[0]!.text).toContain('C:\\exchsrvr\\imcdata\\work\\');
    // The message is not left in work, and the connector is still up.
    expect(world.disk.filesUnder(WORK)).toEqual([]);
    expect(world.scm.state('MSExchangeIMC')).toBe('Running');
    expect(world.log.entries().some((e) => e.id === 4070 || e.id === 4131)).toBe(false);
  });

  it('on 5.0, with in removed, the connection drops, 4070 then 4131 are logged, and the IMS is Stopped', () => {
    const world = server(V50);
    world.disk.rmdir(IN, ADMINISTRATOR, true);
    const before = world.log.size;
    const session = open(world);
    upToData(session);
    expect(session.data(message)).toBeNull();
    expect(session.closed).toBe(true);
    expect(world.log.entries().slice(before).map((e) => e.id)).toEqual([4070, 4131]);
    expect(world.log.entries().some((e) => e.id === 4055)).toBe(false);
    expect(world.scm.state('MSExchangeIMC')).toBe('Stopped');
    const connections = world.journal.drain().filter((o) => o.kind === 'connection');
    expect(connections.at(-1)).toMatchObject({ outcome: 'dropped' });
    // Nothing listens any more.
    expect(world.receiver.connect()).toBeNull();
  });
});
