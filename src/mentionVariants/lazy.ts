import path from 'node:path';
import type { MentionVariants } from '../core/search/corpusIndex';

/** Requires dist/mentionVariants.js (the fuzzy mention pass) on first use: it stays out of the startup bundle. */
export function loadMentionVariants(): Promise<MentionVariants> {
  return new Promise((resolve, reject) => {
    try {
      // A path esbuild cannot follow, so the pass stays out of dist/extension.js.
      const file = path.join(__dirname, 'mentionVariants.js');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      resolve((require(file) as { mentionVariants: MentionVariants }).mentionVariants);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
