import path from 'node:path';
import type { CrossStraitConverter } from '../core/search/crossStrait';

/**
 * The desktop extension and the CLI (both bundles sit in dist/) require dist/crossStrait.js (OpenCC's
 * tables, ~1.2 MB) on the first article that needs cross-strait matching, so startup never loads it.
 */
export function loadCrossStrait(): Promise<CrossStraitConverter> {
  return new Promise((resolve, reject) => {
    try {
      // A path esbuild cannot follow, so the tables stay out of dist/extension.js.
      const file = path.join(__dirname, 'crossStrait.js');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      resolve((require(file) as { createCrossStraitConverter: () => CrossStraitConverter }).createCrossStraitConverter());
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
