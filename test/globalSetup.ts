// Before the suite: each entry point of test/bin.ts bundled with esbuild into test/bin.ts's
// BIN_DIR, for the tests that start commands as child processes. Every module keeps its own
// import.meta.url (its source file's), and the bundle sets argv[1] to the entry's source file
// first, so a bundle finds the same files and knows itself as the main module as the source
// run with tsx does. Packages stay in node_modules, loaded by Node as usual.

import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { BIN_DIR, bundleOf, ENTRIES, REPO } from './bin.ts';

/** import.meta.url as the source file's URL, in every module of the repository. */
const ownUrls: Plugin = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${'/'}node_modules${'/'}`)) return undefined;
      const text = readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents: text, loader: 'ts' };
    });
  },
};

export default async function setup(): Promise<void> {
  rmSync(BIN_DIR, { recursive: true, force: true });
  await Promise.all(
    ENTRIES.map((entry) =>
      build({
        entryPoints: [join(REPO, entry)],
        outfile: bundleOf(entry),
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        logLevel: 'error',
        banner: { js: `process.argv[1] = ${JSON.stringify(join(REPO, entry))};` },
        plugins: [ownUrls],
      }),
    ),
  );
}
