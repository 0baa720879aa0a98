import path from 'node:path';
import type { CitationStyles } from '../core/styles/citationStyles';

/**
 * The CSL processor of the desktop extension and the CLI: dist/citationStyles.js (a separate bundle of
 * bundled.ts, with citeproc-js, the shipped styles and locales) is required on the first styled render, so
 * startup never loads it. The web build replaces this module by lazy.web.ts (the processor is not in it).
 */
export function loadCitationStyles(): Promise<CitationStyles> {
  return new Promise((resolve, reject) => {
    try {
      // A path esbuild cannot follow, so the processor stays out of dist/extension.js.
      const file = path.join(__dirname, 'citationStyles.js');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      resolve((require(file) as { citationStyles: CitationStyles }).citationStyles);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
