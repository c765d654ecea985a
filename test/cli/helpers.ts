// Shared by the command-line tests: the repository, and a command run as a child process with
// colour variables set exactly as given (none inherited from whoever runs the tests).

import { spawnSync } from 'node:child_process';
import { nodeArgs, REPO } from '../bin.ts';

export { REPO } from '../bin.ts';

export interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment with NO_COLOR, FORCE_COLOR and TERM as given, and none of them otherwise. */
export function envWith(colour: { NO_COLOR?: string; FORCE_COLOR?: string; TERM?: string } = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.TERM;
  return { ...env, ...colour };
}

/** A TypeScript entry point of this repository run by Node (its bundle: test/bin.ts), stdout and stderr piped. */
export function tsx(script: string, args: readonly string[], env: NodeJS.ProcessEnv = envWith()): Ran {
  const r = spawnSync(process.execPath, [...nodeArgs(script), ...args], { cwd: REPO, encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
