// What differs by release and reading: the product's name, spool recreation at start, the
// Q168139 rewind loop, the administrator-mailbox events, and withReadings' checks.

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INTERPRETATIONS, INTERPRETATION_IDS, alternativesOf, withReadings, type Interpretations,
} from '../../src/model/interpretations.ts';
import { RELEASES, SERVICE_PACKS, VERSIONS, parseRelease, releaseName, type Release } from '../../src/model/release.ts';
import { traitsOf, type AdminMailboxFault } from '../../src/model/versions.ts';

/** The defaults, and every single alternative of every reading. */
const READINGS: { name: string; readings: Interpretations }[] = [
  { name: 'defaults', readings: DEFAULT_INTERPRETATIONS },
  ...INTERPRETATION_IDS.flatMap((id) => alternativesOf(id).map((alt) => ({ name: `${id}=${alt}`, readings: withReadings({ [id]: alt }) }))),
];

const FAULTS: AdminMailboxFault[] = ['not-set', 'missing', 'inaccessible', 'not-a-mailbox'];
const BOOLS = [false, true];

describe('traitsOf', () => {
  it('lists every level of every version, each named "<version> SP<n>" whatever the number of levels', () => {
    expect(RELEASES.map(releaseName)).toEqual(VERSIONS.flatMap((v) => SERVICE_PACKS[v].map((sp) => `${v} SP${sp}`)));
    expect(RELEASES.map((r) => parseRelease(releaseName(r)))).toEqual(RELEASES);
  });

  for (const release of RELEASES) {
    const is40 = release.version === '4.0';
    it(`${releaseName(release)} is the Internet Mail ${is40 ? 'Connector' : 'Service'} under every reading`, () => {
      for (const { readings } of READINGS) {
        const t = traitsOf(release, readings);
        expect(t.product).toBe(is40 ? 'Internet Mail Connector' : 'Internet Mail Service');
        expect(t.serviceDisplayName).toBe(is40 ? 'Microsoft Exchange Internet Mail Connector' : 'Microsoft Exchange Internet Mail Service');
      }
    });
  }

  it('the 4.0 IMC recreates its spool at start under every reading; 5.x only under inAtStart=recreate', () => {
    const v40: Release = { version: '4.0', servicePack: 0 };
    for (const { name, readings } of READINGS) expect(traitsOf(v40, readings).recreatesSpoolAtStart, name).toBe(true);
    for (const release of RELEASES.filter((r) => r.version !== '4.0')) {
      expect(traitsOf(release, withReadings({ inAtStart: 'recreate' })).recreatesSpoolAtStart).toBe(true);
      expect(traitsOf(release, withReadings({ inAtStart: 'fail-while-missing' })).recreatesSpoolAtStart).toBe(false);
    }
  });

  it('on spool loss, by default 4.0 rejects mail and 5.x stops', () => {
    for (const release of RELEASES) {
      expect(traitsOf(release, DEFAULT_INTERPRETATIONS).onSpoolLoss).toBe(release.version === '4.0' ? 'reject' : 'stop');
      expect(traitsOf(release, withReadings({ spoolLossWhileRunning: 'stop-every-version' })).onSpoolLoss).toBe('stop');
      expect(traitsOf(release, withReadings({ spoolLossWhileRunning: 'reject-every-version' })).onSpoolLoss).toBe('reject');
    }
  });

  describe('the rewind loop (Q168139)', () => {
    // Whether converting a message with these defects sends a store thread into the rewind loop.
    const loops = (t: ReturnType<typeof traitsOf>, badHeaders: boolean, badTnef: boolean) =>
      t.storeFailure({ badHeaders, badTnef, malformedCharset: false, forwardedBadHeaders: false }) === 'rewind-loop';
    // Releases that have the bug, by the service pack that fixes it.
    const AFFECTED: Record<'sp1' | 'sp2', string[]> = { sp1: ['5.0 SP0'], sp2: ['5.0 SP0', '5.0 SP1'] };

    for (const fixedIn of ['sp1', 'sp2'] as const) {
      it(`exists only on ${AFFECTED[fixedIn].join(' and ')} when fixed in ${fixedIn}, and by default only for bad headers AND bad TNEF`, () => {
        const readings = withReadings({ rewindFixedIn: fixedIn });
        for (const release of RELEASES) {
          const affected = AFFECTED[fixedIn].includes(releaseName(release));
          const t = traitsOf(release, readings);
          for (const mime of BOOLS) {
            for (const tnef of BOOLS) {
              expect(loops(t, mime, tnef), `${releaseName(release)} mime=${mime} tnef=${tnef}`).toBe(affected && mime && tnef);
            }
          }
        }
      });
    }

    it('the other triggers, on an affected release', () => {
      const sp0: Release = { version: '5.0', servicePack: 0 };
      // [bad MIME only, bad TNEF only, both, neither]
      const table: Record<string, boolean[]> = {
        both: [false, false, true, false],
        'bad-mime-alone': [true, false, true, false],
        'bad-tnef-alone': [false, true, true, false],
        either: [true, true, true, false],
      };
      for (const [trigger, want] of Object.entries(table)) {
        const t = traitsOf(sp0, withReadings({ rewindTrigger: trigger }));
        expect([loops(t, true, false), loops(t, false, true), loops(t, true, true), loops(t, false, false)], trigger).toEqual(want);
        // And never on a release without the bug.
        const fixed = traitsOf({ version: '5.5', servicePack: 0 }, withReadings({ rewindTrigger: trigger }));
        expect(loops(fixed, true, true)).toBe(false);
      }
    });
  });

  describe('administrator mailbox events', () => {
    it("by cause: 4071 on 5.x for not-set, missing and inaccessible; 2140 and 100 for not-a-mailbox and on 4.0 (2140 read as an event)", () => {
      const readings = withReadings({ adminMailboxEvents: 'by-cause', event2140: 'application-log-event' });
      for (const release of RELEASES) {
        const t = traitsOf(release, readings);
        for (const fault of FAULTS) {
          const want = release.version === '4.0' || fault === 'not-a-mailbox' ? [2140, 100] : [4071];
          expect([...t.adminMailboxEvents(fault)], `${releaseName(release)} ${fault}`).toEqual(want);
        }
      }
      // Spelled out for the two cases the articles are about.
      expect([...traitsOf({ version: '5.5', servicePack: 0 }, readings).adminMailboxEvents('inaccessible')]).toEqual([4071]);
      expect([...traitsOf({ version: '4.0', servicePack: 0 }, readings).adminMailboxEvents('not-set')]).toEqual([2140, 100]);
    });

    it('the uniform readings ignore version and cause', () => {
      for (const release of RELEASES) {
        for (const fault of FAULTS) {
          expect([...traitsOf(release, withReadings({ adminMailboxEvents: 'always-4071' })).adminMailboxEvents(fault)]).toEqual([4071]);
          expect([...traitsOf(release, withReadings({ adminMailboxEvents: 'always-2140-100', event2140: 'application-log-event' })).adminMailboxEvents(fault)]).toEqual([2140, 100]);
        }
      }
    });

    it("read as Control Panel's error (the default), 2140 is no event: the connector logs 100 alone", () => {
      for (const release of RELEASES) {
        for (const fault of FAULTS) {
          const events = [...traitsOf(release, DEFAULT_INTERPRETATIONS).adminMailboxEvents(fault)];
          expect(events).not.toContain(2140);
          if (release.version === '4.0' || fault === 'not-a-mailbox') expect(events).toEqual([100]);
        }
      }
    });
  });

  it('the low-disk readings', () => {
    const r: Release = { version: '5.5', servicePack: 0 };
    expect(traitsOf(r, DEFAULT_INTERPRETATIONS)).toMatchObject({ lowDiskRule: 'reserve', refusesStartWhenLow: false, directoryWarmsUp: true });
    expect(traitsOf(r, withReadings({ lowDisk: 'write-fails' })).lowDiskRule).toBe('write-fails');
    expect(traitsOf(r, withReadings({ lowDiskAtStart: 'does-not-start' })).refusesStartWhenLow).toBe(true);
    expect(traitsOf(r, withReadings({ autoStartInaccessible: 'never' })).directoryWarmsUp).toBe(false);
  });
});

