import { requireBundle } from '../lazyBundles/requireBundle';
import type { Harvest } from './bundled';

/**
 * The harvest of the desktop extension: dist/harvest.js (a separate bundle of bundled.ts) is required on the
 * first harvest, so it adds nothing to the startup bundle. The web build replaces this module by bundled.ts.
 */
export function loadHarvest(): Promise<Harvest> {
  return requireBundle<Harvest>('harvest.js', 'harvest');
}
