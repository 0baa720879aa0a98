import type { BibtexReadContext } from './bibtex';
import type { RisReadContext } from './ris';
import type { CslReadContext } from './cslJson';
import type { JsonObjectPosition } from '../jsonPositions';

/**
 * The readers of reference-library formats (CSL-JSON, BibTeX, RIS). They are not in the startup bundle: the
 * desktop extension loads them from a file of their own on the first library file (src/libraryReaders/).
 */
export interface LibraryReaders {
  readonly cslJson: (items: readonly unknown[], positions: readonly JsonObjectPosition[], context: CslReadContext) => Generator<void, void>;
  readonly bibtex: (text: string, context: BibtexReadContext) => Generator<void, void>;
  readonly ris: (text: string, context: RisReadContext) => Generator<void, void>;
}
