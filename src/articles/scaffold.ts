// What `npm run new-article` writes for a new KB article: the catalogue entry, one
// placeholder claim for each section most articles have (SYMPTOMS, CAUSE, RESOLUTION), a
// property file with one pending property per placeholder whose scenario and check compile, and
// the (empty) files for the checkers' copies of its texts and for its variants.

import type { Article, Claim, Section } from '../harness/claims.ts';
import { baseRelease } from '../model/release.ts';

export interface Placeholder {
  readonly section: Section;
  /** The claim id's section letter (Q146791-S1: SYMPTOMS). */
  readonly letter: string;
  /** Name of the exported property in the generated file. */
  readonly binding: string;
  readonly prompt: string;
}

export const PLACEHOLDERS: readonly Placeholder[] = [
  { section: 'SYMPTOMS', letter: 'S', binding: 'symptoms', prompt: 'what the user sees go wrong, as a claim an observer of the server can check' },
  { section: 'CAUSE', letter: 'C', binding: 'cause', prompt: 'what the article says brings the symptoms about' },
  { section: 'RESOLUTION', letter: 'R', binding: 'resolution', prompt: 'what the article says ends the problem, and what holds afterwards' },
];

export function placeholderClaims(article: Article): Claim[] {
  return PLACEHOLDERS.map((p) => {
    const id = `${article.id}-${p.letter}1`;
    return {
      id,
      article: article.id,
      section: p.section,
      claim: `TODO: ${p.prompt} (the ${p.section} section, in the project's own words).`,
      versions: article.versions,
      // Checked, to begin with, on each version as first shipped; list more levels by name as the article needs.
      releases: article.versions.map((v) => baseRelease(v) ?? v),
      properties: [propertyName(id, p)],
    };
  });
}

export function propertyName(claimId: string, p: Placeholder): string {
  return `${claimId} TODO ${p.section.toLowerCase()}`;
}

export function propertyFileText(article: Article): string {
  const title = article.title.replace(/\s+/g, ' ');
  const props = PLACEHOLDERS.map((p) => {
    const id = `${article.id}-${p.letter}1`;
    return `export const ${p.binding}: Property = {
  name: ${quote(propertyName(id, p))},
  claims: [${quote(id)}],
  checks: ${quote(`TODO: what this property checks of ${id}.`)},
  pending: true,
  // A story that reaches the claim's trigger often: see properties/shapes.ts.
  scenario: (r) => ops(r, { maxLength: 10 }),
  // Whether a history reached the state the claim is about (coverage).
  reached: () => false,
  // A verdict from what an observer saw (properties/support.ts): HOLDS or violated(${quote(id)}, step, why).
  check: () => HOLDS,
};
`;
  });
  return `// ${article.id} — ${title} (${article.versions.join(', ')}).
//
// Scaffolded by \`npm run new-article\`. To fill it in:
//  1. In properties/claims.json, replace each "TODO" claim with what its section says, in the
//     project's own words; split a section into -S2, -C2, ... where it says several things,
//     and add MORE INFORMATION (M), WORKAROUND (W) or STATUS (T) claims where the article has them.
//  2. Write each property below: its scenario, \`reached\` and \`check\`. New faults go in
//     src/faults (operations.ts, catalogue.ts, interpreter.ts, arbitraries.ts); new behaviour in
//     src/model, with what differs by version in versions.ts and open questions in interpretations.ts.
//     Keep the exact strings a checker expects (events, dialogs, replies) in
//     properties/texts/${article.id}.ts, and the events the article defines in its EVENTS (INV-3
//     accepts no other). If the article documents a defect (a bug the server really has), declare
//     it in properties/defects/${article.id}.ts and list it in properties/defects/index.ts.
//  3. Remove \`pending: true\`. From then on test/falsifiability.test.ts requires a variant in
//     properties/variants/${article.id}.ts that makes the property fail with a violation of its own claim.
//  4. Tell the article's story as scenarios/${article.id}-story.json (npm run replay -- <file>).

import { ops } from '../src/faults/arbitraries.ts';
import { HOLDS, type Property } from '../src/harness/property.ts';

${props.join('\n')}
export const PROPERTIES: readonly Property[] = [${PLACEHOLDERS.map((p) => p.binding).join(', ')}];
`;
}

/** A TypeScript string literal in the project's style. */
function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function textsFileText(article: Article): string {
  return `// ${article.id}: the checkers' own copies of the article's exact strings (events, dialogs,
// replies), typed from the article; never imported from src/model, so that a model that emits the
// wrong text fails. The events the article defines go in EVENTS: INV-3 accepts no other.

import type { ExpectedEvent } from './event.ts';

export const EVENTS: readonly ExpectedEvent[] = [];
`;
}

export function variantsFileText(article: Article): string {
  return `// ${article.id}: models that break its claims on purpose, one swapped part or one alternative
// reading each; test/falsifiability.test.ts requires that each property fail on one of them with
// a violation of its own claim.

import type { Variant } from '../../src/harness/variant.ts';

export const VARIANTS: readonly Variant[] = [];
`;
}
