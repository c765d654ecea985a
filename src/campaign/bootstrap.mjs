// Worker threads do not inherit tsx from `tsx file.ts` on Node 20 (the .ts entry fails with
// "Unknown file extension"), so each worker registers tsx's ESM loader itself, then imports
// the TypeScript entry it was given.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
