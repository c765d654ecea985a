// npm run holes [-- --only NAME]: the kinds of hole a wrong model once slipped through, each
// shown as a small, realistic change to the model's source (not a variant under properties/),
// which `npx vitest run test/properties/` alone must reject, naming the right claim.
// Each change is applied to a copy of the repository in a temporary folder; this tree is never
// touched. Takes a few minutes: one property run per change.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

interface Hole {
  readonly name: string;
  /** The kind of hole, as the oracles once had it. */
  readonly kind: string;
  readonly file: string;
  readonly from: string;
  readonly to: string;
  /** Claims of which at least one must be named by a failing property. */
  readonly claims: readonly string[];
}

export const HOLES: readonly Hole[] = [
  {
    name: 'hung-store-loses-the-message-in-hand',
    kind: 'a law judged only its own histories: an acknowledged message dropped on the deadlocked store',
    file: 'src/model/ims/spool.ts',
    from: "      if (result.status === 'hangs') return this.w.ims.shutDownSilently();",
    to: "      if (result.status === 'hangs') {\n        this.w.disk.remove(file, SERVICE_ACCOUNT);\n        return this.w.ims.shutDownSilently();\n      }",
    claims: ['INV-1'],
  },
  {
    name: 'failed-lookup-clears-the-pointer',
    kind: "a checker took its excuse from the model: the model wrongly clears the pointer",
    file: 'src/model/adminMailbox.ts',
    from: "    if (!this.directory.readable()) return { ok: false, fault: 'inaccessible' };",
    to: "    if (!this.directory.readable()) {\n      this.pointer = null;\n      return { ok: false, fault: 'inaccessible' };\n    }",
    claims: ['Q183178-S2', 'Q183178-C1', 'Q183178-R2', 'LIV-1'],
  },
  {
    name: 'start-ignores-its-spool-check',
    kind: 'a surviving mutant: a start that ignores its own failed spool check',
    file: 'src/model/ims/service.ts',
    from: '    if (!this.w.spool.prepare()) return false;',
    to: '    this.w.spool.prepare();',
    claims: ['Q231737-S2'],
  },
  {
    name: 'stop-always-shows-0008',
    kind: 'a surviving mutant: a stop that shows the 0008 dialog even when healthy',
    file: 'src/model/ims/service.ts',
    from: '    return this.w.spool.canClose() ? {} : { error: STOP_ERROR };',
    to: '    return { error: STOP_ERROR };',
    claims: ['Q146791-S3'],
  },
  {
    name: 'store-stop-clears-the-deadlock',
    kind: 'a surviving mutant: a Control Panel stop that clears the store\'s deadlock',
    file: 'src/model/store.ts',
    from: '    if (this.deadlocked) return { hangs: true };',
    to: '    this.deadlocked = false;',
    claims: ['Q168139-S1'],
  },
  {
    name: 'answers-250-and-keeps-it-in-work',
    kind: '"mail flows" checked as "the reply was 250": the connector never moves the file on',
    file: 'src/model/ims/spool.ts',
    from: '      this.w.disk.move(work, inbound, SERVICE_ACCOUNT);',
    to: '      void inbound;',
    claims: ['Q231737-S3', 'Q231737-R1', 'Q146791-R1', 'LIV-1', 'Q168139-C1', 'Q168139-M1'],
  },
  {
    name: '3039-without-its-data',
    kind: 'a surviving mutant: 3039 logged without the data words Q293288 prints',
    file: 'src/model/ims/service.ts',
    from: "this.w.log.write(3039, {}, '0000: 00140667 80040115');",
    to: "this.w.log.write(3039, {}, '');",
    claims: ['INV-3'],
  },
  {
    name: 'one-outbound-message-per-poll',
    kind: 'a surviving mutant: the IMS sends one outbound message per poll, so a burst waits minutes',
    file: 'src/model/ims/spool.ts',
    from: "    this.w.journal.record({ kind: 'queue', queue: 'Internet', change: 'added', messageId: m.messageId, ...(m.returns === undefined ? {} : { returns: m.returns }) });\n    return true;",
    to: "    this.w.journal.record({ kind: 'queue', queue: 'Internet', change: 'added', messageId: m.messageId, ...(m.returns === undefined ? {} : { returns: m.returns }) });\n    return false;",
    claims: ['Q146791-R1'],
  },
  {
    name: 'deleted-recipient-keeps-its-address',
    kind: 'a surviving mutant: a deleted recipient still answers for its address, so mail for it lands in a mailbox no one has',
    file: 'src/model/directory.ts',
    from: '    if (this.liveByAlias.get(r.alias) === r) {',
    to: '    if (this.liveByAlias.get(r.alias) === r && false) {',
    claims: ['INV-1', 'LIV-1'],
  },
  {
    name: 'mta-delivers-to-any-recipient',
    kind: '"mail flows" accepted "returned to its sender" for anyone: a list or a custom recipient gets a mailbox of its own',
    file: 'src/model/mta.ts',
    from: "      if (r && r.kind === 'mailbox') this.store.deliver(message, r.id);",
    to: '      if (r) this.store.deliver(message, r.id);',
    claims: ['Q146791-R1'],
  },
  {
    name: 'start-always-shows-2140',
    kind: 'a prohibition without its permitted half: Control Panel shows Error 2140 on every start, even one that works',
    file: 'src/model/controlPanel.ts',
    from: '    if (!this.scm.failedSince(service, before)) return undefined;',
    to: '    if (false) return undefined;',
    claims: ['Q246115-R1'],
  },
  {
    name: 'no-access-denies-nothing',
    kind: 'a checker that waited for the model to admit it (4070): No Access on the spool no longer keeps the service account out, and the IMS starts',
    file: 'src/model/acl.ts',
    from: "  if (mine.some((ace) => ace.permission === 'No Access')) return false;",
    to: '',
    claims: ['Q231737-S2'],
  },
  {
    name: 'freed-space-never-comes-back',
    kind: 'a heal judged by what it left behind, not by whether mail flows after it: the space other programs took is never given back',
    file: 'src/model/disk.ts',
    from: '    this.otherUse = this.options.baselineUseBytes;\n    this.journal.record({ kind: \'disk\', change: \'freed\'',
    to: "    this.journal.record({ kind: 'disk', change: 'freed'",
    claims: ['LIV-1'],
  },
  {
    name: 'remove-keeps-the-entry',
    kind: 'checkers that read the permissions from the model: removing a group\'s entry from a directory leaves it there (found by StrykerJS in acl.ts)',
    file: 'src/model/acl.ts',
    from: '  return acl.filter((ace) => ace.group !== group);',
    to: '  return acl;',
    claims: ['INV-5'],
  },
  {
    name: 'stopped-service-starts-again',
    kind: 'a law that judged how services move, not whether anyone asked them to: a service stopped from Control Panel starts again by itself once another service starts (found by StrykerJS in scm.ts)',
    file: 'src/model/scm.ts',
    from: "    e.wanted = false;\n    if (e.state === 'StartPending') this.move(e, 'Stopped', why);",
    to: "    e.wanted = true;\n    if (e.state === 'StartPending') this.move(e, 'Stopped', why);",
    claims: ['INV-2'],
  },
  {
    name: 'stopped-connector-answers',
    kind: 'a law that judged what a stopped connector moved, not whether it answered: with both its guards gone (service running, service responding), the receiver takes a call while the connector is Stopped',
    file: 'src/model/ims/receiver.ts',
    from: "    if (!this.w.scm.isRunning(IMC)) {\n      this.w.journal.record({ kind: 'connection', outcome: 'refused', why: 'nothing listens on port 25: the service is not running' });\n      return null;\n    }\n    if (!this.w.ims.responding) {",
    to: "    if (false) {\n      this.w.journal.record({ kind: 'connection', outcome: 'refused', why: 'nothing listens on port 25: the service is not running' });\n      return null;\n    }\n    if (false) {",
    claims: ['INV-4'],
  },
  {
    name: 'timers-fire-out-of-order',
    kind: 'no law on the timeline itself: with the timer heap\'s sift-up gone, timers fire out of order and what is seen goes back in time, yet every article\'s property passed (found by StrykerJS in clock.ts)',
    file: 'src/model/clock.ts',
    from: '    for (let i = h.length - 1; i > 0; ) {',
    to: '    for (let i = h.length - 1; false; ) {',
    claims: ['INV-6'],
  },
  {
    name: 'time-stops-at-the-last-timer',
    kind: 'no law on how long a wait takes: time that is let pass stops at the last timer that fell due instead of at its end',
    file: 'src/model/clock.ts',
    from: '    this.current = until;\n  }',
    to: '    void until;\n  }',
    claims: ['INV-6'],
  },
  {
    name: 'events-dated-a-second-late',
    kind: 'no law on the dates the event log shows: each event is dated a second after it was written',
    file: 'src/model/eventlog.ts',
    from: '      time: this.now(),',
    to: '      time: this.now() + 1,',
    claims: ['INV-6'],
  },
  {
    name: 'stopped-before-its-dependents',
    kind: 'a law that judged what runs after a step, not the order of a stop: a service goes down before the services that need it (found in review)',
    file: 'src/model/scm.ts',
    from: "    for (const d of this.dependents(name)) errors.push(...this.stop(d.def.name, `${why} (it depends on ${name})`));\n    e.wanted = false;\n    if (e.state === 'StartPending') this.move(e, 'Stopped', why);\n    if (e.state !== 'Running') return errors;\n    this.move(e, 'StopPending', why);\n    const result = e.program.stop();\n    if (result.error) errors.push({ service: name, error: result.error });\n    if (result.hangs) this.hung.add(name);\n    else this.move(e, 'Stopped', why);\n    return errors;",
    to: "    e.wanted = false;\n    if (e.state === 'StartPending') this.move(e, 'Stopped', why);\n    if (e.state === 'Running') {\n      this.move(e, 'StopPending', why);\n      const result = e.program.stop();\n      if (result.error) errors.push({ service: name, error: result.error });\n      if (result.hangs) this.hung.add(name);\n      else this.move(e, 'Stopped', why);\n    }\n    for (const d of this.dependents(name)) errors.push(...this.stop(d.def.name, `${why} (it depends on ${name})`));\n    return errors;",
    claims: ['INV-2'],
  },
  {
    name: 'directory-runs-without-the-attendant',
    kind: 'a law that judged which services start, not what they need: the directory loses its dependency on the System Attendant, so it runs on when the attendant is stopped (found by StrykerJS in exchangeServices.ts)',
    file: 'src/model/exchangeServices.ts',
    from: "startType: 'Automatic', dependsOn: [SA] },",
    to: "startType: 'Automatic', dependsOn: [] },",
    claims: ['INV-2'],
  },
  {
    name: 'a-comment-spoils-the-content-type',
    kind: "the MIME judge disagreed with real mail: a comment in a Content-Type (legal: RFC 2045 section 5.1) is read as a defect, so another mailer's good message has bad headers",
    file: 'src/mail/mime/lexer.ts',
    from: '      if (end < 0) return undefined;\n      i = end;',
    to: '      return undefined;',
    claims: ['Q168139-C1', 'Q325939-S1', 'Q325939-R1'],
  },
  {
    name: 'continued-name-keeps-its-last-section',
    kind: "the MIME judge disagreed with real mail: an RFC 2231 parameter in sections keeps only its last, so a winmail.dat known by its name is not found",
    file: 'src/mail/mime/params.ts',
    from: '      out += text;',
    to: '      out = text;',
    claims: ['Q168139-C1'],
  },
];

