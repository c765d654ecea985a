// Text edits that add an article to the catalogue (properties/claims.json) and to the
// property index (properties/index.ts). Every byte already there stays as it is: new entries
// are inserted after the last one, in the catalogue's own compact two-space layout.

import { parseTree, type Node } from 'jsonc-parser';
import type { Article, Claim } from '../harness/claims.ts';

export class ShapeError extends Error {}

/** The catalogue's text with the article and its claims appended. */
export function withArticle(text: string, article: Article, claims: readonly Claim[]): string {
  let out = append(text, 'articles', [inline(article)]);
  out = append(out, 'claims', claims.map(claimBlock));
  return out;
}

/** An index that imports one list from each article's file and spreads them into a list of its own. */
export interface Registry {
  /** The index's path in the repository, for messages. */
  readonly file: string;
  /** What each article's file exports (PROPERTIES, EVENTS, VARIANTS). */
  readonly binding: string;
  /** The list the index spreads them into. */
  readonly list: string;
}

export const PROPERTY_INDEX: Registry = { file: 'properties/index.ts', binding: 'PROPERTIES', list: 'ARTICLES' };
export const TEXTS_INDEX: Registry = { file: 'properties/texts/index.ts', binding: 'EVENTS', list: 'EXPECTED_EVENTS' };
export const VARIANTS_INDEX: Registry = { file: 'properties/variants/index.ts', binding: 'VARIANTS', list: 'VARIANTS' };

/** The index's text with the article's list imported after the last article's import and spread at the end of the list. */
export function withIndexEntry(text: string, id: string, r: Registry = PROPERTY_INDEX): string {
  const imports = [...text.matchAll(new RegExp(`^import \\{ ${r.binding} as (Q\\d{6}) \\} from '\\./Q\\d{6}\\.ts';\\n`, 'gm'))];
  const last = imports.at(-1);
  if (!last || last.index === undefined) throw new ShapeError(`${r.file} has no line like "import { ${r.binding} as Q146791 } from './Q146791.ts';"`);
  const list = new RegExp(`(const ${r.list}\\b[^=]*= \\[[^\\]]*?)(\\];)`);
  if (!list.test(text)) throw new ShapeError(`${r.file} has no ${r.list} list (const ${r.list} ... = [...Q146791, ...];)`);
  const at = last.index + last[0].length;
  const withImport = `${text.slice(0, at)}import { ${r.binding} as ${id} } from './${id}.ts';\n${text.slice(at)}`;
  return withImport.replace(list, `$1, ...${id}$2`);
}

function append(text: string, key: string, entries: readonly string[]): string {
  const root = parseTree(text);
  const array = root?.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
  if (!array || array.type !== 'array') throw new ShapeError(`properties/claims.json has no "${key}" list`);
  const lastChild: Node | undefined = array.children?.at(-1);
  const indent = lastChild ? indentAt(text, lastChild.offset) : '    ';
  const block = entries.map((e) => e.split('\n').map((line, i) => (i === 0 ? line : `${indent}${line}`)).join('\n'));
  if (!lastChild) {
    const open = array.offset + 1;
    return `${text.slice(0, open)}\n${block.map((b) => `${indent}${b}`).join(',\n')}\n${indent.slice(2)}${text.slice(open)}`;
  }
  const end = lastChild.offset + lastChild.length;
  return `${text.slice(0, end)}${block.map((b) => `,\n${indent}${b}`).join('')}${text.slice(end)}`;
}

function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** `{ "id": "Q1", "versions": ["4.0"] }`: JSON on one line, spaced as the catalogue is. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value && typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
  return JSON.stringify(value);
}

/** A claim in the catalogue's layout: identity, then the claim, then versions, releases and properties. */
function claimBlock(c: Claim): string {
  const pair = (k: keyof Claim) => `${JSON.stringify(k)}: ${inline(c[k])}`;
  return ['{', `  ${pair('id')}, ${pair('article')}, ${pair('section')},`, `  ${pair('claim')},`, `  ${pair('versions')}, ${pair('releases')}, ${pair('properties')}`, '}'].join('\n');
}
