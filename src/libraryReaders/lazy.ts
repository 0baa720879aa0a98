import path from 'node:path';
import type { LibraryReaders } from '../core/corpus/parseFile';

/**
 * The library readers of the desktop extension and the CLI (both bundles sit in dist/): dist/libraryReaders.js (a separate bundle of bundled.ts, ~550 KB
 * with the BibTeX parser's LaTeX tables) is required on the first .bib file, so startup never loads it. The
 * web build replaces this module by bundled.ts (esbuild.mjs), since a web worker cannot require a file.
 */
export function loadLibraryReaders(): Promise<LibraryReaders> {
  return new Promise((resolve, reject) => {
    try {
      // A path esbuild cannot follow, so the readers stay out of dist/extension.js.
      const file = path.join(__dirname, 'libraryReaders.js');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      resolve((require(file) as { libraryReaders: LibraryReaders }).libraryReaders);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
