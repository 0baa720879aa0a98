import { requireBundle } from '../lazyBundles/requireBundle';
import type { LibraryReaders } from '../core/corpus/parseFile';

/**
 * The library readers of the desktop extension and the CLI (both bundles sit in dist/): dist/libraryReaders.js (a separate bundle of bundled.ts, ~550 KB
 * with the BibTeX parser's LaTeX tables) is required on the first .bib file, so startup never loads it. The
 * web build replaces this module by bundled.ts (esbuild.mjs), since a web worker cannot require a file.
 */
export function loadLibraryReaders(): Promise<LibraryReaders> {
  return requireBundle<LibraryReaders>('libraryReaders.js', 'libraryReaders');
}
