// The Exchange services in Control Panel Services, and the two whose programs are trivial
// here: the System Attendant, and the directory service, which starts answering reads some
// time after it reports Running (Q183178's "inaccessible"; interpretation autoStartInaccessible).

import type { Directory } from './directory.ts';
import type { ServiceDefinition, ServiceProgram } from './scm.ts';

export const SA = 'MSExchangeSA';
export const DS = 'MSExchangeDS';
export const IS = 'MSExchangeIS';
export const MTA = 'MSExchangeMTA';
export const IMC = 'MSExchangeIMC';

export const EXCHANGE_SERVICES: readonly string[] = [SA, DS, IS, MTA, IMC];

/** Dependencies as the model wires them (assumption A-DEPENDENCIES). */
export function exchangeServiceDefinitions(imcDisplayName: string): ServiceDefinition[] {
  return [
    { name: SA, displayName: 'Microsoft Exchange System Attendant', startType: 'Automatic', dependsOn: [] },
    { name: DS, displayName: 'Microsoft Exchange Directory', startType: 'Automatic', dependsOn: [SA] },
    { name: IS, displayName: 'Microsoft Exchange Information Store', startType: 'Automatic', dependsOn: [DS] },
    { name: MTA, displayName: 'Microsoft Exchange Message Transfer Agent', startType: 'Automatic', dependsOn: [DS] },
    { name: IMC, displayName: imcDisplayName, startType: 'Automatic', dependsOn: [IS, MTA] },
  ];
}

export class SystemAttendant implements ServiceProgram {
  startSeconds(): number {
    return 1;
  }
  initialise(): boolean {
    return true;
  }
  stop(): object {
    return {};
  }
  powerOff(): void {}
}

export class DirectoryService implements ServiceProgram {
  /** Seconds between reporting Running and answering reads: set by the reboot being simulated (A-DIRECTORY-WARMUP). */
  warmupSeconds = 0;

  constructor(protected readonly directory: Directory, protected readonly warmsUp: () => boolean) {}

  startSeconds(): number {
    return 2;
  }
  initialise(): boolean {
    this.directory.comeUp(this.warmsUp() ? this.warmupSeconds : 0);
    return true;
  }
  stop(): object {
    this.directory.goDown();
    return {};
  }
  powerOff(): void {
    this.directory.goDown();
  }
}
