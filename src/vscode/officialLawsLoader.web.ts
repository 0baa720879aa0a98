import type * as OfficialLaws from './officialLaws';

/** The web extension host has no local files or worker threads: the official file is not imported there, nor downloaded. */
export const OFFICIAL_LAWS_AVAILABLE = false;

export function loadOfficialLaws(_extensionPath: string): typeof OfficialLaws | undefined {
  return undefined;
}
