// Where the HTML goes: next to a JSON report, with the same base name (reports/campaign.json
// -> reports/campaign.html), written whole.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';

export function htmlPathFor(jsonPath: string): string {
  return extname(jsonPath).toLowerCase() === '.json' ? `${jsonPath.slice(0, -5)}.html` : `${jsonPath}.html`;
}

export function writeHtml(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
