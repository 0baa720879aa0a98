import path from 'node:path';
import type * as LawsApi from '../core/law/api';
import { startup } from './startup';

export type Laws = typeof LawsApi;

let loaded: Laws | undefined;

/** The law layer, from dist/laws.js beside the extension's bundle, loaded on first use (the web build bundles it instead). */
export function loadLaws(extensionPath: string): Laws {
  // A plain require of the extension's own file: esbuild leaves it to run time, so the code is not in the startup bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require(path.join(extensionPath, 'dist', 'laws.js')) as Laws;
  startup.mark('laws bundle loaded');
  return loaded;
}
