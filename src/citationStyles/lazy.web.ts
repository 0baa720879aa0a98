import type { CitationStyles } from '../core/styles/citationStyles';

/**
 * The web extension leaves the CSL processor out (its bundle must stay under 1 MB): styled rendering is not
 * available there, and Generate Sources Section writes the house style with the built-in formatter.
 */
export function loadCitationStyles(): Promise<CitationStyles> {
  return Promise.reject(new Error('Citation styles are not available in the web extension.'));
}
