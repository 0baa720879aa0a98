import type * as OfficialLaws from './officialLaws';

/** The web extension host has no local files or worker threads: the official file is not imported there. */
export function loadOfficialLaws(_extensionPath: string): typeof OfficialLaws | undefined {
  return undefined;
}