const REPO = resolve(dirname(new URL(import.meta.url).pathname), '..');

const USAGE = `Usage: npm run holes -- [--only NAME ...]

Applies each hole to a copy of the repository and runs test/properties/ there; every
hole must be rejected by a failing property naming one of its claims. Exit 0 when all are, 1
when one is missed, 2 for bad options. This tree is never touched. Takes a few minutes.

  --only NAME   only this hole (repeatable)
  --help        this text

Holes: ${HOLES.map((h) => h.name).join(', ')}`;

/** The claims named by failing property tests, from vitest's JSON report. */
function namedClaims(report: string): string[] {
  const r = JSON.parse(report) as { testResults: { assertionResults: { status: string; failureMessages: string[] }[] }[] };
  return r.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status === 'failed').flatMap((a) => a.failureMessages.flatMap((m) => [...m.matchAll(/\b([A-Z]+\d*-[A-Z]+\d*|INV-\d+|LIV-\d+) violated at step/g)].map((x) => x[1]!))));
}

function tryHole(hole: Hole): { caught: boolean; named: string[]; seconds: number } {
  const copy = mkdtempSync(join(tmpdir(), `ims-hole-${hole.name}-`));
  try {
    const files = spawnSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
    for (const f of files) cpSync(join(REPO, f), join(copy, f), { recursive: true });
    symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'));
    const target = join(copy, hole.file);
    const text = readFileSync(target, 'utf8');
    if (text.split(hole.from).length !== 2) throw new Error(`${hole.name}: the text to change is not found exactly once in ${hole.file}`);
    writeFileSync(target, text.replace(hole.from, hole.to));
    const out = join(copy, 'vitest.json');
    const started = performance.now();
    spawnSync('npx', ['vitest', 'run', 'test/properties/', '--reporter=json', `--outputFile=${out}`], { cwd: copy, encoding: 'utf8', env: { ...process.env, CI: '1' } });
    const named = [...new Set(namedClaims(readFileSync(out, 'utf8')))];
    return { caught: named.some((c) => hole.claims.includes(c)), named, seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

function main(argv: string[]): number {
  const refuse = (message: string) => {
    console.error(`holes: ${message}\n(npm run holes -- --help for the options)`);
    return 2;
  };
  let values;
  try {
    ({ values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: { only: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    return refuse((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const unknown = (values.only ?? []).filter((name) => !HOLES.some((h) => h.name === name));
  if (unknown.length) return refuse(`no hole named ${unknown.join(', ')}; the holes: ${HOLES.map((h) => h.name).join(', ')}`);
  const chosen = HOLES.filter((h) => !values.only?.length || values.only.includes(h.name));
  let missed = 0;
  for (const hole of chosen) {
    const r = tryHole(hole);
    if (!r.caught) missed++;
    console.log(`${r.caught ? '✓ caught' : '✗ MISSED'}  ${hole.name} (${hole.kind}): ${r.named.length ? `violated ${r.named.join(', ')}` : 'no property failed'}; expected one of ${hole.claims.join(', ')} [${r.seconds.toFixed(0)} s]`);
  }
  console.log(`${chosen.length - missed} of ${chosen.length} holes caught by test/properties/ alone`);
  return missed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
