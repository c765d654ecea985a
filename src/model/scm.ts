// The Windows NT Service Control Manager: service states, start types and dependencies, on
// the virtual clock. It moves a service only along NT's transitions; what a service does when
// it starts or stops is its program's business.

import type { VirtualClock } from './clock.ts';
import type { Journal } from './journal.ts';

export type ServiceState = 'Stopped' | 'StartPending' | 'Running' | 'StopPending';
export type StartType = 'Automatic' | 'Manual' | 'Disabled';
export type StartOrigin = 'boot' | 'control-panel';

/** NT's transitions. Running -> Stopped is a service whose process ended without being asked. */
export const LEGAL_TRANSITIONS: Readonly<Record<ServiceState, readonly ServiceState[]>> = {
  Stopped: ['StartPending'],
  StartPending: ['Running', 'Stopped'],
  Running: ['StopPending', 'Stopped'],
  StopPending: ['Stopped'],
};

export interface ServiceDefinition {
  readonly name: string;
  readonly displayName: string;
  readonly startType: StartType;
  readonly dependsOn: readonly string[];
}

/** What a service does. `initialise` runs when its start-pending time is up. */
export interface ServiceProgram {
  /** Seconds the service stays StartPending before it initialises. */
  startSeconds(origin: StartOrigin): number;
  /** Returns false when the service could not start (it has logged why). */
  initialise(origin: StartOrigin): boolean;
  /** Asked to stop. A hung service never finishes stopping; an error is shown by Control Panel. */
  stop(): { hangs?: boolean; error?: string };
  /** The machine goes down: volatile state is lost. */
  powerOff(): void;
}

export interface StopError {
  readonly service: string;
  readonly error: string;
}

export interface ServiceEntry {
  readonly def: ServiceDefinition;
  readonly program: ServiceProgram;
  state: ServiceState;
  origin: StartOrigin;
  wanted: boolean;
  /** Counts start attempts, so that each initialisation belongs to one. */
  attempts: number;
  /** The attempt whose initialisation failed last, if any. */
  failedAttempt?: number;
}

export class ServiceControlManager {
  private readonly services = new Map<string, ServiceEntry>();
  private readonly hung = new Set<string>();

  constructor(protected readonly clock: VirtualClock, protected readonly journal: Journal) {}

  register(def: ServiceDefinition, program: ServiceProgram): void {
    this.services.set(def.name, { def, program, state: 'Stopped', origin: 'boot', wanted: false, attempts: 0 });
  }

  state(name: string): ServiceState {
    return this.entry(name).state;
  }

  definition(name: string): ServiceDefinition {
    return this.entry(name).def;
  }

  names(): string[] {
    return [...this.services.keys()];
  }

  isRunning(name: string): boolean {
    return this.state(name) === 'Running';
  }

  /** No service is starting or waiting for a dependency to start. A hung stop never settles and does not count. */
  settled(): boolean {
    return [...this.services.values()].every((e) => e.state !== 'StartPending' && !(e.wanted && e.state === 'Stopped'));
  }

  /** Start attempts made so far for a service. */
  attempts(name: string): number {
    return this.entry(name).attempts;
  }

  /** Whether the service's initialisation failed in an attempt after `since`. */
  failedSince(name: string, since: number): boolean {
    return (this.entry(name).failedAttempt ?? 0) > since;
  }

  /** Services whose stop never finishes. */
  hungStops(): string[] {
    return [...this.hung];
  }

  /** Start a service and, first, whatever it depends on (as Control Panel does). */
  start(name: string, origin: StartOrigin): void {
    const e = this.entry(name);
    if (e.state !== 'Stopped') return;
    for (const dep of e.def.dependsOn) this.start(dep, origin);
    e.wanted = true;
    e.origin = origin;
    this.tryStart(e);
  }

