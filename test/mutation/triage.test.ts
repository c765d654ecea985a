// The triage table's rows matched to survivors (scripts/triage.ts): several mutants at one
// place, with one mutator, each keep their own row's verdict.

import { describe, expect, it } from 'vitest';
import { assignRows, readTriage } from '../../scripts/triage.ts';

const TABLE = `
| File | Line:column | Mutator | Change | Verdict | Why |
| --- | --- | --- | --- | --- | --- |
| \`src/a.ts\` | 3:5 | ConditionalExpression | \`x > 1 && y\` → \`true\` | open | reached too rarely |
| \`src/a.ts\` | 3:5 | ConditionalExpression | \`x > 1 && y\` → \`false\` | equivalent | y is never false here |
| \`src/a.ts\` | 3:5 | LogicalOperator | \`x \\|\\| y\` → \`x && y\` | unobservable | a note of its own |
| \`src/a.ts\` | 9:1 | BlockStatement | the branch emptied | equivalent | nothing reads it |
| \`src/a.ts\` | 9:1 | BlockStatement | as above | equivalent | as above |
| \`src/b.ts\` | 1:1 | StringLiteral | \`'a'\` → \`""\` | unobservable | text no claim reads |
`;

const rows = readTriage(TABLE);
const at = (key: string, original: string, replacement: string) => ({ key, original, replacement });

describe('the triage table', () => {
  it('reads each row, with "\\|" inside a cell kept as "|"', () => {
    expect(rows.map((r) => r.key)).toEqual([
      'src/a.ts 3:5 ConditionalExpression', 'src/a.ts 3:5 ConditionalExpression', 'src/a.ts 3:5 LogicalOperator',
      'src/a.ts 9:1 BlockStatement', 'src/a.ts 9:1 BlockStatement', 'src/b.ts 1:1 StringLiteral',
    ]);
    expect(rows[2]!.change).toBe('`x \\|\\| y` → `x && y`');
    expect(rows[1]!.verdict).toBe('equivalent');
  });

  it('gives each of several mutants at one place the row that names its change, whatever the order', () => {
    const { rowOf } = assignRows(rows, [at('src/a.ts 3:5 ConditionalExpression', 'x > 1 && y', 'false'), at('src/a.ts 3:5 ConditionalExpression', 'x > 1 && y', 'true')]);
    expect(rowOf.map((r) => r?.verdict)).toEqual(['equivalent', 'open']);
  });

  it('matches a change however its cell writes it: "\\|", "->", "(not covered)", backticks inside the code, code cut short with "..."', () => {
    // Two rows at each place, the survivor's first or second: neither order nor the last row would always be right.
    const table = readTriage(`
| \`f.ts\` | 1:1 | LogicalOperator | \`a \\|\\| b\` → \`a && b\` | unobservable | one |
| \`f.ts\` | 1:1 | LogicalOperator | \`a \\|\\| b\` → \`true\` | open | two |
| \`f.ts\` | 2:1 | StringLiteral | \`'y'\` -> \`""\` (not covered) | open | two |
| \`f.ts\` | 2:1 | StringLiteral | \`'x'\` → \`""\` | equivalent | one |
| \`f.ts\` | 3:1 | StringLiteral | \`\`a\`\` → \`"x"\` | equivalent | one |
| \`f.ts\` | 3:1 | StringLiteral | \`\`\${b}\`\` → \`\`\`\` | open | two |
| \`f.ts\` | 4:1 | ConditionalExpression | \`!found.some((f) =>...\` → \`true\` | open | two |
| \`f.ts\` | 4:1 | ConditionalExpression | \`!found.some((f) => f.defect === d...\` → \`false\` | equivalent | one |
`);
    const { rowOf } = assignRows(table, [at('f.ts 1:1 LogicalOperator', 'a || b', 'true'), at('f.ts 2:1 StringLiteral', "'y'", '""'), at('f.ts 3:1 StringLiteral', '`${b}`', '``'), at('f.ts 4:1 ConditionalExpression', '!found.some((f) => f.defect === d && f.part === p)', 'true')]);
    expect(rowOf.map((r) => r?.why)).toEqual(['two', 'two', 'two', 'two']);
  });

  it('never reads a row naming another mutant\'s code for a survivor no row names: it is left untriaged', () => {
    const table = readTriage(`
| \`f.ts\` | 4:1 | ConditionalExpression | \`c === 'x'\` → \`true\` | equivalent | written for a mutant killed since |
`);
    const { rowOf, unused } = assignRows(table, [at('f.ts 4:1 ConditionalExpression', "c === 'x' && d", 'true')]);
    expect(rowOf[0]).toBeUndefined();
    expect(unused).toEqual(table);
  });

  it('takes rows in order when no row names the change, and a survivor beyond them shares the last', () => {
    const block = at('src/a.ts 9:1 BlockStatement', '{ f(); }', '{}');
    const { rowOf } = assignRows(rows, [block, block, block]);
    expect(rowOf).toEqual([rows[3], rows[4], rows[4]]);
  });

  it('lists the rows no survivor took: killed since, or moved', () => {
    const { rowOf, unused } = assignRows(rows, [at('src/a.ts 3:5 ConditionalExpression', 'x > 1 && y', 'false'), at('src/c.ts 1:1 StringLiteral', "'c'", '""')]);
    expect(rowOf[1]).toBeUndefined();
    expect(unused).toEqual([rows[0], rows[2], rows[3], rows[4], rows[5]]);
  });
});
