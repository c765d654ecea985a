// The NT application log. It only grows; every entry is one of the events the model knows.

import { EVENTS, fillText, type EventDefinition, type EventType } from './events.ts';
import type { Journal } from './journal.ts';

export interface EventRecord {
  readonly record: number;
  readonly time: number;
  readonly id: number;
  readonly source: string;
  readonly type: EventType;
  readonly category: string | null;
  readonly text: string | null;
  /** The data portion (4131 keeps its information there). */
  readonly data?: string;
}

export class EventLog {
  private readonly records: EventRecord[] = [];

  constructor(private readonly now: () => number, private readonly journal: Journal) {}

  write(id: number, values: Readonly<Record<string, string>> = {}, data?: string): EventRecord {
    const def = this.definitionOf(id);
    const entry: EventRecord = {
      record: this.records.length + 1,
      time: this.now(),
      id,
      source: def.source,
      type: def.type,
      category: def.category,
      text: fillText(def, values),
      ...(data === undefined ? {} : { data }),
    };
    this.records.push(entry);
    this.journal.record({ kind: 'event', entry });
    return entry;
  }

  protected definitionOf(id: number): EventDefinition {
    const def = EVENTS[id];
    if (!def) throw new Error(`the model has no event ${id}`);
    return def;
  }

  get size(): number {
    return this.records.length;
  }

  entries(): readonly EventRecord[] {
    return this.records;
  }
}
