// The fuzzy mention pass, for dist/mentionVariants.js (the desktop extension and the CLI require it on the
// first analysis) and bundled into the web build (esbuild.mjs).
import type { MentionVariants } from '../core/search/corpusIndex';
import { findFuzzyMentions } from '../core/search/fuzzyMentions';
import { NameAnchors } from '../core/search/nameAnchors';

export const mentionVariants: MentionVariants = { createAnchors: () => new NameAnchors(), findFuzzyMentions };

export function loadMentionVariants(): Promise<MentionVariants> {
  return Promise.resolve(mentionVariants);
}
