// The checkers decide from what an observer can see (properties/support.ts says what that is):
// no file under properties/ outside the variants reads the model's hidden state.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function checkerFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'variants' ? [] : checkerFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

describe('checkers read what an observer can see', () => {
  it('no checker reads Snapshot.internal or the model itself', () => {
    for (const file of checkerFiles('properties')) {
      const text = readFileSync(file, 'utf8');
      const code = text.replace(/^\s*\/\/.*$/gm, '').replace(/\/\*[^]*?\*\//g, '');
      expect(code, file).not.toMatch(/\.internal\b/);
      // The model's parts are for variants to swap, not for checkers to consult.
      expect(code, file).not.toMatch(/from '\.\.\/src\/model\/(store|directory|adminMailbox|scm|disk|mta|ims\/[a-z]+)\.ts'/);
    }
  });
});
