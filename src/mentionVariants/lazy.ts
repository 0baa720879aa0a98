import { requireBundle } from '../lazyBundles/requireBundle';
import type { MentionVariants } from '../core/search/corpusIndex';

/** Requires dist/mentionVariants.js (the fuzzy mention pass) on first use: it stays out of the startup bundle. */
export function loadMentionVariants(): Promise<MentionVariants> {
  return requireBundle<MentionVariants>('mentionVariants.js', 'mentionVariants');
}
