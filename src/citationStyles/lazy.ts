import { requireBundle } from '../lazyBundles/requireBundle';
import type { CitationStyles } from '../core/styles/citationStyles';

/**
 * The CSL processor of the desktop extension and the CLI: dist/citationStyles.js (a separate bundle of
 * bundled.ts, with citeproc-js, the shipped styles and locales) is required on the first styled render, so
 * startup never loads it. The web build replaces this module by lazy.web.ts (the processor is not in it).
 */
export function loadCitationStyles(): Promise<CitationStyles> {
  return requireBundle<CitationStyles>('citationStyles.js', 'citationStyles');
}
