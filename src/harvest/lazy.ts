import path from 'node:path';
import type { Harvest } from './bundled';

/**
 * The harvest of the desktop extension: dist/harvest.js (a separate bundle of bundled.ts) is required on the
 * first harvest, so it adds nothing to the startup bundle. The web build replaces this module by bundled.ts.
 */
export function loadHarvest(): Promise<Harvest> {
  return new Promise((resolve, reject) => {
    try {
      // A path esbuild cannot follow, so the harvest stays out of dist/extension.js.
      const file = path.join(__dirname, 'harvest.js');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      resolve((require(file) as { harvest: Harvest }).harvest);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
