// Where the HTML goes: next to a JSON report, with the same base name (reports/campaign.json
// -> reports/campaign.html), written atomically like the report itself.

import { extname } from 'node:path';
import { writeAtomically } from '../scenario/atomicWrite.ts';

export function htmlPathFor(jsonPath: string): string {
  return extname(jsonPath).toLowerCase() === '.json' ? `${jsonPath.slice(0, -5)}.html` : `${jsonPath}.html`;
}

export function writeHtml(path: string, text: string): void {
  writeAtomically(path, text);
}