describe('withReadings', () => {
  it('replaces only the readings named', () => {
    const r = withReadings({ rewindFixedIn: 'sp2' });
    expect(r.rewindFixedIn).toBe('sp2');
    expect({ ...r, rewindFixedIn: DEFAULT_INTERPRETATIONS.rewindFixedIn }).toEqual(DEFAULT_INTERPRETATIONS);
    expect(withReadings({})).toEqual(DEFAULT_INTERPRETATIONS);
  });

  it('the defaults are the readings the tests above call default', () => {
    expect(DEFAULT_INTERPRETATIONS).toMatchObject({ rewindFixedIn: 'sp1', rewindTrigger: 'both', adminMailboxEvents: 'by-cause', spoolLossWhileRunning: 'by-version' });
  });

  it('rejects an unknown interpretation id, naming it', () => {
    expect(() => withReadings({ rewindFixedInn: 'sp1' })).toThrow(/rewindFixedInn/);
  });

  it('rejects an unknown alternative, naming the interpretation and the alternative', () => {
    let message = '';
    try {
      withReadings({ rewindFixedIn: 'sp3' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('rewindFixedIn');
    expect(message).toContain('sp3');
  });

  it('an alternative of another interpretation is not accepted', () => {
    expect(() => withReadings({ lowDisk: 'sp1' })).toThrow(/lowDisk.*sp1|sp1.*lowDisk/);
  });
});
