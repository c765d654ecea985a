// A task's seed comes from the root seed and the task's identity (property, release, reading),
// never from its position, so that filters and shards do not change what a task explores.

import { createHash } from 'node:crypto';

/** A non-negative 31-bit seed for fast-check. */
export function taskSeed(root: number, identity: string): number {
  const digest = createHash('sha256').update(`${root}\u0000${identity}`).digest();
  return digest.readUInt32BE(0) & 0x7fffffff;
}
