import { requireBundle } from '../lazyBundles/requireBundle';
import type { MentionVariants } from '../core/search/corpusIndex';
import type { AliasFileReader } from '../core/corpus/aliasOverrides';

/** Requires dist/mentionVariants.js (the fuzzy mention pass) on first use: it stays out of the startup bundle. */
export function loadMentionVariants(): Promise<MentionVariants> {
  return requireBundle<MentionVariants>('mentionVariants.js', 'mentionVariants');
}

/** The alias file's reader, from the same bundle (src/core/corpus/aliasOverrideFile.ts). */
export function loadAliasFileReader(): Promise<AliasFileReader> {
  return requireBundle<AliasFileReader>('mentionVariants.js', 'readAliasFile');
}
