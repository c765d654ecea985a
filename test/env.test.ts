// npm test's environment: validated, documented, and the rerun command it prints reads back.

import { describe, expect, it } from 'vitest';
import { DEFAULT_RUNS, DEFAULT_SEED, rerunCommand, savedNotice, testEnv } from './env.ts';

describe("npm test's environment", () => {
  it('defaults, and reads what it is given', () => {
    expect(testEnv({})).toMatchObject({ seed: DEFAULT_SEED, runs: DEFAULT_RUNS });
    expect(testEnv({ IMS_SEED: '7', IMS_RUNS: '30', IMS_SCENARIOS: 'none' })).toMatchObject({ seed: 7, runs: 30, scenarios: null });
  });

  it('refuses bad values, naming the variable and what it should be', () => {
    expect(() => testEnv({ IMS_RUNS: 'lots' })).toThrow(/IMS_RUNS="lots": expected a whole number from 1/);
    expect(() => testEnv({ IMS_RUNS: '0' })).toThrow(/IMS_RUNS="0"/);
    expect(() => testEnv({ IMS_SEED: '-3' })).toThrow(/IMS_SEED="-3": expected a whole number/);
    expect(() => testEnv({ IMS_SEED: '1.5' })).toThrow(/IMS_SEED/);
    expect(() => testEnv({ IMS_ONLY: 'Q146791-S1' })).toThrow(/IMS_ONLY="Q146791-S1": expected "<property> @ <release>"/);
    expect(() => testEnv({ IMS_PATH: '3:1' })).toThrow(/IMS_PATH needs IMS_ONLY/);
    expect(() => testEnv({ IMS_ONLY: 'P @ 4.0 SP0', IMS_PATH: 'x' })).toThrow(/IMS_PATH="x"/);
  });

  it('prints a rerun command whose variables read back as the check it names', () => {
    const command = rerunCommand("Q146791-S1 it's low", '4.0 SP0', 42, '3:1:0');
    const vars = Object.fromEntries([...command.matchAll(/(IMS_\w+)=('(?:[^']|'\\'')*'|\S+)/g)].map((m) => [m[1], m[2]!.replace(/^'|'$/g, '').replace(/'\\''/g, "'")]));
    expect(testEnv(vars)).toMatchObject({ seed: 42, only: { property: "Q146791-S1 it's low", release: '4.0 SP0' }, path: '3:1:0' });
    // The file of the release's version: the only one that runs the check.
    expect(command).toMatch(/npx vitest run test\/properties\/4\.0\.test\.ts$/);
  });

  it('says loudly where a new regression case went', () => {
    expect(savedNotice('scenarios/X.json')).toMatch(/A NEW REGRESSION CASE WAS SAVED: scenarios\/X\.json/);
  });
});