  /**
   * Stop a service; services that depend on it are stopped first. Returns the errors the
   * services reported while stopping, for Control Panel to show.
   */
  stop(name: string, why: string): StopError[] {
    const e = this.entry(name);
    const errors: StopError[] = [];
    for (const d of this.dependents(name)) errors.push(...this.stop(d.def.name, `${why} (it depends on ${name})`));
    e.wanted = false;
    if (e.state === 'StartPending') this.move(e, 'Stopped', why);
    if (e.state !== 'Running') return errors;
    this.move(e, 'StopPending', why);
    const result = e.program.stop();
    if (result.error) errors.push({ service: name, error: result.error });
    if (result.hangs) this.hung.add(name);
    else this.move(e, 'Stopped', why);
    return errors;
  }

  /** A running service stops responding on its way down: it stays Stop Pending until the machine restarts. */
  hangsStopping(name: string, why: string): void {
    const e = this.entry(name);
    e.wanted = false;
    if (e.state !== 'Running') return;
    this.move(e, 'StopPending', why);
    this.hung.add(name);
  }

  /** A running service's process ends on its own, logging whatever it logs. */
  ended(name: string, why: string): void {
    const e = this.entry(name);
    e.wanted = false;
    if (e.state === 'Running') this.move(e, 'Stopped', why);
  }

  /** Shut everything down, power off, and start the automatic services again in dependency order. */
  reboot(): void {
    for (const e of this.stopOrder()) {
      e.wanted = false;
      if (e.state === 'Running') this.move(e, 'StopPending', 'shutdown');
      if (e.state !== 'Stopped') this.move(e, 'Stopped', 'shutdown');
    }
    this.hung.clear();
    for (const e of this.services.values()) e.program.powerOff();
    for (const e of this.services.values()) {
      if (e.def.startType === 'Automatic') {
        e.wanted = true;
        e.origin = 'boot';
      }
    }
    for (const e of this.services.values()) this.tryStart(e);
  }

  private tryStart(e: ServiceEntry): void {
    if (!e.wanted || e.state !== 'Stopped') return;
    if (!e.def.dependsOn.every((d) => this.isRunning(d))) return;
    this.move(e, 'StartPending', e.origin === 'boot' ? 'automatic start' : 'started from Control Panel');
    // A start that is abandoned (stopped, or cut short by a reboot) must not complete a later one.
    const attempt = ++e.attempts;
    this.clock.after(e.program.startSeconds(e.origin), `${e.def.name} initialises`, () => {
      if (e.state !== 'StartPending' || e.attempts !== attempt) return;
      const ok = e.program.initialise(e.origin);
      if (!ok) e.failedAttempt = attempt;
      e.wanted = false;
      this.move(e, ok ? 'Running' : 'Stopped', ok ? 'initialised' : 'initialisation failed');
      if (ok) for (const other of this.services.values()) this.tryStart(other);
      else this.abandonDependents(e.def.name);
    });
  }

  protected move(e: ServiceEntry, to: ServiceState, why: string): void {
    const from = e.state;
    if (!LEGAL_TRANSITIONS[from].includes(to)) throw new Error(`illegal service transition ${e.def.name}: ${from} -> ${to}`);
    e.state = to;
    if (to === 'Stopped') this.hung.delete(e.def.name);
    this.journal.record({ kind: 'service', service: e.def.name, from, to, why });
  }

  /** NT does not start a service whose dependency failed to start. */
  private abandonDependents(name: string): void {
    for (const d of this.dependents(name)) {
      if (d.state === 'Stopped' && d.wanted) {
        d.wanted = false;
        this.abandonDependents(d.def.name);
      }
    }
  }

  private dependents(name: string): ServiceEntry[] {
    return [...this.services.values()].filter((e) => e.def.dependsOn.includes(name));
  }

  /** Dependents before what they depend on. */
  private stopOrder(): ServiceEntry[] {
    const order: ServiceEntry[] = [];
    const visit = (e: ServiceEntry): void => {
      if (order.includes(e)) return;
      for (const d of this.dependents(e.def.name)) visit(d);
      order.push(e);
    };
    for (const e of this.services.values()) visit(e);
    return order;
  }

  private entry(name: string): ServiceEntry {
    const e = this.services.get(name);
    if (!e) throw new Error(`no service named ${name}`);
    return e;
  }
}
