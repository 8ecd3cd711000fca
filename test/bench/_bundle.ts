// Loads a workspace package the way it runs once built: one bundled module.
//
// Under tsx every module is compiled on its own to CommonJS, and each import
// of another module's export becomes a call to a getter on that module's
// exports object. A published package (`backstage-cli package build`) or a
// backend bundle has none of that indirection: a benchmark of the package's
// own code runs it bundled, so the figure is the code's, not the dev loader's.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './_support';

/**
 * Bundles `entry` (a path from the repository root) with the modules it
 * imports by relative path, and imports the bundle; packages it imports by
 * name stay in node_modules.
 */
export async function importBundled<T>(entry: string): Promise<T> {
  const outDir = join(root, '.artifacts', 'bench');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(
    outDir,
    `${relative(root, entry).replace(/[^A-Za-z0-9]+/g, '-')}.mjs`,
  );
  await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    outfile,
    // resolved from the root's node_modules: the bundle sits under the root
    packages: 'external',
    logLevel: 'error',
  });
  return (await import(pathToFileURL(outfile).href)) as T;
}
