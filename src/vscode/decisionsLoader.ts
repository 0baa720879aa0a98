import path from 'node:path';
import type * as DecisionsApi from '../core/decision/api';

export type Decisions = typeof DecisionsApi;

let loaded: Decisions | undefined;

/** The decisions module, from dist/decisions.js beside the extension's bundle, loaded on first use (the web build bundles it instead). */
export function loadDecisions(extensionPath: string): Decisions {
  // A plain require of the extension's own file: esbuild leaves it to run time, so the code is not in the startup bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require(path.join(extensionPath, 'dist', 'decisions.js')) as Decisions;
  return loaded;
}
