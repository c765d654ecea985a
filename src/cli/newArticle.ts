// npm run new-article -- <KB id> "<title>" [--versions 4.0,5.0,5.5] [--root <dir>]
// Adds a Knowledge Base article to the project: its entry and placeholder claims in
// properties/claims.json, properties/<id>.ts with a pending property per claim, and the
// import in properties/index.ts. Everything is computed first and committed all together;
// on any refusal (exit 2) or failure nothing is left changed.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PROPERTY_INDEX, ShapeError, TEXTS_INDEX, VARIANTS_INDEX, withArticle, withIndexEntry } from '../articles/edits.ts';
import { commitAll } from '../articles/commit.ts';
import { placeholderClaims, propertyFileText, textsFileText, variantsFileText } from '../articles/scaffold.ts';
import type { Article } from '../harness/claims.ts';
import { VERSIONS, type Version } from '../model/release.ts';
import type { Io } from './replay.ts';

export const USAGE = `usage: npm run new-article -- <KB id> "<title>" [--versions 4.0,5.0,5.5] [--root <dir>]

Adds an article: its placeholder claims to properties/claims.json, properties/<id>.ts with a
pending property per claim, and its entry in properties/index.ts.
  <KB id>      Q and six digits, as in Q146791; not already in the catalogue
  <title>      the article's title, as the Knowledge Base gives it
  --versions   the Exchange versions it applies to (default: 4.0,5.0,5.5)
  --root       the repository to change (default: this one)
`;

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const STDIO: Io = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t) };

export function main(argv: readonly string[], io: Io = STDIO): number {
  const refuse = (why: string): number => {
    io.err(`new-article: ${why}\n\n${USAGE}`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { versions: { type: 'string' }, root: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    return refuse((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  const [id, title, ...extra] = parsed.positionals;
  if (id === undefined) return refuse('no KB id given');
  if (!/^Q\d{6}$/.test(id)) return refuse(`bad KB id ${JSON.stringify(id)}: expected Q and six digits, as in Q146791`);
  if (title === undefined || title.trim() === '') return refuse(`no title given for ${id}; put it in quotes`);
  if (extra.length) return refuse(`unexpected ${JSON.stringify(extra[0])}; put the title in quotes`);
  const versions = (parsed.values.versions ?? VERSIONS.join(',')).split(',').map((v) => v.trim());
  const unknown = versions.find((v) => !(VERSIONS as readonly string[]).includes(v));
  if (unknown !== undefined || versions.length === 0) return refuse(`unknown version ${JSON.stringify(unknown ?? '')}; known: ${VERSIONS.join(', ')}`);

  const dir = join(resolve(parsed.values.root ?? REPO), 'properties');
  const paths = {
    claims: join(dir, 'claims.json'), index: join(dir, 'index.ts'), property: join(dir, `${id}.ts`),
    textsIndex: join(dir, 'texts', 'index.ts'), texts: join(dir, 'texts', `${id}.ts`),
    variantsIndex: join(dir, 'variants', 'index.ts'), variants: join(dir, 'variants', `${id}.ts`),
  };
  for (const needed of [paths.claims, paths.index, paths.textsIndex, paths.variantsIndex]) {
    if (!existsSync(needed)) return refuse(`${needed} is missing: is --root a copy of the repository?`);
  }
  const claimsText = readFileSync(paths.claims, 'utf8');
  const catalogue = JSON.parse(claimsText) as { articles: Article[] };
  const existing = catalogue.articles.find((a) => a.id === id);
  if (existing) return refuse(`${id} is already in the catalogue ("${existing.title}")`);
  for (const made of [paths.property, paths.texts, paths.variants]) if (existsSync(made)) return refuse(`${made} already exists`);

  const article: Article = { id, title: title.trim(), versions: versions as Version[] };
  const claims = placeholderClaims(article);
  let texts;
  try {
    texts = {
      claims: withArticle(claimsText, article, claims),
      index: withIndexEntry(readFileSync(paths.index, 'utf8'), id, PROPERTY_INDEX),
      textsIndex: withIndexEntry(readFileSync(paths.textsIndex, 'utf8'), id, TEXTS_INDEX),
      variantsIndex: withIndexEntry(readFileSync(paths.variantsIndex, 'utf8'), id, VARIANTS_INDEX),
    };
  } catch (e) {
    if (e instanceof ShapeError) return refuse(e.message);
    throw e;
  }
  commitAll([
    { path: paths.property, text: propertyFileText(article), create: true },
    { path: paths.texts, text: textsFileText(article), create: true },
    { path: paths.variants, text: variantsFileText(article), create: true },
    { path: paths.claims, text: texts.claims },
    { path: paths.index, text: texts.index },
    { path: paths.textsIndex, text: texts.textsIndex },
    { path: paths.variantsIndex, text: texts.variantsIndex },
  ]);
  io.out(
    [
      `added ${id} ${JSON.stringify(article.title)} (${article.versions.join(', ')})`,
      `  ${paths.claims}: the article and claims ${claims.map((c) => c.id).join(', ')} (TODO)`,
      `  ${paths.property}: a pending property per claim`,
      `  ${paths.index}: its properties imported`,
      `  ${paths.texts}: the checkers' copies of its exact strings (empty), imported in ${paths.textsIndex}`,
      `  ${paths.variants}: the variants that break its claims (empty), imported in ${paths.variantsIndex}`,
      'next: write the claims from the article, then the properties; remove `pending` and add a variant for each (see the comments in the new file)',
      '',
    ].join('\n'),
  );
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
