import { requireBundle } from '../lazyBundles/requireBundle';
import type { CrossStraitConverter } from '../core/search/crossStrait';

/**
 * The desktop extension and the CLI (both bundles sit in dist/) require dist/crossStrait.js (OpenCC's
 * tables, ~1.2 MB) on the first article that needs cross-strait matching, so startup never loads it.
 */
export function loadCrossStrait(): Promise<CrossStraitConverter> {
  return requireBundle<() => CrossStraitConverter>('crossStrait.js', 'createCrossStraitConverter').then((create) => create());
}
