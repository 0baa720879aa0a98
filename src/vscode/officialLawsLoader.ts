import path from 'node:path';
import type * as OfficialLaws from './officialLaws';

/** Whether this build can import (and download) the official open data: the desktop one can. */
export const OFFICIAL_LAWS_AVAILABLE = true;

/** The official-data import (desktop only), from dist/officialLaws.js, loaded when the law setting names an official file. */
export function loadOfficialLaws(extensionPath: string): typeof OfficialLaws | undefined {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(extensionPath, 'dist', 'officialLaws.js')) as typeof OfficialLaws;
}
