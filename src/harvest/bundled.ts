import { formatHarvestJsonLines, harvestArticles } from '../core/harvest/harvest';

/**
 * The harvest (src/core/harvest/), bundled in. The web extension imports this file; the desktop extension
 * loads it from its own bundle file (dist/harvest.js) on the first "Harvest Sources from Articles…" (lazy.ts).
 */
export const harvest = { harvestArticles, formatHarvestJsonLines };
export type Harvest = typeof harvest;

export function loadHarvest(): Promise<Harvest> {
  return Promise.resolve(harvest);
}
