import type { LibraryReaders } from '../core/corpus/parseFile';
import { readBibtex } from '../core/corpus/formats/bibtex';
import { readCslItems } from '../core/corpus/formats/cslJson';
import { readRis } from '../core/corpus/formats/ris';

// The package is an ES module with a CommonJS build; TypeScript (CommonJS here) only lets the types be
// imported, so the value comes through require(), which esbuild bundles like an import.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('@retorquere/bibtex-parser') as typeof import('@retorquere/bibtex-parser', { with: { 'resolution-mode': 'import' } });

/**
 * The readers of library formats (CSL-JSON, BibTeX with its parser, RIS), bundled in. The web extension and the
 * tests import this file; the desktop extension and the CLI load it from its own bundle file
 * (dist/libraryReaders.js) on first use (lazy.ts).
 */
export const libraryReaders: LibraryReaders = {
  cslJson: readCslItems,
  bibtex: (text, context) => readBibtex(text, parse, context),
  ris: readRis,
};

export function loadLibraryReaders(): Promise<LibraryReaders> {
  return Promise.resolve(libraryReaders);
}
