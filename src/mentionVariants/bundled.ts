// The fuzzy mention pass, for dist/mentionVariants.js (the desktop extension and the CLI require it on the
// first analysis) and bundled into the web build (esbuild.mjs).
import type { MentionVariants } from '../core/search/corpusIndex';
import { findFuzzyMentions } from '../core/search/fuzzyMentions';
import { NameAnchors } from '../core/search/nameAnchors';
import { parseAliasOverrideFile } from '../core/corpus/aliasOverrideFile';
import type { AliasFileReader } from '../core/corpus/aliasOverrides';

export const mentionVariants: MentionVariants = { createAnchors: () => new NameAnchors(), findFuzzyMentions };

export function loadMentionVariants(): Promise<MentionVariants> {
  return Promise.resolve(mentionVariants);
}

/** The alias file's reader rides along: every session loads this bundle on its first analysis anyway. */
export const readAliasFile: AliasFileReader = parseAliasOverrideFile;

export function loadAliasFileReader(): Promise<AliasFileReader> {
  return Promise.resolve(readAliasFile);
}
